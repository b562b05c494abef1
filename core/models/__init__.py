"""The ORM models of DESIGN §3, one module per aggregate."""

from core.models.audit import AuditEvent
from core.models.base import Base
from core.models.contact import ChannelIdentity, Contact
from core.models.conversation import Assessment, Conversation
from core.models.message import Message, OutboxItem
from core.models.staff import Staff, StaffSession

__all__ = [
    "Assessment",
    "AuditEvent",
    "Base",
    "ChannelIdentity",
    "Contact",
    "Conversation",
    "Message",
    "OutboxItem",
    "Staff",
    "StaffSession",
]
