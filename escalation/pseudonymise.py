"""Replace names, phone numbers, e-mail and street addresses in staff-written text with placeholders."""

from __future__ import annotations

import re

from escalation.name_finder import find_names

# Placeholders are plain words in brackets so a reader sees that something was there, never what it was.
NAME, PHONE, EMAIL, ADDRESS, HANDLE, LINK = "[name]", "[phone]", "[email]", "[address]", "[handle]", "[link]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_LINK = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{3,31}\b")
# \d matches every script's digits (Arabic-Indic, Persian), so numbers typed on any keyboard are caught.
_PHONE = re.compile(r"(?<![\w])(?:\+|00)?\d(?:[\s().\-/]{0,3}\d){6,16}(?![\w])")
_DATE_LIKE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")

_STREET_AFTER = (
    r"street|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|drive|dr\.?|close|way|court|ct\.?|place|pl\.?|square|"
    r"boulevard|blvd\.?|crescent|terrace|grove|gardens|row|strasse|straße"
)
_STREET_BEFORE = (
    r"rue|avenue|av\.|boulevard|bd\.?|chemin|allée|allee|impasse|place|quai|"
    r"calle|c/|avenida|avda\.?|plaza|paseo|camino|carrera|"
    r"улица|ул\.|проспект|пр-т|переулок|пер\.|бульвар|шоссе|"
    r"вулиця|вул\.|провулок|площа|"
    r"شارع|طريق|حي|"
    r"خیابان|خ\.|کوچه|بلوار|میدان"
)
# "12 Baker Street", "221b Baker St"
_ADDRESS_EN = re.compile(
    rf"\b\d{{1,5}}[a-zA-Z]?,?\s+(?:[\w'’.\-]+\s+){{0,3}}(?:{_STREET_AFTER})(?![\w])", re.IGNORECASE
)
# "12 rue de la Paix", "5, calle Mayor", "calle Mayor 5", "ул. Ленина, д. 5", "شارع الحمرا 12", "خیابان آزادی کوچه ۵"
_ADDRESS_BEFORE = re.compile(
    rf"(?:\b\d{{1,5}}(?:\s*(?:bis|ter))?,?\s+)?(?<![\w])(?:{_STREET_BEFORE})(?:\s+[\w'’.\-]+){{1,4}}"
    rf"(?:,?\s*(?:д\.|дом|буд\.|n[º°o]\.?|no\.?|№|پلاک|رقم)?\s*\d{{1,5}}[a-zA-Z]?)?",
    re.IGNORECASE,
)
_PLAQUE = re.compile(r"(?:پلاک|№|дом|д\.|буд\.)\s*\d{1,5}", re.IGNORECASE)


def _replace_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Replace non-overlapping spans, longest first where they overlap."""
    chosen: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if chosen and start < chosen[-1][1]:
            continue
        chosen.append((start, end, label))
    for start, end, label in reversed(chosen):
        text = text[:start] + label + text[end:]
    return text


def pseudonymise(text: str) -> str:
    """Best-effort redaction of direct identifiers; see docs/escalation-protocol.md for what it misses."""
    return _replace_spans(text, redaction_spans(text))


def redaction_spans(text: str) -> list[tuple[int, int, str]]:
    """Every (start, end, placeholder) found in `text`; overlapping spans are resolved when replacing."""
    spans: list[tuple[int, int, str]] = []
    for pattern, label in ((_EMAIL, EMAIL), (_LINK, LINK), (_HANDLE, HANDLE)):
        spans += [(m.start(), m.end(), label) for m in pattern.finditer(text)]
    for pattern in (_ADDRESS_EN, _ADDRESS_BEFORE, _PLAQUE):
        spans += [(m.start(), m.end(), ADDRESS) for m in pattern.finditer(text)]
    for match in _PHONE.finditer(text):
        if not _DATE_LIKE.match(match.group().strip()):
            spans.append((match.start(), match.end(), PHONE))
    spans += [(start, end, NAME) for start, end in find_names(text)]
    return spans
