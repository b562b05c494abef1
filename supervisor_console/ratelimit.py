"""Counting failed sign-ins per account and per client address, in Redis when configured, else in memory."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

from core.services import Services


@dataclass
class _Window:
    count: int
    expires: float


@dataclass
class LoginThrottle:
    """Fixed windows of failures; a success clears the account's count (not the address's)."""

    services: Services
    _memory: dict[str, _Window] = field(default_factory=dict)

    def _key(self, kind: str, value: str) -> str:
        # Hashed so Redis holds neither usernames nor addresses in the clear.
        digest = hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()[:32]
        return f"{self.services.redis_prefix}:login-fail:{kind}:{digest}"

    def _keys(self, username: str, address: str) -> list[tuple[str, int]]:
        settings = self.services.settings
        return [
            (self._key("account", username), settings.login_max_failures_per_account),
            (self._key("address", address), settings.login_max_failures_per_address),
        ]

    async def blocked(self, username: str, address: str) -> bool:
        for key, limit in self._keys(username, address):
            if await self._count(key) >= limit:
                return True
        return False

    async def failed(self, username: str, address: str) -> None:
        window = self.services.settings.login_window_seconds
        for key, _limit in self._keys(username, address):
            redis = self.services.redis
            if redis is not None:
                async with redis.pipeline(transaction=True) as pipe:
                    pipe.incr(key)
                    pipe.expire(key, window, nx=True)
                    await pipe.execute()
                continue
            now = time.monotonic()
            current = self._memory.get(key)
            if current is None or current.expires <= now:
                self._memory[key] = _Window(1, now + window)
            else:
                current.count += 1
            if len(self._memory) > 50_000:  # a flood of invented names must not grow memory without bound
                self._memory = {k: w for k, w in self._memory.items() if w.expires > now}

    async def succeeded(self, username: str) -> None:
        key = self._key("account", username)
        if self.services.redis is not None:
            await self.services.redis.delete(key)
        else:
            self._memory.pop(key, None)

    async def _count(self, key: str) -> int:
        if self.services.redis is not None:
            value = await self.services.redis.get(key)
            return int(value or 0)
        current = self._memory.get(key)
        if current is None or current.expires <= time.monotonic():
            return 0
        return current.count
