"""Whose risk it is: the writer's own, a specific other person's (still urgent), or nobody's in particular."""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL = Level.CRITICAL, Level.HIGH, Level.NORMAL


@pytest.mark.parametrize(
    ("text", "lang", "reason"),
    [
        ("if you feel suicidal please reach out to someone", "en", "addressed"),
        ("do you want to die?", "en", "addressed"),
        ("si tu quieres morir, habla con alguien", "es", "addressed"),
        ("si tu as envie de mourir, parle a quelquun", "fr", "addressed"),
        ("если ты хочешь умереть, позвони на горячую линию", "ru", "addressed"),
        ("i read an article about people who want to die", "en", "generic"),
        ("vi una pelicula sobre un chico que se quiere suicidar", "es", "reported"),
        ("years ago i wanted to die but i got better", "en", "past"),
        ("cuando era nina queria morir", "es", "past"),
        ("quand jetais ado je voulais mourir", "fr", "past"),
        ("в детстве я хотела умереть", "ru", "past"),
        ("لما كنت صغيره كنت بدي موت", "ar", "past"),
        ("when i was a kid my dad beat me", "en", "past"),
    ],
)
def test_talk_about_risk_that_is_nobodys_now_stays_normal_and_says_why(
    triage: Triage, text: str, lang: str, reason: str
) -> None:
    result = triage.assess(text, lang)
    assert result.level == NORMAL, result
    assert any(rule.endswith(f".{reason}") for rule in result.rules), result.rules
    assert result.categories  # a liaison still sees what it was about


@pytest.mark.parametrize(
    ("text", "lang", "level"),
    [
        ("my friend wants to die", "en", HIGH),
        ("my brother says he wants to kill himself tonight", "en", CRITICAL),
        ("mi amigo quiere morir", "es", HIGH),
        ("mi hermana se quiere matar esta noche", "es", CRITICAL),
        ("mon frere veut mourir", "fr", HIGH),
        ("мой брат хочет покончить с собой", "ru", HIGH),
        ("мій брат хоче покінчити з собою", "uk", HIGH),
        ("صاحبي بدو ينتحر", "ar", HIGH),
        ("دوستم میخواد خودکشی کنه", "fa", HIGH),
    ],
)
def test_someone_else_at_risk_is_urgent_under_its_own_rule(triage: Triage, text: str, lang: str, level: Level) -> None:
    result = triage.assess(text, lang)
    assert result.level == level, result
    assert "self_harm.third_party" in result.rules
    assert "self_harm.intent" not in result.rules  # the writer is not the one at risk
    # an evaluation against labels of the writer's own risk can leave them out
    assert triage.assess(text, lang, third_party=False).level == NORMAL


@pytest.mark.parametrize(
    ("text", "lang", "level"),
    [
        ("you make me want to die", "en", HIGH),
        ("you dont understand, i want to die", "en", HIGH),
        ("i used to cut myself and i still do", "en", HIGH),
        ("i am suicidal", "en", HIGH),
        ("everyone would be better off without me", "en", HIGH),
        ("i feel hopeless and i have a bottle of pills", "en", HIGH),
        ("if he finds me he will kill me", "en", CRITICAL),
        ("quiero morir", "es", HIGH),
        ("je suis suicidaire", "fr", HIGH),
        ("у меня суицидальные мысли", "ru", HIGH),
        ("عندي افكار انتحاريه", "ar", HIGH),
        ("хочу померти", "uk", HIGH),
        ("میخوام بمیرم", "fa", HIGH),
    ],
)
def test_the_writers_own_risk_is_kept(triage: Triage, text: str, lang: str, level: Level) -> None:
    result = triage.assess(text, lang)
    assert result.level == level, result
    assert triage.assess(text, lang, third_party=False).level == level


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("suicidal thoughts are common among teens", "en"),
        ("hopeless", "en"),
        ("no hay salida", "es"),
    ],
)
def test_a_state_or_hopelessness_needs_an_explicit_i_to_be_urgent(triage: Triage, text: str, lang: str) -> None:
    assert triage.assess(text, lang).level == NORMAL
