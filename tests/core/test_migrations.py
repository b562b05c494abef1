"""Alembic migrations build the schema on empty SQLite and PostgreSQL, and the models match them."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.migrations import upgrade_to_head
from core.db import make_engine
from core.models import Base
from tests.support import backends


async def _schema_drift(url: str) -> list[object]:
    engine = make_engine(url)
    async with engine.connect() as connection:
        diff = await connection.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync, opts={"compare_type": True}), Base.metadata)
        )
        tables = await connection.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    await engine.dispose()
    assert set(Base.metadata.tables) <= tables
    return list(diff)


def _in_thread(function, *args):  # type: ignore[no-untyped-def]
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(function, *args).result()


async def test_sqlite_upgrade_from_empty_matches_models(tmp_path: Path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
    _in_thread(upgrade_to_head, url)
    assert await _schema_drift(url) == []


@pytest.mark.postgres
async def test_postgres_upgrade_from_empty_matches_models():
    if not await backends.postgres_reachable():
        backends.unavailable("PostgreSQL")
    url = _in_thread(backends.create_postgres_database)
    try:
        assert await _schema_drift(url) == []
    finally:
        await asyncio.to_thread(backends.drop_postgres_database, url)
