"""Who holds the conversation and who owns the case: supervisor take-over, return, reassign, owner transfer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from core.models import Conversation, Escalation, Staff
from core.services import Services
from escalation.protocol import (
    SUPERVISOR_ROLES,
    TRANSFER_REASONS,
    ProtocolRefusedError,
    acknowledge,
    lock_escalation,
    move_to_in_progress,
    open_escalation,
    publish_events,
    raise_in_session,
    require_supervisor,
    send_reply,
    transfer,
)


async def do_takeover(*, services: Services, staff: Staff, conversation_id: int) -> int:
    """A supervisor joins and holds the conversation; the person is told a colleague is joining."""
    require_supervisor(staff)
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        conversation = await session.get_one(Conversation, conversation_id)
        if conversation.status in ("stopped", "closed"):
            raise ProtocolRefusedError("The conversation has ended.")
        if conversation.assignee_id == staff.id and conversation.status == "escalated":
            raise ProtocolRefusedError("You already hold this conversation.")
        escalation = await open_escalation(session, conversation.id)
        if escalation is None:
            escalation, _events = await raise_in_session(
                session, services, conversation, level="L1", reason_code="supervisor_takeover", staff=staff, now=now
            )
        elif escalation.state == "raised":
            acknowledge(session, escalation, conversation, staff=staff, now=now)
        if escalation.state in ("handed_over", "referred"):
            raise ProtocolRefusedError("This case is with a caseworker or partner; close or transfer it first.")
        move_to_in_progress(session, escalation, actor_id=staff.id, now=now)
        if conversation.assignee_id not in (None, staff.id):
            escalation.returned_to_id = conversation.assignee_id
        transfer(
            session,
            escalation,
            conversation,
            kind="takeover",
            to_id=staff.id,
            by_id=staff.id,
            reason_code="supervisor_takeover",
            now=now,
            owner=False,
        )
        if escalation.owner_id != staff.id:
            transfer(
                session,
                escalation,
                conversation,
                kind="takeover",
                to_id=staff.id,
                by_id=staff.id,
                reason_code="supervisor_takeover",
                now=now,
            )
        conversation.assignee_id = staff.id
        conversation.status = "escalated"
        conversation.updated_at = now
        send_reply(session, services, conversation, "colleague_joining", now=now)
        escalation_id = escalation.id
    await publish_events(services, [{"type": "conversation.assigned", "conversation_id": conversation_id}])
    return escalation_id


async def do_return(*, services: Services, staff: Staff, escalation_id: int) -> None:
    """Give the conversation back to the liaison it was taken from; the case stays open with its owner."""
    require_supervisor(staff)
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        escalation, conversation = await lock_escalation(session, escalation_id)
        target = escalation.returned_to_id
        if target is None or conversation.assignee_id == target:
            raise ProtocolRefusedError("There is nobody to return this conversation to; reassign it instead.")
        await _reassign(session, escalation, conversation, staff=staff, to_id=target, kind="return", now=now)
    await services.bus.publish({"type": "conversation.assigned", "conversation_id": conversation.id})


async def do_reassign(*, services: Services, staff: Staff, escalation_id: int, to_staff_id: int) -> None:
    """Hand the conversation itself (not the case) to another liaison or supervisor."""
    require_supervisor(staff)
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        escalation, conversation = await lock_escalation(session, escalation_id)
        await _reassign(session, escalation, conversation, staff=staff, to_id=to_staff_id, kind="reassign", now=now)
    await services.bus.publish({"type": "conversation.assigned", "conversation_id": conversation.id})


async def _reassign(
    session: AsyncSession,
    escalation: Escalation,
    conversation: Conversation,
    *,
    staff: Staff,
    to_id: int,
    kind: str,
    now: datetime,
) -> None:
    target = await session.get(Staff, to_id)
    if target is None or not target.active or target.role not in ("liaison", "supervisor", "admin"):
        raise ProtocolRefusedError("Choose an active liaison or supervisor.")
    if escalation.state in ("handed_over", "referred", "closed"):
        raise ProtocolRefusedError("The conversation is with a caseworker or partner, or the case is closed.")
    transfer(
        session,
        escalation,
        conversation,
        kind=kind,
        to_id=to_id,
        by_id=staff.id,
        reason_code=kind,
        now=now,
        owner=False,
    )
    conversation.assignee_id = to_id
    conversation.status = "escalated" if target.role in SUPERVISOR_ROLES else "assigned"
    conversation.updated_at = now


async def do_transfer_owner(
    *, services: Services, staff: Staff, escalation_id: int, to_staff_id: int, reason_code: str
) -> None:
    """Make another supervisor the case owner: explicit, with a reason, and recorded."""
    require_supervisor(staff)
    if reason_code not in TRANSFER_REASONS:
        raise ProtocolRefusedError("Choose a reason for the transfer.")
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        escalation, conversation = await lock_escalation(session, escalation_id)
        target = await session.get(Staff, to_staff_id)
        if target is None or not target.active or target.role not in SUPERVISOR_ROLES:
            raise ProtocolRefusedError("A case owner must be an active supervisor.")
        if escalation.state in ("raised", "closed", "handed_over"):
            raise ProtocolRefusedError("Only an acknowledged, open case held by a supervisor can be transferred.")
        if target.id == escalation.owner_id:
            raise ProtocolRefusedError("They already own this case.")
        transfer(
            session,
            escalation,
            conversation,
            kind="transfer",
            to_id=target.id,
            by_id=staff.id,
            reason_code=reason_code,
            now=now,
        )
    await services.bus.publish({"type": "escalation.changed", "conversation_id": conversation.id})
