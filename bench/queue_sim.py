"""Discrete-event simulation: our aged-deadline queue against plain FCFS on the same arrivals."""

from __future__ import annotations

import argparse
import heapq
import math
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.levels import Level
from escalation.priority import DEFAULT_POLICY, QueuePolicy, queue_score

# Share of arrivals per level: 5 % urgent (1 % critical, 4 % high), the rest routine.
MIX = {Level.CRITICAL: 0.01, Level.HIGH: 0.04, Level.NORMAL: 0.80, Level.LOW: 0.15}
# Mean handling minutes: urgent chats take longer (safety planning, handover), thanks-and-bye less.
HANDLING_MEAN = {Level.CRITICAL: 25.0, Level.HIGH: 20.0, Level.NORMAL: 12.0, Level.LOW: 6.0}
HANDLING_SIGMA = 0.8  # lognormal shape: median well below the mean, a long tail of hard chats
START = datetime(2026, 11, 23, tzinfo=UTC)


@dataclass(frozen=True)
class Arrival:
    """One conversation entering the queue."""

    index: int
    at: float  # minutes since the start
    level: Level
    handling: float  # minutes a liaison spends once it is claimed


def arrivals(seed: int, days: float, liaisons: int, utilisation: float) -> list[Arrival]:
    """Poisson arrivals whose offered load is `utilisation` of the liaisons' capacity."""
    rng = random.Random(seed)
    levels = list(MIX)
    weights = [MIX[level] for level in levels]
    mean_handling = sum(MIX[level] * HANDLING_MEAN[level] for level in levels)
    rate = utilisation * liaisons / mean_handling
    out: list[Arrival] = []
    t = rng.expovariate(rate)
    while t < days * 24 * 60:
        level = rng.choices(levels, weights)[0]
        mu = math.log(HANDLING_MEAN[level]) - HANDLING_SIGMA**2 / 2
        out.append(Arrival(len(out), t, level, rng.lognormvariate(mu, HANDLING_SIGMA)))
        t += rng.expovariate(rate)
    return out


def serve(stream: Sequence[Arrival], liaisons: int, key: Callable[[Arrival], float]) -> list[float]:
    """Non-preemptive multi-server queue serving the smallest key; returns each arrival's wait."""
    free = [0.0] * liaisons  # heap of the times each liaison becomes free
    queue: list[tuple[float, int]] = []
    waits = [0.0] * len(stream)
    now, i = 0.0, 0
    while i < len(stream) or queue:
        next_arrival = stream[i].at if i < len(stream) else math.inf
        if queue and free[0] <= next_arrival:
            now = max(now, free[0])
            _, index = heapq.heappop(queue)
            waits[index] = now - stream[index].at
            heapq.heapreplace(free, now + stream[index].handling)
        else:
            now = next_arrival
            heapq.heappush(queue, (key(stream[i]), i))
            i += 1
    return waits


def ours(policy: QueuePolicy) -> Callable[[Arrival], float]:
    """The production ordering: the same score the queue index stores."""
    return lambda a: queue_score(a.level, START + timedelta(minutes=a.at), policy)


def fcfs(a: Arrival) -> float:
    return a.at


def pct(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile; 0 for an empty sample."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def by_group(stream: Sequence[Arrival], waits: Sequence[float]) -> dict[str, list[float]]:
    groups: dict[str, list[float]] = {level.value: [] for level in MIX}
    groups["critical+high"] = []
    for a, w in zip(stream, waits, strict=True):
        groups[a.level.value].append(w)
        if a.level in (Level.CRITICAL, Level.HIGH):
            groups["critical+high"].append(w)
    return groups


def ratio(a: float, b: float) -> float:
    return a / b if b else math.inf if a else 1.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--days", type=float, default=91.0)
    parser.add_argument("--liaisons", type=int, default=4)
    parser.add_argument("--utilisation", type=float, default=0.90)
    args = parser.parse_args(argv)
    policy = DEFAULT_POLICY
    bound = policy.aging_bound.total_seconds() / 60
    started = time.perf_counter()
    pooled: dict[str, dict[str, list[float]]] = {"ours": {}, "fcfs": {}}
    seeds_ok = 0
    print(
        f"liaisons={args.liaisons} utilisation={args.utilisation} days={args.days} "
        f"aging_bound={bound:.0f} min  mix={ {k.value: v for k, v in MIX.items()} }"
    )
    print("seed  arrivals  busy   c+h p95 ours/fcfs  normal p95 ours/fcfs   max ours  max fcfs  seed ok")
    for seed in range(1, args.seeds + 1):
        stream = arrivals(seed, args.days, args.liaisons, args.utilisation)
        results = {
            "ours": by_group(stream, serve(stream, args.liaisons, ours(policy))),
            "fcfs": by_group(stream, serve(stream, args.liaisons, fcfs)),
        }
        for name, groups in results.items():
            for group, waits in groups.items():
                pooled[name].setdefault(group, []).extend(waits)
        o, f = results["ours"], results["fcfs"]
        urgent = ratio(pct(o["critical+high"], 0.95), pct(f["critical+high"], 0.95))
        normal = ratio(pct(o["normal"], 0.95), pct(f["normal"], 0.95))
        worst = max(max(w) for w in o.values() if w)
        ok = urgent <= 0.1 and normal <= 1.25 and worst <= bound
        seeds_ok += ok
        busy = sum(a.handling for a in stream) / (args.liaisons * args.days * 24 * 60)
        print(
            f"{seed:>4}  {len(stream):>8}  {busy:.3f}  {urgent:>17.3f}  {normal:>19.3f}  "
            f"{worst:>8.1f}  {max(max(w) for w in f.values() if w):>8.1f}  {'yes' if ok else 'NO'}"
        )
    print("\npooled over seeds, wait in minutes")
    print(
        f"{'level':<14}{'n':>7}  {'p50 ours':>9}{'p50 fcfs':>9}  {'p95 ours':>9}{'p95 fcfs':>9}"
        f"{'ratio':>7}  {'max ours':>9}{'max fcfs':>9}"
    )
    for group in [*(level.value for level in MIX), "critical+high"]:
        o, f = pooled["ours"][group], pooled["fcfs"][group]
        print(
            f"{group:<14}{len(o):>7}  {pct(o, 0.5):>9.1f}{pct(f, 0.5):>9.1f}  {pct(o, 0.95):>9.1f}"
            f"{pct(f, 0.95):>9.1f}{ratio(pct(o, 0.95), pct(f, 0.95)):>7.3f}  {max(o):>9.1f}{max(f):>9.1f}"
        )
    print("\nshare picked up within the level's SLA (ours / fcfs)")
    for level in MIX:
        sla = policy.sla[level].total_seconds() / 60
        met = [sum(w <= sla for w in pooled[n][level.value]) / len(pooled[n][level.value]) for n in ("ours", "fcfs")]
        print(f"{level.value:<14}SLA {sla:>5.0f} min   {met[0]:6.1%} / {met[1]:6.1%}")
    o, f = pooled["ours"], pooled["fcfs"]
    urgent = ratio(pct(o["critical+high"], 0.95), pct(f["critical+high"], 0.95))
    normal = ratio(pct(o["normal"], 0.95), pct(f["normal"], 0.95))
    worst = max(max(w) for w in o.values())
    checks = {
        f"critical+high p95 ratio {urgent:.3f} <= 0.1": urgent <= 0.1,
        f"normal p95 ratio {normal:.3f} <= 1.25": normal <= 1.25,
        f"worst wait {worst:.1f} min <= aging bound {bound:.0f} min": worst <= bound,
    }
    print("\ntargets, pooled over seeds:")
    for text, ok in checks.items():
        print(f"  {'yes' if ok else 'NO '}  {text}")
    print(f"seeds meeting all three on their own: {seeds_ok}/{args.seeds}   ({time.perf_counter() - started:.1f} s)")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
