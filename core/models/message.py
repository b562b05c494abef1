"""Messages in a conversation and the outbox rows that deliver replies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.models.base import Base

# Delivery status only ever moves forward along this order; failed and cancelled are terminal.
DELIVERY_ORDER = {"received": 0, "queued": 1, "sent": 2, "delivered": 3, "read": 4}


class Message(Base):
    """One message: from the person (in), to them (out), a staff note, or an activity line."""

    __tablename__ = "messages"
    __table_args__ = (
        # The idempotency key: a keyed hash of the provider's message id, so a re-delivery is a no-op.
        UniqueConstraint("channel", "provider_key"),
        Index("ix_messages_conversation_created", "conversation_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str] = mapped_column(String(8))  # in / out / note / activity
    kind: Mapped[str] = mapped_column(String(16), default="text")  # text / command / media / button / system
    provider_key: Mapped[str | None] = mapped_column(String(64))
    body_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default="received")
    error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class OutboxItem(Base):
    """A reply waiting to be delivered after commit; survives restarts until sent or failed."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), index=True)
    identity_id: Mapped[int | None] = mapped_column(ForeignKey("channel_identities.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    payload_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    state: Mapped[str] = mapped_column(String(16), default="pending")  # pending / sending / sent / failed / cancelled
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime]
    locked_until: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime]

    message: Mapped[Message | None] = relationship(lazy="raise")
