"""One test suite over both claim-next index backends: in memory and a real Redis."""

import asyncio
import multiprocessing
import os
import uuid
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
import redis.asyncio as aioredis

from core.levels import Level
from escalation.priority import queue_score
from escalation.queue_index import InMemoryQueueIndex, QueueEntry, QueueIndex, RedisQueueIndex

REDIS_URL = os.environ.get("LIAISON_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def entry(cid: str, level: Level, minutes: float, language: str = "en") -> QueueEntry:
    return QueueEntry(cid, level, T0 + timedelta(minutes=minutes), language)


async def _drop_prefix(client: aioredis.Redis, prefix: str) -> None:
    keys = [key async for key in client.scan_iter(match=f"{prefix}*")]
    if keys:
        await client.delete(*keys)


@pytest.fixture
def redis_prefix() -> str:
    # A hash tag keeps every key of one index in one cluster slot; the random part isolates tests.
    return f"liaison:{{test-{uuid.uuid4().hex}}}:queue"


@pytest.fixture
async def redis_client(redis_prefix: str) -> AsyncIterator[aioredis.Redis]:
    client = aioredis.Redis.from_url(REDIS_URL)
    try:
        yield client
    finally:
        await _drop_prefix(client, redis_prefix)
        await client.aclose()


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.redis)])
async def make_index(request: pytest.FixtureRequest, redis_prefix: str) -> AsyncIterator[Callable[[], QueueIndex]]:
    """A factory: each call is another handle on the same index (another process, for Redis)."""
    if request.param == "memory":
        shared = InMemoryQueueIndex()
        yield lambda: shared
        return
    clients: list[aioredis.Redis] = []

    def factory() -> QueueIndex:
        # A blocking pool makes concurrent callers queue for a connection instead of failing.
        client = aioredis.Redis.from_pool(aioredis.BlockingConnectionPool.from_url(REDIS_URL, max_connections=16))
        clients.append(client)
        return RedisQueueIndex(client, redis_prefix)

    try:
        yield factory
    finally:
        if clients:
            await _drop_prefix(clients[0], redis_prefix)
        for client in clients:
            await client.aclose()


async def drain(index: QueueIndex, languages: list[str], **kwargs: object) -> list[str]:
    out: list[str] = []
    while (cid := await index.claim_next(languages, **kwargs)) is not None:  # type: ignore[arg-type]
        out.append(cid)
    return out


class TestQueueIndex:
    async def test_empty_index_claims_nothing(self, make_index: Callable[[], QueueIndex]) -> None:
        index = make_index()
        assert await index.claim_next(["en"]) is None
        assert await index.claim_next([]) is None
        assert await index.snapshot() == []

    async def test_serves_urgency_then_longest_wait(self, make_index: Callable[[], QueueIndex]) -> None:
        index = make_index()
        entries = [
            entry("low-old", Level.LOW, 0),
            entry("normal-old", Level.NORMAL, 0),
            entry("normal-new", Level.NORMAL, 10),
            entry("high-new", Level.HIGH, 20),
            entry("critical-new", Level.CRITICAL, 30),
            entry("critical-old", Level.CRITICAL, 25),
        ]
        for e in entries:
            await index.put(e)
        expected = ["critical-old", "critical-new", "high-new", "normal-old", "normal-new", "low-old"]
        assert [e.conversation_id for e in await index.snapshot()] == expected
        assert await drain(index, ["en"]) == expected

    async def test_aged_routine_conversation_beats_newer_urgent_ones(
        self, make_index: Callable[[], QueueIndex]
    ) -> None:
        index = make_index()
        await index.put(entry("normal-6h-ago", Level.NORMAL, -6 * 60))
        await index.put(entry("critical-now", Level.CRITICAL, 0))
        assert await drain(index, ["en"]) == ["normal-6h-ago", "critical-now"]

    async def test_snapshot_round_trips_entries(self, make_index: Callable[[], QueueIndex]) -> None:
        index = make_index()
        e = QueueEntry("c1", Level.HIGH, datetime(2026, 11, 23, 10, 0, 0, 123456, tzinfo=UTC), "fa")
        await index.put(e)
        assert await index.snapshot() == [e]

    async def test_put_updates_level_and_language(self, make_index: Callable[[], QueueIndex]) -> None:
        index = make_index()
        await index.put(entry("c1", Level.NORMAL, 0, "en"))
        await index.put(entry("c2", Level.NORMAL, 5, "en"))
        await index.put(entry("c2", Level.CRITICAL, 5, "ar"))  # re-triaged, language corrected
        assert await index.claim_next(["ar"]) == "c2"
        assert await index.claim_next(["ar"]) is None
        assert [e.conversation_id for e in await index.snapshot()] == ["c1"]

    async def test_remove(self, make_index: Callable[[], QueueIndex]) -> None:
        index = make_index()
        await index.put(entry("c1", Level.HIGH, 0))
        await index.put(entry("c2", Level.NORMAL, 0))
        await index.remove("c1")
        await index.remove("never-there")
        assert await drain(index, ["en"]) == ["c2"]

    async def test_offers_only_languages_the_liaison_reads(self, make_index: Callable[[], QueueIndex]) -> None:
        index = make_index()
        await index.put(entry("uk-critical", Level.CRITICAL, 0, "uk"))
        await index.put(entry("en-normal", Level.NORMAL, 5, "en"))
        await index.put(entry("ar-high", Level.HIGH, 1, "ar"))
        assert await drain(index, ["en", "ar"]) == ["ar-high", "en-normal"]
        assert await index.claim_next(["en", "fr"]) is None
        assert [e.conversation_id for e in await index.snapshot()] == ["uk-critical"]

    async def test_supervisor_gets_critical_in_any_language(self, make_index: Callable[[], QueueIndex]) -> None:
        index = make_index()
        await index.put(entry("ti-critical", Level.CRITICAL, 3, "ti"))  # nobody on duty reads Tigrinya
        await index.put(entry("ti-high", Level.HIGH, 0, "ti"))
        await index.put(entry("en-critical", Level.CRITICAL, 2, "en"))
        await index.put(entry("en-normal", Level.NORMAL, 0, "en"))
        claim = index.claim_next(["en"], include_any_language_levels=[Level.CRITICAL])
        assert await claim == "en-critical"
        claim = index.claim_next(["en"], include_any_language_levels=[Level.CRITICAL])
        assert await claim == "ti-critical"
        # Only the listed levels cross the language filter.
        assert await drain(index, ["en"], include_any_language_levels=[Level.CRITICAL]) == ["en-normal"]
        assert await drain(index, [], include_any_language_levels=[Level.HIGH]) == ["ti-high"]

    async def test_rebuild_replaces_everything(self, make_index: Callable[[], QueueIndex]) -> None:
        index = make_index()
        await index.put(entry("stale", Level.CRITICAL, 0, "ru"))
        fresh = [entry(f"c{i}", list(Level)[i % 4], i, ["en", "fr", "es"][i % 3]) for i in range(50)]
        await index.rebuild(reversed(fresh))
        snapshot = await index.snapshot()
        assert {e.conversation_id for e in snapshot} == {e.conversation_id for e in fresh}
        assert [e.conversation_id for e in snapshot] == [
            e.conversation_id for e in sorted(fresh, key=lambda e: queue_score(e.level, e.waiting_since))
        ]
        assert await index.claim_next(["ru"]) is None
        await index.rebuild([])
        assert await index.snapshot() == []

    async def test_equal_scores_break_ties_by_id_in_every_backend(self, make_index: Callable[[], QueueIndex]) -> None:
        index = make_index()
        # Critical at +25 min and high at 0 have the same effective deadline; so do same-time arrivals.
        await index.put(entry("b", Level.CRITICAL, 25, "en"))
        await index.put(entry("a", Level.HIGH, 0, "fr"))
        await index.put(entry("c", Level.HIGH, 0, "en"))
        assert await drain(index, ["en", "fr"]) == ["a", "b", "c"]

    async def test_concurrent_claims_never_share_a_conversation(self, make_index: Callable[[], QueueIndex]) -> None:
        first, second = make_index(), make_index()  # two Redis clients stand for two processes
        ids = [f"c{i:03d}" for i in range(200)]
        await first.rebuild(entry(cid, list(Level)[i % 4], i % 17, ["en", "ar"][i % 2]) for i, cid in enumerate(ids))
        claims = [
            handle.claim_next(["en", "ar"], include_any_language_levels=[Level.CRITICAL])
            for _ in range(150)
            for handle in (first, second)
        ]
        results = await asyncio.gather(*claims)
        claimed = [cid for cid in results if cid is not None]
        assert sorted(claimed) == ids
        assert results.count(None) == 100


def _claim_in_process(url: str, prefix: str) -> list[str]:
    async def run() -> list[str]:
        client = aioredis.Redis.from_url(url)
        try:
            index = RedisQueueIndex(client, prefix)
            out = []
            while (cid := await index.claim_next(["en", "ar"])) is not None:
                out.append(cid)
            return out
        finally:
            await client.aclose()

    return asyncio.run(run())


@pytest.mark.redis
async def test_separate_processes_claim_each_conversation_once(redis_client: aioredis.Redis, redis_prefix: str) -> None:
    ids = [f"p{i:04d}" for i in range(2000)]
    index = RedisQueueIndex(redis_client, redis_prefix)
    await index.rebuild(entry(cid, list(Level)[i % 4], i % 31, ["en", "ar"][i % 2]) for i, cid in enumerate(ids))
    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=3, mp_context=multiprocessing.get_context("spawn")) as pool:
        batches = await asyncio.gather(
            *(loop.run_in_executor(pool, _claim_in_process, REDIS_URL, redis_prefix) for _ in range(3))
        )
    claimed = [cid for batch in batches for cid in batch]
    assert sorted(claimed) == ids
    assert await index.snapshot() == []
