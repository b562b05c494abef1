"""Score triage on the C-SSRS Reddit development set at user level (a user is as urgent as their worst post).

Data: Gaur et al., "Knowledge-aware Assessment of Severity of Suicide Risk for Early Intervention"
(WWW 2019), released under CC BY 4.0; half of its 500 users are in ../shared/data/triage-dev.

    .venv/bin/python bench/triage_eval.py [path/to/cssrs_dev.json]

Printed twice: as the helpdesk assesses (risk to anyone counts: "my friend wants to die" is urgent)
and as the labels are defined (the writer's own risk only, `third_party=False`).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.levels import Level
from escalation.triage import get_triage

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "triage-dev" / "cssrs_dev.json"
# The mapping suggested by the data set's README: C-SSRS severity onto the desk's levels.
MAPPING = {
    "Attempt": Level.CRITICAL,
    "Behavior": Level.CRITICAL,
    "Ideation": Level.HIGH,
    "Indicator": Level.NORMAL,
    "Supportive": Level.LOW,
}
URGENT = {Level.CRITICAL, Level.HIGH}


def scores(pairs: list[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    tp = sum(1 for truth, guess in pairs if truth and guess)
    fp = sum(1 for truth, guess in pairs if guess and not truth)
    fn = sum(1 for truth, guess in pairs if truth and not guess)
    recall = tp / (tp + fn) if tp + fn else 0.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return recall, precision, f1, tp + fn


def _report(truth: list[Level], guess: list[Level]) -> None:
    print(f"{'level':<16}{'recall':>8}{'precision':>11}{'F1':>7}{'support':>9}")
    for level in Level:
        recall, precision, f1, support = scores([(t == level, g == level) for t, g in zip(truth, guess, strict=True)])
        print(f"{level.value:<16}{recall:>8.3f}{precision:>11.3f}{f1:>7.3f}{support:>9}")
    recall, precision, f1, support = scores([(t in URGENT, g in URGENT) for t, g in zip(truth, guess, strict=True)])
    print(f"{'critical+high':<16}{recall:>8.3f}{precision:>11.3f}{f1:>7.3f}{support:>9}")
    print("confusion (true → predicted):")
    for level in Level:
        row = Counter(g.value for t, g in zip(truth, guess, strict=True) if t == level)
        print(f"  {level.value:<9}", "  ".join(f"{other.value}={row.get(other.value, 0)}" for other in Level))


def user_levels(users: list[dict[str, Any]], *, third_party: bool = True) -> list[Level]:
    """Each user's level: the most urgent of their posts (normal for a user with none)."""
    triage = get_triage()
    return [
        Level.highest([triage.assess(post, "en", third_party=third_party).level for post in user["posts"]])
        if user["posts"]
        else Level.NORMAL
        for user in users
    ]


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    users = json.loads(path.read_text(encoding="utf-8"))
    get_triage()  # built once, outside the timing
    truth = [MAPPING[user["label"]] for user in users]
    posts = sum(len(user["posts"]) for user in users)
    for third_party, title in ((True, "as the helpdesk assesses (risk to anyone)"), (False, "writer's own risk only")):
        started = time.perf_counter()
        guess = user_levels(users, third_party=third_party)
        elapsed = time.perf_counter() - started
        print(f"{path.name}: {len(users)} users, {posts} posts, {elapsed:.1f} s — {title}")
        _report(truth, guess)
        print()


if __name__ == "__main__":
    main()
