"""Sending through the Bot API and translating its errors into the outbox's vocabulary."""

from __future__ import annotations

from datetime import timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from core.channels import OutboundPayload, PermanentFailure, RetryLater, TransientFailure


class TelegramSender:
    channel = "telegram"

    def __init__(self, bot: ExtBot[int]) -> None:
        self._bot = bot

    async def send(self, address: str, payload: OutboundPayload) -> str | None:
        markup = None
        if payload.buttons:
            markup = InlineKeyboardMarkup(
                [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in payload.buttons]
            )
        try:
            if payload.document is not None:
                sent = await self._bot.send_document(
                    chat_id=int(address),
                    document=InputFile(payload.document.content, filename=payload.document.filename),
                    caption=payload.text or None,
                    reply_markup=markup,
                )
            else:
                sent = await self._bot.send_message(chat_id=int(address), text=payload.text, reply_markup=markup)
        except RetryAfter as exc:
            wait = exc.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            raise RetryLater("telegram: too many requests", seconds) from exc
        except (Forbidden, BadRequest) as exc:
            # Blocked by the user, chat not found, message malformed: trying again cannot help.
            raise PermanentFailure(f"telegram: {exc.message}") from exc
        except NetworkError as exc:  # includes TimedOut and 5xx answers
            raise TransientFailure("telegram: network or server error") from exc
        except TelegramError as exc:
            raise TransientFailure("telegram: unexpected error") from exc
        # Telegram's message ids are unique per chat only; the chat makes the id unique for the service.
        return f"{address}:{sent.message_id}"
