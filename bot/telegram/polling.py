"""`--telegram-polling`: getUpdates for local use when no public URL can receive webhooks."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.error import NetworkError

from bot.telegram.normalise import normalise_update
from bot.telegram.updates import handle_normalised


async def poll_updates(state: Any, stop: asyncio.Event) -> None:
    """Long-poll until stopped; the offset only advances after an update is committed."""
    bot = state.telegram_bot
    await bot.delete_webhook()
    offset: int | None = None
    while not stop.is_set():
        try:
            updates = await bot.get_updates(offset=offset, timeout=25, allowed_updates=["message", "callback_query"])
        except NetworkError:
            await asyncio.sleep(2)
            continue
        for update in updates:
            await handle_normalised(state, normalise_update(update, state.services.clock.now()))
            offset = update.update_id + 1
