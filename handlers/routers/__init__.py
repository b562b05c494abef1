"""Ordered routers, first match wins: commands, then consent, then the conversation itself."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

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
            return
