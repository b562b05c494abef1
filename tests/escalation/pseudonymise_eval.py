"""Measure name detection on labelled notes: `python -m tests.escalation.pseudonymise_eval [dev|heldout] [-v]`."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from escalation.pseudonymise import NAME, _replace_spans, redaction_spans

DATA = Path(__file__).resolve().parent / "data" / "pseudonymise"
LANGUAGES = ("en", "fr", "es", "ru", "uk", "ar", "fa")
_LABEL = re.compile(r"\{([^{}]+)\}")


@dataclass
class Score:
    notes: int = 0
    names: int = 0
    caught: int = 0
    partial: int = 0
    false_redactions: int = 0
    clean_notes: int = 0
    clean_notes_changed: int = 0


def labelled(lang: str, which: str = "heldout") -> list[tuple[str, list[tuple[int, int]]]]:
    """(plain text, gold name spans) for each note; names are written {like this} in the file."""
    notes = []
    for line in (DATA / which / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        plain, gold, pos = "", [], 0
        for m in _LABEL.finditer(line):
            plain += line[pos : m.start()]
            gold.append((len(plain), len(plain) + len(m.group(1))))
            plain += m.group(1)
            pos = m.end()
        notes.append((plain + line[pos:], gold))
    return notes


def score(lang: str, which: str = "heldout", show: bool = False) -> Score:
    result = Score()
    for text, gold in labelled(lang, which):
        found = [(s, e) for s, e, label in redaction_spans(text) if label == NAME]
        result.notes += 1
        result.names += len(gold)
        for gs, ge in gold:
            if any(s <= gs and e >= ge for s, e in found):
                result.caught += 1
            elif any(s < ge and e > gs for s, e in found):
                result.partial += 1
        result.false_redactions += sum(1 for s, e in found if not any(s < ge and e > gs for gs, ge in gold))
        if not gold:
            result.clean_notes += 1
            result.clean_notes_changed += _replace_spans(text, redaction_spans(text)) != text
        if show:
            _say(f"  {_replace_spans(text, redaction_spans(text))}")
    return result


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    show = "-v" in sys.argv
    which = "dev" if "dev" in sys.argv else "heldout"
    _say(f"set: {which}")
    total = Score()
    _say("lang notes names caught partial missed false-redactions clean-notes-changed")
    for lang in LANGUAGES:
        s = score(lang, which, show)
        missed = s.names - s.caught - s.partial
        _say(
            f"{lang:4} {s.notes:5} {s.names:5} {s.caught:6} {s.partial:7} {missed:6} {s.false_redactions:17}"
            f" {s.clean_notes_changed}/{s.clean_notes}"
        )
        for field in ("notes", "names", "caught", "partial", "false_redactions", "clean_notes", "clean_notes_changed"):
            setattr(total, field, getattr(total, field) + getattr(s, field))
    missed = total.names - total.caught - total.partial
    _say(
        f"all  {total.notes:5} {total.names:5} {total.caught:6} {total.partial:7} {missed:6}"
        f" {total.false_redactions:17} {total.clean_notes_changed}/{total.clean_notes}"
    )


if __name__ == "__main__":
    main()
