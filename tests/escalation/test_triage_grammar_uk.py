"""The grammar of harm in Ukrainian (Cyrillic, surzhyk and translit): a harm verb with its object and, for
killing, an intent or a perfective future, instead of one phrase each; everyday lines with those words stay normal."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL = Level.CRITICAL, Level.HIGH, Level.NORMAL

# the Ukrainian threat with a dative object ("мені погрожує") is a phrase of the existing concept
DATIVE_RULE = "uk.violence_abuse.threat_to_me.dative"

# (text, expected level): critical only with "now" or a weapon
DISCLOSURES = [
    # abuse verbs, any tense, with the writer or family as object
    ("чоловік побив мене вчора і забрав гроші", HIGH),
    ("вітчим б'є мою доньку коли вип'є", HIGH),
    ("батько бив нас з братом ременем", HIGH),
    ("мене душив колишній, я ледве вирвалась", HIGH),
    ("він вдарив сина головою об стіну", HIGH),
    ("хазяїн замикає нас у підвалі на ніч", HIGH),
    ("сусід лапає мою доньку у під'їзді", HIGH),
    ("вони катували мене в підвалі два тижні", HIGH),
    ("співмешканець знущається з дітей, кричить і штовхає", HIGH),
    ("свекруха штовхнула мене зі сходів", HIGH),
    ("він поріже мене якщо я піду", HIGH),
    ("він зараз б'є маму, допоможіть", CRITICAL),
    ("вітчим зараз душить брата", CRITICAL),
    # killing: an intent (threatens, swore, wants, says that) or a perfective future
    ("колишній поклявся вбити мою сестру", HIGH),
    ("свекор погрожує вбити дітей якщо я поїду", HIGH),
    ("він мене вб'є, якщо дізнається що я пишу сюди", HIGH),
    ("вони нас розстріляють якщо ми повернемося додому", HIGH),
    ("хочуть отруїти мене, я бачила що він щось сипав у чай", HIGH),
    ("чоловік каже що заріже мою маму", HIGH),
    ("я хочу вбити вітчима, більше не можу терпіти", HIGH),
    ("вербувальник пообіцяв зарубати сина якщо не віддамо борг", HIGH),
    ("чоловік з ножем, каже що мене задушить", CRITICAL),
    ("мені погрожує колишній чоловік", HIGH),
    # translit
    ("vin mene pobyv i zabrav telefon", HIGH),
    ("cholovik bie ditei kozhen den", HIGH),
    ("batko vdaryv mamu, vona plache", HIGH),
    ("vin kazhe shcho vbye mene", HIGH),
    ("kolyshnii khoche vbyty mene", HIGH),
    ("vony zarizhut syna yakshcho ne zaplatymo", HIGH),
    ("hazyain zamknuv nas na skladi", HIGH),
    ("vitchym zadushyt mene, vin duzhe zlyi", HIGH),
    ("susid pohrozhuie zastrelyty yoho", HIGH),
]

MISSING = [
    ("брат не відповідає на дзвінки вже два дні", HIGH),
    ("у сестри телефон вимкнений з учора, ми дуже хвилюємось", HIGH),
    ("син не прийшов додому з п'ятниці", CRITICAL),
    ("донька не повернулася зі школи, вже добу нема зв'язку", CRITICAL),
    ("ніхто її не бачив три дні, вона не бере трубку", HIGH),
    ("druh ne vidpovidaie try dni", HIGH),
    ("sestra ne povernulasia z uchora", HIGH),
    ("u syna telefon vymknenyi 2 dni", CRITICAL),
]

# everyday Ukrainian with the same verbs and objects: idioms, sport, games, jokes, grief, denials, questions
EVERYDAY = [
    "ти мене вбиваєш 😂",
    "ця спека мене вбиває",
    "ціни нас вбивають, все дорожчає",
    "вбиваємо час в черзі на кордоні",
    "нас побили 3:0 у фіналі",
    "нас просто вбили у фіналі, прикро",
    "мене вбили в грі п'ять разів поспіль",
    "я побив тата в шахи",
    "у мене побили машину під будинком",
    "холодильник б'є мене струмом",
    "мене штовхнули в метро, ледь не впала",
    "мене це чіпає до сліз",
    "мене душить кашель всю ніч",
    "задушу тебе в обіймах коли приїдеш",
    "росіяни вбили мого батька на війні",
    "мого брата вбили під Бахмутом два роки тому",
    "чоловік мене ніколи не бив",
    "він мене не б'є, просто кричить",
    "хто вбив Лору Палмер?",
    "чи можна вдарити дитину по руці? мені здається ні",
    "син б'є м'яч об стіну цілий день",
    "син побив рекорд школи з бігу",
    "я вбив павука у ванній",
    "я тебе вб'ю якщо не прийдеш 😂",
    "ми вбили весь вечір на серіал",
    "кіт вкусив доньку, дрібниця",
    "донька вдарилася коліном об стіл",
    "штовхнула візок з дитиною в автобус",
    "nas pobyly 2:1 vchora",
    "ty mene vbyvaiesh 😂",
    "vin nikoly ne byv mene",
    "zadushu tebe v obiimakh",
]

# someone quiet for minutes, or the writer's own phone: not a missing person
MISSING_LOOKALIKES = [
    "мій телефон вимкнений, пиши в вайбер",
    "подруга запізнюється на 10 хвилин, чекаю на вокзалі",
    "сестра не відповідає вже годину, вона на парах",
    "тато не прийшов на вечерю, затримався на роботі",
    "брат не відповідає, бо в нього телефон розрядився",
    "вибач, телефон був вимкнений два дні, я була в горах",
]


VERBS = {"harm.abuse", "harm.lethal", "harm.lethal_future"}
OBJECTS = {"target.me", "target.me_pre", "target.kin", "target.kin_pre", "target.them", "target.them_pre"}


@pytest.mark.parametrize(("text", "level"), DISCLOSURES, ids=[t for t, _ in DISCLOSURES])
def test_grammar_reads_a_harm_verb_with_its_object(
    triage: Triage, uk_concepts: Callable[[str], set[str]], text: str, level: Level
) -> None:
    result = triage.assess(text, "uk")
    assert result.level == level, result.rules
    if DATIVE_RULE in result.rules:
        return
    assert any(rule.startswith("grammar.") for rule in result.rules), result.rules
    found = uk_concepts(text)
    assert found & VERBS and found & OBJECTS, found


@pytest.mark.parametrize(("text", "level"), MISSING, ids=[t for t, _ in MISSING])
def test_someone_gone_quiet_for_days_is_missing(
    triage: Triage, uk_concepts: Callable[[str], set[str]], text: str, level: Level
) -> None:
    result = triage.assess(text, "uk")
    assert result.level == level, result.rules
    assert "missing_person" in result.categories
    assert "grammar.missing" in result.rules
    assert {"missing.absent", "time.duration"} <= uk_concepts(text)


@pytest.mark.parametrize("text", EVERYDAY, ids=EVERYDAY)
def test_everyday_harm_words_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "uk")
    assert result.level == NORMAL, result.rules


@pytest.mark.parametrize("text", MISSING_LOOKALIKES, ids=MISSING_LOOKALIKES)
def test_a_short_silence_is_not_a_missing_person(triage: Triage, text: str) -> None:
    result = triage.assess(text, "uk")
    assert result.level == NORMAL, result.rules
    assert "missing_person" not in result.categories


def test_past_killing_of_family_is_grief_but_a_future_one_is_a_threat(triage: Triage) -> None:
    # the same verb and object: told of the past it is grief, with an intent it is a threat to the family
    assert triage.assess("вони вбили мого брата на війні", "uk").level == NORMAL
    threat = triage.assess("вони вб'ють мого брата якщо він повернеться", "uk")
    assert threat.level == HIGH
    assert "grammar.intent_kin" in threat.rules
