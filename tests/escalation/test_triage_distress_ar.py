"""The grammar of distress in Arabic and Arabizi: risks said in the writer's own words, read by construction."""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL, LOW = Level.CRITICAL, Level.HIGH, Level.NORMAL, Level.LOW

# (text, expected level, the rule that must carry it): each needs the new Arabic tables
DISCLOSURES = [
    # a first-person desire with its death (Levantine, Egyptian, Gulf, Iraqi, Sudanese, Maghrebi, MSA)
    ("والله بدي بس موت وخلص", HIGH, "grammar.want_death"),
    ("صرلي فتره نفسي انام وما اصحى", HIGH, "grammar.want_death"),
    ("ودي اموت الليله", CRITICAL, "grammar.want_death"),
    ("ردت اموت من زمان وما حكيت لحدا", HIGH, "grammar.want_death"),
    ("داير اموت ما عندي حيل", HIGH, "grammar.want_death"),
    ("بغيت نموت صافي", HIGH, "grammar.want_death"),
    ("ياريتني ما انولدت", HIGH, "grammar.want_death"),
    ("كل ليله بتمنى ربنا ياخدني", HIGH, "grammar.want_death"),
    ("بفكر بالانتحار كل يوم", HIGH, "grammar.want_death"),
    ("bghit nmout, safi", HIGH, "grammar.want_death"),
    ("ya retni ma nweldet", HIGH, "grammar.want_death"),
    # a refusal or a weariness with a life word
    ("ما عاد بدي عيش", HIGH, "grammar.refuse_life"),
    ("مابغيتش نعيش", HIGH, "grammar.refuse_life"),
    ("ما الي نفس عيش بعد اللي صار", HIGH, "grammar.refuse_life"),
    ("ما بدي اصحى بكرا", HIGH, "grammar.refuse_life"),
    ("زهقت من العيشه دي", HIGH, "grammar.weary_life"),
    ("مليت من هالدنيا", HIGH, "grammar.weary_life"),
    ("طفشت من حياتي", HIGH, "grammar.weary_life"),
    ("ma 3ad bade 3ish", HIGH, "grammar.refuse_life"),
    ("ta3bt men el 7aya", HIGH, "grammar.weary_life"),
    # someone else's wish or injury: the person word before it holds it
    ("صاحبتي بتقول بدي موت", HIGH, "grammar.other_want_death"),
    ("اختي بدها تموت وما بعرف شو اعمل", HIGH, "self_harm.third_party"),
    ("بنتي بتجرح حالها", HIGH, "grammar.other_injure"),
    # an injuring verb with the writer's body
    ("رجعت اجرح دراعي", HIGH, "grammar.injure_self"),
    ("بحرق حالي بالسيجاره", HIGH, "grammar.injure_self"),
    ("بشطب فخادي بالموس", HIGH, "grammar.injure_self"),
    ("kanjra7 yedi f lil", HIGH, "grammar.injure_self"),
    # a body in danger: a baby's months, a severity, no care to be had, a pregnancy only in an obstetric phrase
    ("البيبي عم يستفرغ وما عم يرضع", HIGH, "medical_emergency.state+infant"),
    ("بنتي حرارتها 39.5 وما عم تنزل", HIGH, "medical_emergency.state+severe"),
    ("ابني سخن وما في دكتور هون", HIGH, "medical_emergency.state+nocare"),
    ("جوزي عم يستفرغ من امبارح وما عنا تامين", HIGH, "medical_emergency.state+nocare"),
    ("ابوي اتعور والدم مش راضي يقف", CRITICAL, "medical_emergency.acute"),
    ("حامل بالشهر الخامس ونزل معي دم", HIGH, "medical_emergency.urgent"),
    # going without, nowhere to sleep
    ("ما في مي بالمخيم من 3 ايام", HIGH, "basic_needs.without+duration"),
    ("ما عنا حليب للبيبي", HIGH, "basic_needs.without+child"),
    ("ma fi mayy mn 4 iyyam", HIGH, "basic_needs.without+duration"),
    ("طردونا من البيت وانا ومعي 3 ولاد", HIGH, "basic_needs.outside+child"),
    ("ما عنا وين ننام الليله", HIGH, "basic_needs.outside+now"),
    # a child lost right now, someone gone quiet
    ("بنتي ضاعت بالمول", CRITICAL, "grammar.search_child"),
    ("دورنا عليه كل مكان وابني ما بين", CRITICAL, "grammar.search_child"),
    ("mish la2i ebni, kan ma3i bel souk", CRITICAL, "grammar.search_child"),
    ("اختي ما حدا سمع منها من 3 ايام", HIGH, "grammar.missing"),
    # being taken, papers kept
    ("الشرطه اجو عالبيت بيدوروا على جوزي وقالوا رح يرجعوا بكرا", HIGH, "grammar.agent_act"),
    ("البوليس داوه لخويا اليوم", HIGH, "grammar.agent_act"),
    ("الامن اخدوا اخوي الصبح", HIGH, "grammar.agent_act"),
    ("قالولي رح يسفروني الخميس", HIGH, "detention_deportation.core+soon"),
    ("صاحب الشغل اخدوا جوازاتنا وما بيدفعولنا", HIGH, "grammar.keep_docs"),
    ("akhadou jawazi w ma byerja3li", HIGH, "grammar.keep_docs"),
    # going after someone, at a height now, sexual violence told as force
    ("رح اخد حقي منه الليله ومعي سكين", CRITICAL, "harm_to_others.seek+weapon"),
    ("رح علمه درس ما بينساه", HIGH, "harm_to_others.seek+future"),
    ("انا واقف عالجسر هلق", CRITICAL, "self_harm.at_height+now"),
    ("2a3da 3ala sor el kobri delwa2ti", CRITICAL, "self_harm.at_height+now"),
    ("غصبني انام معه", HIGH, "violence_abuse.sexual"),
    ("قلتلو لا وما وقف", HIGH, "violence_abuse.sexual"),
    ("اخوه بيتلمس بنتي", HIGH, "grammar.abuse_kin"),
    ("ممكن اذيه لابني، ما عم اقدر اسيطر على حالي", HIGH, "harm_to_others.threat"),
]

# everyday Arabic with the same words: idioms, cooking, weather, a place to live, an early start, lost things,
# a passport at the embassy, police at a school, the flyover in traffic, jokes
EVERYDAY = [
    "بدي نام بكير اليوم، تعبانه",
    "نفسي اكل شاورما هلق",
    "بموت فيك يا قلبي",
    "بدي موت من الضحك على هالفيديو",
    "عايز اموت من الجوع، امتى الغدا؟",
    "bade mot mn el d7ik",
    "بفكر بموت ابوي كل يوم الله يرحمه",
    "بدي احكي عن الانتحار بمشروع الجامعه",
    "ما بدي عيش مع اهل جوزي",
    "مش عايز اعيش في القاهره تاني",
    "ma bade 3ish ma3 ahli",
    "ما بدي اصحى بكير بكرا",
    "بدي اختفي شوي عن السوشيال",
    "تعبت من الشغل اليوم",
    "تعبت اصحى كل يوم عالست",
    "ما بدي حياتي تضل هيك، بدي لاقي شغل",
    "ما بدي موت، بدي عيش",
    "اتمنى اعيش مية سنه",
    "جرحت ايدي بالسكين وانا عم قطع بصل",
    "حرقت ايدي بالفرن",
    "jara7t idi bel ghalat",
    "بقطع ايدي اذا كذبت عليك",
    "ضربت حالي بالباب",
    "ابني عمره 4 شهور وبدي طعمه",
    "الحراره اليوم 45 ما حدا يطلع",
    "ابني عنده حراره خفيفه شو بعطيه؟",
    "عملت فحص دم وطلعت النتيجه منيحه",
    "الحليب سخن كتير عالبيبي استنى",
    "ما في اكل بالبراد بدي انزل عالسوق",
    "ما عنا مي سخنه من امبارح، السخان خربان",
    "البيبي عم يستفرغ شوي بعد الرضاعه، طبيعي؟",
    "الشرطه وقفوني اليوم عالحاجز وطلبوا الهويه",
    "اخدوا صوره عن جوازي بالمكتب",
    "جرحت اصبعي وانا عم قطع البندوره",
    "قهوه بدون حليب لو سمحت",
    "الكهربا مقطوعه من الصبح",
    "نمنا برا عالسطح من الشوب",
    "طلعونا من البيت مشوار عالبحر",
    "تلفوني ضاع بالباص",
    "ابني مش لاقي لعبته",
    "ابني ضاع عليه الباص",
    "الشرطه اجت عالمدرسه تعمل محاضره للولاد",
    "اخدوا جوازي للتجديد بالسفاره",
    "اخدت جوازي معي عالسفاره اليوم",
    "واقف عالجسر بالعجقه، رح اتأخر",
    "قاعدين على سور الكوبري بناكل ترمس",
    "انا عالسطح عم انشر الغسيل",
    "رح علمه الدرس بكرا لابني",
    "بدي اخد حقي من الشركه بالمحكمه",
    "الامتحان رح يقتلني 😂",
    "الورق ده هيموتني 😂 مين بيعرف الاستماره؟",
]


@pytest.mark.parametrize(("text", "level", "rule"), DISCLOSURES, ids=[t for t, _, _ in DISCLOSURES])
def test_an_arabic_risk_in_the_writers_own_words_is_read_by_its_construction(
    triage: Triage, text: str, level: Level, rule: str
) -> None:
    result = triage.assess(text, "ar")
    assert result.level == level, result.rules
    assert rule in result.rules, result.rules


@pytest.mark.parametrize("text", EVERYDAY)
def test_arabic_everyday_uses_of_the_same_words_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "ar")
    assert result.level in (NORMAL, LOW), result.rules


@pytest.mark.parametrize(
    ("text", "discount"),
    [
        ("ما بدي موت", ".negated"),
        ("مش عايزه اموت، بس تعبانه", ".negated"),
        ("قبل سنين كنت بدي موت، هلق منيح", ".past"),
    ],
)
def test_an_arabic_wish_keeps_its_frame(triage: Triage, text: str, discount: str) -> None:
    result = triage.assess(text, "ar")
    assert result.level == NORMAL, result.rules
    assert any(rule.startswith("ar.wish.want") and rule.endswith(discount) for rule in result.rules), result.rules


@pytest.mark.parametrize("text", ["بدي موت 😂", "ضربني جوزي 😂 ما بصدق"])
def test_an_arabic_laugh_never_discounts_a_disclosure(triage: Triage, text: str) -> None:
    # joke markers only make killing words everyday; people often laugh off what they disclose
    assert triage.assess(text, "ar").level in (CRITICAL, HIGH)


def test_a_first_person_desire_with_a_third_person_death_is_no_wish_to_die(triage: Triage) -> None:
    # "I want him to die" is not the writer's wish to die: third-person deaths are only read after a third-person desire
    assert triage.assess("بدي ياه يموت هالزلمه", "ar").level == NORMAL
    result = triage.assess("اخوي بيتمنى يموت من وقت ما طلق", "ar")
    assert result.level == HIGH
    assert "self_harm.third_party" in result.rules
