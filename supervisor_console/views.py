"""Read models for the console pages: decrypted, access-checked, shaped for templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.models import Assessment, Contact, Conversation, Message, Staff
from core.outbox import read_body
from core.services import Services
from escalation.queue import queued_conversations
from supervisor_console.access import ALL_CONVERSATIONS_ROLES, may_manage, may_write_to, sees_conversations

STATUS_LABELS = {
    "open": "open · waiting in the queue",
    "assigned": "open",
    "escalated": "open · escalated",
    "waiting": "pending · waiting for the person",
    "snoozed": "snoozed",
    "closed": "resolved",
    "stopped": "ended by the person",
}
PREVIEW_CHARS = 90


@dataclass(frozen=True)
class ConversationRow:
    id: int
    pseudonym: str
    channel: str
    language: str | None
    level: str
    categories: list[str]
    status: str
    status_label: str
    waiting_since: datetime | None
    breached: bool
    preview: str
    unread: int
    assignee: str | None
    snoozed_until: datetime | None


async def _pseudonyms(session: AsyncSession, contact_ids: set[int]) -> dict[int, str]:
    if not contact_ids:
        return {}
    rows = await session.execute(select(Contact.id, Contact.pseudonym).where(Contact.id.in_(contact_ids)))
    return {row[0]: row[1] for row in rows}


async def _staff_names(session: AsyncSession, staff_ids: set[int]) -> dict[int, str]:
    if not staff_ids:
        return {}
    rows = await session.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(staff_ids)))
    return {row[0]: row[1] for row in rows}


async def _previews(session: AsyncSession, services: Services, ids: list[int]) -> dict[int, str]:
    """The start of each conversation's latest message from the person (decrypted here, shown escaped)."""
    if not ids:
        return {}
    latest = (
        select(func.max(Message.id))
        .where(Message.conversation_id.in_(ids), Message.direction == "in")
        .group_by(Message.conversation_id)
    )
    rows = await session.scalars(select(Message).where(Message.id.in_(latest)))
    previews = {}
    for message in rows:
        text = " ".join(_body(services, message, message.conversation_id).split())
        previews[message.conversation_id] = text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
    return previews


async def _unread(session: AsyncSession, ids: list[int]) -> dict[int, int]:
    """Messages from the person since a member of staff last replied: what still needs reading."""
    if not ids:
        return {}
    last_reply = (
        select(Message.conversation_id, func.max(Message.id).label("last_id"))
        .where(Message.conversation_id.in_(ids), Message.direction == "out", Message.author_id.is_not(None))
        .group_by(Message.conversation_id)
        .subquery()
    )
    rows = await session.execute(
        select(Message.conversation_id, func.count())
        .outerjoin(last_reply, last_reply.c.conversation_id == Message.conversation_id)
        .where(
            Message.conversation_id.in_(ids),
            Message.direction == "in",
            or_(last_reply.c.last_id.is_(None), Message.id > last_reply.c.last_id),
        )
        .group_by(Message.conversation_id)
    )
    return {row[0]: int(row[1]) for row in rows}


def status_label(conversation: Conversation) -> str:
    if conversation.status == "snoozed":
        if conversation.snoozed_until is None:
            return "snoozed until the person writes"
        return f"snoozed until {conversation.snoozed_until.strftime('%Y-%m-%d %H:%M UTC')}"
    return STATUS_LABELS.get(conversation.status, conversation.status)


async def conversation_rows(
    session: AsyncSession, services: Services, conversations: list[Conversation]
) -> list[ConversationRow]:
    now = services.clock.now()
    ids = [c.id for c in conversations]
    names = await _pseudonyms(session, {c.contact_id for c in conversations})
    staff_names = await _staff_names(session, {c.assignee_id for c in conversations if c.assignee_id})
    previews = await _previews(session, services, ids)
    unread = await _unread(session, ids)
    return [
        ConversationRow(
            id=c.id,
            pseudonym=names.get(c.contact_id, "—"),
            channel=c.channel,
            language=c.language,
            level=c.level,
            categories=list(c.categories or []),
            status=c.status,
            status_label=status_label(c),
            waiting_since=c.waiting_since,
            breached=c.sla_due_at is not None and c.sla_due_at < now,
            preview=previews.get(c.id, ""),
            unread=unread.get(c.id, 0),
            assignee=staff_names.get(c.assignee_id) if c.assignee_id else None,
            snoozed_until=c.snoozed_until,
        )
        for c in conversations
    ]


def is_sleeping(conversation: Conversation, now: datetime) -> bool:
    """Snoozed and not yet due: a timed snooze that has passed shows among the active ones again."""
    if conversation.status != "snoozed":
        return False
    return conversation.snoozed_until is None or conversation.snoozed_until > now


async def queue_rows(session: AsyncSession, services: Services, viewer: Staff) -> list[ConversationRow]:
    if not sees_conversations(viewer):
        return []
    queued = await queued_conversations(session)
    return await conversation_rows(session, services, queued)


async def _assigned(session: AsyncSession, where: ColumnElement[bool]) -> list[Conversation]:
    return list(
        await session.scalars(
            select(Conversation)
            .where(where, Conversation.status.in_(("assigned", "escalated", "waiting", "snoozed")))
            .order_by(Conversation.queue_key.asc().nulls_last(), Conversation.updated_at.desc())
            .limit(300)
        )
    )


async def my_rows(
    session: AsyncSession, services: Services, viewer: Staff
) -> tuple[list[ConversationRow], list[ConversationRow]]:
    """(active, snoozed) conversations assigned to the viewer."""
    if not sees_conversations(viewer):
        return [], []
    now = services.clock.now()
    mine = await _assigned(session, Conversation.assignee_id == viewer.id)
    active = [c for c in mine if not is_sleeping(c, now)]
    sleeping = [c for c in mine if is_sleeping(c, now)]
    return await conversation_rows(session, services, active), await conversation_rows(session, services, sleeping)


async def team_rows(session: AsyncSession, services: Services, viewer: Staff) -> list[ConversationRow]:
    """For supervisors: every colleague's open conversations, to watch all queues at once."""
    if viewer.role not in ALL_CONVERSATIONS_ROLES:
        return []
    others = await _assigned(session, Conversation.assignee_id.is_not(None) & (Conversation.assignee_id != viewer.id))
    return await conversation_rows(session, services, others)


async def navigation_order(session: AsyncSession, services: Services, viewer: Staff) -> list[int]:
    """The order Alt+J / Alt+K walk through: my active conversations, then the queue."""
    now = services.clock.now()
    mine = [c.id for c in await _assigned(session, Conversation.assignee_id == viewer.id) if not is_sleeping(c, now)]
    queued = [c.id for c in await queued_conversations(session)] if sees_conversations(viewer) else []
    return mine + [i for i in queued if i not in mine]


async def transcript(session: AsyncSession, services: Services, conversation: Conversation) -> list[dict[str, Any]]:
    messages = await session.scalars(
        select(Message).where(Message.conversation_id == conversation.id).order_by(Message.id)
    )
    authors: dict[int, str] = {}
    shown: list[dict[str, Any]] = []
    for message in messages:
        if message.author_id is not None and message.author_id not in authors:
            staff = await session.get(Staff, message.author_id)
            authors[message.author_id] = staff.display_name if staff else "staff"
        shown.append(
            {
                "direction": message.direction,
                "who": _who(message, authors),
                "created_at": message.created_at,
                "status": message.status,
                "error": message.error,
                "text": _body(services, message, conversation.id),
            }
        )
    return shown


def _who(message: Message, authors: dict[int, str]) -> str:
    if message.direction == "in":
        return "Person"
    if message.direction == "note":
        return f"Note by {authors.get(message.author_id or 0, 'staff')}"
    if message.author_id is None:
        return "Service (automatic)"
    return authors.get(message.author_id, "staff")


def _body(services: Services, message: Message, conversation_id: int) -> str:
    if message.body_enc is None:
        return "[erased]"
    text = read_body(services.cipher, message)
    return "[unreadable: key not available]" if text is None else text


async def conversation_header(
    session: AsyncSession, services: Services, viewer: Staff, conversation: Conversation
) -> dict[str, Any]:
    contact = await session.get_one(Contact, conversation.contact_id)
    latest = await session.scalar(
        select(Assessment)
        .where(Assessment.conversation_id == conversation.id, Assessment.level == conversation.level)
        .order_by(Assessment.id.desc())
        .limit(1)
    )
    now = services.clock.now()
    return {
        "id": conversation.id,
        "pseudonym": contact.pseudonym,
        "channel": conversation.channel,
        "language": conversation.language,
        "level": conversation.level,
        "categories": list(conversation.categories or []),
        "rules": list(latest.rules) if latest else [],
        "lexicon_version": latest.lexicon_version if latest else "",
        "status": conversation.status,
        "status_label": status_label(conversation),
        "assignee_id": conversation.assignee_id,
        "sla_due_at": conversation.sla_due_at,
        "breached": conversation.sla_due_at is not None and conversation.sla_due_at < now,
        "can_claim": conversation.assignee_id is None and conversation.status in ("open", "waiting"),
        "can_write": may_write_to(viewer, conversation),
        "can_manage": may_manage(viewer, conversation) and conversation.assignee_id is not None,
        "can_change_status": may_manage(viewer, conversation)
        and conversation.assignee_id is not None
        and conversation.status in ("assigned", "waiting", "snoozed"),
        "ended_by_person": conversation.status == "stopped",
    }
