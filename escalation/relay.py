"""The caseworker's relay: they write to the person through the bot and see only their own thread."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.audit import AuditCode, record_audit
from core.channels import OutboundPayload
from core.models import Conversation, Escalation, HandoverPacket, Message, Staff
from core.outbox import enqueue_outbound, read_body
from core.services import Services
from core.staff_replies import staff_text_problem, whatsapp_window_refusal
from escalation.protocol import ProtocolRefusedError
from escalation.queue import mark_answered


def may_relay(staff: Staff, packet: HandoverPacket, escalation: Escalation, conversation: Conversation) -> bool:
    return (
        packet.recipient == "caseworker"
        and packet.caseworker_id == staff.id
        and escalation.state == "handed_over"
        and escalation.caseworker_id == staff.id
        and conversation.status not in ("stopped", "closed")
    )


async def relay_thread(session: AsyncSession, services: Services, packet: HandoverPacket) -> list[dict[str, Any]]:
    """What the person and the service said since the handover: never notes, never the earlier transcript."""
    rows = await session.scalars(
        select(Message)
        .where(
            Message.conversation_id == packet.conversation_id,
            Message.created_at >= packet.created_at,
            Message.direction.in_(("in", "out")),
        )
        .order_by(Message.id)
    )
    thread = []
    for message in rows:
        thread.append(
            {
                "who": "Person"
                if message.direction == "in"
                else ("You" if message.author_id == packet.caseworker_id else "Service"),
                "direction": message.direction,
                "created_at": message.created_at,
                "status": message.status,
                "text": read_body(services.cipher, message) or "[erased]",
            }
        )
    return thread


async def do_relay_reply(*, services: Services, staff: Staff, packet_id: int, text: str) -> None:
    if (problem := staff_text_problem(text)) is not None:
        raise ProtocolRefusedError(problem)
    text = text.strip()
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        packet = await session.get_one(HandoverPacket, packet_id)
        escalation = await session.get_one(Escalation, packet.escalation_id)
        conversation = await session.get_one(Conversation, packet.conversation_id)
        if not may_relay(staff, packet, escalation, conversation):
            raise ProtocolRefusedError("This handover is closed, or the person ended the conversation.")
        if (refusal := await whatsapp_window_refusal(session, conversation, now)) is not None:
            raise ProtocolRefusedError(refusal)
        enqueue_outbound(
            session,
            cipher=services.cipher,
            conversation=conversation,
            payload=OutboundPayload(text=text),
            now=now,
            author_id=staff.id,
        )
        mark_answered(conversation, now=now)
        record_audit(
            session,
            AuditCode.REPLY_SENT,
            actor_id=staff.id,
            conversation_id=conversation.id,
            data={"escalation_id": escalation.id, "kind": "relay"},
        )
    services.outbox_wakeup.set()
    await services.bus.publish({"type": "message.new", "conversation_id": conversation.id, "direction": "out"})
