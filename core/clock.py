"""The one place time is read, so tests can move it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta


def utcnow() -> datetime:
    """Timezone-aware UTC now."""
    return datetime.now(UTC)


class Clock:
    """A clock the app asks for the time; tests replace `now` or advance it."""

    def __init__(self, now: Callable[[], datetime] = utcnow) -> None:
        self._now = now
        self._offset = timedelta()

    def now(self) -> datetime:
        return self._now() + self._offset

    def advance(self, delta: timedelta) -> None:
        self._offset += delta


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything we store is UTC, so say so."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
