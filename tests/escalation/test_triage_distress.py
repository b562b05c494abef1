"""The grammar of distress in English: risks said in the writer's own words, read by construction, not by phrase."""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL, LOW = Level.CRITICAL, Level.HIGH, Level.NORMAL, Level.LOW

# (text, expected level, the rule that must carry it): each fails without the new tables
DISCLOSURES = [
    # a wish with its death, a refusal or weariness with a life word
    ("honestly i just kinda wish i could go to sleep and not wake up", HIGH, "grammar.want_death"),
    ("i really want to fucking die", HIGH, "grammar.want_death"),
    ("some nights i wish i was dead", HIGH, "grammar.want_death"),
    ("id rather be dead than go back there", HIGH, "grammar.want_death"),
    ("i keep thinking about dying", HIGH, "grammar.want_death"),
    ("honestly i want to vanish tonight", CRITICAL, "grammar.want_death"),
    ("i just want everything to stop existing, me included", HIGH, "grammar.want_death"),
    ("i dont want to keep living like this", HIGH, "grammar.refuse_life"),
    ("i dont wanna wake up tomorrow", HIGH, "grammar.refuse_life"),
    ("no reason to keep on living", HIGH, "grammar.refuse_life"),
    ("so sick of existing", HIGH, "grammar.weary_life"),
    ("im done with being alive", HIGH, "grammar.weary_life"),
    ("my sister keeps saying she wishes she was dead", HIGH, "grammar.other_want_death"),
    # an injuring verb with the writer's body
    ("been cutting my arms again", HIGH, "grammar.injure_self"),
    ("i burned my wrists with a lighter", HIGH, "grammar.injure_self"),
    ("i keep scratching my skin till it bleeds", HIGH, "grammar.injure_self"),
    ("i cut my thighs tonight", CRITICAL, "grammar.injure_self"),
    ("my friend has been cutting herself", HIGH, "grammar.other_injure"),
    # a body in danger
    ("my baby is burning up and wont drink", HIGH, "medical_emergency.state+infant"),
    ("shes 3 months old and has a fever", HIGH, "medical_emergency.state+infant"),
    ("my baby is 2 months old and keeps throwing up", HIGH, "medical_emergency.state+infant"),
    ("weve been sleeping rough for a week", HIGH, "basic_needs.outside+duration"),
    ("he has had a fever of 40 and it wont go down", HIGH, "medical_emergency.state+severe"),
    ("cut my hand and its pouring, the towel is soaked", HIGH, "medical_emergency.state+severe"),
    ("my son keeps throwing up and no doctor will see us", HIGH, "medical_emergency.state+nocare"),
    # going without
    ("the water has been cut off for 4 days", HIGH, "basic_needs.without+duration"),
    ("we ran out of food and the kids are crying", HIGH, "basic_needs.without+child"),
    ("no formula left for the baby", HIGH, "basic_needs.without+child"),
    ("we are sleeping outside tonight", HIGH, "basic_needs.outside+now"),
    ("they evicted us and i have two kids", HIGH, "basic_needs.outside+child"),
    # a child lost right now, someone gone quiet
    ("lost my son at the station, looked everywhere", CRITICAL, "grammar.search_child"),
    ("lost sight of my daughter at the market, she was right here", CRITICAL, "grammar.search_child"),
    ("nobodys heard from my brother for three days", HIGH, "grammar.search_other"),
    # being taken
    ("police came looking for my husband, they said theyll be back tomorrow", HIGH, "grammar.agent_act"),
    ("immigration officers are coming to pick us up tomorrow", HIGH, "grammar.agent_act"),
    ("im being removed next thursday", HIGH, "detention_deportation.core+soon"),
    # papers kept
    ("the boss kept our passports and says we owe him", HIGH, "grammar.keep_docs"),
    ("they confiscated my documents when we arrived", HIGH, "grammar.keep_docs"),
    # going after someone, at a height now
    ("he grabbed a knife, says hes going to find the guy who robbed him", CRITICAL, "harm_to_others.seek+weapon"),
    ("im going to go after him, he deserves it", HIGH, "harm_to_others.seek+future"),
    ("standing on the bridge rn", CRITICAL, "self_harm.at_height+now"),
    ("im sitting on the ledge, i see no way out", CRITICAL, "self_harm.at_height+hopeless"),
    # means at hand, told over two sentences; an amount that is not a number
    (
        # telling someone before the act is a farewell, so with the means it is imminent
        "i have all my pills lined up on the table. wanted someone to know before i take them",
        CRITICAL,
        "self_harm.prepared+use",
    ),
    ("already swallowed half the bottle of sleeping tablets", CRITICAL, "self_harm.ingested+amount"),
]

# the second round: harm planned against others, people gone or silent, abuse told indirectly
DISCLOSURES += [
    ("i want to slap him so hard he never forgets", HIGH, "grammar.intent_them"),
    ("im gonna punch my neighbour tomorrow", HIGH, "grammar.intent_them"),
    ("i get urges to smash the kids who bully me", HIGH, "grammar.want_abuse"),
    ("got a bat in the car, tonight hes gonna pay", CRITICAL, "harm_to_others.seek+weapon"),
    ("my brother is loading his rifle, says hes going to his place", CRITICAL, "harm_to_others.seek+weapon"),
    ("my 4yo was here a minute ago and i cant see him anywhere", CRITICAL, "grammar.search_child"),
    ("my 9 year old didnt come back from the shop, looked everywhere", CRITICAL, "grammar.search_child"),
    ("my friend hasnt replied in a week, shes never like that", HIGH, "grammar.missing"),
    ("my dad wandered off an hour ago, he gets confused", HIGH, "grammar.missing"),
    ("she left on friday to meet a driver and nobody has seen her since", HIGH, "missing_person.missing"),
    ("my ex is outside the shelter and hes shouting my name", HIGH, "violence_abuse.danger_here"),
    ("my ex is waiting outside right now", CRITICAL, "violence_abuse.danger+now"),
    ("my stepbrother does things to me at night", HIGH, "violence_abuse.sexual"),
    ("they make me sleep with men and i cant leave the flat", HIGH, "trafficking_exploitation.core"),
]

# the third round (dev set 7): a farewell told as "so someone knows", a threat to survive the night, a
# wound with no care, a child named by its age, detention for weeks
DISCLOSURES += [
    ("the whole pack of pills is in front of me. just so someone knows", CRITICAL, "self_harm.farewell+means"),
    ("they would all be better off if i just wasnt around", HIGH, "self_harm.intent"),
    ("he has a knife and says i wont see the morning", CRITICAL, "violence_abuse.threat+weapon"),
    ("foot got hurt on the road, swollen and hot, cant go to hospital", HIGH, "medical_emergency.state+nocare"),
    ("cant find my 5 year old, he was by the bus a minute ago", CRITICAL, "grammar.search_child"),
    ("my brother has been in the detention centre for 3 weeks", HIGH, "detention_deportation.core+duration"),
    # preparation is a plan word right next to its means, in either order
    ("i bought a rope", HIGH, "self_harm.planned"),
    ("the rope is ready", HIGH, "self_harm.means+plan"),
    ("got the pills ready for tonight", CRITICAL, "self_harm.plan+means+now"),
    ("they evict us tomorrow and we have nowhere to stay", HIGH, "basic_needs.outside+soon"),
]

# everyday English with the same words: each stays an ordinary question
EVERYDAY = [
    "im dying to see that movie",
    "i want to live in berlin next year",
    "i dont want to go on the trip",
    "i dont want to wake up early on sunday",
    "tired of waiting for my appointment",
    "i want to end it with him, hes not nice",
    "i feel like im dying, this flu is awful, which pharmacy is open",
    "i wish i was taller lol",
    "i want to disappear for a weekend and switch off",
    "im dying my hair red tomorrow",
    "i cut myself shaving this morning",
    "i burnt myself cooking, is there a plaster at the centre",
    "i hurt myself playing football",
    "my son has a fever and a cough",
    "my baby has a rash on her cheek, which cream is ok",
    "is it normal for a newborn to sleep so much",
    "i am 30 weeks pregnant, where is the nearest clinic",
    "how long does it take to get a passport",
    "the embassy took my passport for the visa, when do i get it back",
    "police are looking for volunteers for the community day",
    "the police came to my school to talk about safety",
    "no food allowed in the library?",
    "we ran out of milk, is the shop open today",
    "the water is cut off for maintenance tomorrow morning",
    "i cant find my keys anywhere lol",
    "we are on the roof terrace tonight for the party",
    "i want to get even better at german",
    "the radiator guy said i need to bleed it first",
    "this paperwork is killing me lol, which form do i need",
    "my little sister hid my charger, im going to kill her 😂 jk",
    "this exam is going to kill me 😂",
    "what happens to my asylum case if i move city",
    "we plan to go to the river tomorrow for a picnic",
    "i am so tired of this queue, how long is the wait",
    "i dont want to live with my parents anymore, can i get a room",
    "my grandmother died last year, i still miss her",
    "is it safe to take ibuprofen with a fever",
    "thanks, the water is back on now",
    "the kids are watching a film about a lost dog",
    "i want to hit the gym after work",
    "im going to beat him at chess tonight",
    "back in 2015 i was in detention for a month, does it affect my citizenship now",
    "my cousin loaded the dishwasher, what else do i need to do before the inspection",
    "mon oncle bat le record du quartier",
    "i cant see him in the photo, can you send it again",
    "my 7 year old needs a school place, who do i ask",
    "this commute is killing me every single morning",
    "that exam absolutely murdered me",
    "i lost my passport at the airport last year, do i need to tell the home office",
    "we are at the airport, which gate for the flight to berlin",
    "the test will kill me lol, any tips for the language exam",
    "we plan to take the train to berlin",
    "i bought a new belt for my son today",
    "i bought painkillers for my son's fever",
    "we bought a rope for the tent, going camping tonight",
]


@pytest.mark.parametrize(("text", "level", "rule"), DISCLOSURES, ids=[t for t, _, _ in DISCLOSURES])
def test_a_risk_in_the_writers_own_words_is_read_by_its_construction(
    triage: Triage, text: str, level: Level, rule: str
) -> None:
    result = triage.assess(text, "en")
    assert result.level == level, result.rules
    assert rule in result.rules, result.rules


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_uses_of_the_same_words_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "en")
    assert result.level in (NORMAL, LOW), result.rules


@pytest.mark.parametrize(
    "text",
    ["i wish i was dead 😂", "he said he will kill me lol", "he beat me again 😂 i cant believe it"],
)
def test_a_laugh_never_discounts_a_disclosure(triage: Triage, text: str) -> None:
    # joke markers only make killing words everyday; people often laugh off what they disclose
    assert triage.assess(text, "en").level in (CRITICAL, HIGH)


@pytest.mark.parametrize(
    ("text", "discount"),
    [
        ("do you want to die?", ".addressed"),
        ("years ago i wanted to die, now im fine", ".past"),
        ("i dont want to die", ".negated"),
    ],
)
def test_a_wish_keeps_its_frame(triage: Triage, text: str, discount: str) -> None:
    result = triage.assess(text, "en")
    assert result.level == NORMAL, result.rules
    assert any(rule.startswith("en.wish.want") and rule.endswith(discount) for rule in result.rules), result.rules


@pytest.mark.parametrize(
    "text",
    [
        "i dont want to kill myself, i just need help with the housing form",
        "im not thinking of hurting myself, just stressed",
        "i would never want to hurt myself",
    ],
)
def test_a_denial_reaches_through_a_desire(triage: Triage, text: str) -> None:
    # "not [thinking of] hurting myself", "[dont want to] kill myself": the desire carries the denial
    result = triage.assess(text, "en")
    assert result.level == NORMAL, result.rules
    assert any(rule.endswith(".negated") for rule in result.rules), result.rules


@pytest.mark.parametrize(
    "text", ["i dont want to live anymore", "i want to hurt myself", "no i dont want to die, i want to kill myself"]
)
def test_a_refusal_of_living_is_no_denial(triage: Triage, text: str) -> None:
    assert triage.assess(text, "en").level in (CRITICAL, HIGH)
