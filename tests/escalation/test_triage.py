"""Triage as a liaison sees it: levels, categories, explanations, the urgent signal and the CLI lines."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from core.levels import Level
from escalation.lexicon import CATEGORIES, load_manifest
from escalation.triage import SIGNAL_RULE, Triage, assess_lines, get_triage, is_urgent_signal

CRITICAL, HIGH, NORMAL, LOW = Level.CRITICAL, Level.HIGH, Level.NORMAL, Level.LOW


@pytest.mark.parametrize(
    ("text", "lang", "level", "category"),
    [
        ("I'll take all my pills tonight", "en", CRITICAL, "self_harm"),
        ("i want to die", "en", HIGH, "self_harm"),
        ("I'm gonna kill myself", "en", CRITICAL, "self_harm"),
        ("I took 30 paracetamol", "en", CRITICAL, "self_harm"),
        ("i want to kill myself 💊", None, CRITICAL, "self_harm"),
        ("my husband beats me and he is outside my door now", "en", CRITICAL, "violence_abuse"),
        ("I'm going to stab him with a knife", "en", CRITICAL, "harm_to_others"),
        ("my son is missing", "en", CRITICAL, "missing_person"),
        ("they will deport me tomorrow", "en", HIGH, "detention_deportation"),
        ("no food for my kids", "en", HIGH, "basic_needs"),
        ("they took my passport and force me to work", "en", HIGH, "trafficking_exploitation"),
        ("my father collapsed and is not breathing", "en", CRITICAL, "medical_emergency"),
        ("ana bade mot el leile", None, CRITICAL, "self_harm"),
        ("بدي موت الليلة", "ar", CRITICAL, "self_harm"),
        ("زوجي بيضربني وهو هلق عالباب", "ar", CRITICAL, "violence_abuse"),
        ("Я хочу умереть сегодня", "ru", CRITICAL, "self_harm"),
        ("выпила всю пачку таблеток", "ru", CRITICAL, "self_harm"),
        ("hochu umeret", "ru", HIGH, "self_harm"),
        ("не хочу жити", "uk", HIGH, "self_harm"),
        ("khochu pomerty", None, HIGH, "self_harm"),
        ("می‌خواهم خودم را بکشم امشب", "fa", CRITICAL, "self_harm"),
        ("mikham bemiram", None, HIGH, "self_harm"),
        ("je veux mourir ce soir", "fr", CRITICAL, "self_harm"),
        ("il va me tuer", "fr", HIGH, "violence_abuse"),
        ("me voy a matar esta noche", "es", CRITICAL, "self_harm"),
        ("me va a matar", "es", HIGH, "violence_abuse"),
    ],
)
def test_levels_and_categories(triage: Triage, text: str, lang: str | None, level: Level, category: str) -> None:
    result = triage.assess(text, lang)
    assert result.level == level, result
    assert category in result.categories


@pytest.mark.parametrize(
    ("text", "lang"),
    [("thanks!", "en"), ("ok thank you 👍", "en"), ("merci beaucoup", "fr"), ("شكرا كتير", "ar"), ("спасибо", "ru")],
)
def test_thanks_alone_is_low(triage: Triage, text: str, lang: str) -> None:
    assert triage.assess(text, lang).level == LOW


def test_thanks_does_not_lower_a_risk(triage: Triage) -> None:
    assert triage.assess("thanks, but I want to die").level == HIGH


@pytest.mark.parametrize("text", ["hello", "where is the nearest clinic?", "I took the bus today"])
def test_ordinary_messages_are_normal_with_no_rules(triage: Triage, text: str) -> None:
    result = triage.assess(text, "en")
    assert (result.level, result.categories, result.rules) == (NORMAL, (), ())


def test_negation_keeps_the_category_at_normal(triage: Triage) -> None:
    for text in ("I would never kill myself", "i'm not going to kill myself"):
        result = triage.assess(text, "en")
        assert result.level == NORMAL
        assert result.categories == ("self_harm",)
        assert any(rule.endswith(".negated") for rule in result.rules)


@pytest.mark.parametrize("text", ["No, I want to die", "not ok. i want to die", "لا، بدي موت"])
def test_a_no_before_the_sentence_is_not_a_denial(triage: Triage, text: str) -> None:
    assert triage.assess(text).level == HIGH


def test_a_denied_phrase_denies_the_phrases_inside_it(triage: Triage) -> None:
    assert triage.assess("no me quiero morir", "es").level == NORMAL


def test_assessment_explains_itself(triage: Triage) -> None:
    result = triage.assess("I'll take all my pills tonight", "en")
    assert result.lexicon_version == load_manifest().version
    assert result.language == "en"
    assert "en.self_harm.means.pills" in result.rules
    assert "self_harm.method+time" in result.rules
    assert list(result.rules) == sorted(set(result.rules))
    assert set(result.categories) <= set(CATEGORIES)


def test_language_is_detected_without_a_hint(triage: Triage) -> None:
    assert triage.assess("بدي موت").language == "ar"
    assert triage.assess("хочу умереть").language == "ru"
    assert triage.assess("хочу померти").language == "uk"
    assert triage.assess("میخوام بمیرم").language == "fa"
    assert triage.assess("hello there").language == "xx"


def test_a_hint_removes_false_friends_but_not_english(triage: Triage) -> None:
    # "suicide" is also a Spanish verb form; with an English hint only the English reading counts
    assert not any(rule.startswith("es.") for rule in triage.assess("suicide is never the answer", "en").rules)
    assert triage.assess("I want to die", "fr").level == HIGH


@pytest.mark.parametrize(
    "text",
    [
        "🆘",
        "/urgent",
        "/urgent@LiaisonBot",
        "urgent",
        "URGENT!!!",
        "SOS",
        "sos please",
        "عاجل",
        "3ajel",
        "терміново",
        "срочно",
        "srochno",
        "فوری",
        "urgence",
        "urgente",
        "Urgente por favor 🙏",
    ],
)
def test_urgent_signal(triage: Triage, text: str) -> None:
    assert is_urgent_signal(text)
    result = triage.assess(text)
    assert SIGNAL_RULE in result.rules
    assert result.level.rank <= HIGH.rank


@pytest.mark.parametrize("text", ["is my appointment urgent or can it wait?", "please", "help", "", "hello"])
def test_not_an_urgent_signal(text: str) -> None:
    assert not is_urgent_signal(text)


def test_signal_raises_even_an_innocent_text(triage: Triage) -> None:
    result = triage.assess("🆘 where is the office")
    assert result.level == HIGH
    assert SIGNAL_RULE in result.rules


def test_assess_lines_reports_bad_lines_and_goes_on() -> None:
    lines = [
        json.dumps({"text": "i want to die", "lang": "en"}),
        "not json",
        json.dumps({"lang": "en"}),
        json.dumps({"text": "hello"}),
    ]
    out = [json.loads(line) for line in assess_lines(lines)]
    assert out[0]["level"] == "high" and out[0]["categories"] == ["self_harm"] and out[0]["rules"]
    assert "lexicon_version" in out[0]
    assert "error" in out[1] and "error" in out[2]
    assert out[3]["level"] == "normal"


def test_get_triage_is_cached() -> None:
    assert get_triage() is get_triage()


def test_import_builds_nothing() -> None:
    code = "import sys, escalation.triage as t; print('spacy' in sys.modules, bool(t._instance))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.split() == ["False", "False"]
