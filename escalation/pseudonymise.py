"""Replace names, phone numbers, e-mail and street addresses in staff-written text with placeholders."""

from __future__ import annotations

import re
import threading
from functools import cache
from typing import Any

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

# Words that introduce the speaker's or someone's name, per language; the next word is taken as a name.
_NAME_CUES = (
    r"my name is|my name's|i am called|i'm called|call me|his name is|her name is|their name is|"
    r"je m'appelle|je m’appelle|mon nom est|il s'appelle|elle s'appelle|"
    r"me llamo|mi nombre es|se llama|"
    r"меня зовут|его зовут|её зовут|ее зовут|моё имя|мое имя|"
    r"мене звати|його звати|її звати|моє ім'я|моє ім’я|"
    r"اسمي|انا اسمي|أنا اسمي|اسمه|اسمها|"
    r"اسمم|اسم من|نام من|اسمش"
)
_AFTER_CUE = re.compile(
    rf"(?<![\w])(?P<cue>{_NAME_CUES})\s+(?P<name>[^\W\d_][\w'’\-]*(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’\-]+)?)",
    re.IGNORECASE,
)
_HONORIFICS = (
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "m.",
    "mme",
    "mlle",
    "monsieur",
    "madame",
    "sr",
    "sra",
    "srta",
    "señor",
    "señora",
    "don",
    "doña",
    "пан",
    "пані",
    "господин",
    "госпожа",
    "г-н",
    "г-жа",
)
_ARABIC_SCRIPT_HONORIFIC = re.compile(r"(?<![\w])(?:السيد|السيدة|الأستاذ|آقای|خانم)\s+[\u0600-\u06FF]+")
_KIN = re.compile(
    r"\b(?:my|his|her|our)\s+(?:husband|wife|brother|sister|son|daughter|friend|father|mother|uncle|aunt|"
    r"cousin|boyfriend|girlfriend|partner|neighbour|neighbor|boss)\s+(?P<name>[A-Z][a-z'’\-]+)"
)

_lock = threading.Lock()


@cache
def _matcher() -> tuple[Any, Any]:
    """spaCy's multi-language blank pipeline: tokenises all seven languages without any model download."""
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("xx")
    matcher = Matcher(nlp.vocab)
    # An honorific then one or two capitalised words: "Mr John Smith", "пані Олена", "Sra. García".
    honorific: dict[str, Any] = {
        "LOWER": {"IN": [*_HONORIFICS, *(h + "." for h in _HONORIFICS if not h.endswith("."))]}
    }
    name_part: list[dict[str, Any]] = [{"ORTH": ".", "OP": "?"}, {"IS_TITLE": True}, {"IS_TITLE": True, "OP": "?"}]
    matcher.add("HONORIFIC_NAME", [[honorific, *name_part]], greedy="LONGEST")
    return nlp, matcher


def _name_spans(text: str) -> list[tuple[int, int]]:
    nlp, matcher = _matcher()
    with _lock:  # spaCy's vocab is shared mutable state
        doc = nlp(text)
        matches = matcher(doc)
    spans = []
    for _match_id, start, end in matches:
        # Keep the honorific (and its full stop), replace the name after it.
        first = start + 1 + (doc[start + 1].text == ".")
        if first < end:
            spans.append((doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text)))
    return spans


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
    spans: list[tuple[int, int, str]] = []
    for pattern, label in ((_EMAIL, EMAIL), (_LINK, LINK), (_HANDLE, HANDLE)):
        spans += [(m.start(), m.end(), label) for m in pattern.finditer(text)]
    for pattern in (_ADDRESS_EN, _ADDRESS_BEFORE, _PLAQUE):
        spans += [(m.start(), m.end(), ADDRESS) for m in pattern.finditer(text)]
    for match in _PHONE.finditer(text):
        if not _DATE_LIKE.match(match.group().strip()):
            spans.append((match.start(), match.end(), PHONE))
    for match in _AFTER_CUE.finditer(text):
        spans.append((match.start("name"), match.end("name"), NAME))
    for match in _KIN.finditer(text):
        spans.append((match.start("name"), match.end("name"), NAME))
    for match in _ARABIC_SCRIPT_HONORIFIC.finditer(text):
        first_space = match.group().index(" ")
        spans.append((match.start() + first_space + 1, match.end(), NAME))
    spans += [(start, end, NAME) for start, end in _name_spans(text)]
    return _replace_spans(text, spans)
