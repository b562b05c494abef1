"""English everyday phrases that only look like risk stay normal; the disclosure beside each stays urgent.

Each pair was found by reading what the rules flagged in long forum posts and then written as chat:
a lemma that swallowed a different word ("wound" is also the past of "wind", "trafficking" is a form
of "traffic", "dont" became "do"), an idiom ("hit me up", "this heat is killing me"), a death told as
news ("my dad committed suicide"). The fix is never to drop the real disclosure next to it.
"""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL = Level.CRITICAL, Level.HIGH, Level.NORMAL

EVERYDAY = [
    "the wind is so cold tonight, is the shelter open",
    "the traffic is terrible today, i will be late",
    "we beat them at football yesterday",
    "my phone is dead, can you hit me up later",
    "that song hits me hard every time",
    "this heat is killing me",
    "it could kill you if you mix them, ask the pharmacist",
    "revenge of the sith is on tv tonight",
    "the best revenge is living well",
    "the rash will disappear in a week, the doctor said",
    "i want to disappear for a while, go to the sea",
    "they took away my phone at the border",
    "i do want to live, i really do",
    "a friend of mine committed suicide last year, i still miss him",
    "what is suicidal ideation exactly",
    "anyway for a person who is suicidal the hotline is better than reddit",
    "they said on the news a little boy went missing near the station",
    "does domestic violence count as a reason to stay",
    "if the gate is closed we will jump the fence tonight",
]

URGENT = [
    ("the wound on his leg is deep and he is very pale", HIGH),
    ("i was trafficked here, they have my passport", HIGH),
    ("my husband beat me up last night", HIGH),
    ("he hit me with a belt", HIGH),
    ("my father says he will kill me if i go out", HIGH),
    ("i want to take revenge on him, i know where he lives", HIGH),
    ("my son disappeared two days ago", CRITICAL),
    ("they took my son away and i dont know where he is", CRITICAL),
    ("he overdosed and he is not waking up", CRITICAL),
    ("i dont want to live anymore", HIGH),
    ("i didnt want to live anymore after she left", HIGH),
    ("my brother doesnt want to live anymore", HIGH),
    ("i am thinking about committing suicide", HIGH),
    ("i want to commit suicide", HIGH),
    ("ive been suicidal since march", HIGH),
    ("i tried to commit suicide last year", HIGH),
    ("i am worth more dead than alive", HIGH),
    ("death would be a relief honestly", HIGH),
    ("i think suicide is my only way out", HIGH),
    ("i havent had the guts to swallow the pills yet", HIGH),
    ("im too scared to jump, that is the only reason im here", HIGH),
    ("i put a gun in my mouth and pulled the trigger but it jammed", CRITICAL),
    # the method names its own means, which the rules read as method + means: an accepted over-estimate
    ("i keep thinking about putting a gun to my head", CRITICAL),
    ("standing on the edge of the roof. sorry for everything", CRITICAL),
    ("my stepfather said he will find me and make me pay", HIGH),
    ("they keep our passports and the door is locked from outside", HIGH),
    ("her waters went an hour ago and the bus is not coming", HIGH),
    ("my uncle fell and he is not responding", CRITICAL),
    ("my sister's phone has been off for four days, nobody has heard from her", HIGH),
    ("the police are at our door, they are taking him to the detention centre", HIGH),
    ("he wants to set fire to the shop of the man who robbed him", HIGH),
    ("my daughter went missing yesterday and now it is on the news", CRITICAL),
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_an_everyday_phrase_is_not_urgent(triage: Triage, text: str) -> None:
    assessment = triage.assess(text, "en")
    assert assessment.level is NORMAL, (text, assessment.rules)


@pytest.mark.parametrize(("text", "wanted"), URGENT)
def test_the_disclosure_beside_it_stays_urgent(triage: Triage, text: str, wanted: Level) -> None:
    assessment = triage.assess(text, "en")
    assert assessment.level is wanted, (text, assessment.rules)


def test_a_one_word_negation_is_not_folded_into_its_verb(triage: Triage) -> None:
    # the lemma table maps "dont" to "do": then "I do want to live" matched "dont want to live"
    assert triage.assess("i do want to be here", "en").level is NORMAL
    assert triage.assess("i dont want to be here anymore", "en").level is HIGH
