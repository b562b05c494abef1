"""The escalation protocol: levels, deadlines, the state machine, the case owner and the write paths."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.audit import AuditCode, record_audit
from core.channels import OutboundPayload
from core.crypto import DataCipher
from core.events import Event
from core.levels import Level
from core.models import Contact, Conversation, Escalation, EscalationTransfer, Staff, SupervisorPage
from core.models.escalation import OPEN_STATES
from core.outbox import add_note, enqueue_outbound
from core.services import Services
from escalation.pseudonymise import pseudonymise
from escalation.queue import place_in_queue, policy_from_settings


@dataclass(frozen=True)
class LevelSpec:
    code: str
    label: str
    ack_within: timedelta  # the SLA: how soon a supervisor must acknowledge


LEVELS: Final = {
    "L1": LevelSpec("L1", "Consult a supervisor", timedelta(minutes=30)),
    "L2": LevelSpec("L2", "Hand over to a trained caseworker", timedelta(hours=2)),
    "L3": LevelSpec("L3", "Refer to a partner service", timedelta(hours=8)),
    "L4": LevelSpec("L4", "Imminent risk of harm", timedelta(minutes=5)),
}
RAISE_REASONS: Final = {
    "needs_advice": "The liaison needs a supervisor's advice",
    "beyond_information": "The person needs more than information",
    "specialist_support": "The person needs a trained caseworker",
    "partner_service": "A partner service fits the person's need",
    "risk_to_self": "Risk of harm to the person",
    "risk_to_others": "Risk of harm to others",
    "triage_critical": "Triage rated a message critical",
    "supervisor_takeover": "A supervisor took the conversation over",
    "other": "Other (see the reason)",
}
OUTCOMES: Final = {
    "advice_given": "Advice given; the liaison continues",
    "caseworker_completed": "Caseworker support completed",
    "referral_made": "Referred; the partner has taken it on",
    "emergency_services": "Emergency services were contacted",
    "person_safe": "The person confirmed they are safe",
    "person_stopped": "The person ended the conversation",
    "no_further_action": "No further action needed",
}
TRANSFER_REASONS: Final = {
    "shift_end": "End of shift",
    "expertise": "Needs other expertise",
    "language": "Language",
    "area": "Another area or team",
    "workload": "Workload",
    "other": "Other",
}
# The state machine; handed_over and referred are reached only through do_handover and do_refer.
TRANSITIONS: Final = {
    "raised": ("acknowledged",),
    "acknowledged": ("in_progress", "closed"),
    "in_progress": ("handed_over", "referred", "closed"),
    "handed_over": ("closed",),
    "referred": ("closed",),
    "closed": (),
}
# Least privilege, as for conversations: admins run accounts and take no part in cases.
SUPERVISOR_ROLES: Final = ("supervisor",)


class ProtocolRefusedError(Exception):
    """The protocol does not allow this now; the message is safe to show to staff."""

    def __init__(self, message: str, code: str = "refused") -> None:
        super().__init__(message)
        self.code = code


def seal(cipher: DataCipher, conversation_id: int, text: str) -> bytes:
    """Staff free text is pseudonymised as it is written, then encrypted like a message body."""
    return cipher.encrypt(pseudonymise(text.strip()), context=f"escalation:{conversation_id}")


def unseal(cipher: DataCipher, conversation_id: int, token: bytes | None) -> str:
    if token is None:
        return ""
    return cipher.decrypt(token, context=f"escalation:{conversation_id}")


def set_state(session: AsyncSession, escalation: Escalation, to: str, *, actor_id: int | None, now: datetime) -> None:
    if to not in TRANSITIONS[escalation.state]:
        raise ProtocolRefusedError(f"An escalation that is {escalation.state.replace('_', ' ')} cannot become {to}.")
    record_audit(
        session,
        AuditCode.ESCALATION_STATE_CHANGED,
        actor_id=actor_id,
        conversation_id=escalation.conversation_id,
        data={"escalation_id": escalation.id, "from": escalation.state, "to": to},
    )
    escalation.state = to
    escalation.updated_at = now


def move_to_in_progress(session: AsyncSession, escalation: Escalation, *, actor_id: int, now: datetime) -> None:
    if escalation.state == "acknowledged":
        set_state(session, escalation, "in_progress", actor_id=actor_id, now=now)
    if escalation.state != "in_progress":
        raise ProtocolRefusedError("Acknowledge the escalation first; it must be in progress for this step.")


def transfer(
    session: AsyncSession,
    escalation: Escalation,
    conversation: Conversation,
    *,
    kind: str,
    to_id: int | None,
    by_id: int | None,
    reason_code: str,
    now: datetime,
    owner: bool = True,
) -> None:
    """Record an explicit transfer; with owner=True the case owner changes (the one owner, RAN step 4)."""
    from_id = escalation.owner_id if owner else conversation.assignee_id
    session.add(
        EscalationTransfer(
            escalation_id=escalation.id,
            kind=kind,
            from_staff_id=from_id,
            to_staff_id=to_id,
            by_staff_id=by_id,
            reason_code=reason_code,
            created_at=now,
        )
    )
    code = AuditCode.ESCALATION_OWNER_CHANGED if owner else AuditCode.CONVERSATION_ASSIGNED
    record_audit(
        session,
        code,
        actor_id=by_id,
        conversation_id=conversation.id,
        subject_staff_id=to_id,
        data={"escalation_id": escalation.id, "kind": kind, "reason_code": reason_code},
    )
    if owner:
        escalation.owner_id = to_id
        conversation.case_owner_id = to_id
    escalation.updated_at = now


async def open_escalation(session: AsyncSession, conversation_id: int) -> Escalation | None:
    result: Escalation | None = await session.scalar(
        select(Escalation)
        .where(Escalation.conversation_id == conversation_id, Escalation.state.in_(OPEN_STATES))
        .order_by(Escalation.id.desc())
        .limit(1)
    )
    return result


def require_supervisor(staff: Staff) -> None:
    if staff.role not in SUPERVISOR_ROLES:
        raise ProtocolRefusedError("Only a supervisor can do this.")


async def lock_escalation(session: AsyncSession, escalation_id: int) -> tuple[Escalation, Conversation]:
    locking = session.get_bind().dialect.name == "postgresql"
    escalation = await session.get(Escalation, escalation_id, with_for_update=locking)
    if escalation is None:
        raise ProtocolRefusedError("No such escalation.")
    conversation = await session.get_one(Conversation, escalation.conversation_id, with_for_update=locking)
    return escalation, conversation


async def raise_in_session(
    session: AsyncSession,
    services: Services,
    conversation: Conversation,
    *,
    level: str,
    reason_code: str,
    reason: str = "",
    summary: str = "",
    selected_message_ids: Sequence[int] = (),
    staff: Staff | None,
    now: datetime,
) -> tuple[Escalation, list[Event]]:
    """Raise (or raise to L4) inside the caller's transaction; returns the escalation and events for after commit."""
    from escalation.imminent import start_imminent_harm_path

    if level not in LEVELS or reason_code not in RAISE_REASONS:
        raise ProtocolRefusedError("Choose a level and a reason from the lists.")
    events: list[Event] = []
    existing = await open_escalation(session, conversation.id)
    if existing is not None:
        if level == "L4" and existing.level != "L4":
            # Danger overrides the path already under way: the same case, now with minutes to act.
            record_audit(
                session,
                AuditCode.ESCALATION_STATE_CHANGED,
                actor_id=staff.id if staff else None,
                conversation_id=conversation.id,
                data={"escalation_id": existing.id, "level": "L4", "reason_code": reason_code},
            )
            existing.level = "L4"
            existing.sla_due_at = now + LEVELS["L4"].ack_within
            existing.updated_at = now
            events += await start_imminent_harm_path(session, services, conversation, existing, now=now)
            return existing, events
        raise ProtocolRefusedError(f"This conversation is already escalated (#{existing.id}, {existing.level}).")
    escalation = Escalation(
        conversation_id=conversation.id,
        level=level,
        state="raised",
        reason_code=reason_code,
        reason_enc=seal(services.cipher, conversation.id, reason) if reason.strip() else None,
        summary_enc=seal(services.cipher, conversation.id, summary) if summary.strip() else None,
        selected_message_ids=[int(i) for i in selected_message_ids],
        categories=list(conversation.categories or []),
        raised_by_id=staff.id if staff else None,
        raised_by_triage=staff is None,
        owner_id=staff.id if staff else None,
        sla_due_at=now + LEVELS[level].ack_within,
        created_at=now,
        updated_at=now,
    )
    session.add(escalation)
    await session.flush()
    conversation.case_owner_id = escalation.owner_id
    record_audit(
        session,
        AuditCode.ESCALATION_RAISED,
        actor_id=staff.id if staff else None,
        conversation_id=conversation.id,
        data={"escalation_id": escalation.id, "level": level, "reason_code": reason_code},
    )
    events.append({"type": "escalation.raised", "conversation_id": conversation.id, "level": level})
    if staff is not None and staff.role in SUPERVISOR_ROLES:
        acknowledge(session, escalation, conversation, staff=staff, now=now)
    if level == "L4":
        events += await start_imminent_harm_path(session, services, conversation, escalation, now=now)
    return escalation, events


def acknowledge(
    session: AsyncSession, escalation: Escalation, conversation: Conversation, *, staff: Staff, now: datetime
) -> None:
    set_state(session, escalation, "acknowledged", actor_id=staff.id, now=now)
    escalation.acknowledged_at = now
    record_audit(
        session,
        AuditCode.ESCALATION_ACKNOWLEDGED,
        actor_id=staff.id,
        conversation_id=conversation.id,
        data={"escalation_id": escalation.id, "level": escalation.level},
    )
    if escalation.owner_id != staff.id:
        transfer(
            session,
            escalation,
            conversation,
            kind="acknowledge",
            to_id=staff.id,
            by_id=staff.id,
            reason_code="acknowledged",
            now=now,
        )


async def publish_events(services: Services, events: list[Event]) -> None:
    for event in events:
        await services.bus.publish(event)
    if events:
        services.outbox_wakeup.set()


async def do_raise(
    *,
    services: Services,
    staff: Staff,
    conversation_id: int,
    level: str,
    reason_code: str,
    reason: str = "",
    summary: str = "",
    selected_message_ids: Sequence[int] = (),
) -> int:
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        conversation = await session.get_one(Conversation, conversation_id)
        if conversation.status in ("stopped", "closed"):
            raise ProtocolRefusedError("The conversation has ended; there is nobody to escalate for.")
        escalation, events = await raise_in_session(
            session,
            services,
            conversation,
            level=level,
            reason_code=reason_code,
            reason=reason,
            summary=summary,
            selected_message_ids=selected_message_ids,
            staff=staff,
            now=now,
        )
        escalation_id = escalation.id
    await publish_events(services, events)
    return escalation_id


async def do_acknowledge(*, services: Services, staff: Staff, escalation_id: int) -> None:
    require_supervisor(staff)
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        escalation, conversation = await lock_escalation(session, escalation_id)
        acknowledge(session, escalation, conversation, staff=staff, now=now)
        await session.execute(
            update(SupervisorPage)
            .where(SupervisorPage.escalation_id == escalation.id, SupervisorPage.seen_at.is_(None))
            .values(seen_at=now)
        )
    await services.bus.publish({"type": "escalation.acknowledged", "conversation_id": conversation.id})


async def do_close(*, services: Services, staff: Staff, escalation_id: int, outcome: str) -> None:
    if outcome not in OUTCOMES:
        raise ProtocolRefusedError("Choose an outcome.")
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        escalation, conversation = await lock_escalation(session, escalation_id)
        # The case owner closes; a supervisor may close any case (for example after a caseworker's report).
        if staff.role not in SUPERVISOR_ROLES and staff.id != escalation.owner_id:
            raise ProtocolRefusedError("Only the case owner or a supervisor can close this case.")
        set_state(session, escalation, "closed", actor_id=staff.id, now=now)
        escalation.outcome = outcome
        escalation.closed_at = now
        record_audit(
            session,
            AuditCode.ESCALATION_STATE_CHANGED,
            actor_id=staff.id,
            conversation_id=conversation.id,
            data={"escalation_id": escalation.id, "outcome": outcome},
        )
        conversation.case_owner_id = None
        if conversation.status == "escalated":
            # Back to ordinary work, held by whoever has it (or by the supervisor closing the case).
            if conversation.assignee_id is None:
                conversation.assignee_id = staff.id
            conversation.status = "assigned"
        conversation.updated_at = now
    await services.bus.publish({"type": "escalation.closed", "conversation_id": conversation.id})


async def do_add_note(*, services: Services, staff: Staff, conversation_id: int, text: str) -> None:
    """An internal note, pseudonymised as it is written; the person never sees it."""
    if not text.strip():
        raise ProtocolRefusedError("The note is empty.")
    if len(text) > 4000:
        raise ProtocolRefusedError("Notes are limited to 4000 characters.")
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        conversation = await session.get_one(Conversation, conversation_id)
        add_note(
            session,
            cipher=services.cipher,
            conversation=conversation,
            text=pseudonymise(text.strip()),
            now=now,
            author_id=staff.id,
        )
        record_audit(session, AuditCode.NOTE_ADDED, actor_id=staff.id, conversation_id=conversation.id)
    await services.bus.publish({"type": "message.new", "conversation_id": conversation_id, "direction": "note"})


def send_reply(
    session: AsyncSession, services: Services, conversation: Conversation, key: str, *, now: datetime
) -> None:
    from content.render import get_catalog

    text = get_catalog().render(key, conversation.language or "en")
    enqueue_outbound(
        session,
        cipher=services.cipher,
        conversation=conversation,
        payload=OutboundPayload(text=text),
        now=now,
        kind="system",
    )


async def contact_of(session: AsyncSession, conversation: Conversation) -> Contact:
    return await session.get_one(Contact, conversation.contact_id)


def requeue_critical(services: Services, conversation: Conversation, *, now: datetime) -> None:
    """An unheld L4 conversation goes to the very front of the queue."""
    settings = services.settings
    policy = policy_from_settings(settings.queue_sla_minutes, settings.queue_aging_bound_minutes)
    place_in_queue(conversation, level=Level.CRITICAL, now=now, policy=policy)
