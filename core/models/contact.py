"""A pseudonymous person and the channel identities that reach them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base


class Contact(Base):
    """A person, known only by a pseudonym: no name, no phone number."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(32), unique=True)
    language: Mapped[str | None] = mapped_column(String(8))
    area: Mapped[str | None] = mapped_column(String(8))
    consent_state: Mapped[str] = mapped_column(String(16), default="none")  # none / given / declined
    consent_version: Mapped[str | None] = mapped_column(String(32))
    consent_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    forgotten_at: Mapped[datetime | None]


class ChannelIdentity(Base):
    """(channel, keyed HMAC of the provider's id) → contact, with the reply address encrypted."""

    __tablename__ = "channel_identities"
    __table_args__ = (UniqueConstraint("channel", "lookup_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    lookup_key: Mapped[str] = mapped_column(String(64))
    reply_address_enc: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
