"""Console events: an in-process bus, or Redis pub/sub so several processes see each other's events."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any, Protocol

import redis.asyncio as aioredis
import structlog

log = structlog.get_logger(__name__)

# Events carry ids and kinds only — never message text — so a subscriber re-reads what it may see.
Event = dict[str, Any]


class EventBus(Protocol):
    async def start(self) -> None: ...
    async def stop(self) -> None: ...
    async def publish(self, event: Event) -> None: ...
    def subscribe(self) -> contextlib.AbstractAsyncContextManager[asyncio.Queue[Event]]: ...


class InProcessBus:
    """Fans events out to every subscriber in this process."""

    def __init__(self, queue_size: int = 1000) -> None:
        self._subscribers: set[asyncio.Queue[Event]] = set()
        self._queue_size = queue_size

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        self._subscribers.clear()

    async def publish(self, event: Event) -> None:
        self._deliver_locally(event)

    def _deliver_locally(self, event: Event) -> None:
        for queue in list(self._subscribers):
            try:
                queue.put_nowait(event)
            except asyncio.QueueFull:
                # A stalled page loses events, not the server; it re-fetches its state on reconnect.
                log.warning("event_subscriber_full")

    @contextlib.asynccontextmanager
    async def subscribe(self) -> AsyncIterator[asyncio.Queue[Event]]:
        queue: asyncio.Queue[Event] = asyncio.Queue(self._queue_size)
        self._subscribers.add(queue)
        try:
            yield queue
        finally:
            self._subscribers.discard(queue)


class RedisBus(InProcessBus):
    """Publishes through Redis; one listener per process fans incoming events out locally."""

    def __init__(self, client: aioredis.Redis, prefix: str) -> None:
        super().__init__()
        self._client = client
        self._channel = f"{prefix}:events"
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._listen(), name="redis-event-listener")
        await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await super().stop()

    async def publish(self, event: Event) -> None:
        await self._client.publish(self._channel, json.dumps(event))

    async def _listen(self) -> None:
        while True:
            try:
                async with self._client.pubsub() as pubsub:
                    await pubsub.subscribe(self._channel)
                    self._ready.set()
                    async for item in pubsub.listen():
                        if item.get("type") == "message":
                            self._deliver_locally(json.loads(item["data"]))
            except asyncio.CancelledError:
                raise
            except Exception:  # Redis restarted or the network blinked: reconnect, pages re-fetch on their side
                log.exception("event_listener_reconnect")
                await asyncio.sleep(1)
