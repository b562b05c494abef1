"""Ordering, aging, SLA and fairness properties of the queue priority."""

import heapq
import inspect
import itertools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest

from core.levels import Level
from escalation import priority as priority_module
from escalation.priority import (
    DEFAULT_POLICY,
    QueuePolicy,
    effective_deadline,
    is_breached,
    past_aging_bound,
    priority,
    queue_score,
    sla_deadline,
    sort_key,
)

LEVELS = sorted(Level, key=lambda level: level.rank)
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
# Waits from zero to twice the aging bound, fine near the start where the urgent levels live.
WAITS = sorted(
    {timedelta(seconds=s) for s in range(0, 3600, 37)}
    | {timedelta(minutes=m) for m in range(0, 2 * 8 * 60, 7)}
    | {DEFAULT_POLICY.aging_bound, *DEFAULT_POLICY.lag.values(), *DEFAULT_POLICY.sla.values()}
)


def test_priority_takes_level_and_waiting_time_only() -> None:
    # A fairness guard: nothing about the person can be passed in, not even by keyword.
    params = inspect.signature(priority).parameters
    assert list(params) == ["level", "waited", "policy"]
    assert all(p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for p in params.values())
    assert inspect.get_annotations(priority, eval_str=True) == {
        "level": Level,
        "waited": timedelta,
        "policy": QueuePolicy,
        "return": float,
    }


def test_stored_score_depends_on_level_and_arrival_only() -> None:
    assert list(inspect.signature(queue_score).parameters) == ["level", "waiting_since", "policy"]
    assert list(inspect.signature(effective_deadline).parameters) == ["level", "waiting_since", "policy"]


def test_policy_fields_are_about_time_and_levels_only() -> None:
    assert {f for f in QueuePolicy.__dataclass_fields__} == {"sla", "aging_bound", "lag"}


def test_equal_waits_order_critical_high_normal_low() -> None:
    for waited in WAITS:
        ranks = [priority(level, waited) for level in LEVELS]
        assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) == len(ranks), waited


def test_within_a_level_longer_wait_is_served_first() -> None:
    for level in LEVELS:
        values = [priority(level, waited) for waited in WAITS]
        assert all(a < b for a, b in itertools.pairwise(values)), level


def test_score_order_equals_priority_order_at_every_instant() -> None:
    # The index stores a score that never changes; it must rank exactly as priority() does now.
    arrivals = [(level, T0 + timedelta(minutes=m)) for level in LEVELS for m in range(0, 600, 13)]
    for now in (T0 + timedelta(minutes=m) for m in range(600, 1200, 97)):
        by_priority = sorted(arrivals, key=lambda a: (-priority(a[0], now - a[1]), a[0].rank, a[1]))
        by_score = sorted(arrivals, key=lambda a: (queue_score(a[0], a[1]), a[0].rank, a[1]))
        by_sort_key = sorted(arrivals, key=lambda a: (sort_key(a[0], a[1], now), a[0].rank, a[1]))
        assert by_priority == by_score == by_sort_key
        for level, since in arrivals:
            assert priority(level, now - since) == pytest.approx(
                (now - effective_deadline(level, since)).total_seconds()
            )


def test_urgent_arrivals_at_similar_times_beat_routine_ones() -> None:
    # "Similar" = within the lag gap: a routine conversation yields to urgent work that arrived
    # up to five hours after it, which covers every wait a staffed desk produces.
    for gap_minutes in range(0, 5 * 60, 11):
        routine_first = T0
        urgent_later = T0 + timedelta(minutes=gap_minutes)
        for routine in (Level.NORMAL, Level.LOW):
            assert queue_score(Level.CRITICAL, urgent_later) < queue_score(routine, routine_first)
        if gap_minutes < 25:
            assert queue_score(Level.CRITICAL, urgent_later) < queue_score(Level.HIGH, routine_first)


def test_past_its_lag_no_newcomer_overtakes_and_every_lag_is_inside_the_bound() -> None:
    for level in LEVELS:
        assert DEFAULT_POLICY.lag[level] < DEFAULT_POLICY.aging_bound
        for waited in WAITS:
            if waited < DEFAULT_POLICY.lag[level]:
                continue
            for newcomer in LEVELS:
                assert priority(level, waited) >= priority(newcomer, timedelta(0)), (level, waited, newcomer)


def _flood(key: Callable[[Level, datetime], tuple[float, int]]) -> dict[Level, timedelta]:
    """Worst wait per level when urgent work alone fills the desk for longer than the aging bound."""
    queue: list[tuple[tuple[float, int], int, Level, datetime]] = []
    worst: dict[Level, timedelta] = {}
    serial = itertools.count()
    for i in range(30):  # a routine backlog present at the start
        level = Level.LOW if i % 2 else Level.NORMAL
        heapq.heappush(queue, (key(level, T0), next(serial), level, T0))
    flood = DEFAULT_POLICY.aging_bound + timedelta(hours=1)
    minute = 0
    while queue or T0 + timedelta(minutes=minute) < T0 + flood:
        now = T0 + timedelta(minutes=minute)
        if now < T0 + flood:  # two urgent arrivals a minute, exactly the desk's capacity
            for level in (Level.CRITICAL if minute % 5 == 0 else Level.HIGH, Level.HIGH):
                heapq.heappush(queue, (key(level, now), next(serial), level, now))
        for _ in range(2):
            if queue:
                _, _, level, since = heapq.heappop(queue)
                worst[level] = max(worst.get(level, timedelta(0)), now - since)
        minute += 1
    return worst


def test_aging_bound_holds_when_urgent_work_alone_fills_the_desk() -> None:
    aged = _flood(lambda level, since: (queue_score(level, since), 0))
    assert max(aged.values()) <= DEFAULT_POLICY.aging_bound
    # It did have to age: it yielded to every high that arrived up to its lag gap after it.
    assert aged[Level.NORMAL] >= DEFAULT_POLICY.lag[Level.NORMAL] - DEFAULT_POLICY.lag[Level.HIGH]
    # The same flood under strict level-then-arrival order starves the routine backlog past the
    # bound: this is the case aging exists for.
    strict = _flood(lambda level, since: (float(level.rank), int(since.timestamp())))
    assert strict[Level.LOW] > DEFAULT_POLICY.aging_bound


def test_sla_deadline_defaults() -> None:
    assert sla_deadline(Level.CRITICAL, T0) == T0 + timedelta(minutes=5)
    assert sla_deadline(Level.HIGH, T0) == T0 + timedelta(minutes=30)
    assert sla_deadline(Level.NORMAL, T0) == T0 + timedelta(hours=24)
    assert sla_deadline(Level.LOW, T0) == T0 + timedelta(hours=72)


def test_breach_is_strictly_after_the_deadline() -> None:
    for level in LEVELS:
        deadline = sla_deadline(level, T0)
        assert not is_breached(level, T0, T0)
        assert not is_breached(level, T0, deadline)
        assert is_breached(level, T0, deadline + timedelta(microseconds=1))


def test_breach_respects_time_zones() -> None:
    paris = timezone(timedelta(hours=1))
    since = datetime(2026, 11, 23, 10, 0, tzinfo=paris)  # 09:00 UTC
    assert is_breached(Level.CRITICAL, since, T0 + timedelta(minutes=6))
    assert not is_breached(Level.CRITICAL, since, T0 + timedelta(minutes=4))
    assert queue_score(Level.HIGH, since) == queue_score(Level.HIGH, T0)


def test_past_aging_bound() -> None:
    bound = DEFAULT_POLICY.aging_bound
    assert not past_aging_bound(T0, T0 + bound)
    assert past_aging_bound(T0, T0 + bound + timedelta(seconds=1))


def test_naive_times_are_refused() -> None:
    naive = datetime(2026, 11, 23, 9, 0)  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError):
        queue_score(Level.NORMAL, naive)
    with pytest.raises(ValueError):
        is_breached(Level.NORMAL, T0, naive)


@pytest.mark.parametrize(
    "changes",
    [
        {"lag": {**DEFAULT_POLICY.lag, Level.HIGH: DEFAULT_POLICY.lag[Level.CRITICAL]}},
        {"lag": {**DEFAULT_POLICY.lag, Level.LOW: timedelta(hours=1)}},
        {"aging_bound": DEFAULT_POLICY.lag[Level.LOW]},
        {"sla": {**DEFAULT_POLICY.sla, Level.HIGH: timedelta(minutes=10)}},
        {"sla": {level: v for level, v in DEFAULT_POLICY.sla.items() if level is not Level.LOW}},
        {"sla": {**DEFAULT_POLICY.sla, Level.CRITICAL: timedelta(0)}},
    ],
)
def test_inconsistent_policies_are_refused(changes: dict[str, object]) -> None:
    fields = {"sla": DEFAULT_POLICY.sla, "aging_bound": DEFAULT_POLICY.aging_bound, "lag": DEFAULT_POLICY.lag}
    with pytest.raises(ValueError):
        QueuePolicy(**{**fields, **changes})  # type: ignore[arg-type]


def test_policy_from_settings_values() -> None:
    policy = QueuePolicy.from_settings_values(
        sla_minutes={"critical": 3}, lag_minutes={"low": 400}, aging_bound_minutes=600
    )
    assert policy.sla[Level.CRITICAL] == timedelta(minutes=3)
    assert policy.sla[Level.HIGH] == timedelta(minutes=30)
    assert policy.lag[Level.LOW] == timedelta(minutes=400)
    assert policy.aging_bound == timedelta(hours=10)
    assert QueuePolicy.from_settings_values() == DEFAULT_POLICY


def test_policy_does_not_follow_later_changes_to_its_input() -> None:
    lag = dict(DEFAULT_POLICY.lag)
    policy = QueuePolicy(lag=lag)
    lag[Level.LOW] = timedelta(0)
    assert policy.lag[Level.LOW] == DEFAULT_POLICY.lag[Level.LOW]


def test_module_imports_nothing_about_people() -> None:
    # Only time and the level may shape priority; a new import here deserves a second look.
    source = inspect.getsource(priority_module)
    imports = {line.split()[1] for line in source.splitlines() if line.startswith(("import ", "from "))}
    assert imports == {"__future__", "collections.abc", "dataclasses", "datetime", "itertools", "types", "core.levels"}
