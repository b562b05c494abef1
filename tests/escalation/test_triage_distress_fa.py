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


# ---- round 2: harm to others, missing persons, violence told indirectly, medical emergencies, self-harm in the
# writer's own words. Each line is this file's own; each rule names the table or grammar that must carry it.
DISCLOSURES_2 = [
    # the writer's own urge, the object in the verb or named ("میخوام بزنمش", "میترسم بچمو بزنم")
    ("urge-fused-shout", "هر بار داد میزنه دلم میخواد بزنمش", HIGH, "fa.harm_to_others.threat.urge_fused"),
    (
        "urge-fused-colleague",
        "همکارم هر روز مسخرم میکنه، میترسم یه روز بزنمش",
        HIGH,
        "fa.harm_to_others.threat.urge_fused",
    ),
    ("fin-urge-fused", "mitarsam bezanamesh", HIGH, "fa.harm_to_others.threat.urge_fused"),
    ("urge-beat", "اونقدر عصبانیم که میخوام کتکش بزنم", HIGH, "fa.harm_to_others.threat.urge_clear"),
    ("urge-burn-shop", "میخوام مغازشو آتیش بزنم که بفهمه", HIGH, "fa.harm_to_others.threat.urge_clear"),
    ("fear-hurt-child", "میترسم به بچم آسیب بزنم، دیگه کنترل ندارم", HIGH, "fa.harm_to_others.threat.urge_clear"),
    ("fear-hit-child", "دیگه طاقتم تموم شده، میترسم بچمو بزنم", HIGH, "fa.harm_to_others.threat.urge_named"),
    ("want-hit-him", "دلم میخواد بزنم بهش", HIGH, "fa.harm_to_others.threat.urge_named"),
    ("cripple-him", "یه بار دیگه بیاد اینجا میزنم ناکارش میکنم", HIGH, "fa.harm_to_others.threat.going_to_beat"),
    # someone close about to hurt another: a fused future, limbs to break, going after someone armed
    ("husband-will-kill-her", "شوهرش گفته اگه طلاق بخواد میکشتش", HIGH, "fa.harm_to_others.threat.fused_other"),
    ("fin-will-kill-her", "shoharesh tahdid karde mikoshatesh", HIGH, "fa.harm_to_others.threat.fused_other"),
    (
        "uncle-break-limbs",
        "عموم با چوب دنبال پسرشه، میگه دست و پاشو قلم میکنه",
        HIGH,
        "fa.harm_to_others.threat.break_limbs",
    ),
    (
        "father-break-my-arm",
        "بابام گفته اگه با اون پسر ببینتم دستمو میشکنه",
        HIGH,
        "fa.violence_abuse.threat_to_me.break_limbs",
    ),
    ("brother-knife-after", "داداشم کارد برداشته رفته سراغ پسر همسایه", CRITICAL, "harm_to_others.seek+weapon"),
    ("revenge-knife", "چاقو گرفتم که انتقاممو بگیرم", CRITICAL, "harm_to_others.seek+weapon"),
    ("ex-knife-chasing", "نامزد سابقم با چاقو افتاده دنبالم", CRITICAL, "harm_to_others.seek+weapon"),
    # missing persons: silent since a day or a departure, a family member gone, a child lost, run away, searched for
    (
        "aunt-since-that-day",
        "خالم رفت بازار و از اون روز هیچ خبری ازش نیست",
        HIGH,
        "fa.missing_person.missing.silent_since",
    ),
    ("husband-days-no-call", "شوهرم از چهار روز به این طرف زنگ نزده", HIGH, "fa.missing_person.missing.silent_since"),
    (
        "fin-since-that-day",
        "khaleh raft shahr va az un ruz payam nadade",
        HIGH,
        "fa.missing_person.missing.silent_since",
    ),
    ("husband-vanished", "شوهرم ناپدید شده، پلیس هم کاری نمیکنه", HIGH, "fa.missing_person.missing.family_gone"),
    ("phone-not-picked-up", "برادرم از سه روز پیش تلفنشو برنمیداره", HIGH, "grammar.missing"),
    ("child-by-age-lost", "دختر ۵ ساله ام تو شلوغی گم شد", CRITICAL, "grammar.search_child"),
    ("searching-park", "نیم ساعته دنبال پسرم میگردیم تو پارک", CRITICAL, "grammar.search_child"),
    ("runaway-phone-off", "دخترم از خونه فرار کرده و گوشیش خاموشه", CRITICAL, "grammar.search_child"),
    ("neighbours-child", "بچه‌ی همسایه که پیش ما بود گم شده", CRITICAL, "grammar.search_child"),
    # violence and abuse told indirectly
    ("dari-fused-beaten", "خسرم لت و کوبم کرده، تمام جانم درد میکنه", HIGH, "fa.violence_abuse.abuse.fused_more"),
    ("mother-beaten", "وقتی مست میکنه مامانمو کتکش میزنه", HIGH, "fa.violence_abuse.abuse.others_beaten"),
    ("hitting-hand", "نامزدم دست بزن داره، دیروز هم عصبانی شد", HIGH, "fa.violence_abuse.abuse.told_indirectly"),
    ("belt-marks", "جای کمربند هنوز رو کمرم هست", HIGH, "fa.violence_abuse.abuse.told_indirectly"),
    ("forced-marriage", "خانوادم میخوان به زور شوهرم بدن به پسرعموم", HIGH, "fa.violence_abuse.abuse.forced_marriage"),
    ("locked-in-room", "شوهرم منو تو اتاق قفل میکنه وقتی میره بیرون", HIGH, "grammar.me_abuse"),
    ("thrown-at-us", "عصبانی که میشه بشقاب پرت میکنه سمت ما", HIGH, "grammar.abuse_me"),
    ("kicking-door-now", "همین الان لگد میزنه به در خونه", CRITICAL, "violence_abuse.danger+now"),
    # papers with the smuggler, locked in at night, caught at the border
    ("passports-smuggler", "پاسپورتامون دست قاچاقچیه", HIGH, "grammar.docs_kept"),
    ("kiln-locked-in", "صاحب کوره شبا درو رومون قفل میکنن", HIGH, "fa.trafficking_exploitation.core.not_let_out"),
    ("border-three-days", "شوهرمو تو مرز گرفتن، سه روزه هیچ خبری نیست", HIGH, "detention_deportation.core+duration"),
    # self-harm in the writer's own words
    ("scratched-forearm", "دوباره رو ساعدم با تیغ خط خطی کردم", HIGH, "grammar.self_injure"),
    ("cigarette-wrist", "سیگارمو رو مچ دستم خاموش کردم", HIGH, "grammar.self_injure"),
    ("punch-wall", "وقتی حالم بده مشت میکوبم به دیوار", HIGH, "fa.self_harm.act.punch_wall"),
    ("starving-myself", "خودمو گرسنه نگه میدارم تا تنبیه بشم", HIGH, "fa.self_harm.act.starving_myself"),
    ("something-to-myself", "اگه اینجوری پیش بره یه بلایی سر خودم میارم", HIGH, "fa.self_harm.intent.to_myself"),
    ("how-to-die", "چطوری خودمو بکشم که درد نداشته باشه", HIGH, "fa.self_harm.intent.to_myself"),
    ("car-wish", "کاش یه ماشین زیرم کنه و تموم شه", HIGH, "grammar.want_death"),
    ("crossed-my-mind", "به سرم زده دیگه نباشم", HIGH, "grammar.want_death"),
    ("children-better-off", "بدون من بچه هام خوشبخت ترن", HIGH, "fa.self_harm.intent.better_gone_more"),
    ("pills-in-palm", "داروهای شوهرمو ریختم کف دستم", HIGH, "self_harm.planned"),
    ("goodbyes-done", "با همه خداحافظی کردم، دیگه کاری نمونده", HIGH, "fa.self_harm.farewell.said_goodbye"),
    ("blade-midnight", "تیغ کنار تختمه، نصف شب تمومش میکنم", CRITICAL, "self_harm.resolve+means+now"),
    ("cant-take-it-pills", "دیگه نمیکشم، یه بسته قرص تو کیفمه", HIGH, "self_harm.hopeless+means"),
    # medical emergencies in plain words
    ("gran-unconscious", "مادربزرگم افتاده زمین و بیهوشه", CRITICAL, "fa.medical_emergency.acute.more"),
    ("fin-seizure", "dokhtaram tashanoj karde", CRITICAL, "fa.medical_emergency.acute.more"),
    ("choking-apple", "بچم یه تیکه سیب قورت داده و نمیتونه نفس بکشه", CRITICAL, "fa.medical_emergency.acute.more"),
    ("rice-tablet", "برادرم قرص برنج خورده", CRITICAL, "fa.medical_emergency.acute.stroke_poison"),
    ("arm-numb", "پدرم یهو دستش بی حس شد", CRITICAL, "fa.medical_emergency.acute.stroke_poison"),
    ("child-took-pills", "پسر کوچیکم قرصای منو خورده نمیدونم چندتا", HIGH, "fa.medical_emergency.urgent.more"),
    ("labour-no-car", "خانمم داره زایمان میکنه و ماشین نداریم", HIGH, "fa.medical_emergency.urgent.more"),
    ("ladder-head-bleeding", "پدرم از نردبان افتاد و از سرش خون میاد", HIGH, "medical_emergency.state+severe"),
    ("sting-swelling", "زنبور زدش، صورتش باد کرده و نفسش سخته", HIGH, "medical_emergency.state+severe"),
]

# everyday Farsi and Dari with the round's new words: visits and calls, lost things and pets, an application's
# silence, a finished essay, a cigarette given up, a curfew, a border photo, a game
EVERYDAY_2 = [
    ("visit-mum", "میخوام یه سر به مامانم بزنم"),
    ("call-landlord", "باید به صاحبخونه زنگ بزنم"),
    ("vaccine-child", "بچمو ببرم واکسن بزنم یا فردا؟"),
    ("cream-child", "به بچم کرم بزنم یا پماد؟"),
    ("break-off", "میخوام نامزدیمونو بهم بزنم"),
    ("neighbour-bell", "زنگ همسایه رو بزنم یا نه؟"),
    ("lost-residence-card", "کارت اقامتم گم شده، چطوری المثنی بگیرم؟"),
    ("lost-doll", "عروسک دخترم گم شد، خیلی گریه کرد"),
    ("cat-ran-off", "گربمون از خونه فرار کرده"),
    ("lost-sons-bag", "تو بازار کیف پسرمو گم کردم"),
    ("lost-my-way", "راهمو گم کردم، ایستگاه کجاست؟"),
    ("fin-dog", "sage hamsaye gom shode, kasi dide?"),
    ("application-silent", "درخواستمو دو ماه پیش دادم، هیچ خبری ازش نیست"),
    ("landlord-silent", "صاحبخونه سه روزه جواب نمیده، شوفاژ خرابه"),
    ("no-intent-insurance", "قصد خودکشی ندارم، سوالم درباره بیمه است"),
    ("finish-essay", "امشب مقالمو تمومش میکنم"),
    ("quit-smoking", "دیگه سیگار نمیکشم"),
    ("light-off", "چراغ اتاقو خاموش کردم و خوابیدم"),
    ("paperwork", "میرم سراغ کارای اداری فردا صبح"),
    ("gran-fine", "مادربزرگم از پله افتاد ولی خداروشکر خوبه"),
    ("cold-breath", "سرما خوردم، نفسم یه کم سخته"),
    ("grounded", "اجازه ندارم با دوستام برم بیرون، مامانم نمیذاره"),
    ("camp-curfew", "تو کمپ شبا نمیذارن بریم بیرون"),
    ("border-photos", "عکسامونو تو مرز گرفتن برای ویزا"),
    ("dari-medicine", "برای سرفه بچم دوا چی خوبه؟"),
    ("mums-pills", "قرصای مامانمو از داروخونه گرفتم"),
    ("game-kill", "تو بازی یکیو کشتم رفتم مرحله بعد"),
    ("school-run", "شوهرم رفت دنبال بچه ها مدرسه"),
    ("passport-lawyer", "پاسپورتم دست وکیلمه برای تمدید"),
]


# ---- round 3: Dari and Finglish forms of the parts (the object glued as "ـه" / "ره", "کدن", "نمیته",
# "نمیتانه", "استن", "بیادر", "همشیره", "سرک", "بندی"), finishing oneself and killing idioms, a jump or a throw from a
# height, a rope hung, a blade at the throat, hours of a child's silence, someone close taken, the writer held now.
DISCLOSURES_3 = [
    # finishing oneself, Dari "خوده" (myself), this life borne no longer, thoughts in Finglish
    ("dari-finish-self", "دیگه بس است، کار خود را تمام میکنم", HIGH, "fa.self_harm.intent.finish_myself"),
    ("dari-myself-kill", "شب ها فکر میکنم خوده بکشم", HIGH, "fa.self_harm.intent.finish_myself"),
    ("fin-dari-myself", "dega taqat nadaram, khodama mekosham", HIGH, "fa.self_harm.intent.finish_myself"),
    ("cant-bear-life", "دیگه تحمل این زندگی رو ندارم", HIGH, "fa.self_harm.intent.cant_bear_life"),
    ("fin-thoughts", "chand vaghte be khodkoshi fekr mikonam", HIGH, "fa.self_harm.intent.thoughts_more"),
    ("dari-life-refused", "دیگه زندگی ره نمیخواهم", HIGH, "fa.self_harm.intent.dari_life_first"),
    ("destroy-myself", "میخوام خودمو از بین ببرم", HIGH, "grammar.want_death"),
    ("fin-free-myself", "mikham khodamo khalas konam, khaste shodam", HIGH, "grammar.want_death"),
    # throwing myself from a height or before a train, a height as the purpose, a rope hung
    ("throw-balcony", "به این فکر میکنم خودمو از بالکن پرت کنم", CRITICAL, "fa.self_harm.method.throw_myself"),
    ("before-train", "میخوام خودمو جلوی قطار بندازم", CRITICAL, "fa.self_harm.method.throw_myself"),
    ("went-up-to-jump", "رفتم بالای ساختمون که بپرم", HIGH, "self_harm.resolve+means"),
    ("rope-ceiling", "طنابو از سقف آویزون کردم", HIGH, "self_harm.planned"),
    ("fin-rope-fan", "tanabo be panke bastam", HIGH, "self_harm.planned"),
    ("fin-thigh-lines", "dobare roo ranam khat andakhtam", HIGH, "grammar.self_injure"),
    ("goodbye-forever-split", "خدا حافظ برای همیشه", HIGH, "fa.self_harm.farewell.farewell_more"),
    ("will-on-table", "وصیتنامه مو نوشتم و گذاشتم رو میز", HIGH, "fa.self_harm.farewell.farewell_more"),
    # harm to others: killing idioms, finishing someone next to a weapon, coming at the writer with a knife
    ("idiom-dakhl", "اگه یه بار دیگه ببینمش دخلشو میارم", HIGH, "fa.harm_to_others.threat.kill_idioms"),
    ("fin-idiom-kalak", "kalakesho mikanam, bezar bebine", HIGH, "fa.harm_to_others.threat.kill_idioms"),
    ("finish-him-knife", "چاقو تو جیبمه، امشب کارشو تموم میکنم", CRITICAL, "harm_to_others.seek+weapon"),
    ("came-at-me-knife", "شوهرم با کارد اومد طرفم", CRITICAL, "harm_to_others.seek+weapon"),
    # threats quoted, a blade at the throat, strangling, a belt, an attack, a spiked drink
    (
        "quoted-we-kill-you",
        "برادرش گفت اگه شکایت کنم میکشیمت",
        HIGH,
        "fa.violence_abuse.threat_to_me.quoted_and_throat",
    ),
    ("blade-throat", "دیشب چاقو رو گذاشت زیر گلوم", CRITICAL, "violence_abuse.threat+weapon"),
    ("threatened-gun", "با تفنگ تهدیدم کرد", CRITICAL, "violence_abuse.threat+weapon"),
    ("strangled", "دیشب شوهرم گلومو فشار داد", HIGH, "fa.violence_abuse.abuse.throat_and_set_upon"),
    ("belt-set-upon", "پدرم با کمربند افتاد به جونم", HIGH, "fa.violence_abuse.abuse.throat_and_set_upon"),
    ("attacked-us", "همسایه ها با چوب بهمون حمله کردن", HIGH, "fa.violence_abuse.abuse.attacked"),
    (
        "drink-spiked",
        "همکارم یه چیزی ریخت تو نوشیدنیم، به هوش اومدم تو ماشینش بودم",
        HIGH,
        "fa.violence_abuse.sexual.drugged_stripped",
    ),
    # medical: Dari "cannot breathe", bites, cannot walk, the heart, Dari hospital and months, fallen still
    (
        "dari-cannot-breathe",
        "نواسه ام چیزی خورده و نفس کشیده نمیتانه",
        CRITICAL,
        "fa.medical_emergency.acute.dari_breath",
    ),
    ("snake-bite", "پسرم رو تو صحرا مار گزیده", HIGH, "fa.medical_emergency.urgent.bites"),
    ("infected-cant-walk", "زخم پام عفونت کرده و دیگه نمیتونم راه برم", HIGH, "medical_emergency.state+severe"),
    ("breath-heart", "پدرم تنگی نفس داره و قلبش درد میکنه", HIGH, "medical_emergency.state+severe"),
    ("dari-not-let-in", "مادرم تب دارد و شفاخانه راه نمیته", HIGH, "medical_emergency.state+nocare"),
    ("dari-baby-vomits", "بچیم دو ماهه است و قی میکنه", HIGH, "medical_emergency.state+infant"),
    ("fallen-still", "پدربزرگم افتاده و تکون نمیخوره", CRITICAL, "fa.medical_emergency.acute.fallen_still"),
    # nowhere to sleep, the children hungry (Dari)
    ("thrown-out-tonight", "شوهرم امشب از خونه بیرونم کرد", HIGH, "basic_needs.outside+now"),
    ("dari-street-kids", "با اولادهایم در سرک خواب میکنیم", HIGH, "basic_needs.outside+child"),
    ("dari-kids-hungry", "اولادهایم از دیروز گشنه استن", HIGH, "basic_needs.lack+child"),
    # missing: hours of silence with a child, not back from school, Dari silences
    ("hours-son", "پسرم پنج ساعته برنگشته", CRITICAL, "grammar.search_child"),
    ("fin-hours-daughter", "dokhtaram 4 saate javab nemide", CRITICAL, "grammar.search_child"),
    ("not-back-school", "دخترم از مدرسه برنگشته و هوا تاریک شده", CRITICAL, "missing_person.missing+child"),
    ("dari-brother-unseen", "بیادرم از ده روز به این طرف پیدا نیست", HIGH, "grammar.missing"),
    ("dari-sister-phone", "همشیره ام سه روز است تلفنشه جواب نمیته", HIGH, "grammar.missing"),
    # papers kept (Dari marks), wages withheld, locked in, forced to work
    ("dari-tazkira-kept", "کارفرما تذکرمه گرفته و پس نمیته", HIGH, "grammar.docs_kept"),
    ("my-passport-held", "صاحبکار پاسپورت مرا نگه داشته", HIGH, "grammar.docs_kept"),
    ("dari-no-wages", "سه ماه است معاشمه نمیته", HIGH, "fa.trafficking_exploitation.core.dari_locked_forced"),
    (
        "locked-storeroom",
        "کارگرا رو شبا تو انبار قفل میکنن",
        HIGH,
        "fa.trafficking_exploitation.core.dari_locked_forced",
    ),
    (
        "forced-work-plural",
        "مجبورمون میکنن کار کنیم، روزی شونزده ساعت",
        HIGH,
        "fa.trafficking_exploitation.core.dari_locked_forced",
    ),
    # detention: someone close taken, held now, held for weeks
    ("brother-taken", "دیشب برادرمو گرفتن و هنوز خبری نیست", HIGH, "fa.detention_deportation.imminent.kin_taken"),
    ("fin-brother-taken", "police baradaramo gereftan", HIGH, "fa.detention_deportation.imminent.kin_taken"),
    ("held-now", "الان تو بازداشتگاهم و نمیدونم چی میشه", HIGH, "fa.detention_deportation.imminent.held_now"),
    ("held-weeks", "شوهرم سه هفته است بازداشته", HIGH, "detention_deportation.core+duration"),
    ("dari-prison-weeks", "بیادرم در بندیخانه است، دو هفته است", HIGH, "detention_deportation.core+duration"),
]

# the same words in everyday use: one's own work finished, a dinner visit, a meeting, a queue, a sore throat,
# scissors handed over, torn clothes, a cold, a visa, a fan, exhaustion, hard work, a guest, a trip, a razor
EVERYDAY_3 = [
    ("own-work-first", "من کار خودمو تموم میکنم بعد میام"),
    ("finished-and-home", "کار خود را تمام کردم و رفتم خانه"),
    ("job-handed-in", "کارشو فردا تموم میکنم و تحویل میدم"),
    ("dinner-visit", "دارم میرم خونشون برای شام"),
    ("husband-meeting", "شوهرم دو ساعته جواب نمیده، تو جلسه است"),
    ("bakery-queue", "سه ساعته تو صف نونوایی ام"),
    ("sister-abroad", "خواهرم رفت آلمان، خبری ازش نشد که رسیده یا نه"),
    ("swollen-throat", "گلوم درد میکنه، زیر گلوم باد کرده"),
    ("scissors-handed", "قیچی رو گرفت سمتم که بهم بده"),
    ("nagged-to-study", "افتاد به جونم که درس بخونم"),
    ("torn-clothes-need", "لباسام پاره شده، لباس گرم از کجا بگیرم؟"),
    ("torn-clothes-sew", "دیدم لباسام پاره شده، باید بدوزمشون"),
    ("chest-cold", "سینه درد دارم از سرماخوردگی، شربت چی بخورم؟"),
    ("dari-visa-papers", "پاسپورت ما ره گرفتن برای ویزا"),
    ("fan-ceiling", "پنکه رو به سقف بستم"),
    ("worn-out", "نفله شدم از خستگی"),
    ("phone-wrecked", "دخل گوشیمو آوردم"),
    ("hard-work", "صاحبکار زیاد ازمون کار میکشه ولی حقوق خوب میده"),
    ("brother-back", "بیادرم امروز از سفر برگشت"),
    ("sister-guest", "همشیره ام سه روز است مهمان ماست"),
    ("child-at-school", "بچیم مکتب رفته"),
    ("toddler-vomit", "تب کرده و قی میکنه، چی بهش بدم؟"),
    ("away-plants", "وقتی دیگه نیستم کی به گلدونام آب میده؟ یه هفته میرم سفر"),
    ("visit-detention", "بازداشتگاه کجاست؟ میخوام ملاقات برم"),
    ("fin-razor", "ye tige jadid kharidam baraye rish"),
    ("fin-return-book", "dare miram khunash ke ketabesho pas bedam"),
    ("tree-stick", "با چوب افتاد به جون درخت که میوه بریزه"),
]


@pytest.mark.parametrize(
    ("text", "level", "rule"),
    [pytest.param(t, lv, r, id=i) for i, t, lv, r in DISCLOSURES + DISCLOSURES_2 + DISCLOSURES_3],
)
def test_a_risk_in_the_writers_own_words_is_read_by_its_construction(
    triage: Triage, text: str, level: Level, rule: str
) -> None:
    result = triage.assess(text, "fa")
    assert result.level == level, (text, result.rules)
    assert rule in result.rules, (text, result.rules)


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in EVERYDAY + EVERYDAY_2 + EVERYDAY_3])
def test_everyday_uses_of_the_same_words_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "fa")
    assert result.level in (NORMAL, LOW), (text, result.rules)
