"""Writing replies: an outbound message row plus the outbox row that will deliver it after commit."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from core.channels import OutboundPayload
from core.crypto import DataCipher, DecryptionError
from core.models import Conversation, Message, OutboxItem


def body_context(conversation_id: int) -> str:
    """Associated data for a message body: a body copied onto another conversation fails to decrypt."""
    return f"conversation:{conversation_id}"


def read_body(cipher: DataCipher, message: Message) -> str | None:
    """A message's text, or None when it was erased or was sealed with a key this process no longer has."""
    if message.body_enc is None:
        return None
    try:
        return cipher.decrypt(message.body_enc, context=body_context(message.conversation_id))
    except DecryptionError:
        return None


def enqueue_outbound(
    session: AsyncSession,
    *,
    cipher: DataCipher,
    conversation: Conversation,
    payload: OutboundPayload,
    now: datetime,
    author_id: int | None = None,
    kind: str = "text",
) -> tuple[Message, OutboxItem]:
    """Add an outbound message and its delivery row to the caller's transaction."""
    context = body_context(conversation.id)
    shown = payload.text or (payload.document.filename if payload.document else "")
    message = Message(
        conversation_id=conversation.id,
        channel=conversation.channel,
        direction="out",
        kind=kind,
        body_enc=cipher.encrypt(shown, context=context),
        author_id=author_id,
        status="queued",
        created_at=now,
    )
    session.add(message)
    item = OutboxItem(
        message=message,
        conversation_id=conversation.id,
        identity_id=conversation.identity_id,
        channel=conversation.channel,
        payload_enc=cipher.encrypt(json.dumps(payload.to_json()), context=f"outbox:{conversation.id}"),
        state="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(item)
    return message, item


def decrypt_payload(cipher: DataCipher, item: OutboxItem) -> OutboundPayload:
    assert item.payload_enc is not None
    plaintext = cipher.decrypt(item.payload_enc, context=f"outbox:{item.conversation_id}")
    return OutboundPayload.from_json(json.loads(plaintext))


def add_note(
    session: AsyncSession,
    *,
    cipher: DataCipher,
    conversation: Conversation,
    text: str,
    now: datetime,
    author_id: int | None,
    direction: str = "note",
) -> Message:
    """An internal note or activity line: stored like a message, never delivered."""
    message = Message(
        conversation_id=conversation.id,
        channel=conversation.channel,
        direction=direction,
        kind="text",
        body_enc=cipher.encrypt(text, context=body_context(conversation.id)),
        author_id=author_id,
        status="received",
        created_at=now,
    )
    session.add(message)
    return message
