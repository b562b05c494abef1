"""The conversation queue: the database is the truth; an optional index serves claim-next quickly."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from functools import lru_cache

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.levels import Level
from core.models import Conversation, Staff
from core.queue_port import QueueEntry, QueueIndex
from escalation.priority import DEFAULT_POLICY, QueuePolicy, queue_score, sla_deadline

QUEUED_STATUS = "open"


@lru_cache(maxsize=8)
def _policy_for(sla_items: tuple[tuple[str, float], ...], aging_bound_minutes: float | None) -> QueuePolicy:
    return QueuePolicy.from_settings_values(sla_minutes=dict(sla_items), aging_bound_minutes=aging_bound_minutes)


def policy_from_settings(sla_minutes: Mapping[str, float], aging_bound_minutes: float | None) -> QueuePolicy:
    """The policy a deployment configured (LIAISON_QUEUE_SLA_MINUTES, LIAISON_QUEUE_AGING_BOUND_MINUTES)."""
    return _policy_for(tuple(sorted(sla_minutes.items())), aging_bound_minutes)


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


# Supervisors can take a critical conversation whatever its language: a person in danger writing in a language
# no liaison on duty reads must still reach a human within the critical SLA (see docs/queue.md).
ANY_LANGUAGE_LEVELS_FOR_SUPERVISORS = (Level.CRITICAL,)
UNKNOWN_LANGUAGE = "und"


def offer_for(staff: Staff) -> tuple[list[str], tuple[Level, ...]]:
    """Which conversations claim-next may offer this person: the languages they read, plus the supervisor rule."""
    languages = list(staff.languages or [])
    if staff.role in ("supervisor", "admin"):
        return languages, ANY_LANGUAGE_LEVELS_FOR_SUPERVISORS
    return languages, ()


def queue_entry(conversation: Conversation) -> QueueEntry | None:
    """The index entry for a conversation waiting unassigned, or None when it should not be in the index."""
    if (
        conversation.status != QUEUED_STATUS
        or conversation.assignee_id is not None
        or conversation.waiting_since is None
    ):
        return None
    return QueueEntry(
        conversation_id=str(conversation.id),
        level=Level(conversation.level),
        waiting_since=conversation.waiting_since,
        language=conversation.language or UNKNOWN_LANGUAGE,
    )


async def sync_index(index: QueueIndex | None, conversations: Collection[Conversation]) -> None:
    """After commit: mirror these conversations' queue state into the index (a no-op without Redis)."""
    if index is None:
        return
    for conversation in conversations:
        entry = queue_entry(conversation)
        if entry is None:
            await index.remove(str(conversation.id))
        else:
            await index.put(entry)


async def rebuild_index(session: AsyncSession, index: QueueIndex) -> int:
    """Replace the index with what the database says is waiting; run at start-up and periodically."""
    rows = await session.scalars(
        select(Conversation).where(Conversation.status == QUEUED_STATUS, Conversation.assignee_id.is_(None))
    )
    entries = [entry for entry in map(queue_entry, rows) if entry is not None]
    await index.rebuild(entries)
    return len(entries)


async def claim_next_for(session: AsyncSession, *, index: QueueIndex | None, staff: Staff, now: datetime) -> int | None:
    """Inside the caller's transaction: take the best conversation `staff` may be offered, or None.

    The index answers first when there is one; the conditional UPDATE in claim_conversation is what makes a claim
    atomic, so a stale index entry is simply skipped, and the database query covers anything the index missed.
    """
    languages, any_levels = offer_for(staff)
    for _attempt in range(10):
        candidate: int | None = None
        if index is not None:
            claimed_id = await index.claim_next(languages, include_any_language_levels=any_levels)
            candidate = int(claimed_id) if claimed_id is not None else None
        if candidate is None:
            candidate = await next_claimable_id(session, languages=languages, include_any_language_levels=any_levels)
        if candidate is None:
            return None
        if await claim_conversation(session, conversation_id=candidate, staff=staff, now=now):
            return candidate
    return None
