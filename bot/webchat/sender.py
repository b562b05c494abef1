"""Web chat delivery: the reply is already stored; the person's page fetches it when told."""

from __future__ import annotations

import secrets

from core.channels import OutboundPayload

CHANNEL = "webchat"


class WebChatSender:
    channel = CHANNEL

    async def send(self, address: str, payload: OutboundPayload) -> str | None:
        # The outbox worker publishes the delivery event that wakes the person's page; nothing leaves here.
        return f"webchat:{secrets.token_hex(8)}"
