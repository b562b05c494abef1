"""Handling a normalised Telegram update: shared by the webhook and the polling loop."""

from __future__ import annotations

import contextlib
from typing import Any

from core.channels import InboundMessage
from handlers.receive import do_receive_inbound


async def handle_normalised(state: Any, inbound: InboundMessage | None) -> None:
    """Store and route the message; a button press is acknowledged so the person's spinner stops."""
    if inbound is None:
        return
    await do_receive_inbound(services=state.services, inbound=inbound)
    query_id = inbound.extra.get("callback_query_id")
    bot = getattr(state, "telegram_bot", None)
    if query_id and bot is not None:
        # Only the spinner on the button depends on this; the message is already stored.
        with contextlib.suppress(Exception):
            await bot.answer_callback_query(query_id)
