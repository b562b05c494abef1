"""A conversation and the triage assessments made of it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base

# "snoozed" is still active: the person's next message wakes it (docs/console.md maps the console's words).
ACTIVE_STATUSES = ("open", "waiting", "assigned", "escalated", "snoozed")
ENDED_STATUSES = ("closed", "stopped")


class Conversation(Base):
    """One thread with a person on one channel, from first message until closed or stopped."""

    __tablename__ = "conversations"
    __table_args__ = (Index("ix_conversations_queue", "status", "queue_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    identity_id: Mapped[int | None] = mapped_column(
        ForeignKey("channel_identities.id", ondelete="SET NULL"), index=True
    )
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default="open")
    level: Mapped[str] = mapped_column(String(16), default="normal")
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Serving order (smaller first), derived from level and waiting_since only: see escalation.priority.
    queue_key: Mapped[float | None]
    waiting_since: Mapped[datetime | None]
    sla_due_at: Mapped[datetime | None]
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"), index=True)
    case_owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    last_inbound_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    # Snoozed until this time (None with status "snoozed" = until the person writes).
    snoozed_until: Mapped[datetime | None]
    ended_by: Mapped[str | None] = mapped_column(String(16))  # person / staff / retention


class Assessment(Base):
    """What triage said about one inbound message: level, categories and the rules that fired."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    level: Mapped[str] = mapped_column(String(16))
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    rules: Mapped[list[str]] = mapped_column(JSON, default=list)
    lexicon_version: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]
