"""The grammar of distress in Farsi and Dari (Persian script and Finglish): risks said in the writer's own words.

Each disclosure names the rule that must carry it: a `grammar.*` rule reading the new fa tables (a wish with its
death, a refusal or weariness with a life word, the body with an injuring verb, a lack with its item, a search
for a child, an authority with its act, papers kept), a rule reading a new concept (a body state with a baby, a
severity or no care; sleeping outside; going after someone; at a height now; an amount) or a new phrase group
of fa.toml. Each everyday line uses the same words and must stay normal or low.
"""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL, LOW = Level.CRITICAL, Level.HIGH, Level.NORMAL, Level.LOW

# (id, text, level, the rule that must carry it)
DISCLOSURES = [
    # a wish with its death: the desire word carries the person ("میخوام", "دلم میخواد", "کاش")
    ("want-die-heart", "دلم میخواد بمیرم و تموم شه", HIGH, "grammar.want_death"),
    ("want-sleep-forever", "میخوام برای همیشه بخوابم", HIGH, "grammar.want_death"),
    ("pray-not-wake", "دعا میکنم فردا صبح بیدار نشم", HIGH, "grammar.want_death"),
    ("wish-die", "آرزو دارم بمیرم", HIGH, "grammar.want_death"),
    ("rather-die", "ترجیح میدم بمیرم تا برگردم", HIGH, "grammar.want_death"),
    ("dari-want-die", "میخواهم که بمیرم، خسته شدم", HIGH, "grammar.want_death"),
    ("want-vanish-tonight", "امشب فقط میخوام از این دنیا برم", CRITICAL, "grammar.want_death"),
    ("fin-hazeram", "hazeram bemiram vali barnagardam", HIGH, "grammar.want_death"),
    ("sister-quotes-wish", "خواهرم همش میگه کاش دیگه نباشم", HIGH, "grammar.other_want_death"),
    # a refusal or a weariness with a life word
    ("refuse-stay-alive", "دیگه نمیخوام زنده بمونم", HIGH, "grammar.refuse_life"),
    ("no-reason-alive", "دلیلی نمیبینم که زنده باشم", HIGH, "grammar.refuse_life"),
    ("what-for", "برای چی زنده بمونم وقتی هیچکس منتظرم نیست", HIGH, "grammar.refuse_life"),
    ("refuse-like-this", "نمیخوام اینجوری زندگی کنم دیگه", HIGH, "grammar.refuse_life"),
    ("told-sister", "به خواهرم گفتم نمیخوام زنده باشم", HIGH, "grammar.refuse_life"),
    ("fin-refuse", "nemikham zende bemunam", HIGH, "grammar.refuse_life"),
    ("weary-after", "خسته شدم از این زندگی", HIGH, "grammar.weary_life"),
    ("weary-before", "از زنده بودن بیزارم", HIGH, "grammar.weary_life"),
    ("weary-fed-up", "دیگه بریدم از زندگی", HIGH, "grammar.weary_life"),
    ("weary-contracted", "ازین زندگی خسته ام", HIGH, "grammar.weary_life"),
    ("fin-weary", "khaste shodam az zendegi", HIGH, "grammar.weary_life"),
    ("friend-refuses", "دوستم دلش نمیخواد زنده بمونه", HIGH, "grammar.other_refuse_life"),
    # the body with an injuring verb (object first, as Farsi puts it)
    ("wounded-myself", "باز خودمو زخمی کردم", HIGH, "grammar.self_injure"),
    ("thighs-glass", "هر شب رونامو با شیشه خط میندازم", HIGH, "grammar.self_injure"),
    ("arms-habit", "هر وقت دعوا میشه دستامو میبرم", HIGH, "grammar.self_injure"),
    ("cigarette-burn", "خودمو با سیگار سوزوندم", HIGH, "grammar.self_injure"),
    ("on-my-thigh", "رو رونم با فندک داغ میکنم", HIGH, "grammar.self_injure"),
    ("dari-myself", "شب ها خودم ره زخمی میکنم", HIGH, "grammar.self_injure"),
    ("fin-wounded", "khodamo zakhmi kardam", HIGH, "grammar.self_injure"),
    ("sister-wounds", "خواهرم خودشو زخمی میکنه", HIGH, "grammar.other_self_injure"),
    # a body in danger: a baby, a severity, no care
    ("baby-months-fever", "بچم ۳ ماهشه و تب داره", HIGH, "medical_emergency.state+infant"),
    ("newborn-not-feeding", "نوزادم از صبح شیر نمیخوره", HIGH, "medical_emergency.state+infant"),
    ("fin-baby-fever", "bacham 5 mahe tab dare", HIGH, "medical_emergency.state+infant"),
    ("fever-forty", "پسرم تب ۴۰ داره و پایین نمیاد", HIGH, "medical_emergency.state+severe"),
    ("bleeding-wont-stop", "پام بریده، خونش بند نمیاد", HIGH, "medical_emergency.state+severe"),
    ("vomiting-worse", "شوهرم از دیروز استفراغ میکنه و هی بدتر میشه", HIGH, "medical_emergency.state+severe"),
    ("fever-no-insurance", "مادرم تب داره، بیمه نداریم و پول دکتر نداریم", HIGH, "medical_emergency.state+nocare"),
    ("dari-far-hospital", "تب دارم، شفاخانه دوره", HIGH, "medical_emergency.state+nocare"),
    # going without, sleeping outside
    ("no-water-days", "سه روزه آب نداریم", HIGH, "basic_needs.without+duration"),
    ("dari-no-bread", "سه روز است نان نداریم", HIGH, "basic_needs.without+duration"),
    ("ate-nothing-week", "یه هفته است هیچی نخوردیم", HIGH, "basic_needs.without+duration"),
    ("formula-ran-out", "شیر خشک بچم تموم شده پول ندارم بخرم", HIGH, "basic_needs.without+child"),
    ("power-gas-cut", "برق و گاز رو قطع کردن، بچه ها سردشونه", HIGH, "basic_needs.without+child"),
    ("station-tonight", "امشب تو ایستگاه میخوابیم", HIGH, "basic_needs.outside+now"),
    ("fin-park", "emshab tu park mikhabim", HIGH, "basic_needs.outside+now"),
    ("rough-with-kids", "با بچه هام کارتن خواب شدیم", HIGH, "basic_needs.outside+child"),
    # a child lost right now; someone gone quiet
    ("lost-daughter-crowd", "تو شلوغی دخترمو گم کردیم", CRITICAL, "grammar.search_child"),
    ("cant-find-son", "تو ایستگاه پسرمو پیدا نمیکنیم", CRITICAL, "grammar.search_child"),
    ("fin-lost-son", "pesaramo tu metro gomesh kardam", CRITICAL, "grammar.search_child"),
    ("husband-unreachable", "شوهرم از دو روز پیش در دسترس نیست", HIGH, "grammar.missing"),
    # being taken, papers kept
    ("police-came-for", "پلیس اومد دنبال شوهرم، گفتن فردا برمیگردن", HIGH, "grammar.agent_act"),
    ("officers-tomorrow", "ماموران مهاجرت فردا میان دنبالمون", HIGH, "grammar.agent_act"),
    ("boss-passports", "صاحبکار پاسپورتامونو گرفته و پس نمیده", HIGH, "grammar.docs_kept"),
    ("dari-tazkera", "تذکرمو گرفتن و پس نمیدن", HIGH, "grammar.docs_kept"),
    ("fin-passport", "sahebkar pasportamo gerefte", HIGH, "grammar.docs_kept"),
    # going after someone, at a height now, an amount that is not a number
    ("knife-going-after", "چاقو برداشتم، میرم سراغش", CRITICAL, "harm_to_others.seek+weapon"),
    ("brother-machete", "برادرم قمه برداشت رفت حسابشو برسه", CRITICAL, "harm_to_others.seek+weapon"),
    ("on-bridge-now", "الان رو پل وایسادم", CRITICAL, "self_harm.at_height+now"),
    ("roof-edge-now", "الان لبه پشت بوم نشستم", CRITICAL, "self_harm.at_height+now"),
    ("at-height-hopeless", "لبه پرتگاه وایسادم و امیدی ندارم", CRITICAL, "self_harm.at_height+hopeless"),
    ("half-bottle", "نصف شیشه قرص خوردم", CRITICAL, "self_harm.ingested+amount"),
    ("pack-fin", "kole baste ghorsamo khordam", CRITICAL, "self_harm.ingested+amount"),
    # sexual violence and forcing as harm verbs; constructions listed as phrases
    ("groped-daughter", "مربی دخترمو دستمالی کرده", HIGH, "grammar.kin_abuse"),
    ("assaulted-me", "همسایه دیشب به من تجاوز کرد", HIGH, "grammar.me_abuse"),
    ("better-gone", "اگه من نباشم همه راحت ترن", HIGH, "fa.self_harm.intent.better_gone"),
    ("fin-better-gone", "bedune man hame rahat taran", HIGH, "fa.self_harm.intent.better_gone"),
    ("jumped-to-die", "دیشب از پل پریدم که بمیرم ولی زنده موندم", HIGH, "fa.self_harm.attempt.for_death"),
    ("stroke-face", "شوهرم دهنش کج شده و دستش بی حس شده", CRITICAL, "fa.medical_emergency.acute.stroke"),
]

# everyday Farsi and Dari with the same words: sympathy, idioms, an early alarm, a flat, a kitchen, papers, the police
EVERYDAY = [
    ("sympathy", "الهی بمیرم برات، چقدر سختی کشیدی"),
    ("sympathy-wish", "کاش بمیرم برات عزیزم"),
    ("shame", "میخوام از خجالت بمیرم، اسمشو یادم رفت"),
    ("laughing", "دارم از خنده میمیرم"),
    ("early-alarm", "نمیخوام فردا زود بیدار شم"),
    ("alarm-six", "نمیخوام ساعت ۶ بیدار شم"),
    ("night-waking", "نمیخوام نصف شب بیدار شم بچه گریه کنه"),
    ("flat", "نمیخوام تو این شهر زندگی کنم، یه خونه دیگه میخوام"),
    ("partner", "نمیخوام با اون دیگه زندگی کنم، طلاق میخوام"),
    ("child-future", "نمیخوام زندگی بچم خراب شه"),
    ("deny-die", "نمیخوام بمیرم"),
    ("curse", "کاش شوهرم بمیره"),
    ("trip", "کاش یه هفته غیب شم و برم مسافرت"),
    ("go-home", "دلم میخواد برم خونه پیش مامانم"),
    ("waiting", "خسته شدم از انتظار برای مصاحبه"),
    ("work", "از کار خسته شدم، یه روز مرخصی میخوام"),
    ("enjoy-life", "از زندگی لذت میبرم"),
    ("kitchen-cut", "موقع آشپزی دستمو بریدم، چسب زخم دارین؟"),
    ("onion-cut", "داشتم پیاز خرد میکردم دستمو بریدم"),
    ("oil-burn", "با روغن دستمو سوزوندم، پماد سوختگی چی بزنم؟"),
    ("raise-hand", "دستمو میبرم بالا که معلم ببینه"),
    ("doctor", "خودمو میبرم دکتر فردا"),
    ("pretend-sleep", "خودمو زدم به خواب"),
    ("cold-fever", "بچم تب داره و سرفه میکنه، کدوم دارو خوبه؟"),
    ("fever-anyone", "من تب دارم"),
    ("vaccine", "بچه ۵ ماهه رو کجا واکسن بزنیم؟"),
    ("months-ago", "۵ ماه پیش اومدیم اینجا"),
    ("repairs", "آب امروز قطع شده برای تعمیرات"),
    ("shop", "شیر تموم شده، مغازه بازه؟"),
    ("dislike-food", "غذا رو دوست نداریم"),
    ("tea", "چای بدون شیر میخورم"),
    ("power-back", "برق رفت ولی الان اومد"),
    ("guests", "امشب جای خواب برای مهمونا نداریم"),
    ("school-police", "پلیس اومده بود مدرسه درباره امنیت حرف زد"),
    ("police-volunteers", "پلیس دنبال داوطلب برای جشن محله میگرده"),
    ("embassy", "پاسپورتمو بردم سفارت برای ویزا"),
    ("embassy-kept", "سفارت پاسپورتمو گرفته برای ویزا، کی پس میدن؟"),
    ("got-passport", "پاسپورتمو گرفتم بالاخره"),
    ("getting-passport", "برای گرفتن پاسپورت چیکار کنم؟"),
    ("lost-phone", "گوشیمو گم کردم"),
    ("keys", "کلیدامو همه جا رو گشتم نیست"),
    ("son-phone", "گوشی پسرم گم شده"),
    ("son-ball", "پسرم توپشو گم کرد"),
    ("roof-laundry", "امروز رو پشت بوم لباس پهن کردم"),
    ("on-bridge-coming", "الان رو پل هستیم داریم میایم"),
    ("talk-to-him", "فردا میرم سراغش ببینم چی میگه"),
    ("joke-kill", "این کار منو میکشه 😂 شوخی کردم"),
    ("joke-kill-you", "میکشمت 😂"),
    ("half-pill", "نصف قرصو بخورم یا کامل؟"),
    ("half-a-pill", "نصف قرص خواب خوردم ولی خوابم نبرد"),
    ("few-pills", "چند تا قرص سرماخوردگی خوردم، بهترم"),
    ("two-months-ago", "۲ ماه پیش تب کردم ولی الان خوبم"),
    ("camp-life", "خسته شدم از این زندگی تو کمپ، کی منتقلمون میکنن؟"),
    ("copy-papers", "مدارکمونو گرفتن که کپی کنن، گفتن فردا پس میدن"),
    ("paper-cut", "دستمو با کاغذ بریدم"),
    ("social-media", "میخوام ناپدید شم از شبکه های اجتماعی یه مدت"),
    ("bike-found", "دوچرخه پسرم یه هفته گم شده بود، دیروز پیدا شد"),
    ("long-ago-arrest", "سالها قبل بازداشت شدم، الان میتونم اقامت بگیرم؟"),
    ("fin-early", "nemikham zud bidar sham"),
    ("fin-sympathy", "elahi bemiram barat"),
]


@pytest.mark.parametrize(("text", "level", "rule"), [pytest.param(t, lv, r, id=i) for i, t, lv, r in DISCLOSURES])
def test_a_risk_in_the_writers_own_words_is_read_by_its_construction(
    triage: Triage, text: str, level: Level, rule: str
) -> None:
    result = triage.assess(text, "fa")
    assert result.level == level, (text, result.rules)
    assert rule in result.rules, (text, result.rules)


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in EVERYDAY])
def test_everyday_uses_of_the_same_words_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "fa")
    assert result.level in (NORMAL, LOW), (text, result.rules)


@pytest.mark.parametrize(
    "text",
    ["من میخوام بمیرم 😂", "شوخی کردم ولی واقعا دلم میخواد بمیرم", "شوهرم دیشب منو زد 😂 باورم نمیشه"],
)
def test_a_laugh_never_discounts_a_disclosure(triage: Triage, text: str) -> None:
    # joke markers only make killing words everyday; people often laugh off what they disclose
    assert triage.assess(text, "fa").level in (CRITICAL, HIGH)


@pytest.mark.parametrize(
    ("text", "discount"),
    [
        ("قبلا میخواستم بمیرم ولی الان خوبم", ".past"),
        ("چند سال پیش خودمو زخمی میکردم، الان خوبم", ".past"),
    ],
)
def test_a_wish_or_an_injury_keeps_its_frame(triage: Triage, text: str, discount: str) -> None:
    result = triage.assess(text, "fa")
    assert result.level == NORMAL, result.rules
    assert any(rule.startswith(("fa.wish.", "fa.injure.")) and rule.endswith(discount) for rule in result.rules), (
        result.rules
    )


@pytest.mark.parametrize(
    "text",
    ["میخوای بمیری؟", "اگه دلت میخواد بمیری با یکی حرف بزن", "هیچوقت نمیخوام بمیرم", "کسایی که میخوان بمیرن کمک بگیرن"],
)
def test_someone_elses_or_a_denied_wish_is_not_the_writers(triage: Triage, text: str) -> None:
    # the complements are first-person: "بمیری" (you) and "بمیرن" (they) are no wish of the writer's own death,
    # and "نمیخوام بمیرم" refuses death, not life
    result = triage.assess(text, "fa")
    assert result.level == NORMAL, result.rules
    assert "grammar.want_death" not in result.rules, result.rules
