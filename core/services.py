"""The long-lived objects one process shares, built by the app factory and passed to whoever needs them."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import redis.asyncio as aioredis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.clock import Clock
from core.crypto import DataCipher, cipher_from_settings
from core.db import make_engine, make_sessionmaker
from core.events import EventBus, InProcessBus, RedisBus
from core.queue_port import QueueIndex
from core.settings import Settings


@dataclass
class Services:
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    cipher: DataCipher
    clock: Clock
    bus: EventBus
    redis: aioredis.Redis | None
    # The Redis claim-next index when Redis is configured; without it the database query serves claim-next.
    queue_index: QueueIndex | None = None
    # Set whenever a new outbox row is committed, so the worker wakes at once instead of at its next poll.
    outbox_wakeup: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def redis_prefix(self) -> str:
        return self.settings.redis_prefix

    async def aclose(self) -> None:
        await self.bus.stop()
        if self.redis is not None:
            await self.redis.aclose()
        await self.engine.dispose()


def build_services(settings: Settings, *, clock: Clock | None = None) -> Services:
    """Create engines and clients; nothing connects until first used, and nothing is built at import time."""
    engine = make_engine(settings.database_url)
    assert settings.secret_key is not None
    cipher = cipher_from_settings(settings.data_keys, settings.current_key_id, settings.secret_key.get_secret_value())
    redis_client: aioredis.Redis | None = None
    bus: EventBus
    if settings.redis_url:
        redis_client = aioredis.Redis.from_url(settings.redis_url, decode_responses=False)
        bus = RedisBus(redis_client, settings.redis_prefix)
    else:
        bus = InProcessBus()
    return Services(
        settings=settings,
        engine=engine,
        sessionmaker=make_sessionmaker(engine),
        cipher=cipher,
        clock=clock or Clock(),
        bus=bus,
        redis=redis_client,
    )
