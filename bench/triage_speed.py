"""Triage throughput on one core with every language loaded, against a pyahocorasick floor, and RSS.

    .venv/bin/python bench/triage_speed.py [seconds-per-run]

The floor normalises each message the same way and runs one Aho-Corasick automaton over every
lexicon phrase of every language: what plain substring matching costs, with no tokens, lemmas,
rules, negation or levels. The ratio says what the explainable pipeline costs on top of that.
"""

from __future__ import annotations

import json
import os
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from escalation.lexicon import load_language, load_manifest
from escalation.normalize import normalize
from escalation.triage import get_triage

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "escalation" / "data" / "labelled.jsonl"

# Everyday helpdesk traffic: most messages are questions and small talk, a few carry risk.
ORDINARY = [
    "hello, how do I renew my residence permit?",
    "thanks a lot!",
    "where is the office?",
    "can I bring my children to the appointment tomorrow",
    "ok",
    "what time do you open on monday",
    "مرحبا، بدي اسأل عن الاوراق",
    "شكرا",
    "привет, где можно получить помощь с жильем?",
    "спасибо",
    "дякую, зрозуміло",
    "سلام، وقت ملاقات کی هست؟",
    "bonjour, jai une question sur mon dossier",
    "hola, necesito ayuda con mi cita",
    "is there a doctor who speaks Farsi?",
    "I lost my bus card",
]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _messages(count: int) -> list[tuple[str, str]]:
    rng = random.Random(7)
    risky = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for _ in range(count):
        if rng.random() < 0.2:
            record = rng.choice(risky)
            out.append((record["text"], record["lang"]))
        else:
            out.append((rng.choice(ORDINARY), "en"))
    return out


def _rate(fn: object, messages: list[tuple[str, str]], seconds: float) -> float:
    call = fn  # a callable taking (text, lang)
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        for text, lang in messages:
            call(text, lang)  # type: ignore[operator]
        done += len(messages)
    return done / (time.perf_counter() - started)


def main() -> None:
    import ahocorasick

    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    normalize("warm up")  # the normalisation table is built here, shared by both contenders
    rss_before = _rss_mb()
    built = time.perf_counter()
    triage = get_triage()
    build_seconds = time.perf_counter() - built
    rss_after = _rss_mb()

    manifest = load_manifest()
    automaton = ahocorasick.Automaton()
    terms = 0
    for lang in manifest.languages:
        for group in load_language(lang, manifest).groups:
            for phrase in group.phrases:
                key = f" {normalize(phrase.lstrip('=').replace('*', ''))} "
                automaton.add_word(key, group.rule_id)
                terms += 1
    automaton.make_automaton()

    def floor(text: str, lang: str) -> int:
        return sum(1 for _ in automaton.iter(f" {normalize(text)} "))

    messages = _messages(5000)
    for text, lang in messages[:2000]:  # warm the per-word caches as a running service would be
        triage.assess(text, lang)
    hinted = _rate(triage.assess, messages, seconds)
    unhinted = _rate(lambda text, lang: triage.assess(text), messages, seconds)
    base = _rate(floor, messages, seconds)
    print(f"machine: {platform.platform()} · Python {platform.python_version()} · {os.cpu_count()} cores, 1 used")
    print(f"lexicon {manifest.version}: {terms} phrases in {len(manifest.languages)} lexicons")
    grown = rss_after - rss_before
    print(f"build: {build_seconds:.1f} s; RSS {rss_before:.0f} MB → {rss_after:.0f} MB (+{grown:.0f} MB)")
    print(f"triage, language hint given : {hinted:>9,.0f} msg/s")
    print(f"triage, no hint (try all)   : {unhinted:>9,.0f} msg/s")
    print(f"pyahocorasick floor         : {base:>9,.0f} msg/s")
    print(f"ratio triage/floor: {hinted / base:.2f} (hinted), {unhinted / base:.2f} (no hint)")
    print(f"RSS at end: {_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
