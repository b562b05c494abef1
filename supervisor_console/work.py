"""Console write paths for a liaison's own work: statuses and snoozing, internal notes, the away switch."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from core.audit import AuditCode, record_audit
from core.models import Conversation, Staff
from core.services import Services
from escalation.protocol import ProtocolRefusedError
from escalation.protocol import do_add_note as write_note
from escalation.queue import mark_answered
from supervisor_console.access import may_manage
from supervisor_console.actions import ActionRefusedError

MAX_NOTE_CHARS = 4000
# The snooze choices the console offers, in minutes; 0 means "until the person writes".
SNOOZE_CHOICES = {30: "30 minutes", 60: "1 hour", 240: "4 hours", 1440: "24 hours", 0: "until they write"}


def _lock(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


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


async def do_add_note(*, services: Services, staff: Staff, conversation_id: int, text: str) -> None:
    """An internal note from the console: the holder of the conversation or a supervisor may write one.

    The note itself is written by escalation.protocol.do_add_note, the one write path for notes (pseudonymised,
    encrypted with the transcript, audited, never sent).
    """
    async with services.sessionmaker() as session:
        conversation = await session.get_one(Conversation, conversation_id)
        if not may_manage(staff, conversation):
            raise ActionRefusedError("Take the conversation first.")
    try:
        await write_note(services=services, staff=staff, conversation_id=conversation_id, text=text)
    except ProtocolRefusedError as refusal:
        raise ActionRefusedError(str(refusal)) from refusal


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
