"""The claim-next index port: what the queue index stores and the operations it offers."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from core.levels import Level


@dataclass(frozen=True)
class QueueEntry:
    """What the index needs to order and filter one waiting conversation, and nothing about the person."""

    conversation_id: str
    level: Level
    waiting_since: datetime
    language: str

    def __post_init__(self) -> None:
        if self.waiting_since.tzinfo is None or self.waiting_since.utcoffset() is None:
            raise ValueError("waiting_since must be timezone-aware")


class QueueIndex(Protocol):
    """Serves claim-next; the database stays the truth and the index is rebuilt from it at start-up."""

    async def put(self, entry: QueueEntry) -> None: ...
    async def remove(self, conversation_id: str) -> None: ...
    async def claim_next(
        self, languages: Collection[str], *, include_any_language_levels: Collection[Level] = ()
    ) -> str | None: ...
    async def rebuild(self, entries: Iterable[QueueEntry]) -> None: ...
    async def snapshot(self) -> list[QueueEntry]: ...
