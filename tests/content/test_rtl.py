"""Right-to-left replies lay out right to left on any phone, without stray direction controls."""

import re
import unicodedata

import pytest

from content.commands import command_labels
from content.emergency import emergency_contacts
from content.languages import RTL_LANGUAGES, SUPPORTED_LANGUAGES
from content.render import get_catalog
from tests.content.samples import ALL_KEYS, variables_for

LRM, RLM = "\u200e", "\u200f"
# Embeddings and overrides can be left unbalanced; isolates are unknown to older phones. None belong here.
FORBIDDEN_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
RTL_CASES = [(key, lang) for key in sorted(ALL_KEYS) for lang in sorted(RTL_LANGUAGES)]
LTR_CASES = [(key, lang) for key in sorted(ALL_KEYS) for lang in SUPPORTED_LANGUAGES if lang not in RTL_LANGUAGES]


def first_strong_direction(line: str) -> str | None:
    for ch in line:
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            return "ltr"
        if bidi in ("R", "AL"):
            return "rtl"
    return None


def source(key: str, lang: str) -> str:
    return get_catalog().path(key, lang).read_text(encoding="utf-8")


@pytest.mark.parametrize(("key", "lang"), RTL_CASES)
def test_every_rendered_line_starts_right_to_left(key: str, lang: str) -> None:
    text = get_catalog().render(key, lang, **variables_for(key, lang))
    ltr_lines = [line for line in text.splitlines() if first_strong_direction(line) == "ltr"]
    assert not ltr_lines


@pytest.mark.parametrize(("key", "lang"), RTL_CASES)
def test_slash_commands_carry_a_mark_and_no_mark_is_stray(key: str, lang: str) -> None:
    text = source(key, lang)
    assert not re.findall(rf"(?<!{LRM})/[a-z]", text), "a bare /command shows its slash on the wrong side"
    assert not re.findall(rf"{LRM}(?!/[a-z])", text), "a left-to-right mark that guards no command"
    assert RLM not in text


@pytest.mark.parametrize(("key", "lang"), RTL_CASES)
def test_arabic_punctuation_follows_arabic_words(key: str, lang: str) -> None:
    assert not re.findall(r"[\u0600-\u06ff][?,;]", source(key, lang))


@pytest.mark.parametrize(("key", "lang"), RTL_CASES + LTR_CASES)
def test_no_embeddings_overrides_or_isolates(key: str, lang: str) -> None:
    text = source(key, lang)
    assert not any(ch in FORBIDDEN_CONTROLS for ch in text)


@pytest.mark.parametrize(("key", "lang"), LTR_CASES)
def test_left_to_right_replies_have_no_direction_marks(key: str, lang: str) -> None:
    text = source(key, lang)
    assert LRM not in text and RLM not in text


@pytest.mark.parametrize("lang", sorted(RTL_LANGUAGES))
def test_rtl_labels_and_emergency_names_start_right_to_left(lang: str) -> None:
    texts = list(command_labels(lang).values())
    for area in (None, "GB", "FR", "ES", "DE", "UA"):
        texts += [contact.name for contact in emergency_contacts(lang, area)]
    assert [text for text in texts if first_strong_direction(text) != "rtl"] == []
