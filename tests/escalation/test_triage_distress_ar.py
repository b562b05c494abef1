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


# ---- round 2 (2026.12.2): harm to others, missing persons, violence told indirectly, bodies in danger,
# the writer's own words ----
# (text, expected level, the rule that must carry it): each needs a table added in round 2
DISCLOSURES_2 = [
    # the writer's own urge, with the object carried by the verb, a separate object or a thought
    ("نفسي اخنقه لجوزي لما يسكر ويصرخ", HIGH, "harm_to_others.threat"),
    ("حاسس رح اضرب حدا اليوم", CRITICAL, "grammar.intent_them"),
    ("صرت فكر اموته لهالولد من كتر ما بيعيط", HIGH, "harm_to_others.threat"),
    ("عندي افكار اني اذي ابني الصغير", HIGH, "grammar.want_abuse"),
    ("ra7 a5alles 3aleh el leile", CRITICAL, "harm_to_others.threat+time"),
    ("ghadi n9telo ila chfto", HIGH, "harm_to_others.threat"),
    # someone close about to hurt another
    ("اخوي حالف يطعنه الليله", CRITICAL, "harm_to_others.threat+time"),
    ("جوزها بدو يموتها، ساعدوني", HIGH, "harm_to_others.threat"),
    ("bado yedrabo la ebno b 3asaye", CRITICAL, "harm_to_others.threat+weapon"),
    ("ابني رح يرتكب جريمه ومعو سكين", CRITICAL, "harm_to_others.threat+weapon"),
    ("ابني عم يهدد انه رح يطخ استاذه", HIGH, "grammar.intent_them"),
    ("ابن عمي شايل فرد وطالع ينتقم لاخته", CRITICAL, "harm_to_others.seek+weapon"),
    ("رايحله هلق ومعي شبريه", CRITICAL, "harm_to_others.seek+weapon"),
    # threats from several people, a plural harm verb with its object
    ("اصحاب المحل هددوني اذا حكيت", HIGH, "violence_abuse.threat_to_me"),
    ("قالولي رح يأذوا امي اذا ما رجعت", HIGH, "grammar.future_abuse"),
    # missing: a child not back from school or play, someone silent for days, days gone
    ("بنتي ما رجعت من الروضه والساعه صارت خمسه", CRITICAL, "missing_person.missing+child"),
    ("ابني طلع يلعب وما رجع", CRITICAL, "missing_person.missing+child"),
    ("ولدي خرج للمدرسه ولم يعد", CRITICAL, "missing_person.missing+child"),
    ("ma la2eet binti bel mall", CRITICAL, "grammar.search_child"),
    ("ma ba3ref wen ra7et binti, kanet 7adi", CRITICAL, "grammar.search_child"),
    ("جوزي ما وصل من 4 ايام وتلفونه مقفل", HIGH, "grammar.missing"),
    ("اختي بالمانيا وبقالها 5 ايام ما بترد", HIGH, "grammar.missing"),
    ("ابن خالي يومين مختفي", HIGH, "missing_person.missing"),
    # the writer's own words: no longer waking, nobody would care, nothing left, a farewell as relief
    ("ما عدت بدي اصحى الصبح ولا شوف حدا", HIGH, "self_harm.intent"),
    ("ما في حدا رح يزعل اذا مت", HIGH, "self_harm.intent"),
    ("ما عاد في شي بيخليني عيش", HIGH, "grammar.refuse_life"),
    ("خلص قريبا رح ترتاحوا مني", HIGH, "self_harm.farewell"),
    ("2a3da 3ala el jisr w halla2 khalas", CRITICAL, "self_harm.at_height+now"),
    # a body in danger
    ("ابوي ما عم ياخد نفس ووجهه ازرق", CRITICAL, "medical_emergency.acute"),
    ("امي طاحت وما قامت", CRITICAL, "medical_emergency.acute"),
    ("ابني عم يختنق بلع شي", CRITICAL, "medical_emergency.acute"),
    ("ابني بلع بطاريه صغيره", HIGH, "medical_emergency.urgent"),
    ("خالتي عندها الم بصدرها وبتعرق", HIGH, "medical_emergency.urgent"),
    ("قرصته عقربه والمستوصف بعيد", HIGH, "medical_emergency.urgent"),
    ("اتحرق ابني بمي مغليه وجلده عم يطلع", HIGH, "medical_emergency.state+severe"),
    # violence and abuse told indirectly
    ("زوج امي بيتسلل لغرفتي وانا نايمه", HIGH, "violence_abuse.sexual"),
    ("استاذ الرياضه بيحط ايده عليا", HIGH, "violence_abuse.sexual"),
    ("حاول يغتصبني امبارح", HIGH, "violence_abuse.sexual"),
    ("اجبروني انام مع رجال مقابل الاكل", HIGH, "trafficking_exploitation.core"),
    ("المعلم حابسيني بالمستودع", HIGH, "trafficking_exploitation.core"),
    ("بيقفل عليا الباب وبياخد تلفوني", HIGH, "violence_abuse.abuse"),
    ("جوزي بيعضني وبيخنقني لما يسكر", HIGH, "violence_abuse.abuse"),
    ("خالي بيجي لعندي وبيقلي هاد سر بيناتنا", HIGH, "violence_abuse.sexual"),
    ("حاسه رح ارمي البيبي من الشباك، ما عم تسكت", HIGH, "grammar.intent_kin"),
    ("خايفه اعمل فيه شي لابني، اعصابي تعبانه", HIGH, "harm_to_others.threat"),
    ("ما عم لاقي ابني بالمول", CRITICAL, "grammar.search_child"),
    ("اختي راحت مع واحد وما عادت رجعت من جمعه", HIGH, "grammar.missing"),
    ("مش قادره اتنفس وصدري عم يشد", CRITICAL, "medical_emergency.acute"),
    ("امي مش عم تحس بنص جسمها", HIGH, "medical_emergency.urgent"),
    ("مرتي عم تنزف بعد الولاده", HIGH, "medical_emergency.urgent"),
    ("حاسس انو الكل احسن بلاي", HIGH, "self_harm.intent"),
]

# everyday lines with the same words: the heat or a headache "killing me", a phone call or an injection "hit", a curse,
# a parcel not arrived, a routine every few days, the Eid sheep, food finished off, a knife for the kitchen, waiting at
# the airport, ideas for a project, a boss threatening dismissal, a grazed knee, lips blue from the sea
EVERYDAY_2 = [
    "هالبرد بيقتلني، وين في بطانيات؟",
    "الصداع عم يقتلني من الصبح",
    "بدي اضرب تلفون لامي",
    "رح اضربه ابره للولد بكرا عند الدكتور",
    "الله ينتقم منه على اللي عمله فينا",
    "ما بعرف وين راح الشاحن",
    "الطرد ما وصل من 5 ايام",
    "ما في مي بالبيت، الخزان بيتعبى كل 3 ايام",
    "زوجي لم يصل حتى الان، الطياره تاخرت",
    "بنتي صرلها 3 ايام بالمخيم الصيفي",
    "شفايفه زرقا من البرد بعد السباحه",
    "عم يختنق من الضحك على الفيلم",
    "التلفون وقع من البلكون وانكسر",
    "اخوي بدو يدبحه للخروف بالعيد",
    "بدي اخلص عليه للاكل",
    "بدي اموته من الضحك",
    "جبت سكينه جديده للمطبخ",
    "هستناه بالمطار بكرا",
    "مستنيه تحت البيت عشان نروح السوق سوا",
    "مش هسيبه لحاله بالمستشفى",
    "عندي افكار كتير للمشروع",
    "ما عاد بدي اشتغل بهالمطعم",
    "بيهددني بالفصل اذا تاخرت",
    "بنتي وقعت وانجرحت ركبتها شوي",
    "ما عاد في سبب روح عالنادي",
    "شفت بالاخبار واحد اختفى بالبحر",
    "ما في اي خبر عن طلب اللجوء من شهرين",
    "ما قادر اتنفس من الزكام، شو باخد؟",
    "رح افجر من العصبيه من هالمعامله",
    "ما عم لاقي ابني عالتلفون، بدي اتصل بالمدرسه",
    "ابوي ما رجع عالشغل من 3 ايام لانه مريض",
    "قلي ما تخبري حدا عن الهديه",
    "الشغل ماشي احسن بدوني",
]


def test_news_as_a_medium_frames_a_report_but_no_word_from_a_brother_does_not(triage: Triage) -> None:
    # "خبر" alone is word from someone: a brother with no news for days is missing, not a news item
    assert triage.assess("اخوي بالغربه وصرلو 6 ايام ما في اي خبر عنه", "ar").level == HIGH
    result = triage.assess("شفت بالاخبار شب مختفي من 3 ايام", "ar")
    assert result.level == NORMAL, result.rules


# ---- round 3 (2026.12.3): every category again, from a development set spread over all eight ----
# (text, expected level, the rule that must carry it): each needs a table added in round 3
DISCLOSURES_3 = [
    # nobody would notice, no reason to go on, not waking, a prayer to be taken, death as the only way out
    ("خلص، لو مت بكرا محدش هيحس بغيابي", HIGH, "self_harm.intent"),
    ("اتمنى الا افيق من نومي", HIGH, "grammar.want_death"),
    ("ودي انام وما اقعد", HIGH, "grammar.want_death"),
    ("ما عدت شايف سبب للاستمرار بهالحياه", HIGH, "grammar.refuse_life"),
    ("وجودي ما الو داعي بهالدنيا", HIGH, "self_harm.intent"),
    ("يا رب خدني لعندك وريحني", HIGH, "self_harm.intent"),
    ("احسن للكل لو اختفيت", HIGH, "self_harm.intent"),
    ("ما في حل غير الموت", HIGH, "self_harm.intent"),
    ("رح خلص على حالي الليله", CRITICAL, "self_harm.future+intent"),
    ("صاحبي قال رح يقتل حاله", HIGH, "self_harm.third_party"),
    # cutting, burning and scratching: Maghrebi first person, a cigarette, the body with "ب" glued on
    ("كنقطع دراعي بالشفره ملي كنتقلق", HIGH, "grammar.injure_self"),
    ("kan9ata3 dra3i b lmous", HIGH, "grammar.injure_self"),
    ("طفيت سيجاره بزندي مره تانيه", HIGH, "grammar.injure_self"),
    ("عم بخدش ايدي لحتى تنزل دم", HIGH, "grammar.injure_self"),
    ("ربطت الحبل بالسقف", CRITICAL, "self_harm.method"),
    ("بس حبيت ودع حدا وخلص", HIGH, "self_harm.farewell"),
    ("bala3t 15 7abbe", CRITICAL, "self_harm.ingested+amount"),
    # violence: a participle or a woman's verb with "me", a stab, hiding, followed, a threat by allusion, a drink spiked
    ("جوزي ضاربني قدام الولاد امبارح", HIGH, "violence_abuse.abuse"),
    ("مرات ابوي بتحرقني بالملعقه", HIGH, "violence_abuse.abuse"),
    ("zawji yedhrubni lamma yez3al", HIGH, "violence_abuse.abuse"),
    ("طعنني بالسكين وهرب", CRITICAL, "violence_abuse.abuse+weapon"),
    ("انا مستخبيه بالحمام منه هلق", CRITICAL, "violence_abuse.danger+now"),
    ("في واحد عم يلحقني من المحطه", HIGH, "violence_abuse.danger_here"),
    ("قلي مش رح تشوفي الصبح", HIGH, "violence_abuse.threat_to_me"),
    ("سحب السكين عليا قدام اخواتي", CRITICAL, "violence_abuse.threat+weapon"),
    ("دسولي شي بالعصير بالحفله", HIGH, "violence_abuse.sexual"),
    ("زوج امي بيدخل اوضتي لما امي تكون بالشغل", HIGH, "violence_abuse.sexual"),
    # harm to others: a gun taken out, waiting below the house armed, a Maghrebi first-person urge
    ("ابن عمي طلع الكلاشن وطالع عبيتهم", CRITICAL, "harm_to_others.threat+weapon"),
    ("جوزي واقف تحت البيت ومعو ساطور", CRITICAL, "harm_to_others.seek+weapon"),
    ("كنحس غادي نضرب شي واحد اليوم", CRITICAL, "grammar.future_abuse"),
    # a body in danger: a baby's months in Arabizi or behind "و", a wound going bad, no care, no air, a fall
    ("binti 3omra 5 shuhur w 3andha 7uma", HIGH, "medical_emergency.state+infant"),
    ("ابني وعمره 7 شهور عم يستفرغ من الصبح", HIGH, "medical_emergency.state+infant"),
    ("عندي جرح بايدي صار اسود وريحته بشعه", HIGH, "medical_emergency.state+severe"),
    ("رجلي وارمه من اسبوع والمعلم ما بيخليني روح عالدكتور", HIGH, "medical_emergency.state+nocare"),
    ("انكسرت رجلي وما حدا عالجني", HIGH, "medical_emergency.state+nocare"),
    ("مش قادرين نتنفس بالشاحنه", CRITICAL, "medical_emergency.acute"),
    ("امي وقعت وشفايفها زرق", CRITICAL, "medical_emergency.acute"),
    ("ابني وقع من السقاله", HIGH, "medical_emergency.urgent"),
    # missing: a child lost (Gulf "dh"), days gone by, no word at all
    ("ibni dha3 fel mall", CRITICAL, "grammar.search_child"),
    ("جوزي سافر ومرت 6 ايام وتلفونه مسكر", HIGH, "grammar.missing"),
    ("اخوي ركب البحر وما وصلنا منه اي خبر من اسبوع", HIGH, "grammar.missing"),
    # detention: Moroccan Arabizi, a deadline, weeks held, a relative held, whereabouts unknown, the airport
    ("lbolis chdo khoya lyoum", HIGH, "grammar.agent_act"),
    ("عطوني مهله لاخر الشهر بعد قرار الترحيل", HIGH, "detention_deportation.core+soon"),
    ("جوزي بمركز الاحتجاز صرلو 3 اسابيع", HIGH, "detention_deportation.core+duration"),
    ("الامن ماسكين ابني من يوم الاحد", HIGH, "grammar.agent_act"),
    ("اخدوه من الشغل وما منعرف وين اخدوه", HIGH, "detention_deportation.imminent"),
    ("حجزوني بالمطار ومش عارفه شو رح يصير", HIGH, "detention_deportation.imminent"),
    # trafficking: smugglers, forced prostitution, a debt to work off
    ("المهربين تركونا بالصحرا", HIGH, "trafficking_exploitation.core"),
    ("بيجبروني اشتغل بالدعاره", HIGH, "trafficking_exploitation.core"),
    ("بيقولولي انا مديونه الهم ولازم اشتغل لسدد", HIGH, "trafficking_exploitation.core"),
    # basic needs: thrown out by one person, not knowing where to sleep, children not eating
    ("المالك رماني عالشارع ومعي العيال", HIGH, "basic_needs.outside+child"),
    ("ما بعرف وين رح ننام الليله", HIGH, "basic_needs.outside+now"),
    ("الولاد ما اكلوا شي من امبارح", HIGH, "basic_needs.lack+child"),
    ("el wlad 3am yebko mn el jou3", HIGH, "basic_needs.lack+child"),
]

# everyday lines with the new words: work or study "killing me" in Arabizi, not waking late, no reason to stay in a job,
# a light switched off, stabbed in the back, a water pistol, heatstroke, a head knocked, a pet's bite, a vaccine
# question, lips blue from ice cream, a baby's months, vegetables left, a dinner invitation, a queue, a cocktail,
# days after an operation, a fine to pay, a trip, a bank debt, a broker
EVERYDAY_3 = [
    "el shoghl 3am ye2telni hal usbu3 bas mabsout",
    "el dirase bi2tolni",
    "اتمنى ان لا استيقظ متاخرا غدا",
    "مش شايف سبب للاستمرار بهالشغل",
    "طفيت الضو ونمت بكير",
    "طعنني بظهري هالصاحب",
    "ابني طلع مسدس المي وعم يرش اخته",
    "ضربني الشوب اليوم بالشغل",
    "ضربت راسي بالرف وانا عم رتب المطبخ",
    "عضني الكلب تبع الجيران بس ما في شي",
    "اللقاح بيعمل حراره للبيبي؟",
    "شفايفها زرقا من البوظه",
    "بنتي وعمرها 3 شهور بتضحك كتير",
    "الولاد ما اكلوا الخضره كلها",
    "رايح على بيتهم بكرا عالعزيمه",
    "في واحد ماشي وراي بالطابور عالبنك",
    "حطلي شي بالكاسه حلو كتير، شو اسمه؟",
    "مرت 3 ايام على العمليه والحمد لله منيح",
    "الشرطه عطوني مخالفه وعندي اسبوع ادفعها",
    "وين رح ننام بالرحله؟",
    "صرت مديونه للبنك",
    "السمسار لقالنا شقه حلوه",
    "ما حدا شافني بالحفله",
    "طلعت السكينه من الجارور عشان اقطع الخبز",
    "اخوي موقوف عن الشغل اسبوع",
    "بطاقه المساعده موقوفه من يومين",
    "بس حبيت ودع حدا قبل ما سافر بكرا",
]


@pytest.mark.parametrize(
    ("text", "level", "rule"),
    [pytest.param(t, lv, r, id=t) for t, lv, r in DISCLOSURES + DISCLOSURES_2 + DISCLOSURES_3],
)
def test_an_arabic_risk_in_the_writers_own_words_is_read_by_its_construction(
    triage: Triage, text: str, level: Level, rule: str
) -> None:
    result = triage.assess(text, "ar")
    assert result.level == level, result.rules
    assert rule in result.rules, result.rules


@pytest.mark.parametrize("text", EVERYDAY + EVERYDAY_2 + EVERYDAY_3)
def test_arabic_everyday_uses_of_the_same_words_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "ar")
    assert result.level in (NORMAL, LOW), result.rules


def test_death_as_the_only_way_out_stays_the_writers_own(triage: Triage) -> None:
    # the copula "هو" is a person word: the phrases leave it out, so the writer's wish is not filed as someone else's
    result = triage.assess("ما في حل غير الموت", "ar")
    assert "self_harm.third_party" not in result.rules, result.rules


def test_a_glued_clitic_does_not_hide_an_older_phrase(triage: Triage) -> None:
    # round 3 lists "السكين" inside longer phrases only as "سكين": a glued "السكين" in text still reads the old weapon
    assert "harm_to_others.weapon" in triage.assess("معو السكين", "ar").rules
    assert triage.assess("زوج امي بيدخل لغرفتي بالليل", "ar").level == HIGH
