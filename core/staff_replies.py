"""What every staff-written message to a person must pass, whichever console page or role sends it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.models import Conversation

MAX_STAFF_MESSAGE_CHARS = 4000  # Telegram's limit is 4096; refuse clearly rather than truncate what someone wrote
WHATSAPP = "whatsapp"
WINDOW = timedelta(hours=24)
CLOSING_SOON = timedelta(hours=1)


def staff_text_problem(text: str) -> str | None:
    """Why this text cannot be sent as it is, or None."""
    if not text.strip():
        return "The message is empty."
    if len(text.strip()) > MAX_STAFF_MESSAGE_CHARS:
        return f"The message is longer than {MAX_STAFF_MESSAGE_CHARS} characters; split it in two."
    return None


@dataclass(frozen=True)
class WindowState:
    closes_at: datetime | None
    now: datetime

    @property
    def open(self) -> bool:
        return self.closes_at is not None and self.now < self.closes_at

    @property
    def closing_soon(self) -> bool:
        return self.open and self.closes_at is not None and self.closes_at - self.now <= CLOSING_SOON

    @property
    def remaining(self) -> str:
        """ "5 h 12 min" until the window closes (or since it closed)."""
        if self.closes_at is None:
            return ""
        minutes = int(abs((self.closes_at - self.now).total_seconds()) // 60)
        return f"{minutes // 60} h {minutes % 60} min" if minutes >= 60 else f"{minutes} min"


async def window_state(session: AsyncSession, conversation: Conversation, now: datetime) -> WindowState:
    """The window opens with each message the person sends and closes 24 hours after the last one.

    It belongs to the person, not to one conversation: a message in a later conversation reopens it.
    """
    last = conversation.last_inbound_at
    if conversation.identity_id is not None:
        last = await session.scalar(
            select(func.max(Conversation.last_inbound_at)).where(Conversation.identity_id == conversation.identity_id)
        )
    return WindowState(closes_at=None if last is None else last + WINDOW, now=now)


async def whatsapp_window_refusal(session: AsyncSession, conversation: Conversation, now: datetime) -> str | None:
    """Why a free-text reply cannot go out now, or None when it can (any channel but WhatsApp always can)."""
    if conversation.channel != WHATSAPP:
        return None
    state = await window_state(session, conversation, now)
    if state.open:
        return None
    return (
        f"Not sent: WhatsApp's 24-hour window closed {state.remaining} ago. WhatsApp only delivers an "
        "approved template until the person writes again. A template can be sent from the conversation page."
    )
