"""Urgency levels shared by triage, the queue and the console."""

from enum import StrEnum


class Level(StrEnum):
    """How soon a human must read a conversation; ordered most urgent first."""

    CRITICAL = "critical"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for critical … 3 for low, so that sorting by rank puts danger first."""
        return _RANK[self]

    @classmethod
    def highest(cls, levels: "list[Level] | tuple[Level, ...]") -> "Level":
        """The most urgent of several levels (normal when there are none)."""
        return min(levels, key=lambda level: level.rank, default=cls.NORMAL)


_RANK = {Level.CRITICAL: 0, Level.HIGH: 1, Level.NORMAL: 2, Level.LOW: 3}
