"""Turning a Cloud API webhook payload into channel-neutral InboundMessages and delivery status updates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core.channels import InboundMessage

CHANNEL = "whatsapp"

# Acknowledged and stored as metadata only ("[image]"); nothing is downloaded.
MEDIA_TYPES = frozenset({"image", "audio", "video", "document", "sticker", "location", "contacts"})
STATUSES = frozenset({"sent", "delivered", "read", "failed"})


@dataclass(frozen=True)
class StatusUpdate:
    """What Meta reports about a message we sent: its wamid, the new status and, when it failed, why."""

    provider_id: str
    status: str
    error: str | None = None


@dataclass
class WebhookBatch:
    messages: list[InboundMessage] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)


def normalise_payload(data: Any, received_at: datetime, phone_number_id: str | None) -> WebhookBatch:
    """Every message and status in the payload for our phone number; other kinds are acknowledged and ignored.

    Raises ValueError, KeyError or TypeError for a payload that is not shaped like a Cloud API webhook.
    """
    batch = WebhookBatch()
    if not isinstance(data, dict) or data.get("object") != "whatsapp_business_account":
        raise ValueError("not a WhatsApp Business Account webhook")
    for entry in data["entry"]:
        for change in entry.get("changes", []):
            value = change.get("value") or {}
            if change.get("field") != "messages" or value.get("messaging_product") != "whatsapp":
                continue
            # One app can serve several numbers; answer only what was written to ours.
            if phone_number_id and value.get("metadata", {}).get("phone_number_id") != phone_number_id:
                continue
            contacts = value.get("contacts", [])
            for message in value.get("messages", []):
                inbound = _message(message, contacts, received_at)
                if inbound is not None:
                    batch.messages.append(inbound)
            batch.statuses.extend(s for s in map(_status, value.get("statuses", [])) if s is not None)
    return batch


def _person(message: dict[str, Any], contacts: list[dict[str, Any]]) -> tuple[str, str, str | None] | None:
    """(identity key, reply address, earlier key): the business-scoped user id when present, else the wa_id.

    When both are present the wa_id is passed on as the earlier key, so a person we first knew by their number keeps
    their contact and conversation once Meta starts sending their user id.

    The reply goes to the wa_id when we have one (every Cloud API version accepts it) and otherwise to the
    user id, for people who hide their number behind a username.
    """
    wa_id = message.get("from")
    user_id = message.get("from_user_id")
    contact = _contact_for(contacts, wa_id, user_id)
    wa_id = wa_id or contact.get("wa_id")
    user_id = user_id or contact.get("user_id")
    sender = user_id or wa_id
    address = wa_id or user_id
    if not sender or not address:
        return None
    earlier = str(wa_id) if user_id and wa_id else None
    return str(sender), str(address), earlier


def _contact_for(contacts: list[dict[str, Any]], wa_id: str | None, user_id: str | None) -> dict[str, Any]:
    for contact in contacts:
        if (wa_id and contact.get("wa_id") == wa_id) or (user_id and contact.get("user_id") == user_id):
            return contact
    return contacts[0] if len(contacts) == 1 else {}


def _message(message: dict[str, Any], contacts: list[dict[str, Any]], received_at: datetime) -> InboundMessage | None:
    person = _person(message, contacts)
    kind = message.get("type")
    if person is None or not message.get("id"):
        return None
    sender, address, earlier = person
    common: dict[str, Any] = {
        "channel": CHANNEL,
        "sender_id": sender,
        "reply_address": address,
        "extra": {"previous_sender_id": earlier} if earlier else {},
        # The wamid embeds the person's number; do_receive_inbound stores only its keyed hash.
        "message_id": str(message["id"]),
        "received_at": received_at,
    }
    if kind == "text":
        return InboundMessage(kind="text", text=str(message["text"]["body"]), **common)
    if kind == "interactive":
        interactive = message["interactive"]
        reply = interactive.get(interactive.get("type", ""), {})
        if interactive.get("type") in ("button_reply", "list_reply") and reply.get("id"):
            # The title is the label the person tapped; the transcript shows it, routing reads only the id.
            title = str(reply.get("title", ""))[:64]
            return InboundMessage(kind="button", button_data=str(reply["id"]), text=title, **common)
        return None
    if kind == "button":  # a quick-reply button on a template
        payload = message["button"].get("payload")
        return InboundMessage(kind="button", button_data=str(payload), **common) if payload else None
    if kind in MEDIA_TYPES:
        return InboundMessage(kind="media", media_type=kind, **common)
    # Reactions, edits, revocations, "unsupported" and system notices need no answer and change nothing.
    return None


def _status(status: dict[str, Any]) -> StatusUpdate | None:
    name = status.get("status")
    if name not in STATUSES or not status.get("id"):
        return None
    error = None
    if name == "failed":
        error = _describe_errors(status.get("errors") or [])
    return StatusUpdate(provider_id=str(status["id"]), status=str(name), error=error)


def _describe_errors(errors: list[dict[str, Any]]) -> str:
    if not errors:
        return "whatsapp: not delivered"
    first = errors[0]
    title = first.get("title") or first.get("message") or "not delivered"
    details = (first.get("error_data") or {}).get("details")
    text = f"whatsapp {first.get('code', '?')}: {title}"
    return f"{text} — {details}" if details else text
