"""Retention: message bodies are erased a set number of days after their conversation ended."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.audit import AuditCode, record_audit
from core.models import Contact, Conversation, Message, OutboxItem
from core.models.conversation import ENDED_STATUSES


async def do_purge_expired_bodies(session: AsyncSession, *, now: datetime, retention_days: int) -> int:
    """Erase bodies and outbox payloads of conversations that ended before the cut-off; counts stay.

    A person who declined the privacy notice asked us not to keep their words: their conversations are purged
    as soon as they end, without waiting for the retention period.
    """
    cutoff = now - timedelta(days=retention_days)
    declined = select(Contact.id).where(Contact.consent_state == "declined")
    ended = select(Conversation.id).where(
        Conversation.status.in_(ENDED_STATUSES),
        Conversation.closed_at.is_not(None),
        or_(Conversation.closed_at < cutoff, Conversation.contact_id.in_(declined)),
    )
    result = await session.execute(
        update(Message)
        .where(Message.conversation_id.in_(ended), Message.body_enc.is_not(None))
        .values(body_enc=None)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(OutboxItem)
        .where(
            OutboxItem.conversation_id.in_(ended),
            OutboxItem.payload_enc.is_not(None),
            # A reply still on its way (the "stopped" confirmation) keeps its text; the worker erases it once sent.
            OutboxItem.state.not_in(("pending", "sending")),
        )
        .values(payload_enc=None)
        .execution_options(synchronize_session=False)
    )
    purged = int(result.rowcount or 0)  # type: ignore[attr-defined]
    if purged:
        record_audit(session, AuditCode.RETENTION_PURGED, data={"count": purged})
    return purged
