"""Ordered routers, first match wins: commands, then consent, then the conversation itself."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from handlers.first_contact import offer_notice
from handlers.routers.commands import commands_router
from handlers.routers.consent import consent_router
from handlers.routers.conversation import conversation_router
from handlers.turn import Turn

Router = Callable[[Turn], Awaitable[bool]]

# The order is the policy: /stop and /forget must win over everything, and nobody is asked for consent
# before an urgent message is seen (the consent router lets urgent text through; see consent.py).
ROUTERS: tuple[Router, ...] = (commands_router, consent_router, conversation_router)


async def route_turn(turn: Turn) -> None:
    for router in ROUTERS:
        if await router(turn):
            break
    _finish_turn(turn)


def _finish_turn(turn: Turn) -> None:
    """What follows whatever the message itself needed: the notice, or a one-off acknowledgement."""
    conversation = turn.conversation
    if turn.offer_notice:
        offer_notice(turn, greet=turn.is_new_contact)
    elif turn.is_new_conversation and not turn.is_new_contact and turn.message.kind == "text":
        # A returning person starting a new conversation hears once that it arrived, not after every message.
        turn.send_reply("received")
    waiting_for_nobody = conversation.status == "open" and conversation.waiting_since is None
    if turn.is_new_conversation and turn.message.kind == "command" and waiting_for_nobody:
        # A conversation opened only by a command (a language button, /help) has nothing for a liaison to read:
        # it waits for the person, out of the queue, until they write.
        conversation.status = "waiting"
