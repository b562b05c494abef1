"""The grammar of harm: a harm verb with its object and, for killing, an intent, instead of one phrase each."""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.normalize import normalize
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL = Level.CRITICAL, Level.HIGH, Level.NORMAL

# (text, expected level): each needs a grammar rule, so the test fails without the verb and object tables
DISCLOSURES = [
    ("he'll stab my son if i leave", HIGH),
    ("my husband beats our kids when he drinks", HIGH),
    ("he threatened to kill my whole family", HIGH),
    ("they will shoot us if we go back", HIGH),
    ("my uncle raped my little sister", HIGH),
    ("my stepdad is beating my mom right now", CRITICAL),
    ("im going to stab my boss tomorrow", HIGH),
    ("he strangled me last night and said next time hes done", HIGH),
    ("my ex swore to murder my daughter", HIGH),
    ("they tortured us in that warehouse, please help", HIGH),
    ("she burns the children with cigarettes", HIGH),
    ("he kicks my brother every day", HIGH),
    ("hes gonna poison my mum, she wont believe me", HIGH),
    ("the smugglers said they would drown my son", CRITICAL),  # trafficking with a threat
    ("my father slapped me and my sister", HIGH),
    ("he is punching my sister now, hurry", CRITICAL),
    ("they slaughter anyone who leaves, they will slaughter us", HIGH),
    ("he threatens us every day", HIGH),
    ("theyll behead my brother if he comes back", HIGH),
    ("he attacked me with a knife", CRITICAL),
]

MISSING = [
    ("my brother's phone has been off for two days", HIGH),
    ("my sister hasn't come back since friday", HIGH),
    ("nobody has seen my friend for 3 days", HIGH),
    ("nobody has seen my son since last night", CRITICAL),
]

# (text, expected level): everyday English with the same verbs and objects
EVERYDAY = [
    ("shoot me a message when you land", NORMAL),
    ("they beat us 3-0 on saturday", NORMAL),
    ("my landlord kicked us out, where can we sleep", NORMAL),
    ("the prices are killing us", NORMAL),
    ("my dad was killed in the war", NORMAL),
    ("they killed my brother in syria years ago", NORMAL),
    ("my son hit his head on the table, should i worry", NORMAL),
    ("gonna shoot her a text later", NORMAL),
    ("i'll hang out with my friend tonight", NORMAL),
    ("he never hit me, he is a good man", NORMAL),
    ("my kids fight and hit each other all the time", NORMAL),
    ("i beat my brother at chess", NORMAL),
    ("your words touched my heart", NORMAL),
    ("i had a panic attack on the bus", NORMAL),
    ("my phone is off until monday, text me", NORMAL),
    ("my nose is blocked, is a pharmacy open", NORMAL),
    ("my son has a fever and a cough", NORMAL),
]


@pytest.mark.parametrize(("text", "level"), DISCLOSURES, ids=[t for t, _ in DISCLOSURES])
def test_grammar_reads_a_harm_verb_with_its_object(triage: Triage, text: str, level: Level) -> None:
    result = triage.assess(text, "en")
    assert result.level == level, result.rules
    assert any(rule.startswith("grammar.") for rule in result.rules), result.rules


@pytest.mark.parametrize(("text", "level"), MISSING, ids=[t for t, _ in MISSING])
def test_someone_gone_quiet_for_days_is_missing(triage: Triage, text: str, level: Level) -> None:
    result = triage.assess(text, "en")
    assert result.level == level, result.rules
    assert "missing_person" in result.categories
    assert "grammar.missing" in result.rules


@pytest.mark.parametrize(("text", "level"), EVERYDAY, ids=[t for t, _ in EVERYDAY])
def test_everyday_harm_words_stay_ordinary(triage: Triage, text: str, level: Level) -> None:
    result = triage.assess(text, "en")
    assert result.level == level, result.rules


def test_a_son_is_not_soon_and_a_nose_is_not_a_noose(triage: Triage) -> None:
    # squeezing doubled letters once made every "son" a time of now and a nose bleed a hanging
    assert normalize("soon") != normalize("son")
    assert normalize("noose") != normalize("nose")
    assert normalize("sooooon") == normalize("son")  # elongation still squeezes
    assert triage.assess("he hit my son", "en").level == HIGH
    assert triage.assess("i have a noose ready tonight", "en").level == CRITICAL
    assert triage.assess("i will do it soon, i have the pills", "en").level == CRITICAL


# (text, lang, expected level, the grammar rule that must fire or None): how the grammar's rules
# read word order and sentences, in any language; each urgent line names its rule, because older
# phrases would keep some of them urgent even if the grammar broke
MECHANICS = [
    # a window never reaches across a sentence end: "hit" and "us" are in different sentences
    ("the storm hit. us kids stayed inside all day", "en", NORMAL, None),
    ("he hit me. i am scared", "en", HIGH, "grammar.abuse_me"),
    # "у нас", "у мене" hold a pronoun that is no object
    ("у нас в городе убили человека", "ru", NORMAL, None),
    ("у нас у місті вбили людину", "uk", NORMAL, None),
    ("они нас убьют", "ru", HIGH, "grammar.me_intent"),
    # a mask read by one lexicon covers the same words read by another (Ukrainian shares Russian spellings)
    ("дети бьют друг друга подушками", "ru", NORMAL, None),
    # an object pronoun glued to a killing verb inside the intent ("хочет [его убить]")
    ("он хочет его убить", "ru", HIGH, "grammar.threat_them_lethal"),
    # an article is no object pronoun: it must touch the intent to count
    ("la guerra va a matar a mucha gente", "es", NORMAL, None),
    ("lo va a matar", "es", HIGH, "grammar.them_intent"),
]


@pytest.mark.parametrize(("text", "lang", "level", "rule"), MECHANICS, ids=[m[0] for m in MECHANICS])
def test_grammar_reads_word_order_and_sentences(
    triage: Triage, text: str, lang: str, level: Level, rule: str | None
) -> None:
    result = triage.assess(text, lang)
    assert result.level == level, result.rules
    if rule is not None:
        assert rule in result.rules
