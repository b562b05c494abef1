"""Claim-next index over waiting conversations, in memory or in Redis; the database stays the truth."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Collection, Iterable
from datetime import datetime

import redis.asyncio as aioredis

from core.levels import Level
from core.queue_port import QueueEntry, QueueIndex
from escalation.priority import DEFAULT_POLICY, QueuePolicy, queue_score

__all__ = ["InMemoryQueueIndex", "QueueEntry", "QueueIndex", "RedisQueueIndex"]


def _order(score: float, conversation_id: str) -> tuple[float, str]:
    # Equal scores fall back to the id, as a Redis sorted set does, so both backends agree.
    return (score, conversation_id)


class InMemoryQueueIndex:
    """The embedded-mode index: one process, so an asyncio.Lock makes claim-next atomic."""

    def __init__(self, policy: QueuePolicy = DEFAULT_POLICY) -> None:
        self._policy = policy
        self._entries: dict[str, tuple[tuple[float, str], QueueEntry]] = {}
        self._lock = asyncio.Lock()

    def _keyed(self, entry: QueueEntry) -> tuple[tuple[float, str], QueueEntry]:
        score = queue_score(entry.level, entry.waiting_since, self._policy)
        return (_order(score, entry.conversation_id), entry)

    async def put(self, entry: QueueEntry) -> None:
        async with self._lock:
            self._entries[entry.conversation_id] = self._keyed(entry)

    async def remove(self, conversation_id: str) -> None:
        async with self._lock:
            self._entries.pop(conversation_id, None)

    async def claim_next(
        self, languages: Collection[str], *, include_any_language_levels: Collection[Level] = ()
    ) -> str | None:
        allowed, any_language = set(languages), set(include_any_language_levels)
        async with self._lock:
            eligible = [
                item for item in self._entries.values() if item[1].language in allowed or item[1].level in any_language
            ]
            if not eligible:
                return None
            _, best = min(eligible, key=lambda item: item[0])
            del self._entries[best.conversation_id]
            return best.conversation_id

    async def rebuild(self, entries: Iterable[QueueEntry]) -> None:
        fresh = {entry.conversation_id: self._keyed(entry) for entry in entries}
        async with self._lock:
            self._entries = fresh

    async def snapshot(self) -> list[QueueEntry]:
        async with self._lock:
            return [entry for _, entry in sorted(self._entries.values(), key=lambda item: item[0])]


# Scripts build some key names from the prefix (an entry's old language is only known inside the
# script). Put a hash tag in the prefix, e.g. "liaison:{queue}", so Redis Cluster keeps them together.
_LUA_UNINDEX = """
local function unindex(prefix, entries, id)
  local raw = redis.call('HGET', entries, id)
  if raw then
    local old = cjson.decode(raw)
    redis.call('ZREM', prefix .. ':lang:' .. old.language, id)
    redis.call('ZREM', prefix .. ':level:' .. old.level, id)
    redis.call('HDEL', entries, id)
  end
end
local function index(prefix, entries, id, score, level, language, raw)
  redis.call('ZADD', prefix .. ':lang:' .. language, score, id)
  redis.call('ZADD', prefix .. ':level:' .. level, score, id)
  redis.call('SADD', prefix .. ':languages', language)
  redis.call('HSET', entries, id, raw)
end
"""

# KEYS[1] entries hash; ARGV prefix, id, score, level, language, json
_PUT = (
    _LUA_UNINDEX
    + """
unindex(ARGV[1], KEYS[1], ARGV[2])
index(ARGV[1], KEYS[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6])
return 1
"""
)

# KEYS[1] entries hash; ARGV prefix, id
_REMOVE = (
    _LUA_UNINDEX
    + """
unindex(ARGV[1], KEYS[1], ARGV[2])
return 1
"""
)

# KEYS[1] entries hash, KEYS[2..] the candidate sets (allowed languages, any-language levels);
# ARGV prefix. Runs as one script, so no other client can claim between the look and the removal.
_CLAIM = (
    _LUA_UNINDEX
    + """
-- Byte order, like a sorted set's tie-break; Lua's '<' uses the server's collation locale.
local function before(a, b)
  local n = math.min(#a, #b)
  for i = 1, n do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end
local best, best_score
for i = 2, #KEYS do
  local head = redis.call('ZRANGE', KEYS[i], 0, 0, 'WITHSCORES')
  if head[1] then
    local score = tonumber(head[2])
    if best == nil or score < best_score or (score == best_score and before(head[1], best)) then
      best, best_score = head[1], score
    end
  end
end
if best == nil then return false end
unindex(ARGV[1], KEYS[1], best)
-- Also drop it from the sets we looked at, so an id without data cannot be handed out forever.
for i = 2, #KEYS do redis.call('ZREM', KEYS[i], best) end
return best
"""
)

# KEYS[1] entries hash; ARGV prefix, then (id, score, level, language, json) per entry.
_REBUILD = (
    _LUA_UNINDEX
    + """
local prefix, entries = ARGV[1], KEYS[1]
for _, language in ipairs(redis.call('SMEMBERS', prefix .. ':languages')) do
  redis.call('DEL', prefix .. ':lang:' .. language)
end
for _, level in ipairs({'critical', 'high', 'normal', 'low'}) do
  redis.call('DEL', prefix .. ':level:' .. level)
end
redis.call('DEL', entries, prefix .. ':languages')
for i = 2, #ARGV, 5 do
  index(prefix, entries, ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4])
end
return 1
"""
)


class RedisQueueIndex:
    """Scaled-mode index: a sorted set per language and per level, a hash of entries, Lua for atomicity."""

    def __init__(self, redis: aioredis.Redis, prefix: str, policy: QueuePolicy = DEFAULT_POLICY) -> None:
        self._redis = redis
        self._prefix = prefix
        self._policy = policy
        self._entries_key = f"{prefix}:entries"
        self._put = redis.register_script(_PUT)
        self._remove = redis.register_script(_REMOVE)
        self._claim = redis.register_script(_CLAIM)
        self._rebuild = redis.register_script(_REBUILD)

    def _args(self, entry: QueueEntry) -> list[str]:
        score = queue_score(entry.level, entry.waiting_since, self._policy)
        raw = json.dumps(
            {
                "level": entry.level.value,
                "language": entry.language,
                "waiting_since": entry.waiting_since.isoformat(),
            }
        )
        # repr() is the shortest string that parses back to the same double, so Redis stores
        # exactly the score the in-memory index would use.
        return [entry.conversation_id, repr(score), entry.level.value, entry.language, raw]

    async def put(self, entry: QueueEntry) -> None:
        await self._put(keys=[self._entries_key], args=[self._prefix, *self._args(entry)])

    async def remove(self, conversation_id: str) -> None:
        await self._remove(keys=[self._entries_key], args=[self._prefix, conversation_id])

    async def claim_next(
        self, languages: Collection[str], *, include_any_language_levels: Collection[Level] = ()
    ) -> str | None:
        candidates = [f"{self._prefix}:lang:{language}" for language in sorted(set(languages))]
        candidates += [f"{self._prefix}:level:{Level(level).value}" for level in set(include_any_language_levels)]
        if not candidates:
            return None
        claimed = await self._claim(keys=[self._entries_key, *candidates], args=[self._prefix])
        if claimed is None:
            return None
        return claimed.decode() if isinstance(claimed, bytes) else str(claimed)

    async def rebuild(self, entries: Iterable[QueueEntry]) -> None:
        flat: list[str] = [self._prefix]
        for entry in {entry.conversation_id: entry for entry in entries}.values():
            flat += self._args(entry)
        await self._rebuild(keys=[self._entries_key], args=flat)

    async def snapshot(self) -> list[QueueEntry]:
        raw: dict[bytes | str, bytes | str] = await self._redis.hgetall(self._entries_key)
        entries = [self._decode(_text(key), _text(value)) for key, value in raw.items()]
        return sorted(
            entries,
            key=lambda e: _order(queue_score(e.level, e.waiting_since, self._policy), e.conversation_id),
        )

    @staticmethod
    def _decode(conversation_id: str, raw: str) -> QueueEntry:
        data = json.loads(raw)
        return QueueEntry(
            conversation_id=conversation_id,
            level=Level(data["level"]),
            waiting_since=datetime.fromisoformat(data["waiting_since"]),
            language=data["language"],
        )


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value
