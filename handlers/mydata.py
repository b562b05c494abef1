"""`/mydata`: a readable copy of everything the service holds about the person, sent as a document."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from content.render import get_catalog
from core.audit import AuditCode, record_audit
from core.channels import Document, OutboundPayload
from core.crypto import DataCipher
from core.models import AuditEvent, Contact, Conversation, Message
from core.outbox import read_body
from handlers.keyboards import MYDATA
from handlers.turn import Turn

# What the person wrote, what we answered, and what the team noted about them; activity lines are not data
# about the person.
EXPORTED_DIRECTIONS = ("in", "out", "note")


def _consent_state(contact: Contact) -> str:
    return contact.consent_state if contact.consent_state in ("given", "declined") else "pending"


async def _escalation_levels(session: AsyncSession, conversation_ids: list[int]) -> dict[int, list[str]]:
    """Escalation levels (L1–L4) each conversation reached, from the audit trail, which every escalation writes."""
    rows = await session.execute(
        select(AuditEvent.conversation_id, AuditEvent.data)
        .where(AuditEvent.conversation_id.in_(conversation_ids), AuditEvent.code == int(AuditCode.ESCALATION_RAISED))
        .order_by(AuditEvent.id)
    )
    levels: dict[int, list[str]] = {}
    for conversation_id, data in rows:
        level = str((data or {}).get("level", ""))
        if conversation_id is not None and level.startswith("L") and level not in levels.get(conversation_id, []):
            levels.setdefault(conversation_id, []).append(level)
    return levels


async def export_data(session: AsyncSession, cipher: DataCipher, contact: Contact, language: str) -> dict[str, Any]:
    """The variables of the `mydata_document` template for this contact."""
    conversations = list(
        await session.scalars(
            select(Conversation).where(Conversation.contact_id == contact.id).order_by(Conversation.id)
        )
    )
    ids = [c.id for c in conversations]
    levels = await _escalation_levels(session, ids)
    messages: dict[int, list[dict[str, Any]]] = {}
    for message in await session.scalars(
        select(Message)
        .where(Message.conversation_id.in_(ids), Message.direction.in_(EXPORTED_DIRECTIONS))
        .order_by(Message.id)
    ):
        messages.setdefault(message.conversation_id, []).append(
            {"direction": message.direction, "time": message.created_at, "text": read_body(cipher, message)}
        )
    return {
        "pseudonym": contact.pseudonym,
        "language": language,
        "created": contact.created_at,
        "consent": {"state": _consent_state(contact), "version": contact.consent_version, "at": contact.consent_at},
        "conversations": [
            {
                "started": c.created_at,
                "ended": c.closed_at,
                "status": c.status,
                "levels": levels.get(c.id, []),
                "messages": messages.get(c.id, []),
            }
            for c in conversations
        ],
    }


def render_document(data: dict[str, Any], language: str) -> str:
    return get_catalog().render("mydata_document", language, **data) + "\n"


def document_filename(now: datetime) -> str:
    return f"my-data-{now:%Y-%m-%d}.txt"


async def do_send_my_data(turn: Turn) -> None:
    """Send the export as a plain-text document; its only copy in the outbox is erased once delivered."""
    await turn.session.flush()
    data = await export_data(turn.session, turn.services.cipher, turn.contact, turn.language)
    content = render_document(data, turn.language).encode()
    caption = get_catalog().render("mydata_caption", turn.language)
    document = Document(document_filename(turn.now), content, "text/plain")
    turn.send(OutboundPayload(text=caption, document=document), kind=MYDATA)
    record_audit(turn.session, AuditCode.DATA_EXPORTED, conversation_id=turn.conversation.id)
