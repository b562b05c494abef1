"""How the triage is built: the committed lemma cache matches the lexicons, number words count."""

from __future__ import annotations

import json

import pytest

from core.levels import Level
from escalation.lexicon import Rule, load_language, load_manifest
from escalation.lexmatch import LEMMA_DIR, Hit, lemma_fingerprint, lemma_words
from escalation.triage import Triage, _derived


@pytest.mark.parametrize("lang", sorted(load_manifest().lemma_languages))
def test_the_committed_lemma_cache_matches_the_lexicon(lang: str) -> None:
    # a stale cache is never used (the tables are parsed instead, slowly); refresh it with
    # `.venv/bin/python -m escalation.lexmatch` after editing a lexicon
    stored = json.loads((LEMMA_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    wanted = lemma_words(load_language(lang, load_manifest()))
    assert stored["fingerprint"] == lemma_fingerprint(wanted)
    assert stored["forms"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("i took thirty pills", "en"),
        ("выпила тридцать таблеток", "ru"),
        ("випила двадцять таблеток", "uk"),
        ("jai pris trente cachets", "fr"),
        ("me tome veinte pastillas", "es"),
        ("اخدت عشرين حبة", "ar"),
        ("بیست تا قرص خوردم", "fa"),
    ],
)
def test_a_count_in_words_is_an_amount(triage: Triage, text: str, lang: str) -> None:
    result = triage.assess(text, lang)
    assert result.level == Level.CRITICAL, result
    assert f"{lang}.self_harm.amount.number" in result.rules


def test_a_bare_phrase_matches_its_first_word_with_a_clitic_the_lexicon_lists_glued(triage: Triage) -> None:
    # "وانا" (and I) is a lexicon word of its own, so in text it is never stripped to "انا"; the phrase
    # "انا ميت احسن" (I'd be better off dead) must still read it
    result = triage.assess("تعبت من كل شي وانا ميت احسن", "ar")
    assert result.level == Level.HIGH, result.rules
    assert "ar.self_harm.intent.want_die" in result.rules


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("i took 2 pills for my headache", "en"),
        ("i took 3 tablets for my back", "en"),
        ("выпила 2 таблетки от головы", "ru"),
        ("tome 3 pastillas para el dolor", "es"),
        ("j'ai pris 1 comprimé", "fr"),
    ],
)
def test_a_small_count_is_a_dose_not_an_overdose(triage: Triage, text: str, lang: str) -> None:
    # a counted means is an overdose from five up; two paracetamol for a headache is not critical
    assert triage.assess(text, lang).level != Level.CRITICAL


def test_a_form_two_languages_share_keeps_each_languages_reading() -> None:
    # Ukrainian and Russian both list "задушу" (I will strangle) as a killing future: a rule of one concept
    # derives one hit per form, each in its own language, so each language's object rules can read it (one hit
    # spanning both kept only the first language's, and "я его задушу" lost its Russian object)
    rule = Rule("grammar.lethal_future", ("harm.lethal_future",), Level.NORMAL, None, None, gives="harm.intent")
    hits = [Hit(f"{lang}.harm.lethal_future.x", "harm.lethal_future", lang, 2, 3, 7, 13) for lang in ("uk", "ru")]
    derived = _derived(rule, "harm.intent", hits)
    assert [(h.lang, h.concept, h.rule_id) for h in derived] == [
        ("uk", "harm.intent", "grammar.lethal_future"),
        ("ru", "harm.intent", "grammar.lethal_future"),
    ]
