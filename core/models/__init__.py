"""The ORM models of DESIGN §3, one module per aggregate."""

from core.models.audit import AuditEvent
from core.models.base import Base
from core.models.contact import ChannelIdentity, Contact
from core.models.conversation import Assessment, Conversation
from core.models.escalation import (
    BreakApproval,
    Escalation,
    EscalationTransfer,
    HandoverPacket,
    Referral,
    SharingRecord,
    SupervisorPage,
)
from core.models.message import Message, OutboxItem
from core.models.staff import Staff, StaffSession

__all__ = [
    "Assessment",
    "AuditEvent",
    "Base",
    "BreakApproval",
    "ChannelIdentity",
    "Contact",
    "Conversation",
    "Escalation",
    "EscalationTransfer",
    "HandoverPacket",
    "Message",
    "OutboxItem",
    "Referral",
    "SharingRecord",
    "Staff",
    "StaffSession",
    "SupervisorPage",
]
