"""What the web chat page shows for one browser session: its latest conversation, with the buttons still open."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.webchat.sender import CHANNEL
from core.models import ChannelIdentity, Contact, Conversation, Message
from core.outbox import read_body
from core.services import Services
from handlers.keyboards import MYDATA, NOTICE, keyboard_for

DELIVERED = ("sent", "delivered", "read")


@dataclass
class ChatView:
    conversation_id: int | None = None
    language: str | None = None  # the language the person picked, if they did
    consent: str = "none"
    messages: list[dict[str, Any]] = field(default_factory=list)


async def session_contact(session: AsyncSession, services: Services, token: str) -> Contact | None:
    """The contact behind a browser's pseudonymous cookie; none once they have been forgotten."""
    lookup = services.cipher.lookup_key(CHANNEL, token)
    row = (
        await session.execute(
            select(Contact)
            .join(ChannelIdentity, ChannelIdentity.contact_id == Contact.id)
            .where(ChannelIdentity.channel == CHANNEL, ChannelIdentity.lookup_key == lookup)
        )
    ).first()
    return None if row is None else row[0]


async def latest_conversation_id(session: AsyncSession, services: Services, token: str) -> int | None:
    lookup = services.cipher.lookup_key(CHANNEL, token)
    return await session.scalar(
        select(Conversation.id)
        .join(ChannelIdentity, ChannelIdentity.id == Conversation.identity_id)
        .where(ChannelIdentity.channel == CHANNEL, ChannelIdentity.lookup_key == lookup)
        .order_by(Conversation.id.desc())
        .limit(1)
    )


async def chat_view(services: Services, token: str, page_language: str) -> ChatView:
    async with services.sessionmaker() as session:
        contact = await session_contact(session, services, token)
        conversation_id = await latest_conversation_id(session, services, token)
        if contact is None or conversation_id is None:
            return ChatView()
        rows = list(
            await session.scalars(
                select(Message)
                .where(Message.conversation_id == conversation_id, Message.direction.in_(("in", "out")))
                .order_by(Message.id)
            )
        )
    # The person sees their own words at once, and our replies once the worker has released them.
    shown = [m for m in rows if m.direction == "in" or m.status in DELIVERED]
    language = contact.language or page_language
    messages = [
        _message(
            services, m, language, latest=m is shown[-1], pending=contact.consent_state not in ("given", "declined")
        )
        for m in shown
    ]
    return ChatView(conversation_id, contact.language, contact.consent_state, messages)


def _message(services: Services, message: Message, language: str, *, latest: bool, pending: bool) -> dict[str, Any]:
    text = read_body(services.cipher, message) or ""
    # A prompt's buttons stay only while they still mean something: the notice until it is answered,
    # any other prompt while it is the last thing in the conversation.
    open_prompt = (message.kind == NOTICE and pending) or (message.kind != NOTICE and latest)
    buttons = keyboard_for(message.kind, language) if message.direction == "out" and open_prompt else ()
    return {
        "id": message.id,
        "direction": message.direction,
        "kind": message.kind,
        "text": text,
        "at": message.created_at.isoformat(),
        "buttons": [[{"label": b.label, "data": b.data} for b in row] for row in buttons],
        "document": message.direction == "out" and message.kind == MYDATA,
    }
