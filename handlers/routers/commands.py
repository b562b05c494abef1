"""Commands the person can use at any time, as slash commands, plain words or buttons."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from content.commands import Command, CommandButton, ConsentButton, LanguageButton, parse_button, parse_command
from content.languages import LANGUAGE_NAMES
from core.audit import AuditCode, record_audit
from core.levels import Level
from handlers.first_contact import consent_current, notice_due, offer_notice, send_emergency_contacts
from handlers.keyboards import FORGET_CONFIRM, LANGUAGE_PICKER, MENU, forget_keyboard, language_rows, menu_keyboard
from handlers.mydata import do_send_my_data
from handlers.privacy import do_forget_contact, do_stop_conversation
from handlers.routers.conversation import enqueue_at_level
from handlers.turn import Turn

# A forged or stale button payload: stored, answered with nothing, never guessed at.
_UNKNOWN_BUTTON = object()


async def commands_router(turn: Turn) -> bool:
    parsed = _parse(turn)
    if parsed is None or isinstance(parsed, ConsentButton):
        return False  # ordinary text goes on to the queue; consent answers to the consent router
    turn.message.kind = "command"
    if isinstance(parsed, LanguageButton):
        do_set_language(turn, parsed.lang)
    elif isinstance(parsed, CommandButton):
        await _COMMANDS[parsed.command](turn)
    return True


def _parse(turn: Turn) -> CommandButton | LanguageButton | ConsentButton | object | None:
    inbound = turn.inbound
    if inbound.kind == "button":
        return parse_button(inbound.button_data or "") or _UNKNOWN_BUTTON
    if inbound.kind != "text":
        return None
    found = parse_command(inbound.text)
    return CommandButton(found[0]) if found else None


async def _start(turn: Turn) -> None:
    if consent_current(turn.contact):
        turn.send_reply("welcome")
    else:
        offer_notice(turn, greet=True)


async def _help(turn: Turn) -> None:
    turn.send_reply("help", buttons=menu_keyboard(turn.language), kind=MENU)


async def _urgent(turn: Turn) -> None:
    # Numbers first: whoever asks for urgent help may be in danger now, and may have declined the notice.
    send_emergency_contacts(turn)
    enqueue_at_level(turn, Level.HIGH)
    record_audit(
        turn.session,
        AuditCode.URGENCY_RAISED,
        conversation_id=turn.conversation.id,
        data={"level": "high", "reason_code": "person_signal"},
    )
    turn.send_reply("urgent_ack")
    turn.offer_notice = notice_due(turn.contact)


async def _forget(turn: Turn) -> None:
    turn.send_reply("forget_confirm", buttons=forget_keyboard(turn.language), kind=FORGET_CONFIRM)


async def _forget_cancelled(turn: Turn) -> None:
    turn.send_reply("forget_cancelled")


async def _language(turn: Turn) -> None:
    turn.send_reply("choose_language", buttons=language_rows(), kind=LANGUAGE_PICKER)


def do_set_language(turn: Turn, lang: str) -> None:
    """Write to the person in the language they picked from now on; an unanswered notice comes again in it."""
    turn.contact.language = lang
    turn.conversation.language = lang
    turn.send_reply("language_set", language_name=LANGUAGE_NAMES[lang])
    if turn.contact.consent_state not in ("given", "declined"):
        offer_notice(turn, greet=False)


async def _forgotten(turn: Turn) -> None:
    await do_forget_contact(turn)


_COMMANDS: dict[Command, Callable[[Turn], Awaitable[None]]] = {
    Command.START: _start,
    Command.HELP: _help,
    Command.URGENT: _urgent,
    Command.STOP: do_stop_conversation,
    Command.FORGET: _forget,
    Command.CONFIRM_FORGET: _forgotten,
    Command.CANCEL: _forget_cancelled,
    Command.MYDATA: do_send_my_data,
    Command.LANGUAGE: _language,
}
