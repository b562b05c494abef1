"""Look for a person's traces everywhere we store anything: every column of every table, and Redis."""

from __future__ import annotations

import json
from typing import Any

import redis.asyncio as aioredis
from sqlalchemy import select

from core.crypto import DataCipher, DecryptionError
from core.models import Base
from core.services import Services


def _contexts(tables: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every associated-data string a value in this database could have been encrypted with."""
    conversation_ids = {row["id"] for row in tables.get("conversations", [])}
    staff_ids = {row["id"] for row in tables.get("staff", [])}
    channels = {row["channel"] for row in tables.get("conversations", [])} | {"telegram", "webchat", "whatsapp"}
    found = [f"identity:{c}" for c in channels] + [f"totp:{s}" for s in staff_ids]
    for cid in conversation_ids:
        found += [f"conversation:{cid}", f"outbox:{cid}", f"escalation:{cid}"]
    return [*found, ""]


def _as_texts(value: Any, cipher: DataCipher, contexts: list[str]) -> list[str]:
    """The value as text, plus its plaintext when it is one of our encrypted values."""
    if value is None:
        return []
    if isinstance(value, bytes | bytearray | memoryview):
        raw = bytes(value)
        texts = [raw.decode("latin-1")]
        for context in contexts:
            try:
                texts.append(cipher.decrypt(raw, context=context))
                break
            except DecryptionError:
                continue
        return texts
    if isinstance(value, dict | list):
        return [json.dumps(value, ensure_ascii=False)]
    return [str(value)]


async def database_rows(services: Services) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {}
    async with services.sessionmaker() as session:
        for table in Base.metadata.sorted_tables:
            rows = await session.execute(select(table).order_by(*table.primary_key.columns))
            tables[table.name] = [dict(row._mapping) for row in rows]
    return tables


async def find_in_database(services: Services, needles: list[str]) -> list[str]:
    """`table.column` for every place a needle occurs, in the clear or inside an encrypted value."""
    tables = await database_rows(services)
    contexts = _contexts(tables)
    hits = []
    for name, rows in tables.items():
        for row in rows:
            for column, value in row.items():
                for text in _as_texts(value, services.cipher, contexts):
                    hits += [f"{name}.{column} has {needle!r}" for needle in needles if needle in text]
    return hits


async def find_in_redis(services: Services, needles: list[str]) -> list[str]:
    """Every key under the project's prefix whose name or value holds a needle."""
    client: aioredis.Redis | None = services.redis
    if client is None:
        return []
    hits = []
    async for key in client.scan_iter(match=f"{services.redis_prefix}*"):
        kind = (await client.type(key)).decode()
        values: list[Any] = [key]
        if kind == "string":
            values.append(await client.get(key))
        elif kind == "hash":
            values += [item for pair in (await client.hgetall(key)).items() for item in pair]
        elif kind == "zset":
            values += await client.zrange(key, 0, -1)
        elif kind == "set":
            values += list(await client.smembers(key))
        elif kind == "list":
            values += await client.lrange(key, 0, -1)
        elif kind == "stream":
            values += [json.dumps(entry, default=repr) for entry in await client.xrange(key)]
        for value in values:
            text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
            hits += [f"redis {key!r} has {needle!r}" for needle in needles if needle in text]
    return hits
