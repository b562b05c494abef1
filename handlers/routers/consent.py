"""First contact: the privacy notice and the person's choice to continue."""

from __future__ import annotations

from handlers.turn import Turn


async def consent_router(turn: Turn) -> bool:
    """Greet a new person once; nothing here ever blocks a message from reaching the queue."""
    if turn.is_new_contact and turn.inbound.kind == "text":
        turn.send_reply("welcome")
    return False
