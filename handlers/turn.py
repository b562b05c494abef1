"""One inbound message being handled: what the routers see and how they answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from core.channels import Button, InboundMessage, OutboundPayload
from core.events import Event
from core.models import ChannelIdentity, Contact, Conversation, Message
from core.outbox import enqueue_outbound
from core.services import Services


@dataclass
class Turn:
    """Everything a router may read or change, inside the transaction that stored the message."""

    session: AsyncSession
    services: Services
    inbound: InboundMessage
    contact: Contact
    identity: ChannelIdentity
    conversation: Conversation
    message: Message
    now: datetime
    is_new_contact: bool
    is_new_conversation: bool
    events: list[Event] = field(default_factory=list)
    outbound: int = 0
    # Set by the consent router: the privacy notice goes out after whatever the message itself needed.
    offer_notice: bool = False
    # Emergency numbers already went out in this turn (an urgent first message), so nobody sends them twice.
    emergency_sent: bool = False
    # A reply the channel shows itself after /forget, when no identity is left to look the conversation up by.
    farewell: str | None = None
    # Run after commit, in order (index and Redis clean-up that must not happen if the transaction rolls back).
    after_commit: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    @property
    def language(self) -> str:
        from content.languages import normalise_language

        return normalise_language(self.contact.language or self.inbound.language_hint)

    def send(self, payload: OutboundPayload, *, kind: str = "system") -> Message:
        """Queue a message to the person; it is delivered after this transaction commits."""
        message, _item = enqueue_outbound(
            self.session,
            cipher=self.services.cipher,
            conversation=self.conversation,
            payload=payload,
            now=self.now,
            kind=kind,
        )
        self.outbound += 1
        return message

    def send_reply(
        self, key: str, *, buttons: tuple[tuple[Button, ...], ...] = (), kind: str = "system", **variables: Any
    ) -> Message:
        """Render a reviewed reply in the person's language and queue it."""
        from content.render import get_catalog

        text = get_catalog().render(key, self.language, **variables)
        return self.send(OutboundPayload(text=text, buttons=buttons), kind=kind)

    def publish(self, kind: str, **data: Any) -> None:
        """Queue a console event for after commit; events carry ids, never text."""
        self.events.append({"type": kind, "conversation_id": self.conversation.id, **data})
