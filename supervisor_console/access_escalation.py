"""Access to escalations, packets, notes and the audit trail: one function per kind; denied == missing == 404."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from core.models import Conversation, Escalation, HandoverPacket, Staff
from supervisor_console.access import NotFoundError, may_see_conversation

CASE_ROLES = frozenset({"supervisor"})
AUDIT_ROLES = frozenset({"supervisor", "admin"})


def access_supervisor(staff: Staff) -> None:
    """Pages only supervisors have (all escalations, paging banners): to anyone else they do not exist."""
    if staff.role not in CASE_ROLES:
        raise NotFoundError


def access_audit(staff: Staff) -> None:
    if staff.role not in AUDIT_ROLES:
        raise NotFoundError


def may_see_escalation(staff: Staff, escalation: Escalation, conversation: Conversation) -> bool:
    if staff.role in CASE_ROLES:
        return True
    if staff.role == "liaison":
        # The liaison who raised it, while they still hold the conversation; once a supervisor or a
        # caseworker holds it, the liaison's part is over.
        return conversation.assignee_id == staff.id and may_see_conversation(staff, conversation)
    return False  # caseworkers see their packet, never the case file


async def access_escalation(session: AsyncSession, staff: Staff, escalation_id: int) -> Escalation:
    escalation = await session.get(Escalation, escalation_id)
    if escalation is None:
        raise NotFoundError
    conversation = await session.get(Conversation, escalation.conversation_id)
    if conversation is None or not may_see_escalation(staff, escalation, conversation):
        raise NotFoundError
    return escalation


def may_see_packet(staff: Staff, packet: HandoverPacket) -> bool:
    if staff.role in CASE_ROLES:
        return True
    # A caseworker sees exactly the packets addressed to them; partner packets are the referring supervisor's.
    return staff.role == "caseworker" and packet.recipient == "caseworker" and packet.caseworker_id == staff.id


async def access_packet(session: AsyncSession, staff: Staff, packet_id: int) -> HandoverPacket:
    packet = await session.get(HandoverPacket, packet_id)
    if packet is None or not may_see_packet(staff, packet):
        raise NotFoundError
    return packet


async def access_case_conversation(session: AsyncSession, staff: Staff, conversation_id: int) -> Conversation:
    """A conversation for the escalation panel and notes: whoever may see the conversation itself."""
    conversation = await session.get(Conversation, conversation_id)
    if conversation is None or not may_see_conversation(staff, conversation):
        raise NotFoundError
    return conversation
