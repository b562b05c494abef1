"""Building the python-telegram-bot client from settings (never at import time)."""

from __future__ import annotations

import os

from telegram.ext import AIORateLimiter, ExtBot
from telegram.request import HTTPXRequest

from core.settings import Settings


def build_telegram_bot(settings: Settings) -> ExtBot[int]:
    """A Bot pointed at `LIAISON_TELEGRAM_API_URL`; 429s surface to our outbox, which retries durably."""
    # PTB 22 deprecates integer retry_after and warns on every RetryAfter unless this opt-in is set;
    # we read it as a timedelta either way.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    assert settings.telegram_token is not None
    root = settings.telegram_api_url.rstrip("/")
    return ExtBot(
        settings.telegram_token.get_secret_value(),
        base_url=f"{root}/bot",
        base_file_url=f"{root}/file/bot",
        request=HTTPXRequest(connection_pool_size=16, connect_timeout=5, read_timeout=15, write_timeout=15),
        get_updates_request=HTTPXRequest(connection_pool_size=2, read_timeout=40),
        # Smooths bursts under Telegram's global limit; max_retries=0 because a retry belongs in the outbox,
        # where it survives a restart.
        rate_limiter=AIORateLimiter(max_retries=0),
    )
