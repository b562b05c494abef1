"""Delivering outbox rows after commit: per-person order, honoured rate limits, backoff with jitter."""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
from collections.abc import Mapping
from datetime import datetime, timedelta

import structlog
from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from core.audit import AuditCode, record_audit
from core.channels import ChannelSender, PermanentFailure, RetryLater, TransientFailure
from core.crypto import DataCipher
from core.models import ChannelIdentity, Message, OutboxItem
from core.outbox import decrypt_payload
from core.services import Services

log = structlog.get_logger(__name__)

# A row left in "sending" by a process that died is retried after this lease (at-least-once delivery).
SENDING_LEASE = timedelta(seconds=60)
MAX_BACKOFF_SECONDS = 300.0


def backoff_seconds(attempts: int) -> float:
    """Exponential backoff with full jitter, so many failed sends do not retry in lockstep."""
    ceiling = min(MAX_BACKOFF_SECONDS, 2.0 ** max(attempts, 1))
    return random.uniform(ceiling / 2, ceiling)  # noqa: S311 — jitter, not a secret


class OutboxWorker:
    """Claims due rows, delivers them through the channel's sender, records the outcome."""

    def __init__(self, services: Services, senders: Mapping[str, ChannelSender], batch_size: int = 50) -> None:
        self._services = services
        self._senders = senders
        self._batch_size = batch_size

    async def run(self, stop: asyncio.Event, poll_seconds: float = 1.0) -> None:
        wakeup = self._services.outbox_wakeup
        while not stop.is_set():
            try:
                delivered = await self.run_once()
            except Exception:  # the database blinked; keep the worker alive and try again
                log.exception("outbox_cycle_failed")
                delivered = 0
            if delivered:
                continue
            wakeup.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wakeup.wait(), timeout=poll_seconds)

    async def run_once(self) -> int:
        """Deliver what is due now; returns how many rows were attempted."""
        claimed = await self._claim()
        by_route: dict[tuple[str, int], list[int]] = {}
        for item_id, conversation_id, identity_id in claimed:
            route = ("identity", identity_id) if identity_id is not None else ("conversation", conversation_id)
            by_route.setdefault(route, []).append(item_id)
        await asyncio.gather(*(self._deliver_in_order(ids) for ids in by_route.values()))
        return len(claimed)

    async def _claim(self) -> list[tuple[int, int, int | None]]:
        now = self._services.clock.now()
        earlier = aliased(OutboxItem)
        # Only the oldest undelivered row of each conversation, and of each person's address, is due, so replies
        # arrive in the order written: after "stop" the next message opens a new conversation, and its reply
        # must not overtake the "stopped" reply of the old one.
        blocked_by_earlier = exists().where(
            or_(
                earlier.conversation_id == OutboxItem.conversation_id,
                and_(OutboxItem.identity_id.is_not(None), earlier.identity_id == OutboxItem.identity_id),
            ),
            earlier.id < OutboxItem.id,
            earlier.state.in_(("pending", "sending")),
        )
        due = or_(
            and_(OutboxItem.state == "pending", OutboxItem.next_attempt_at <= now),
            and_(OutboxItem.state == "sending", OutboxItem.locked_until < now),
        )
        async with self._services.sessionmaker() as session, session.begin():
            query = (
                select(OutboxItem.id, OutboxItem.conversation_id, OutboxItem.identity_id)
                .where(due, ~blocked_by_earlier)
                .order_by(OutboxItem.id)
                .limit(self._batch_size)
            )
            if session.get_bind().dialect.name == "postgresql":
                query = query.with_for_update(skip_locked=True, of=OutboxItem)
            rows = [(row[0], row[1], row[2]) for row in await session.execute(query)]
            if rows:
                await session.execute(
                    update(OutboxItem)
                    .where(OutboxItem.id.in_([r[0] for r in rows]))
                    .values(state="sending", locked_until=now + SENDING_LEASE, attempts=OutboxItem.attempts + 1)
                )
        return rows

    async def _deliver_in_order(self, item_ids: list[int]) -> None:
        for item_id in item_ids:
            if not await self._deliver(item_id):
                return  # keep order: later rows wait for this one

    async def _deliver(self, item_id: int) -> bool:
        services = self._services
        async with services.sessionmaker() as session:
            item = await session.get_one(OutboxItem, item_id)
            identity = await session.get(ChannelIdentity, item.identity_id) if item.identity_id else None
        sender = self._senders.get(item.channel)
        address: str | None = None
        if item.state != "cancelled" and item.payload_enc is not None:
            if identity is not None:
                address = services.cipher.decrypt(identity.reply_address_enc, context=f"identity:{item.channel}")
            else:
                # A farewell after /forget has no identity left: its address travels only inside its own payload.
                address = _farewell_address(services.cipher, item)
        if address is None or sender is None:
            await self._finish(item_id, state="failed", error="no route to the person", permanent=True)
            return True
        payload = decrypt_payload(services.cipher, item)
        try:
            provider_id = await sender.send(address, payload)
        except RetryLater as exc:
            await self._reschedule(item_id, seconds=exc.seconds, error=exc.reason)
            return False
        except TransientFailure as exc:
            if item.attempts >= services.settings.outbox_max_attempts:
                await self._finish(item_id, state="failed", error=exc.reason, permanent=True)
                return True
            await self._reschedule(item_id, seconds=backoff_seconds(item.attempts), error=exc.reason)
            return False
        except PermanentFailure as exc:
            await self._finish(item_id, state="failed", error=exc.reason, permanent=True)
            return True
        await self._finish(item_id, state="sent", provider_id=provider_id)
        return True

    async def _reschedule(self, item_id: int, *, seconds: float, error: str) -> None:
        now = self._services.clock.now()
        async with self._services.sessionmaker() as session, session.begin():
            await session.execute(
                update(OutboxItem)
                .where(OutboxItem.id == item_id, OutboxItem.state == "sending")
                .values(state="pending", next_attempt_at=now + timedelta(seconds=seconds), last_error=error)
            )

    async def _finish(
        self,
        item_id: int,
        *,
        state: str,
        error: str | None = None,
        provider_id: str | None = None,
        permanent: bool = False,
    ) -> None:
        services = self._services
        now = services.clock.now()
        async with services.sessionmaker() as session, session.begin():
            item = await session.get_one(OutboxItem, item_id)
            if item.state == "cancelled":
                return
            item.state = state
            item.last_error = error
            item.locked_until = None
            item.payload_enc = None  # delivered or given up: the copy of the text is no longer needed
            message = await session.get(Message, item.message_id) if item.message_id else None
            if message is not None:
                _record_delivery(
                    session,
                    message,
                    item,
                    state=state,
                    error=error,
                    provider_id=provider_id,
                    now=now,
                    cipher=services.cipher,
                )
        await services.bus.publish(
            {"type": "message.delivery", "conversation_id": item.conversation_id, "status": state}
        )


def _farewell_address(cipher: DataCipher, item: OutboxItem) -> str | None:
    """The address a farewell carries in its own payload (handlers.privacy.do_forget_contact writes it)."""
    if item.payload_enc is None:
        return None
    data = json.loads(cipher.decrypt(item.payload_enc, context=f"outbox:{item.conversation_id}"))
    address = data.get("reply_to")
    return address if isinstance(address, str) else None


def _record_delivery(
    session: AsyncSession,
    message: Message,
    item: OutboxItem,
    *,
    state: str,
    error: str | None,
    provider_id: str | None,
    now: datetime,
    cipher: DataCipher,
) -> None:
    if state == "sent":
        if message.status == "queued":
            message.status = "sent"
        message.sent_at = now
        if provider_id is not None:
            # Hashed like inbound ids: the provider's id can embed the person's number (WhatsApp's does).
            message.provider_key = cipher.lookup_key(f"{item.channel}:outbound", provider_id)
        return
    message.status = "failed"
    message.error = error
    record_audit(
        session,
        AuditCode.DELIVERY_FAILED,
        conversation_id=item.conversation_id,
        data={"channel": item.channel, "error": (error or "")[:120]},
    )
