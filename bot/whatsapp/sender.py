"""Sending through the Cloud API with pywa and translating its errors into the outbox's vocabulary."""

from __future__ import annotations

import random
from collections import OrderedDict

import httpx
from pywa.types.callback import Button as ReplyButton
from pywa.types.callback import Section, SectionList, SectionRow
from pywa_async.client import WhatsApp
from pywa_async.errors import WhatsAppError
from pywa_async.types.templates import TemplateLanguage

from core.channels import Button, OutboundPayload, PermanentFailure, RetryLater, TransientFailure
from core.settings import Settings

TEXT_LIMIT = 4096  # a text message's body
INTERACTIVE_BODY_LIMIT = 1024  # the body of a button or list message
MAX_REPLY_BUTTONS, REPLY_TITLE_LIMIT = 3, 20
MAX_LIST_ROWS, ROW_TITLE_LIMIT, ROW_DESCRIPTION_LIMIT = 10, 24, 72
# The button that opens a list: a symbol reads the same in every language we serve.
LIST_BUTTON_TITLE = "☰"
MORE_CHOICES = "👇"

# Throughput (130429), pair rate (131056), app (4) and account (80007) limits: the send may succeed later.
RATE_LIMITED = {130429: 2.0, 131056: 6.0, 4: 60.0, 80007: 60.0}
TRANSIENT = frozenset({1, 2, 131000, 131016, 133004})
REENGAGEMENT = 131047
MAX_RATE_BACKOFF = 300.0


def build_whatsapp_sender(settings: Settings) -> WhatsAppSender:
    from bot.whatsapp.client import build_whatsapp_client

    return WhatsAppSender(*build_whatsapp_client(settings))


class WhatsAppSender:
    channel = "whatsapp"

    def __init__(self, client: WhatsApp, session: httpx.AsyncClient) -> None:
        self._client = client
        self._session = session
        # Consecutive rate-limit answers per recipient (or "*" for the whole number), reset by a success.
        self._strikes: OrderedDict[str, int] = OrderedDict()

    async def aclose(self) -> None:
        await self._session.aclose()

    async def send(self, address: str, payload: OutboundPayload) -> str | None:
        try:
            provider_id = await self._send(address, payload)
        except WhatsAppError as exc:
            raise self._translate(exc, address) from exc
        except httpx.HTTPError as exc:  # timeouts, refused connections, broken streams
            raise TransientFailure("whatsapp: network error") from exc
        self._strikes.pop(address, None)
        self._strikes.pop("*", None)
        return provider_id

    async def _send(self, address: str, payload: OutboundPayload) -> str:
        client = self._client
        if payload.template is not None:
            template = await client.send_template(
                to=address, name=payload.template.name, language=TemplateLanguage(payload.template.language)
            )
            return template.id
        if payload.document is not None:
            document = payload.document
            caption = payload.text[:INTERACTIVE_BODY_LIMIT] or None
            sent_doc = await client.send_document(
                to=address,
                document=document.content,
                filename=document.filename,
                mime_type=document.mime_type,
                caption=caption,
            )
            return sent_doc.id
        buttons = [button for row in payload.buttons for button in row]
        text = payload.text or "…"
        if not buttons:
            return await self._send_text(address, text)
        if len(text) > INTERACTIVE_BODY_LIMIT:
            # Too long to carry the buttons: the text goes first, the choices follow under a pointer.
            await self._send_text(address, text)
            text = MORE_CHOICES
        sent_id = ""
        # A list holds at most ten rows; more choices follow in further lists rather than being dropped.
        for start in range(0, len(buttons), MAX_LIST_ROWS):
            chunk = buttons[start : start + MAX_LIST_ROWS]
            sent = await client.send_message(
                to=address, text=text if start == 0 else MORE_CHOICES, buttons=keyboard(chunk)
            )
            sent_id = sent.id
        return sent_id

    async def _send_text(self, address: str, text: str) -> str:
        sent_id = ""
        for start in range(0, len(text), TEXT_LIMIT):
            sent = await self._client.send_message(to=address, text=text[start : start + TEXT_LIMIT])
            sent_id = sent.id
        return sent_id

    def _translate(self, exc: WhatsAppError, address: str) -> Exception:
        code = exc.code
        reason = f"whatsapp {code}: {_title(exc)}"
        if code in RATE_LIMITED:
            key = "*" if code == 130429 else address
            return RetryLater(reason, self._backoff(key, RATE_LIMITED[code]))
        if code == REENGAGEMENT:
            return PermanentFailure(
                f"whatsapp {code}: more than 24 hours since the person last wrote; only an approved template "
                "can reach them now"
            )
        if code in TRANSIENT or exc.is_transient or (exc.status_code or 0) >= 500:
            return TransientFailure(reason)
        return PermanentFailure(reason)

    def _backoff(self, key: str, base: float) -> float:
        """Exponential in the consecutive refusals, with jitter so queued replies do not retry in lockstep."""
        strikes = self._strikes.pop(key, 0) + 1
        self._strikes[key] = strikes
        while len(self._strikes) > 10_000:  # bounded: forget the longest-quiet recipients first
            self._strikes.popitem(last=False)
        ceiling = min(MAX_RATE_BACKOFF, base * 2 ** (strikes - 1))
        return random.uniform(ceiling / 2, ceiling)  # noqa: S311 — jitter, not a secret


def keyboard(buttons: list[Button]) -> list[ReplyButton] | SectionList:
    """Up to three short choices as reply buttons; more (the seven-language picker) as a list."""
    labels = [b.label for b in buttons]
    fits = all(0 < len(label) <= REPLY_TITLE_LIMIT for label in labels) and len(set(labels)) == len(labels)
    if len(buttons) <= MAX_REPLY_BUTTONS and fits:
        return [ReplyButton(title=b.label, callback_data=b.data) for b in buttons]
    rows = [_row(b) for b in buttons]
    return SectionList(button_title=LIST_BUTTON_TITLE, sections=[Section(title=LIST_BUTTON_TITLE, rows=rows)])


def _row(button: Button) -> SectionRow:
    if len(button.label) <= ROW_TITLE_LIMIT:
        return SectionRow(title=button.label, callback_data=button.data)
    # A long label is cut in the title and given whole (as far as it fits) in the description.
    return SectionRow(
        title=button.label[: ROW_TITLE_LIMIT - 1] + "…",
        callback_data=button.data,
        description=button.label[:ROW_DESCRIPTION_LIMIT],
    )


def _title(exc: WhatsAppError) -> str:
    # Graph messages start with "(#code) "; the code is already in front of the reason.
    message = str(exc.message).removeprefix(f"(#{exc.code}) ")
    return message[:150]
