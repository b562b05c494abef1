"""Finding conversations: by pseudonym for everyone who works them, by message text for supervisors."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.models import Contact, Conversation, Message, Staff
from core.services import Services
from supervisor_console.access import ALL_CONVERSATIONS_ROLES, may_see_conversation, sees_conversations
from supervisor_console.views import ConversationRow, _body, conversation_rows

MAX_RESULTS = 50
# Text search decrypts in memory, so it is bounded: the most recent messages only (docs/console.md).
TEXT_SCAN_LIMIT = 2000
SNIPPET_CHARS = 120


@dataclass(frozen=True)
class TextHit:
    conversation_id: int
    pseudonym: str
    snippet: str
    direction: str


def may_search_text(staff: Staff) -> bool:
    return staff.role in ALL_CONVERSATIONS_ROLES


async def by_pseudonym(session: AsyncSession, services: Services, viewer: Staff, query: str) -> list[ConversationRow]:
    if not sees_conversations(viewer) or not query:
        return []
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = await session.scalars(
        select(Conversation)
        .join(Contact, Contact.id == Conversation.contact_id)
        .where(func.lower(Contact.pseudonym).like(pattern.lower(), escape="\\"))
        .order_by(Conversation.id.desc())
        .limit(MAX_RESULTS * 4)
    )
    visible = [c for c in rows if may_see_conversation(viewer, c)][:MAX_RESULTS]
    return await conversation_rows(session, services, visible)


async def by_text(session: AsyncSession, services: Services, viewer: Staff, query: str) -> tuple[list[TextHit], int]:
    """Matches in the latest messages and notes, and how many messages were searched."""
    if not may_search_text(viewer) or len(query) < 2:
        return [], 0
    needle = query.casefold()
    messages = list(
        await session.scalars(
            select(Message)
            .where(Message.direction.in_(("in", "out", "note")), Message.body_enc.is_not(None))
            .order_by(Message.id.desc())
            .limit(TEXT_SCAN_LIMIT)
        )
    )
    hits: list[tuple[Message, str]] = []
    for message in messages:
        text = _body(services, message, message.conversation_id)
        at = text.casefold().find(needle)
        if at >= 0:
            hits.append((message, _snippet(text, at, len(needle))))
        if len(hits) >= MAX_RESULTS:
            break
    conversations = {
        c.id: c
        for c in await session.scalars(
            select(Conversation).where(Conversation.id.in_({m.conversation_id for m, _ in hits}))
        )
    }
    contact_ids = {c.contact_id for c in conversations.values()}
    pairs = await session.execute(select(Contact.id, Contact.pseudonym).where(Contact.id.in_(contact_ids)))
    names = {row[0]: row[1] for row in pairs}
    found = [
        TextHit(
            conversation_id=m.conversation_id,
            pseudonym=names.get(conversations[m.conversation_id].contact_id, "—"),
            snippet=snippet,
            direction=m.direction,
        )
        for m, snippet in hits
        if m.conversation_id in conversations and may_see_conversation(viewer, conversations[m.conversation_id])
    ]
    return found, len(messages)


def _snippet(text: str, at: int, length: int) -> str:
    start = max(0, at - SNIPPET_CHARS // 2)
    piece = " ".join(text[start : start + SNIPPET_CHARS].split())
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(text) else "")
