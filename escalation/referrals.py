"""L3 referrals to partner services, and confidentiality breaks approved by two different supervisors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.audit import AuditCode, record_audit
from core.models import BreakApproval, ChannelIdentity, Conversation, Referral, Staff
from core.services import Services
from escalation.packets import LAWFUL_BASES, SharingInput, share_packet
from escalation.partners import get_partner
from escalation.protocol import (
    ProtocolRefusedError,
    lock_escalation,
    require_supervisor,
    seal,
    set_state,
)

BREAK_BASES = {key: label for key, label in LAWFUL_BASES.items() if key != "consent"}


async def _refuse(services: Services, staff: Staff, conversation_id: int, partner: str, code: str, text: str) -> None:
    """A refused referral is itself audited (with its reason code) before the refusal is shown."""
    async with services.sessionmaker() as session, session.begin():
        record_audit(
            session,
            AuditCode.REFERRAL_REFUSED,
            actor_id=staff.id,
            conversation_id=conversation_id,
            data={"partner": partner, "reason_code": code},
        )
    raise ProtocolRefusedError(text, code=code)


async def do_refer(
    *,
    services: Services,
    staff: Staff,
    escalation_id: int,
    partner_slug: str,
    summary: str,
    message_ids: Sequence[int],
    sharing: SharingInput,
) -> int:
    """Refer to a ready partner with the person's recorded consent or a recorded break; one way: the packet only."""
    require_supervisor(staff)
    now = services.clock.now()
    partner = get_partner(partner_slug)
    refusal: tuple[str, str] | None = None
    async with services.sessionmaker() as session, session.begin():
        escalation, conversation = await lock_escalation(session, escalation_id)
        if escalation.level != "L3":
            raise ProtocolRefusedError("Only an L3 escalation is referred to a partner service.")
        if partner is None:
            refusal = ("unknown_partner", "That partner is not in the directory.")
        elif (code := partner.problem_code(now.date())) is not None:
            refusal = (code, f"{partner.name} cannot receive referrals: " + "; ".join(partner.problems(now.date())))
        elif sharing.consent != "given" and escalation.break_recorded_at is None:
            refusal = (
                "no_consent_or_break",
                "A referral needs the person's consent to share, or a confidentiality break approved by two "
                "supervisors. Neither is recorded.",
            )
        if refusal is None:
            assert partner is not None
            packet = await share_packet(
                session,
                services,
                escalation,
                conversation,
                recipient="partner",
                sharing=sharing,
                summary=summary,
                message_ids=message_ids,
                staff=staff,
                now=now,
                partner_slug=partner.slug,
            )
            referral = Referral(
                escalation_id=escalation.id,
                partner_slug=partner.slug,
                partner_review_by=partner.review_by.isoformat(),
                packet_id=packet.id,
                basis="consent" if sharing.consent == "given" else "break",
                created_by_id=staff.id,
                created_at=now,
            )
            session.add(referral)
            set_state(session, escalation, "referred", actor_id=staff.id, now=now)
            await session.flush()
            record_audit(
                session,
                AuditCode.REFERRAL_CREATED,
                actor_id=staff.id,
                conversation_id=conversation.id,
                data={
                    "escalation_id": escalation.id,
                    "partner": partner.slug,
                    "referral_id": referral.id,
                    "packet_id": packet.id,
                    "consent": sharing.consent,
                    "lawful_basis": sharing.lawful_basis,
                },
            )
            packet_id = packet.id
    if refusal is not None:
        await _refuse(services, staff, conversation.id, partner_slug[:64], *refusal)
    await services.bus.publish({"type": "escalation.referred", "conversation_id": conversation.id})
    return packet_id


async def do_approve_break(
    *, services: Services, staff: Staff, escalation_id: int, lawful_basis: str, reason: str
) -> bool:
    """One supervisor's approval; the break is recorded when a second, different supervisor approves."""
    require_supervisor(staff)
    if lawful_basis not in BREAK_BASES:
        raise ProtocolRefusedError("Choose the lawful basis for breaking confidentiality.")
    if not reason.strip():
        raise ProtocolRefusedError("Write the reason for breaking confidentiality.")
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        escalation, conversation = await lock_escalation(session, escalation_id)
        if escalation.state == "closed":
            raise ProtocolRefusedError("The case is closed.")
        query = select(BreakApproval.supervisor_id).where(BreakApproval.escalation_id == escalation.id)
        approvers = set(await session.scalars(query))
        if staff.id in approvers:
            raise ProtocolRefusedError(
                "You have already approved this break. A second, different supervisor must approve it.",
                code="same_approver",
            )
        session.add(
            BreakApproval(
                escalation_id=escalation.id,
                conversation_id=conversation.id,
                supervisor_id=staff.id,
                lawful_basis=lawful_basis,
                reason_enc=seal(services.cipher, conversation.id, reason),
                created_at=now,
            )
        )
        record_audit(
            session,
            AuditCode.BREAK_APPROVAL_GIVEN,
            actor_id=staff.id,
            conversation_id=conversation.id,
            data={"escalation_id": escalation.id, "lawful_basis": lawful_basis},
        )
        recorded = len(approvers | {staff.id}) >= 2 and escalation.break_recorded_at is None
        if recorded:
            escalation.break_recorded_at = now
            record_audit(
                session,
                AuditCode.BREAK_RECORDED,
                actor_id=staff.id,
                conversation_id=conversation.id,
                data={"escalation_id": escalation.id, "lawful_basis": lawful_basis, "count": 2},
            )
    await services.bus.publish({"type": "escalation.changed", "conversation_id": conversation.id})
    return recorded


@dataclass(frozen=True)
class Identity:
    channel: str
    address: str


async def do_reveal_identity(*, services: Services, staff: Staff, escalation_id: int) -> Identity:
    """The identifying details to give emergency services: only under a recorded break, and audited."""
    require_supervisor(staff)
    async with services.sessionmaker() as session, session.begin():
        escalation, conversation = await lock_escalation(session, escalation_id)
        if escalation.break_recorded_at is None:
            raise ProtocolRefusedError(
                "Identifying details are shown only after two different supervisors approve a confidentiality break.",
                code="no_break",
            )
        identity = await _identity(session, conversation)
        if identity is None:
            raise ProtocolRefusedError("No channel identity is left for this person (it may have been erased).")
        record_audit(
            session,
            AuditCode.IDENTITY_READ,
            actor_id=staff.id,
            conversation_id=conversation.id,
            data={"escalation_id": escalation.id, "channel": identity.channel},
        )
        address = services.cipher.decrypt(identity.reply_address_enc, context=f"identity:{identity.channel}")
        return Identity(channel=identity.channel, address=address)


async def _identity(session: AsyncSession, conversation: Conversation) -> ChannelIdentity | None:
    if conversation.identity_id is None:
        return None
    return await session.get(ChannelIdentity, conversation.identity_id)
