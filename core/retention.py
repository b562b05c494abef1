"""Retention: message bodies are erased a set number of days after their conversation ended."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.audit import AuditCode, record_audit
from core.models import Conversation, Message, OutboxItem


async def do_purge_expired_bodies(session: AsyncSession, *, now: datetime, retention_days: int) -> int:
    """Erase bodies and outbox payloads of conversations that ended before the cut-off; counts stay."""
    cutoff = now - timedelta(days=retention_days)
    ended = select(Conversation.id).where(
        Conversation.status.in_(("closed", "stopped")),
        Conversation.closed_at.is_not(None),
        Conversation.closed_at < cutoff,
    )
    result = await session.execute(
        update(Message)
        .where(Message.conversation_id.in_(ended), Message.body_enc.is_not(None))
        .values(body_enc=None)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(OutboxItem)
        .where(OutboxItem.conversation_id.in_(ended), OutboxItem.payload_enc.is_not(None))
        .values(payload_enc=None)
        .execution_options(synchronize_session=False)
    )
    purged = int(result.rowcount or 0)  # type: ignore[attr-defined]
    if purged:
        record_audit(session, AuditCode.RETENTION_PURGED, data={"count": purged})
    return purged
