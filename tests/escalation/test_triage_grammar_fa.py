"""The grammar of harm in Farsi and Dari (Persian script and Finglish): a verb and its object make a disclosure.

Each disclosure must be read by a `grammar.*` rule or by a fused verb-and-object form of fa.toml, so these
tests fail without the fa tables of the grammar; each everyday line uses the same verbs or objects and
must stay normal.
"""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH = Level.CRITICAL, Level.HIGH
FUSED = ("fa.violence_abuse.abuse.fused", "fa.violence_abuse.threat_to_me.fused")

# (id, text, level): abuse in any tense, killing with an intent or a future, object before or after the verb
DISCLOSURES = [
    ("hits-me-nightly", "شوهرم هر شب منو میزنه", HIGH),
    ("stepfather-hit-son", "ناپدریم دیروز پسرمو زد", HIGH),
    ("father-beats-kids", "باباشون بچه هامو کتک میزنه", HIGH),
    ("belt-past", "شوهرم منو با کمربند زد", HIGH),
    ("verb-first", "زد منو جلوی همسایه ها", HIGH),
    ("hitting-now", "شوهرم الان داره منو میزنه", CRITICAL),
    ("slapped-me", "دیشب شوهرم بهم سیلی زد", HIGH),
    ("fused-hits-me", "میزنتم هر روز، دیگه نمیدونم چیکار کنم", HIGH),
    ("boss-hit-son", "صاحبکار پسرمو زده، صورتش ورم کرده", HIGH),
    ("dari-beat-me", "شوهرم مره لت کد", HIGH),
    ("dari-beats-daily", "مره هر روز لت میکنه", HIGH),
    ("choked-me", "منو خفه کرد تا نفسم بند اومد", HIGH),
    ("threatens-me", "برادر شوهرم منو تهدید میکنه", HIGH),
    ("burned-daughter", "دخترمو با سیگار سوزوند", HIGH),
    ("locked-us-in", "ما رو تو خونه حبس کرده و کلیدو برده", HIGH),
    ("will-kill-kids", "شوهرم میگه بچه هامو میکشه", HIGH),
    ("smuggler-son", "قاچاقچی گفته اگه پول ندیم پسرمو میکشه", CRITICAL),
    ("wants-kill-daughter", "میخواد دخترمو بکشه", HIGH),
    ("swore-kill-me", "برادرش قسم خورده منو بکشه", HIGH),
    ("nearly-killed-me", "نزدیک بود منو بکشه", HIGH),
    ("was-killing-me", "داشت منو میکشت، همسایه ها رسیدن", HIGH),
    ("knife-threat", "با چاقو منو تهدید کرد", CRITICAL),
    ("dari-will-kill-me", "اگه بفهمه مره میکشه", HIGH),
    ("kill-us", "پدرش گفته مارو میکشه", HIGH),
    ("writer-kill-husband", "میخوام شوهرمو بکشم", HIGH),
    ("writer-kill-tonight", "امشب اونو میکشم", CRITICAL),
    ("brother-ex", "داداشم میخواد شوهر سابقمو بکشه", HIGH),
    ("stabbed-me", "بهم چاقو زد", CRITICAL),
    ("disappear-me", "تهدید کرده سر به نیستم میکنه", HIGH),
    ("fused-wants-kill-me", "میخواد بکشنمون", HIGH),
    ("sister-hair", "شوهر خواهرم موهامو کشید و زد تو صورتم", HIGH),
    ("fin-hits-me", "mano mizane har shab", HIGH),
    ("fin-husband-hit", "shoharam dishab mano zad", HIGH),
    ("fin-beat-son", "pesaramo kotak zad", HIGH),
    ("fin-kill-kids", "shoharam mige bachehamo mikoshe", HIGH),
    ("fin-wants-kill-me", "mikhad mano bokoshe", HIGH),
    ("fin-brother-him", "dadasham mikhad ono bokoshe", HIGH),
    ("fin-dari-beat", "mara lat kad", HIGH),
    ("fin-threatens", "shoharam mano tahdid mikone", HIGH),
    ("fin-fused-slap", "behem sili zad jeloye bacheha", HIGH),
]

# (id, text): the same verbs and objects in idioms, sport, cooking, games, jokes, news, grief, denials, questions
EVERYDAY = [
    ("joke-killed-laughing", "منو کشتی از خنده 😂"),
    ("kid-exhausting", "این بچه امروز منو کشت"),
    ("tired", "خستگی منو کشت امروز"),
    ("prices", "این قیمتا مارو کشته"),
    ("smokes", "داداشم سیگار میکشه"),
    ("draws", "پسرم نقاشی میکشه"),
    ("lie-down", "بچه ها رو دراز بکشن بخوابن"),
    ("pull-aside", "بچه ها رو بکشم کنار از خیابون"),
    ("called-kids", "بچه ها رو صدا زد بیاین شام"),
    ("called-me", "مامانم منو صدا زد"),
    ("phoned-me", "دوستم بهم زنگ زد گفت دیر میاد"),
    ("visited-us", "همسایه به ما سر زد"),
    ("goals-against-us", "دیشب سه تا گل به ما زدن"),
    ("scored", "پسرم تو فوتبال گل زد"),
    ("vaccinated", "بچه ها رو واکسن زدن"),
    ("mosquito", "پشه منو زد همه جام میخاره"),
    ("bee-child", "زنبور بچمو زد"),
    ("kicked-out-flat", "صاحبخونه ما رو پرت کرد بیرون"),
    ("disgusted", "حالمو بهم زد این غذا"),
    ("tricked", "شوهرم منو گول زد، پولمو خورد"),
    ("surprised", "منو خیلی شگفت زده کرد"),
    ("song", "این آهنگ منو میکشه"),
    ("news-hit", "این خبر خیلی منو زد"),
    ("game", "تو بازی منو کشت، دوباره بازی کنیم"),
    ("cooking-chicken", "مرغ رو خودم کشتم برای شام"),
    ("stir", "تخم مرغا رو هم زد"),
    ("ball", "داداشم تو فوتبال توپو محکم زد"),
    ("news-stranger", "تو اخبار گفت یه مرد زنشو کشت"),
    ("film", "تو فیلم قاتل همه رو میکشه"),
    ("grief-war", "تو جنگ برادرمو کشتن"),
    ("grief-past", "پدرمو تو جنگ کشتن، هنوز غمگینم"),
    ("deny-never", "شوهرم هیچوقت منو نزده"),
    ("deny-not-hit", "از دست شوهرم خسته شدم ولی منو نمیزنه"),
    ("deny-kids", "شوهرم بچه ها رو هیچوقت نمیزنه"),
    ("childhood", "وقتی بچه بودم بابام منو میزد"),
    ("sentence-boundary", "توپ رو زد. منو صدا کرد که برم"),
    ("took-kids-park", "بابام بچه هامو برد پارک"),
    ("fin-joke", "mano koshti az khande"),
    ("fin-smokes", "dadasham sigar mikeshe"),
    ("fin-called", "mamanam mano seda zad"),
    ("fin-phoned", "baham zang zad"),
    ("fin-mosquito", "pashe mano zad"),
]

# (id, text, level): a family member gone quiet for a time; a child makes it critical
MISSING = [
    ("son-not-home", "پسرم از دیروز خونه نیومده", CRITICAL),
    ("brother-phone-off", "برادرم سه روزه گوشیش خاموشه", HIGH),
    ("daughter-unseen", "دخترم از دیشب جواب نمیده، هیچکس ندیدتش", CRITICAL),
    ("husband-not-back", "شوهرم دو روزه برنگشته خونه", HIGH),
    ("sister-saturday", "خواهرم از شنبه برنگشته", HIGH),
    ("fin-son", "pesaram az dirooz khune nayomade", CRITICAL),
    ("fin-brother-phone", "baradaram se ruze gushish khamooshe", HIGH),
]

MISSING_LOOKALIKES = [
    ("my-phone-off", "گوشیم خاموشه، پیام بده"),
    ("friend-late", "دوستم ده دقیقه دیر کرده، هنوز نیومده"),
    ("brother-cold", "برادرم از دیروز سرما خورده"),
    ("sister-trip", "خواهرم سه روزه رفته مسافرت، بهم پیام داده"),
    ("fin-my-phone", "gushim khamooshe, email bezanid"),
]


def _grammar_read(rules: tuple[str, ...]) -> bool:
    return any(rule.startswith("grammar.") or rule in FUSED for rule in rules)


@pytest.mark.parametrize(("text", "wanted"), [pytest.param(t, w, id=i) for i, t, w in DISCLOSURES])
def test_disclosure_is_read_by_the_grammar(triage: Triage, text: str, wanted: Level) -> None:
    assessment = triage.assess(text, "fa")
    assert assessment.level == wanted, (text, assessment.rules)
    assert _grammar_read(assessment.rules), (text, assessment.rules)


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in EVERYDAY])
def test_everyday_line_with_a_harm_verb_stays_normal(triage: Triage, text: str) -> None:
    assessment = triage.assess(text, "fa")
    assert assessment.level == Level.NORMAL, (text, assessment.rules)


@pytest.mark.parametrize(("text", "wanted"), [pytest.param(t, w, id=i) for i, t, w in MISSING])
def test_missing_person_is_read_by_the_grammar(triage: Triage, text: str, wanted: Level) -> None:
    assessment = triage.assess(text, "fa")
    assert assessment.level == wanted, (text, assessment.rules)
    assert "grammar.missing" in assessment.rules, (text, assessment.rules)


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in MISSING_LOOKALIKES])
def test_missing_lookalike_stays_normal(triage: Triage, text: str) -> None:
    assessment = triage.assess(text, "fa")
    assert assessment.level == Level.NORMAL, (text, assessment.rules)
    assert "grammar.missing" not in assessment.rules, (text, assessment.rules)
