"""The conversation queue: the database is the truth; an optional index serves claim-next quickly."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.levels import Level
from core.models import Conversation, Staff
from escalation.priority import DEFAULT_POLICY, QueuePolicy, queue_score, sla_deadline

QUEUED_STATUS = "open"


def raise_level(current: str, new: Level) -> Level:
    """A conversation keeps the most urgent level any of its messages reached until someone answers it."""
    return Level.highest([Level(current), new])


def place_in_queue(
    conversation: Conversation, *, level: Level, now: datetime, policy: QueuePolicy = DEFAULT_POLICY
) -> None:
    """Mark a conversation as waiting for a human at `level`; its place comes from level and wait only."""
    conversation.level = level.value
    if conversation.waiting_since is None:
        conversation.waiting_since = now
    conversation.queue_key = queue_score(level, conversation.waiting_since, policy)
    conversation.sla_due_at = sla_deadline(level, conversation.waiting_since, policy)
    if conversation.assignee_id is None and conversation.status in ("open", "waiting"):
        conversation.status = QUEUED_STATUS
    conversation.updated_at = now


def mark_answered(conversation: Conversation, *, now: datetime) -> None:
    """A reply went out: the person is no longer waiting, so the SLA clock stops."""
    conversation.waiting_since = None
    conversation.sla_due_at = None
    conversation.queue_key = None
    conversation.updated_at = now


def _offerable(languages: Collection[str], include_any_language_levels: Collection[Level]) -> ColumnElement[bool]:
    allowed: ColumnElement[bool] = Conversation.language.in_(list(languages))
    if include_any_language_levels:
        allowed = allowed | Conversation.level.in_([lv.value for lv in include_any_language_levels])
    return allowed


async def queued_conversations(session: AsyncSession, *, limit: int = 200) -> list[Conversation]:
    """Unassigned conversations waiting for a human, in serving order."""
    rows = await session.scalars(
        select(Conversation)
        .where(Conversation.status == QUEUED_STATUS, Conversation.assignee_id.is_(None))
        .order_by(Conversation.queue_key.asc().nulls_last(), Conversation.id)
        .limit(limit)
    )
    return list(rows)


async def claim_conversation(session: AsyncSession, *, conversation_id: int, staff: Staff, now: datetime) -> bool:
    """Assign one queued conversation to `staff`; False when somebody else got there first."""
    result = await session.execute(
        update(Conversation)
        .where(
            Conversation.id == conversation_id,
            Conversation.assignee_id.is_(None),
            Conversation.status.in_(("open", "waiting")),
        )
        .values(assignee_id=staff.id, status="assigned", updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def next_claimable_id(
    session: AsyncSession, *, languages: Collection[str], include_any_language_levels: Collection[Level] = ()
) -> int | None:
    """The best queued conversation this person can read; SKIP LOCKED lets two processes race safely."""
    query = (
        select(Conversation.id)
        .where(
            Conversation.status == QUEUED_STATUS,
            Conversation.assignee_id.is_(None),
            _offerable(languages, include_any_language_levels),
        )
        .order_by(Conversation.queue_key.asc().nulls_last(), Conversation.id)
        .limit(1)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return await session.scalar(query)
