"""Audit events: who did what to which subject, never what anyone wrote."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base


class AuditEvent(Base):
    """One row per audited action; `code` comes from core.audit.AuditCode."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_conversation", "conversation_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[int] = mapped_column(index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"), index=True)
    conversation_id: Mapped[int | None] = mapped_column(index=True)
    subject_staff_id: Mapped[int | None]
    created_at: Mapped[datetime]
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
