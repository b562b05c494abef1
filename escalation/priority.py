"""Queue priority: a pure function of urgency level and waiting time, never of who is waiting."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from types import MappingProxyType

from core.levels import Level

_DEFAULT_SLA: Mapping[Level, timedelta] = MappingProxyType(
    {
        Level.CRITICAL: timedelta(minutes=5),
        Level.HIGH: timedelta(minutes=30),
        Level.NORMAL: timedelta(hours=24),
        Level.LOW: timedelta(hours=72),
    }
)

# How much later than its real arrival a conversation is ordered. Critical→high is the SLA gap
# (25 min), so between those two the queue is earliest-SLA-deadline-first. Normal's 5 h is above
# any wait a staffed desk produces (FCFS worst case ≈ 4 h at 90 % load in bench/queue_sim.py), so
# only a conversation already failing its aging promise can delay fresh urgent work. Low trails
# normal by 30 min: ahead of nothing newer than that, so deprioritising it costs little.
_DEFAULT_LAG: Mapping[Level, timedelta] = MappingProxyType(
    {
        Level.CRITICAL: timedelta(0),
        Level.HIGH: timedelta(minutes=25),
        Level.NORMAL: timedelta(hours=5),
        Level.LOW: timedelta(hours=5, minutes=30),
    }
)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _frozen(mapping: Mapping[Level, timedelta]) -> Mapping[Level, timedelta]:
    return MappingProxyType({Level(level): value for level, value in mapping.items()})


@dataclass(frozen=True)
class QueuePolicy:
    """SLA promises per level, the ordering lag per level, and the aging bound they must respect."""

    sla: Mapping[Level, timedelta] = field(default_factory=lambda: _DEFAULT_SLA)
    aging_bound: timedelta = timedelta(hours=8)
    lag: Mapping[Level, timedelta] = field(default_factory=lambda: _DEFAULT_LAG)

    def __post_init__(self) -> None:
        # Copies, so a caller mutating its dict cannot reorder a running queue.
        object.__setattr__(self, "sla", _frozen(self.sla))
        object.__setattr__(self, "lag", _frozen(self.lag))
        levels = sorted(Level, key=lambda level: level.rank)
        for name, table in (("sla", self.sla), ("lag", self.lag)):
            missing = [level.value for level in levels if level not in table]
            if missing:
                raise ValueError(f"{name} has no value for {', '.join(missing)}")
        if any(self.sla[level] <= timedelta(0) for level in levels):
            raise ValueError("every SLA must be positive")
        if self.lag[levels[0]] < timedelta(0):
            raise ValueError("lags cannot be negative")
        # Strictly increasing lags are what make "critical before high before normal before low"
        # hold at equal waits; equal lags would merge two levels into one.
        for more, less in pairwise(levels):
            if not self.lag[more] < self.lag[less]:
                raise ValueError(f"lag for {more.value} must be below lag for {less.value}")
        # Past its lag nothing newer overtakes a conversation; the gap up to the bound is the time
        # left to drain what is already overdue, so it has to exist.
        if not self.lag[levels[-1]] < self.aging_bound:
            raise ValueError("every lag must be below the aging bound")
        # A lower level must stop yielding to fresh critical work no later than an earliest-deadline
        # scheduler would serve it, so aging never costs a conversation its own SLA.
        for level in levels:
            if self.lag[level] > self.sla[level] - self.sla[Level.CRITICAL]:
                raise ValueError(f"lag for {level.value} exceeds its SLA slack over critical")

    @classmethod
    def from_settings_values(
        cls,
        *,
        sla_minutes: Mapping[str, float] | None = None,
        lag_minutes: Mapping[str, float] | None = None,
        aging_bound_minutes: float | None = None,
    ) -> QueuePolicy:
        """Build a policy from plain settings numbers, keeping defaults for anything not given."""
        sla = dict(_DEFAULT_SLA)
        sla.update({Level(k): timedelta(minutes=v) for k, v in (sla_minutes or {}).items()})
        lag = dict(_DEFAULT_LAG)
        lag.update({Level(k): timedelta(minutes=v) for k, v in (lag_minutes or {}).items()})
        bound = cls.aging_bound if aging_bound_minutes is None else timedelta(minutes=aging_bound_minutes)
        return cls(sla=sla, aging_bound=bound, lag=lag)


DEFAULT_POLICY = QueuePolicy()


def priority(level: Level, waited: timedelta, policy: QueuePolicy = DEFAULT_POLICY) -> float:
    """Seconds a conversation is past its effective deadline; higher is served first."""
    return (waited - policy.lag[level]).total_seconds()


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("queue times must be timezone-aware")


def effective_deadline(level: Level, waiting_since: datetime, policy: QueuePolicy = DEFAULT_POLICY) -> datetime:
    """The moment the queue orders by: arrival plus the level's lag; earliest is served first."""
    _require_aware(waiting_since)
    return waiting_since + policy.lag[level]


def queue_score(level: Level, waiting_since: datetime, policy: QueuePolicy = DEFAULT_POLICY) -> float:
    """Time-invariant index score (epoch seconds of the effective deadline); lowest is served first."""
    # priority(level, now - waiting_since) == now - score, so both orders agree at every instant
    # and the stored score never needs rewriting as time passes.
    return (effective_deadline(level, waiting_since, policy) - _EPOCH).total_seconds()


def sort_key(level: Level, waiting_since: datetime, now: datetime, policy: QueuePolicy = DEFAULT_POLICY) -> float:
    """Ascending sort key equal to minus priority at `now`, for sorting in-memory lists."""
    _require_aware(now)
    _require_aware(waiting_since)
    return -priority(level, now - waiting_since, policy)


def sla_deadline(level: Level, waiting_since: datetime, policy: QueuePolicy = DEFAULT_POLICY) -> datetime:
    """When a human must have picked the conversation up, as promised for its level."""
    _require_aware(waiting_since)
    return waiting_since + policy.sla[level]


def is_breached(level: Level, waiting_since: datetime, now: datetime, policy: QueuePolicy = DEFAULT_POLICY) -> bool:
    """True once `now` is past the SLA deadline; the deadline instant itself still counts as met."""
    _require_aware(now)
    return now > sla_deadline(level, waiting_since, policy)


def past_aging_bound(waiting_since: datetime, now: datetime, policy: QueuePolicy = DEFAULT_POLICY) -> bool:
    """True once a conversation of any level has waited longer than the queue promises."""
    _require_aware(now)
    _require_aware(waiting_since)
    return now - waiting_since > policy.aging_bound
