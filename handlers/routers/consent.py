"""First contact: the privacy notice and the person's choice to continue; it never holds a message back."""

from __future__ import annotations

from content.commands import ConsentButton, parse_button
from handlers.first_contact import do_record_consent, first_message_is_urgent, notice_due, send_emergency_contacts
from handlers.turn import Turn


async def consent_router(turn: Turn) -> bool:
    """Answer the notice's buttons; otherwise let the message through to the queue and offer the notice after it."""
    if turn.inbound.kind == "button":
        answer = parse_button(turn.inbound.button_data or "")
        if not isinstance(answer, ConsentButton):
            return False
        turn.message.kind = "command"
        do_record_consent(turn, given=answer.given)
        return True
    if not notice_due(turn.contact):
        return False
    # Nobody in danger is made to read a notice first: numbers go out before any question, and the message
    # itself still reaches the queue (the conversation router runs next).
    if first_message_is_urgent(turn):
        send_emergency_contacts(turn)
    turn.offer_notice = True
    return False
