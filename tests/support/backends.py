"""Real databases for tests: a migrated SQLite template copied per test, one PostgreSQL database per run."""

from __future__ import annotations

import asyncio
import os
import secrets
import shutil
from pathlib import Path

import asyncpg
import pytest
import redis.asyncio as aioredis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.migrations import upgrade_to_head
from core.models import Base

POSTGRES_ADMIN_URL = os.environ.get(
    "LIAISON_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("LIAISON_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
REQUIRE_SERVICES = os.environ.get("LIAISON_REQUIRE_SERVICES") == "1"


def unavailable(what: str) -> None:
    """Skip locally; in CI (LIAISON_REQUIRE_SERVICES=1) a missing service fails the test instead."""
    if REQUIRE_SERVICES:
        pytest.fail(f"{what} is required in CI but not reachable")
    pytest.skip(f"{what} not reachable")


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


async def postgres_reachable() -> bool:
    try:
        connection = await asyncpg.connect(_plain(POSTGRES_ADMIN_URL), timeout=3)
    except (OSError, asyncpg.PostgresError):
        return False
    await connection.close()
    return True


async def redis_reachable() -> bool:
    client = aioredis.Redis.from_url(REDIS_URL)
    try:
        return bool(await client.ping())
    except (OSError, aioredis.RedisError):
        return False
    finally:
        await client.aclose()


def create_postgres_database() -> str:
    """A fresh database migrated to head; returns its SQLAlchemy URL."""
    name = f"liaison_test_{secrets.token_hex(4)}"

    async def create() -> None:
        connection = await asyncpg.connect(_plain(POSTGRES_ADMIN_URL))
        await connection.execute(f'CREATE DATABASE "{name}"')
        await connection.close()

    asyncio.run(create())
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    upgrade_to_head(url)
    return url


def drop_postgres_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]

    async def drop() -> None:
        connection = await asyncpg.connect(_plain(POSTGRES_ADMIN_URL))
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.close()

    asyncio.run(drop())


async def truncate_postgres(url: str) -> None:
    engine = create_async_engine(url)
    tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
    async with engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    await engine.dispose()


def sqlite_template(directory: Path) -> Path:
    path = directory / "template.db"
    upgrade_to_head(f"sqlite+aiosqlite:///{path}")
    return path


def sqlite_copy(template: Path, directory: Path) -> str:
    target = directory / "liaison.db"
    shutil.copyfile(template, target)
    return f"sqlite+aiosqlite:///{target}"
