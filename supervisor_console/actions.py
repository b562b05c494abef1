"""Console write paths: one verb-named function per state change, one transaction each, events after commit."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.audit import AuditCode, record_audit
from core.channels import OutboundPayload
from core.models import Conversation, Staff
from core.outbox import enqueue_outbound
from core.services import Services
from core.staff_replies import staff_text_problem, whatsapp_window_refusal
from escalation.queue import claim_conversation, claim_next_for, mark_answered
from supervisor_console.access import may_write_to


class ActionRefusedError(Exception):
    """The action is not possible now; the message is safe to show to the staff member."""


async def do_send_reply(*, services: Services, staff: Staff, conversation_id: int, text: str) -> int:
    """Queue a reply to the person; a liaison replying to a queued conversation takes it first."""
    if (problem := staff_text_problem(text)) is not None:
        raise ActionRefusedError(problem)
    text = text.strip()
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        conversation = await session.get_one(Conversation, conversation_id, with_for_update=_lock(session))
        if conversation.assignee_id is None and conversation.status in ("open", "waiting"):
            await check_may_take_more(session, staff)
            conversation.assignee_id = staff.id
            conversation.status = "assigned"
            record_audit(session, AuditCode.CONVERSATION_CLAIMED, actor_id=staff.id, conversation_id=conversation.id)
        if not may_write_to(staff, conversation):
            raise ActionRefusedError("This conversation has ended or belongs to a colleague.")
        if (refusal := await whatsapp_window_refusal(session, conversation, now)) is not None:
            raise ActionRefusedError(refusal)
        message, _item = enqueue_outbound(
            session,
            cipher=services.cipher,
            conversation=conversation,
            payload=OutboundPayload(text=text),
            now=now,
            author_id=staff.id,
        )
        mark_answered(conversation, now=now)
        record_audit(session, AuditCode.REPLY_SENT, actor_id=staff.id, conversation_id=conversation.id)
        await session.flush()
        message_id = message.id
    services.outbox_wakeup.set()
    await _leave_index(services, conversation_id)
    await services.bus.publish({"type": "message.new", "conversation_id": conversation_id, "direction": "out"})
    return message_id


async def do_claim(*, services: Services, staff: Staff, conversation_id: int) -> bool:
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        await check_may_take_more(session, staff)
        claimed = await claim_conversation(session, conversation_id=conversation_id, staff=staff, now=now)
        if claimed:
            record_audit(session, AuditCode.CONVERSATION_CLAIMED, actor_id=staff.id, conversation_id=conversation_id)
    if claimed:
        await _leave_index(services, conversation_id)
        await services.bus.publish({"type": "conversation.claimed", "conversation_id": conversation_id})
    return claimed


async def do_claim_next(*, services: Services, staff: Staff) -> int | None:
    """Give `staff` the most urgent conversation they may be offered; two callers never get the same one."""
    async with services.sessionmaker() as session, session.begin():
        await check_may_take_more(session, staff)
        conversation_id = await claim_next_for(
            session, index=services.queue_index, staff=staff, now=services.clock.now()
        )
        if conversation_id is None:
            return None
        record_audit(session, AuditCode.CONVERSATION_CLAIMED, actor_id=staff.id, conversation_id=conversation_id)
    await services.bus.publish({"type": "conversation.claimed", "conversation_id": conversation_id})
    return conversation_id


async def _leave_index(services: Services, conversation_id: int) -> None:
    """A claimed or answered conversation no longer waits; a stale entry would only be skipped, but tidy it."""
    if services.queue_index is not None:
        await services.queue_index.remove(str(conversation_id))


# Counted against the caseload limit: everything a liaison holds except what is snoozed.
CASELOAD_STATUSES = ("assigned", "escalated", "waiting")


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


def _lock(session: AsyncSession) -> bool:
    """Row locks only where they exist; SQLite transactions are already serialised (BEGIN IMMEDIATE)."""
    return session.get_bind().dialect.name == "postgresql"
