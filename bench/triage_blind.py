"""Score triage on a blind chat set per split and language; `--show dev` lists dev misses, never heldout."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.triage_eval import scores
from core.levels import Level
from escalation.triage import get_triage

DEFAULT = Path(__file__).resolve().parent / "data" / "blind_chat.jsonl"
LANGS = ("en", "ar", "uk", "ru", "fa", "fr", "es")
SPLITS = ("dev", "heldout")
URGENT = {Level.CRITICAL, Level.HIGH}


@dataclass(frozen=True)
class Row:
    text: str
    lang: str
    split: str
    truth: Level
    guess: Level
    rules: tuple[str, ...]


def _load(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _assess(items: list[dict[str, str]]) -> list[Row]:
    triage = get_triage()
    rows = []
    for item in items:
        assessment = triage.assess(item["text"], item["lang"])
        rows.append(
            Row(
                text=item["text"],
                lang=item["lang"],
                split=item["split"],
                truth=Level(item["level"]),
                guess=assessment.level,
                rules=tuple(str(rule) for rule in assessment.rules),
            )
        )
    return rows


def _line(name: str, rows: list[Row]) -> str:
    recall, precision, f1, urgent = scores([(r.truth in URGENT, r.guess in URGENT) for r in rows])
    fp = sum(1 for r in rows if r.truth not in URGENT and r.guess in URGENT)
    fn = sum(1 for r in rows if r.truth in URGENT and r.guess not in URGENT)
    calm = len(rows) - urgent
    exact = sum(1 for r in rows if r.truth == r.guess) / len(rows) if rows else 0.0
    false_alarm = fp / calm if calm else 0.0
    return (
        f"{name:<10}{len(rows):>5}{urgent:>8}{recall:>8.3f}{precision:>11.3f}{f1:>7.3f}{exact:>8.3f}"
        f"{false_alarm:>9.3f}  ({fn} missed, {fp}/{calm} false alarms)"
    )


def _table(title: str, rows: list[Row]) -> None:
    print(title)
    print(f"{'':<10}{'n':>5}{'urgent':>8}{'recall':>8}{'precision':>11}{'F1':>7}{'exact':>8}{'false+':>9}")
    for lang in LANGS:
        subset = [r for r in rows if r.lang == lang]
        if subset:
            print(_line(lang, subset))
    print(_line("all", rows))
    print()


def _show(rows: list[Row]) -> None:
    misses = [r for r in rows if r.truth in URGENT and r.guess not in URGENT]
    alarms = [r for r in rows if r.truth not in URGENT and r.guess in URGENT]
    for title, chosen in (("dev misses", misses), ("dev false alarms", alarms)):
        print(f"{title} ({len(chosen)}):")
        for r in chosen:
            rules = ", ".join(r.rules) or "-"
            print(f"  [{r.lang}] expected {r.truth.value}, got {r.guess.value} — {r.text!r}  rules: {rules}")
        print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--show", choices=["dev"], help="list the dev split's misses and false alarms")
    args = parser.parse_args()
    rows = _assess(_load(args.path))
    print(f"{args.path.name}: {len(rows)} messages; urgent = critical+high; false+ = normal/low assessed urgent")
    print()
    present = [split for split in SPLITS if any(r.split == split for r in rows)]
    for split in present:
        _table(f"split {split}", [r for r in rows if r.split == split])
    if len(present) > 1:
        _table("both splits", rows)
    if args.show == "dev":
        _show([r for r in rows if r.split == "dev"])


if __name__ == "__main__":
    main()
