"""Read models for the console pages: decrypted, access-checked, shaped for templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.crypto import DecryptionError
from core.models import Assessment, Contact, Conversation, Message, Staff
from core.outbox import body_context
from core.services import Services
from escalation.queue import queued_conversations
from supervisor_console.access import may_write_to

STATUS_LABELS = {
    "open": "waiting in the queue",
    "waiting": "waiting for the person",
    "assigned": "assigned",
    "escalated": "escalated",
    "closed": "closed",
    "stopped": "ended by the person",
}


@dataclass(frozen=True)
class ConversationRow:
    id: int
    pseudonym: str
    channel: str
    language: str | None
    level: str
    categories: list[str]
    status: str
    waiting_since: datetime | None
    breached: bool


async def _pseudonyms(session: AsyncSession, contact_ids: set[int]) -> dict[int, str]:
    if not contact_ids:
        return {}
    rows = await session.execute(select(Contact.id, Contact.pseudonym).where(Contact.id.in_(contact_ids)))
    return {row[0]: row[1] for row in rows}


async def conversation_rows(
    session: AsyncSession, conversations: list[Conversation], now: datetime
) -> list[ConversationRow]:
    names = await _pseudonyms(session, {c.contact_id for c in conversations})
    return [
        ConversationRow(
            id=c.id,
            pseudonym=names.get(c.contact_id, "—"),
            channel=c.channel,
            language=c.language,
            level=c.level,
            categories=list(c.categories or []),
            status=c.status,
            waiting_since=c.waiting_since,
            breached=c.sla_due_at is not None and c.sla_due_at < now,
        )
        for c in conversations
    ]


async def queue_rows(session: AsyncSession, services: Services, viewer: Staff) -> list[ConversationRow]:
    queued = await queued_conversations(session)
    return await conversation_rows(session, queued, services.clock.now())


async def my_rows(session: AsyncSession, services: Services, viewer: Staff) -> list[ConversationRow]:
    mine = list(
        await session.scalars(
            select(Conversation)
            .where(Conversation.assignee_id == viewer.id, Conversation.status.in_(("assigned", "escalated", "waiting")))
            .order_by(Conversation.queue_key.asc().nulls_last(), Conversation.updated_at.desc())
        )
    )
    return await conversation_rows(session, mine, services.clock.now())


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
    try:
        return services.cipher.decrypt(message.body_enc, context=body_context(conversation_id))
    except DecryptionError:
        return "[unreadable: key not available]"


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
        "status_label": STATUS_LABELS.get(conversation.status, conversation.status),
        "sla_due_at": conversation.sla_due_at,
        "breached": conversation.sla_due_at is not None and conversation.sla_due_at < now,
        "can_claim": conversation.assignee_id is None and conversation.status in ("open", "waiting"),
        "can_write": may_write_to(viewer, conversation),
        "ended_by_person": conversation.status == "stopped",
    }
