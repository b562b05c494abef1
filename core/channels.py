"""The two-method port every channel adapter implements, and the errors delivery understands."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol


@dataclass(frozen=True)
class Button:
    label: str
    data: str


@dataclass(frozen=True)
class Document:
    filename: str
    content: bytes
    mime_type: str = "text/plain"


@dataclass(frozen=True)
class Template:
    """A message template the provider approved in advance (WhatsApp, outside its 24-hour window)."""

    name: str
    language: str


@dataclass(frozen=True)
class OutboundPayload:
    """What we want a person to receive; adapters translate it into their provider's shape."""

    text: str = ""
    buttons: tuple[tuple[Button, ...], ...] = ()
    document: Document | None = None
    template: Template | None = None  # channels without templates send `text`

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text}
        if self.buttons:
            data["buttons"] = [[{"label": b.label, "data": b.data} for b in row] for row in self.buttons]
        if self.document is not None:
            data["document"] = {
                "filename": self.document.filename,
                "content": self.document.content.decode(),
                "mime_type": self.document.mime_type,
            }
        if self.template is not None:
            data["template"] = {"name": self.template.name, "language": self.template.language}
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OutboundPayload:
        rows = tuple(tuple(Button(b["label"], b["data"]) for b in row) for row in data.get("buttons", []))
        doc = data.get("document")
        document = (
            Document(doc["filename"], doc["content"].encode(), doc.get("mime_type", "text/plain")) if doc else None
        )
        tpl = data.get("template")
        template = Template(tpl["name"], tpl["language"]) if tpl else None
        return cls(text=data.get("text", ""), buttons=rows, document=document, template=template)


@dataclass(frozen=True)
class InboundMessage:
    """One message from a person, normalised from any provider's payload."""

    channel: str
    sender_id: str  # the provider's id for the person; only its keyed hash is stored
    reply_address: str  # where replies go; stored encrypted
    message_id: str  # the provider's id for this message: the idempotency key (hashed before storage)
    received_at: datetime
    kind: str = "text"  # text / button / media
    text: str = ""
    button_data: str | None = None
    language_hint: str | None = None
    media_type: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class DeliveryError(Exception):
    """Base class for what a channel can answer when a send fails."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason[:200]


class RetryLater(DeliveryError):
    """The provider asked us to wait (Telegram 429 retry_after, WhatsApp throughput errors)."""

    def __init__(self, reason: str, seconds: float) -> None:
        super().__init__(reason)
        self.seconds = seconds


class TransientFailure(DeliveryError):
    """A 5xx or a network error: try again with backoff."""


class PermanentFailure(DeliveryError):
    """The provider will never accept this (blocked by the user, chat not found): show it, do not retry."""


class ChannelSender(Protocol):
    """An adapter's outbound half; the inbound half is its webhook route."""

    channel: str

    async def send(self, address: str, payload: OutboundPayload) -> str | None:
        """Deliver and return the provider's message id when it gives one."""
        ...
