"""The grammar of harm in Arabic and Arabizi: a harm verb with its object, and for killing an intent, read by rules."""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL = Level.CRITICAL, Level.HIGH, Level.NORMAL

# Rules that exist only because of the Arabic grammar tables: a `grammar.*` rule, or a verb with "me/us" fused in.
FUSED = ("ar.violence_abuse.abuse.fused", "ar.violence_abuse.threat_to_me.fused")

# (text, expected level): critical only with "now", a weapon or imminence
DISCLOSURES = [
    # abuse verbs, any tense, with a family member after the verb
    ("جوزي بيضرب ولادي كل ما يعصب", HIGH),
    ("ابوي ضرب اختي الصغيره بالحزام امبارح", HIGH),
    ("زوجي عم يضرب امي هلق تعالوا بسرعه", CRITICAL),
    ("هو بيخنق اختي كل ما يسكر", HIGH),
    ("ابن الجيران اغتصب بنتي الاسبوع الماضي", HIGH),
    ("عمها بيتحرش ببنتي وهي خايفه تحكي", HIGH),
    ("اعتدى على ابني بالمدرسه وما حدا عمل شي", HIGH),
    ("حرقوا ابني بالسيجاره", HIGH),
    ("بيعذب اولادي وبيحبسهم بالحمام", HIGH),
    ("هيضرب ولادي تاني لو رجعت البيت", HIGH),
    ("بيدفش امي عالارض وبيشد شعرها", HIGH),
    ("بيهدد اختي كل يوم", HIGH),
    # "me/us" after the verb, or fused into it
    ("بيتحرش فيا المدير بالشغل كل يوم", HIGH),
    ("هجموا علينا بالليل ومعهم سكاكين", CRITICAL),
    ("ضربوني بالمخيم وكسرولي سني", HIGH),
    ("عذبوني بالسجن تلات شهور", HIGH),
    # a killing word with an intent or a future: against the family, against others
    ("رح يقتل ابني اذا رجعنا عالضيعه", HIGH),
    ("بدو يدبح اهلي اذا ما رجعت لعنده", HIGH),
    ("طليقي حلف يقتل اخوي", HIGH),
    ("قال رح يطخ جوزي بس يشوفه", HIGH),
    ("الكفيل هيقتل اخويا لو هرب", HIGH),
    ("اخوها حيقتلها لاختي اذا عرف", HIGH),
    ("سيقتل عائلتي اذا تكلمت مع الشرطه", HIGH),
    ("غادي يقتل ولادي هاد الراجل", HIGH),
    ("ناوي يسمم ابوي عشان الورثه", HIGH),
    ("الميليشيا رح يعدموا اخوي اذا رجع", HIGH),
    ("بدي اقتل مديري، ما عاد فيني اتحمل", HIGH),
    ("رح اقتل جوزي الليله وخلصت", CRITICAL),
    # Arabizi
    ("jozi byedrab wladi kil yom", HIGH),
    ("darab ibni embare7 3al wej", HIGH),
    ("5ana2 binti w hiye nayme", HIGH),
    ("byet7arash fiya el modir kil yom", HIGH),
    ("darabouni bel shera3 w sara2o el mobile", HIGH),
    ("ra7 y2tol ibni iza ma dafa3na", HIGH),
    ("bado y2tol emmi 3ashan el wirth", HIGH),
    ("hay2tel a5oya lw rege3", HIGH),
    ("7alef yedba7 ahli kellon", HIGH),
    ("ra7 ye3dmo akhi iza rje3 3al balad", HIGH),
    ("ya2tolni iza 3ref eni hrabt", HIGH),
]

# (text, expected level): a family member or a known person gone quiet for a duration; a child is critical
MISSING = [
    ("اخوي تلفونه مسكر من يومين", HIGH),
    ("ابني ما رجع عالمدرسه ولا عالبيت من امبارح", CRITICAL),
    ("اختي ما حدا شافها من تلات ايام", HIGH),
    ("جوزي مش بيرد بقاله يومين", HIGH),
    ("امي ما عم اقدر اوصلها من امبارح", HIGH),
    ("binti ma rij3et mn embare7", CRITICAL),
    ("abouy ma 3am yrod sarlo 3 iyam", HIGH),
]

# everyday Arabic with the same verbs and objects: idioms, cooking, games, jokes, news, grief, denials
EVERYDAY = [
    ("ضربت لامي تلفون وما ردت", NORMAL),
    ("ضربت تلفون لاخوي الصبح", NORMAL),
    ("ضربوا ابني ابره بالمستوصف وصار منيح", NORMAL),
    ("ضربوا علينا الباب الساعه تنين بالليل", NORMAL),
    ("ضربني البرد وعندي زكام", NORMAL),
    ("ابني ضرب راسه بالطاوله، شو اعمل؟", NORMAL),
    ("ابني بيدرس جدول الضرب", NORMAL),
    ("الولاد عم يضربوا بعض وهني عم يلعبوا", NORMAL),
    ("ضربت البيض مع السكر للكيكه", NORMAL),
    ("اخوي حرق قلب امي لما سافر", NORMAL),
    ("هالولد بيحرق دم ابوه", NORMAL),
    ("ابني حرق الاكل وهو عم يطبخ", NORMAL),
    ("الشغل بيهد حيل امي", NORMAL),
    ("قتلوا ابوي بالحرب الله يرحمه", NORMAL),
    ("الدواعش دبحوا عمي قبل سنين", NORMAL),
    ("اعدموا جدي زمان ايام الحرب", NORMAL),
    ("رح يدبح خروف لابني عالعيد", NORMAL),
    ("المحامي بدو يطعن بالحكم تبع اخوي", NORMAL),
    ("اخوي رح يقتلني من الضحك", NORMAL),
    ("الملل رح يقتلني بهالحجر", NORMAL),
    ("بقتل الوقت مع اختي بالمول", NORMAL),
    ("زوجي عمره ما ضربني، هو منيح", NORMAL),
    ("ما عمره مد ايده عليا ولا على الولاد", NORMAL),
    ("بالاخبار قالوا رح يعدموا صحفي", NORMAL),
    ("شفت فيلم عن واحد بدو يقتل مرته", NORMAL),
    ("الدخان رح يقتله لابوي، ما بيسمع", NORMAL),
    ("ابوي بيهدد انه يبيع السياره", NORMAL),
    ("darab el kora 3al 7it", NORMAL),
    ("7ara2 el akel mn jdid", NORMAL),
    ("y2tolni mn el d7ik hal walad", NORMAL),
    ("jozi 3omro ma darabni", NORMAL),
    ("2atalo abouy bel 7arb, allah yer7amo", NORMAL),
]

# look-alikes of a missing person: my own phone, a habit, a short delay, someone already back
NOT_MISSING = [
    ("موبايلي مسكر من امبارح، ابعتلي مسج", NORMAL),
    ("ابني ما رجع ياكل من امبارح، بطنه بيوجعه", NORMAL),
    ("اخوي ما رجع لسا من الشغل، بيتأخر عادة", NORMAL),
    ("اخوي رجع من السفر من يومين", NORMAL),
    ("صاحبي ما عم يرد، اكيد نايم", NORMAL),
]


@pytest.mark.parametrize(("text", "level"), DISCLOSURES, ids=[t for t, _ in DISCLOSURES])
def test_arabic_grammar_reads_a_harm_verb_with_its_object(triage: Triage, text: str, level: Level) -> None:
    result = triage.assess(text, "ar")
    assert result.level == level, result.rules
    assert any(rule.startswith("grammar.") or rule in FUSED for rule in result.rules), result.rules


@pytest.mark.parametrize(("text", "level"), MISSING, ids=[t for t, _ in MISSING])
def test_arabic_someone_gone_quiet_for_days_is_missing(triage: Triage, text: str, level: Level) -> None:
    result = triage.assess(text, "ar")
    assert result.level == level, result.rules
    assert "missing_person" in result.categories
    assert "grammar.missing" in result.rules


@pytest.mark.parametrize(("text", "level"), EVERYDAY + NOT_MISSING, ids=[t for t, _ in EVERYDAY + NOT_MISSING])
def test_arabic_everyday_harm_words_stay_ordinary(triage: Triage, text: str, level: Level) -> None:
    result = triage.assess(text, "ar")
    assert result.level == level, result.rules


def test_a_family_word_before_the_verb_is_its_subject_not_its_object(triage: Triage) -> None:
    # Arabic has no "_pre" objects: "my son hit his head" is not abuse, "he hit my son" is
    assert triage.assess("ابني ضرب راسه بالحيط", "ar").level == NORMAL
    result = triage.assess("جوزي ضرب ابني", "ar")
    assert result.level == HIGH
    assert "grammar.abuse_kin" in result.rules
