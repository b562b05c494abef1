"""Delivery statuses from Meta: move an outbound message forward only, whatever order the webhooks arrive in."""

from __future__ import annotations

from sqlalchemy import update

from bot.whatsapp.normalise import CHANNEL, StatusUpdate
from core.audit import AuditCode, record_audit
from core.models import Message
from core.models.message import DELIVERY_ORDER
from core.services import Services

# Statuses a message may still leave; "failed" only replaces a status that does not prove delivery.
_BEFORE: dict[str, tuple[str, ...]] = {
    name: tuple(s for s, rank in DELIVERY_ORDER.items() if 0 < rank < DELIVERY_ORDER[name])
    for name in ("sent", "delivered", "read")
}
_BEFORE["failed"] = ("queued", "sent")


async def do_apply_statuses(*, services: Services, statuses: list[StatusUpdate]) -> int:
    """Apply each status to the message it names (found by the keyed hash of its wamid); returns how many moved.

    Each update is one conditional UPDATE, so two webhooks racing (delivered and read at once) cannot move a
    message backwards, and a replayed status matches nothing: the wamid is the idempotency key.
    """
    if not statuses:
        return 0
    changed: list[tuple[int, str]] = []
    async with services.sessionmaker() as session, session.begin():
        for status in statuses:
            key = services.cipher.lookup_key(f"{CHANNEL}:outbound", status.provider_id)
            values: dict[str, str | None] = {"status": status.status}
            if status.status == "failed":
                values["error"] = (status.error or "whatsapp: not delivered")[:200]
            rows = await session.execute(
                update(Message)
                .where(
                    Message.channel == CHANNEL,
                    Message.provider_key == key,
                    Message.direction == "out",
                    Message.status.in_(_BEFORE[status.status]),
                )
                .values(**values)
                .returning(Message.conversation_id)
            )
            for (conversation_id,) in rows:
                changed.append((conversation_id, status.status))
                if status.status == "failed":
                    record_audit(
                        session,
                        AuditCode.DELIVERY_FAILED,
                        conversation_id=conversation_id,
                        data={"channel": CHANNEL, "error": (status.error or "")[:120]},
                    )
    for conversation_id, name in changed:
        await services.bus.publish({"type": "message.delivery", "conversation_id": conversation_id, "status": name})
    return len(changed)
