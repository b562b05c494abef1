"""Console write paths for a liaison's own work: statuses and snoozing, internal notes, the away switch."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.audit import AuditCode, record_audit
from core.models import Conversation, Staff
from core.outbox import add_note
from core.services import Services
from escalation.pseudonymise import pseudonymise
from escalation.queue import mark_answered
from supervisor_console.access import may_manage
from supervisor_console.actions import ActionRefusedError

MAX_NOTE_CHARS = 4000
# The snooze choices the console offers, in minutes; 0 means "until the person writes".
SNOOZE_CHOICES = {30: "30 minutes", 60: "1 hour", 240: "4 hours", 1440: "24 hours", 0: "until they write"}
# Counted against the caseload limit: everything a liaison holds except what is snoozed.
CASELOAD_STATUSES = ("assigned", "escalated", "waiting")


def _lock(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


async def caseload(session: AsyncSession, staff_id: int) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(Conversation)
        .where(Conversation.assignee_id == staff_id, Conversation.status.in_(CASELOAD_STATUSES))
    )
    return int(count or 0)


async def check_may_take_more(session: AsyncSession, staff: Staff) -> None:
    """Wellbeing: someone away, or at their caseload limit, is not given another conversation."""
    if staff.away:
        raise ActionRefusedError("You are marked as away; switch it off to take conversations.")
    count = await caseload(session, staff.id)
    if count >= staff.caseload_limit:
        raise ActionRefusedError(f"You already have {count} conversations, your limit.")


async def do_set_status(
    *, services: Services, staff: Staff, conversation_id: int, status: str, snooze_minutes: int | None = None
) -> None:
    """open / pending / snoozed / resolved, as the console names them (docs/console.md maps them)."""
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        conversation = await session.get_one(Conversation, conversation_id, with_for_update=_lock(session))
        if not may_manage(staff, conversation) or conversation.assignee_id is None:
            raise ActionRefusedError("Take the conversation first.")
        if conversation.status not in ("assigned", "waiting", "snoozed"):
            raise ActionRefusedError("This conversation's status cannot be changed here.")
        before = conversation.status
        if status == "open":
            conversation.status, conversation.snoozed_until = "assigned", None
        elif status == "pending":
            _refuse_if_person_waiting(conversation)
            conversation.status, conversation.snoozed_until = "waiting", None
        elif status == "snoozed":
            _refuse_if_person_waiting(conversation)
            if snooze_minutes not in SNOOZE_CHOICES:
                raise ActionRefusedError("Choose how long to snooze for.")
            conversation.status = "snoozed"
            conversation.snoozed_until = now + timedelta(minutes=snooze_minutes) if snooze_minutes else None
        elif status == "resolved":
            conversation.status, conversation.snoozed_until = "closed", None
            conversation.closed_at, conversation.ended_by = now, "staff"
            mark_answered(conversation, now=now)
        else:
            raise ActionRefusedError("Unknown status.")
        conversation.updated_at = now
        record_audit(
            session,
            AuditCode.CONVERSATION_STATUS_CHANGED,
            actor_id=staff.id,
            conversation_id=conversation.id,
            data={"from": before, "to": conversation.status},
        )
    await services.bus.publish({"type": "conversation.status", "conversation_id": conversation_id})


def _refuse_if_person_waiting(conversation: Conversation) -> None:
    # Someone waiting for an answer must never drop out of sight behind a snooze or "pending".
    if conversation.waiting_since is not None:
        raise ActionRefusedError("The person is waiting for an answer; reply first.")


async def do_add_note(*, services: Services, staff: Staff, conversation_id: int, text: str) -> int:
    """An internal note: pseudonymised, stored encrypted with the transcript, shown only to staff, never sent."""
    text = text.strip()
    if not text:
        raise ActionRefusedError("The note is empty.")
    if len(text) > MAX_NOTE_CHARS:
        raise ActionRefusedError(f"The note is longer than {MAX_NOTE_CHARS} characters.")
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        conversation = await session.get_one(Conversation, conversation_id)
        if not may_manage(staff, conversation) or conversation.assignee_id is None:
            raise ActionRefusedError("Take the conversation first.")
        # Notes are pseudonymised as they are written (DESIGN §1): names, numbers and addresses are replaced.
        message = add_note(
            session,
            cipher=services.cipher,
            conversation=conversation,
            text=pseudonymise(text),
            now=now,
            author_id=staff.id,
        )
        record_audit(session, AuditCode.NOTE_ADDED, actor_id=staff.id, conversation_id=conversation.id)
        await session.flush()
        note_id = message.id
    await services.bus.publish({"type": "note.new", "conversation_id": conversation_id})
    return note_id


async def do_set_away(*, services: Services, staff: Staff, away: bool) -> None:
    async with services.sessionmaker() as session, session.begin():
        row = await session.get_one(Staff, staff.id)
        row.away = away
        record_audit(
            session,
            AuditCode.STAFF_AWAY_CHANGED,
            actor_id=staff.id,
            subject_staff_id=staff.id,
            data={"status": "away" if away else "available"},
        )
