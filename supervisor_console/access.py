"""The only way console routes reach objects: one function per kind; denied and missing look the same."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from core.models import Conversation, Staff

# Least privilege (docs/console.md): admins run staff accounts and read no conversations; caseworkers reach
# people only through handover packets; supervisors see everything so they can watch every queue.
ALL_CONVERSATIONS_ROLES = frozenset({"supervisor"})
CONVERSATION_ROLES = frozenset({"liaison", "supervisor"})


class NotFoundError(Exception):
    """Raised for a missing object and for one the caller may not see; both answer 404."""


def sees_conversations(staff: Staff) -> bool:
    return staff.role in CONVERSATION_ROLES


def may_see_conversation(staff: Staff, conversation: Conversation) -> bool:
    if staff.role in ALL_CONVERSATIONS_ROLES:
        return True
    if staff.role == "liaison":
        # A liaison sees the open queue (to pick up work) and what is assigned to them.
        unassigned_queue = conversation.assignee_id is None and conversation.status in ("open", "waiting")
        return unassigned_queue or conversation.assignee_id == staff.id
    return False  # caseworkers reach people only through handover packets; admins not at all


async def access_conversation(session: AsyncSession, staff: Staff, conversation_id: int) -> Conversation:
    conversation = await session.get(Conversation, conversation_id)
    if conversation is None or not may_see_conversation(staff, conversation):
        raise NotFoundError
    return conversation


def may_write_to(staff: Staff, conversation: Conversation) -> bool:
    """Replying needs the conversation to be yours (or a supervisor's), and the person not to have stopped."""
    if conversation.status in ("stopped", "closed"):
        return False
    return conversation.assignee_id == staff.id or staff.role in ALL_CONVERSATIONS_ROLES


def may_manage(staff: Staff, conversation: Conversation) -> bool:
    """Notes and status changes: the assignee, or any supervisor (notes stay possible after the end)."""
    if staff.role in ALL_CONVERSATIONS_ROLES:
        return True
    return conversation.assignee_id is not None and conversation.assignee_id == staff.id


def access_admin(staff: Staff) -> None:
    """Staff administration is the admin's alone; to anyone else the pages do not exist."""
    if staff.role != "admin":
        raise NotFoundError


async def access_staff(session: AsyncSession, viewer: Staff, staff_id: int) -> Staff:
    access_admin(viewer)
    found = await session.get(Staff, staff_id)
    if found is None:
        raise NotFoundError
    return found
