"""Structured logs that never carry what a person wrote or how to reach them."""

from __future__ import annotations

import logging
from collections.abc import MutableMapping
from typing import Any

import structlog

# Keys that could hold personal data; a value under one of them is replaced before anything is written.
_SENSITIVE_KEYS = frozenset(
    {
        "text",
        "body",
        "message",
        "chat_id",
        "phone",
        "wa_id",
        "user_id",
        "address",
        "payload",
        "username_attempt",
        "token",
        "password",
        "caption",
        "name",
    }
)


def _redact(_logger: Any, _method: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key in list(event_dict):
        if key in _SENSITIVE_KEYS:
            event_dict[key] = "[redacted]"
    return event_dict


def configure_logging(level: str = "INFO") -> None:
    """JSON-ish key=value logs; library loggers that print URLs with tokens or ids are quietened."""
    logging.basicConfig(level=level, format="%(message)s")
    # httpx logs every request URL, and Telegram's URLs contain the bot token.
    for noisy in ("httpx", "httpcore", "telegram", "hpack", "aiosqlite", "asyncio"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _redact,
            structlog.processors.format_exc_info,
            structlog.dev.ConsoleRenderer(colors=False),
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        cache_logger_on_first_use=False,
    )
