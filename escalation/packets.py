"""Handover packets: the allow-listed minimum a caseworker or partner receives, and the L2 handover."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.audit import AuditCode, record_audit
from core.crypto import DataCipher
from core.models import Contact, Conversation, Escalation, HandoverPacket, Message, SharingRecord, Staff
from core.models.escalation import CONSENT_CHOICES
from core.outbox import read_body
from core.services import Services
from escalation.protocol import (
    ProtocolRefusedError,
    lock_escalation,
    move_to_in_progress,
    require_supervisor,
    seal,
    send_reply,
    set_state,
    transfer,
    unseal,
)
from escalation.pseudonymise import pseudonymise

CONTACT_ROUTES: Final = {"relay": "Relay through the service's bot: the person's address is never shared"}
LAWFUL_BASES: Final = {
    "consent": "The person's consent",
    "vital_interests": "Vital interests (risk to life)",
    "safeguarding_duty": "Statutory safeguarding duty",
    "legal_obligation": "Legal obligation",
    "public_task": "Public task",
}
MAX_SELECTED: Final = 20


@dataclass(frozen=True)
class PacketMessage:
    time: str
    author: str  # "person" or "service": never a staff name
    text: str


@dataclass(frozen=True)
class PacketFields:
    """The allow-list. Nothing else about the person or the conversation ever enters a packet."""

    pseudonym: str
    language: str
    level: str
    categories: tuple[str, ...]
    summary: str
    messages: tuple[PacketMessage, ...]
    consent: str
    contact_route: str

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str) -> PacketFields:
        data: dict[str, Any] = json.loads(raw)
        unknown = set(data) - ALLOWED_FIELDS
        if unknown:
            raise ValueError(f"packet carries fields outside the allow-list: {sorted(unknown)}")
        data["categories"] = tuple(data["categories"])
        data["messages"] = tuple(PacketMessage(**m) for m in data["messages"])
        return cls(**data)


ALLOWED_FIELDS: Final = frozenset(f.name for f in fields(PacketFields))


@dataclass(frozen=True)
class SharingInput:
    """PREVENT §1.3: why sharing is necessary and proportionate, the consent position, and the power to share."""

    necessity: str
    proportionality: str
    consent: str
    consent_reason: str
    lawful_basis: str

    def problem(self) -> str | None:
        if not (self.necessity.strip() and self.proportionality.strip() and self.consent_reason.strip()):
            return "Record why sharing is necessary, why it is proportionate, and the consent position with why."
        if self.consent not in CONSENT_CHOICES:
            return "Record whether consent was given, refused or not sought."
        if self.lawful_basis not in LAWFUL_BASES:
            return "Choose the power to share (lawful basis)."
        if self.lawful_basis == "consent" and self.consent != "given":
            return "Consent is the lawful basis only when the person gave it."
        return None


def record_sharing(
    session: AsyncSession,
    services: Services,
    escalation: Escalation,
    sharing: SharingInput,
    *,
    recipient: str,
    staff: Staff,
    now: datetime,
) -> SharingRecord:
    problem = sharing.problem()
    if problem:
        raise ProtocolRefusedError(problem, code="sharing_record_incomplete")
    cid = escalation.conversation_id
    record = SharingRecord(
        escalation_id=escalation.id,
        conversation_id=cid,
        recipient=recipient,
        necessity_enc=seal(services.cipher, cid, sharing.necessity),
        proportionality_enc=seal(services.cipher, cid, sharing.proportionality),
        consent=sharing.consent,
        consent_reason_enc=seal(services.cipher, cid, sharing.consent_reason),
        lawful_basis=sharing.lawful_basis,
        recorded_by_id=staff.id,
        created_at=now,
    )
    session.add(record)
    return record


async def build_packet(
    session: AsyncSession,
    services: Services,
    escalation: Escalation,
    conversation: Conversation,
    *,
    summary: str,
    message_ids: Sequence[int],
    consent: str,
) -> PacketFields:
    """Copy only allow-listed facts; the summary and every selected message are pseudonymised again here."""
    if not summary.strip():
        raise ProtocolRefusedError("Write a summary for the recipient.", code="no_summary")
    if len(message_ids) > MAX_SELECTED:
        raise ProtocolRefusedError(f"Select at most {MAX_SELECTED} messages; the packet is the minimum needed.")
    contact = await session.get_one(Contact, conversation.contact_id)
    chosen = []
    if message_ids:
        rows = await session.scalars(
            select(Message)
            .where(
                Message.conversation_id == conversation.id,  # never another conversation's messages
                Message.id.in_([int(i) for i in message_ids]),
                Message.direction.in_(("in", "out")),
            )
            .order_by(Message.id)
        )
        for message in rows:
            text = read_body(services.cipher, message)
            if text is None:
                continue
            chosen.append(
                PacketMessage(
                    time=message.created_at.strftime("%Y-%m-%d %H:%M UTC"),
                    author="person" if message.direction == "in" else "service",
                    text=pseudonymise(text),
                )
            )
    return PacketFields(
        pseudonym=contact.pseudonym,
        language=conversation.language or contact.language or "en",
        level=escalation.level,
        categories=tuple(sorted(set(escalation.categories) | set(conversation.categories or []))),
        summary=pseudonymise(summary.strip()),
        messages=tuple(chosen),
        consent=consent,
        contact_route="relay",
    )


def store_packet(
    session: AsyncSession,
    services: Services,
    escalation: Escalation,
    content: PacketFields,
    *,
    recipient: str,
    record: SharingRecord,
    staff: Staff,
    now: datetime,
    caseworker_id: int | None = None,
    partner_slug: str | None = None,
) -> HandoverPacket:
    packet = HandoverPacket(
        escalation_id=escalation.id,
        conversation_id=escalation.conversation_id,
        recipient=recipient,
        caseworker_id=caseworker_id,
        partner_slug=partner_slug,
        sharing_record_id=record.id,
        content_enc=services.cipher.encrypt(content.to_json(), context=f"packet:{escalation.conversation_id}"),
        created_by_id=staff.id,
        created_at=now,
    )
    session.add(packet)
    return packet


async def share_packet(
    session: AsyncSession,
    services: Services,
    escalation: Escalation,
    conversation: Conversation,
    *,
    recipient: str,
    sharing: SharingInput,
    summary: str,
    message_ids: Sequence[int],
    staff: Staff,
    now: datetime,
    caseworker_id: int | None = None,
    partner_slug: str | None = None,
) -> HandoverPacket:
    """The sharing act common to L2 and L3: the case moves on, the justification is recorded, the packet frozen."""
    move_to_in_progress(session, escalation, actor_id=staff.id, now=now)
    record = record_sharing(session, services, escalation, sharing, recipient=recipient, staff=staff, now=now)
    content = await build_packet(
        session, services, escalation, conversation, summary=summary, message_ids=message_ids, consent=sharing.consent
    )
    await session.flush()
    packet = store_packet(
        session,
        services,
        escalation,
        content,
        recipient=recipient,
        record=record,
        staff=staff,
        now=now,
        caseworker_id=caseworker_id,
        partner_slug=partner_slug,
    )
    await session.flush()
    return packet


def packet_content(cipher: DataCipher, packet: HandoverPacket) -> PacketFields | None:
    """The packet's fields, or None once the person asked us to forget them (the packet row stays as a record)."""
    if packet.content_enc is None:
        return None
    return PacketFields.from_json(cipher.decrypt(packet.content_enc, context=f"packet:{packet.conversation_id}"))


def draft_summary(services: Services, escalation: Escalation) -> str:
    return unseal(services.cipher, escalation.conversation_id, escalation.summary_enc)


async def do_handover(
    *,
    services: Services,
    staff: Staff,
    escalation_id: int,
    caseworker_id: int,
    summary: str,
    message_ids: Sequence[int],
    sharing: SharingInput,
) -> int:
    """L2: freeze a packet for one caseworker, who becomes the case owner and writes through the relay."""
    require_supervisor(staff)
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        escalation, conversation = await lock_escalation(session, escalation_id)
        if escalation.level != "L2":
            raise ProtocolRefusedError("Only an L2 escalation is handed over to a caseworker.")
        caseworker = await session.get(Staff, caseworker_id)
        if caseworker is None or caseworker.role != "caseworker" or not caseworker.active:
            raise ProtocolRefusedError("Choose an active caseworker.")
        packet = await share_packet(
            session,
            services,
            escalation,
            conversation,
            recipient="caseworker",
            sharing=sharing,
            summary=summary,
            message_ids=message_ids,
            staff=staff,
            now=now,
            caseworker_id=caseworker.id,
        )
        set_state(session, escalation, "handed_over", actor_id=staff.id, now=now)
        escalation.caseworker_id = caseworker.id
        escalation.handed_over_at = now
        transfer(
            session,
            escalation,
            conversation,
            kind="handover",
            to_id=caseworker.id,
            by_id=staff.id,
            reason_code="handover",
            now=now,
        )
        # Nobody in the liaison team holds it now; the caseworker answers through the relay.
        conversation.assignee_id = None
        conversation.status = "escalated"
        conversation.updated_at = now
        send_reply(session, services, conversation, "handed_over", now=now)
        await session.flush()
        record_audit(
            session,
            AuditCode.HANDOVER_CREATED,
            actor_id=staff.id,
            conversation_id=conversation.id,
            subject_staff_id=caseworker.id,
            data={
                "escalation_id": escalation.id,
                "packet_id": packet.id,
                "consent": sharing.consent,
                "lawful_basis": sharing.lawful_basis,
            },
        )
        packet_id = packet.id
    services.outbox_wakeup.set()
    await services.bus.publish({"type": "escalation.handed_over", "conversation_id": conversation.id})
    return packet_id
