"""Suite-wide fixtures: settings, a database per backend, Redis with a private prefix, the fake Bot API."""

from __future__ import annotations

import asyncio
import base64
import os
import secrets
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as aioredis

# PTB 22 warns on every RetryAfter unless this opt-in is set (the app sets it too, when it builds a bot).
os.environ.setdefault("PTB_TIMEDELTA", "1")

from core.settings import Settings
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.support import backends

WEBHOOK_SECRET = "test-webhook-secret-" + "x" * 16


def _data_key() -> str:
    return "k1:" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path: Path = _off_loop(backends.sqlite_template, tmp_path_factory.mktemp("sqlite-template"))
    return path


def _off_loop(function: Callable[..., Any], *args: Any) -> Any:
    """Run set-up code that calls asyncio.run (Alembic's env does) on a thread with no running loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str | None]:
    if not _off_loop(asyncio.run, backends.postgres_reachable()):
        yield None
        return
    url: str = _off_loop(backends.create_postgres_database)
    try:
        yield url
    finally:
        _off_loop(backends.drop_postgres_database, url)


@pytest.fixture
def postgres_url(postgres_database: str | None) -> str:
    if postgres_database is None:
        backends.unavailable("PostgreSQL")
        raise AssertionError  # unreachable: unavailable() skips or fails
    _off_loop(asyncio.run, backends.truncate_postgres(postgres_database))
    return postgres_database


@pytest.fixture
def redis_url() -> str:
    if not _off_loop(asyncio.run, backends.redis_reachable()):
        backends.unavailable("Redis")
    return backends.REDIS_URL


@pytest.fixture
def redis_prefix() -> str:
    return f"liaison-test-{secrets.token_hex(6)}"


async def _delete_prefix(prefix: str) -> None:
    client = aioredis.Redis.from_url(backends.REDIS_URL)
    try:
        keys = [key async for key in client.scan_iter(match=f"{prefix}*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


@pytest.fixture
def redis_cleanup(redis_prefix: str) -> Iterator[None]:
    yield
    _off_loop(asyncio.run, _delete_prefix(redis_prefix))


@pytest.fixture(params=["sqlite", "postgres+redis"])
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    if name == "postgres+redis":
        request.applymarker(pytest.mark.postgres)
        request.applymarker(pytest.mark.redis)
    return name


@pytest.fixture
def backend_urls(
    backend: str, request: pytest.FixtureRequest, sqlite_template: Path, tmp_path: Path
) -> tuple[str, str | None]:
    """(database URL, Redis URL or None) for the current backend."""
    if backend == "sqlite":
        return backends.sqlite_copy(sqlite_template, tmp_path), None
    database_url: str = request.getfixturevalue("postgres_url")
    redis: str = request.getfixturevalue("redis_url")
    request.getfixturevalue("redis_cleanup")
    return database_url, redis


@pytest.fixture
def fake_telegram() -> Iterator[FakeTelegramAPI]:
    with FakeTelegramAPI() as fake:
        yield fake


@pytest.fixture
def make_settings(
    backend_urls: tuple[str, str | None], redis_prefix: str, fake_telegram: FakeTelegramAPI, tmp_path: Path
) -> Callable[..., Settings]:
    database_url, redis = backend_urls
    data_key = _data_key()
    secret_key = secrets.token_urlsafe(48)

    def factory(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "database_url": database_url,
            "redis_url": redis,
            "redis_prefix": redis_prefix,
            "secret_key": secret_key,
            "data_key": data_key,
            "telegram_token": fake_telegram.token,
            "telegram_api_url": fake_telegram.api_url,
            "telegram_webhook_secret": WEBHOOK_SECRET,
            "cookie_secure": False,
            "demo_secrets_file": tmp_path / "demo-secrets.json",
        }
        values.update(overrides)
        return Settings(**values)

    return factory
