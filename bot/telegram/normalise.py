"""Turning a Telegram update into one channel-neutral InboundMessage (or nothing, for kinds we ignore)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from telegram import Update

from core.channels import InboundMessage

CHANNEL = "telegram"

_MEDIA_KINDS = (
    "photo",
    "video",
    "voice",
    "audio",
    "document",
    "sticker",
    "location",
    "contact",
    "video_note",
    "animation",
)


def parse_update(data: dict[str, Any]) -> Update:
    return Update.de_json(data)


def normalise_update(update: Update, received_at: datetime) -> InboundMessage | None:
    """Text, commands and button presses from private chats; everything else is acknowledged and ignored."""
    if update.callback_query is not None:
        query = update.callback_query
        chat = query.message.chat if query.message is not None else None
        if chat is None or chat.type != "private" or query.data is None:
            return None
        return InboundMessage(
            channel=CHANNEL,
            sender_id=str(query.from_user.id),
            reply_address=str(chat.id),
            message_id=f"callback:{query.id}",
            received_at=received_at,
            kind="button",
            button_data=query.data,
            language_hint=query.from_user.language_code,
            extra={"callback_query_id": query.id},
        )
    message = update.message
    if message is None or message.chat.type != "private" or message.from_user is None:
        # Edits, channel posts, member changes (e.g. the person blocked us) need no reply and change nothing.
        return None
    common: dict[str, Any] = {
        "channel": CHANNEL,
        "sender_id": str(message.from_user.id),
        "reply_address": str(message.chat.id),
        # Telegram's message ids are unique per chat only, so the chat is part of the key (hashed before storage).
        "message_id": f"{message.chat.id}:{message.message_id}",
        "received_at": received_at,
        "language_hint": message.from_user.language_code,
    }
    if message.text is not None:
        return InboundMessage(kind="text", text=message.text, **common)
    media = next((kind for kind in _MEDIA_KINDS if getattr(message, kind, None)), None)
    if media is not None:
        return InboundMessage(kind="media", media_type=media, **common)
    return None
