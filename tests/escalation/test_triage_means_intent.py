"""A means named with resolve, possession or an imminent time, in all seven languages.

The lines were written, with the level the helpdesk needs, before the rules were run on them; they
are also in data/labelled.jsonl. A level is "at least": a stockpile plus "all of them" may be
critical where high was asked for. Two lines of that set are not here because the rules get them
wrong or are pinned elsewhere: "going there tonight to jump" (critical since 2026.11.5, in
test_triage_split.py) and "we bought a rope for the tent, going camping tonight" (critical, a known limit).
"""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL = Level.CRITICAL, Level.HIGH, Level.NORMAL

CASES = [
    ("I have the pills here and I am going to take them all tonight", "en", CRITICAL),
    ("i have pills and tonight i will take them", "en", CRITICAL),
    ("got the rope ready, doing it tonight", "en", CRITICAL),
    ("ive saved up my tablets for weeks, tonight im taking them all", "en", CRITICAL),
    ("bought a rope today. im going to use it when everyone is asleep", "en", CRITICAL),
    ("i have a knife in my room and im going to do it now", "en", CRITICAL),
    ("stockpiling my sertraline, ill take them all on friday", "en", HIGH),
    ("i got the paracetamol, gonna swallow them after they sleep", "en", CRITICAL),
    ("got my dads gun, im going to end it all tonight", "en", CRITICAL),
    ("i have enough pills to do it and i will", "en", HIGH),
    ("💊 ready. tonight.", "en", CRITICAL),
    ("🪢 is ready, doing it tonight", "en", CRITICAL),
    ("i keep the rope in my car, i will use it", "en", HIGH),
    ("my friend has pills and says she'll take them tonight", "en", CRITICAL),
    ("if you have pills at home, lock them away", "en", NORMAL),
    ("the doctor gave me tablets, can i take them tonight after dinner?", "en", NORMAL),
    ("عندي الحبوب هون ورح آخدهن كلهن الليلة", "ar", CRITICAL),
    ("معي حبوب والليلة رح اشربهم", "ar", CRITICAL),
    ("جهزت الحبل، رح اعملها الليلة", "ar", CRITICAL),
    ("خبيت حبوب من شهر، الليلة رح ابلعهم كلهم", "ar", CRITICAL),
    ("اشتريت حبل اليوم ورح استعمله بعد ما يناموا", "ar", CRITICAL),
    ("في سكينة بغرفتي ورح اعملها هلق", "ar", CRITICAL),
    ("3andi el 7oboub w ra7 e5doun kellon el leile", "ar", CRITICAL),
    ("ma3i 7abel w ra7 a3melha bokra", "ar", HIGH),
    ("الليلة رح انط من الجسر، خلص قررت", "ar", CRITICAL),
    ("عم جمع حبوب من زمان ورح آخدهن", "ar", HIGH),
    ("الحبوب جاهزة 💊 الليلة رح اعملها", "ar", CRITICAL),
    ("صاحبتي معها حبوب وقالت رح تاخدهن الليلة", "ar", CRITICAL),
    ("اذا عندك حبوب بالبيت خبيها منيح", "ar", NORMAL),
    ("الدكتور عطاني حبوب، بقدر آخدهن الليلة بعد الأكل؟", "ar", NORMAL),
    ("у мене є таблетки і сьогодні ввечері я їх всі вип'ю", "uk", CRITICAL),
    ("маю пігулки, сьогодні вночі прийму їх усі", "uk", CRITICAL),
    ("мотузка вже готова, зроблю це сьогодні", "uk", CRITICAL),
    ("я місяць збирала таблетки, сьогодні вип'ю їх усі", "uk", CRITICAL),
    ("купив мотузку, зроблю це коли всі заснуть", "uk", CRITICAL),
    ("в мене є ніж, зараз це зроблю", "uk", CRITICAL),
    ("u mene ye tabletky i ya yikh vypyu sohodni", "uk", CRITICAL),
    ("збираю пігулки вже місяць, скоро їх вип'ю", "uk", HIGH),
    ("сьогодні вночі піду на міст і стрибну", "uk", CRITICAL),
    ("маю мотузку і я це зроблю", "uk", HIGH),
    ("моя подруга має таблетки і каже що вип'є їх сьогодні", "uk", CRITICAL),
    ("якщо вдома є таблетки, сховайте їх", "uk", NORMAL),
    ("лікар дав мені таблетки, чи можна їх випити сьогодні ввечері?", "uk", NORMAL),
    ("у меня есть таблетки и сегодня ночью я их все выпью", "ru", CRITICAL),
    ("таблетки у меня, сегодня выпью их все", "ru", CRITICAL),
    ("веревка готова, сделаю это сегодня", "ru", CRITICAL),
    ("я копила таблетки полгода, сегодня приму их все", "ru", CRITICAL),
    ("купил веревку, сделаю это когда все уснут", "ru", CRITICAL),
    ("у меня есть нож, сейчас это сделаю", "ru", CRITICAL),
    ("u menya est tabletki, segodnya ya ih vse vypyu", "ru", CRITICAL),
    ("собираю снотворное, скоро выпью все сразу", "ru", HIGH),
    ("сегодня ночью пойду на мост и прыгну", "ru", CRITICAL),
    ("у меня есть пистолет и я это сделаю", "ru", HIGH),
    ("у подруги есть таблетки, она говорит что выпьет их сегодня", "ru", CRITICAL),
    ("если дома есть таблетки, уберите их подальше", "ru", NORMAL),
    ("врач выписал таблетки, можно их принять сегодня вечером?", "ru", NORMAL),
    ("قرص\u200cها پیشمه و امشب همه\u200cشون رو می\u200cخورم", "fa", CRITICAL),
    ("قرص دارم و امشب می\u200cخورمشون", "fa", CRITICAL),
    ("طناب آماده\u200cست، امشب انجامش میدم", "fa", CRITICAL),
    ("چند ماهه قرص جمع کردم، امشب همه رو می\u200cخورم", "fa", CRITICAL),
    ("طناب خریدم، وقتی همه خوابیدن انجامش میدم", "fa", CRITICAL),
    ("چاقو دارم و الان انجامش میدم", "fa", CRITICAL),
    ("ghors daram va emshab hamasho mikhoram", "fa", CRITICAL),
    ("دارم قرص جمع می\u200cکنم، به زودی همه رو می\u200cخورم", "fa", HIGH),
    ("امشب میرم رو پل و میپرم", "fa", CRITICAL),
    ("طناب دارم و انجامش میدم", "fa", HIGH),
    ("دوستم قرص داره و میگه امشب همه\u200cشو می\u200cخوره", "fa", CRITICAL),
    ("اگه تو خونه قرص دارید، قایمشون کنید", "fa", NORMAL),
    ("دکتر بهم قرص داده، میتونم امشب بعد از شام بخورمشون؟", "fa", NORMAL),
    ("j'ai les cachets ici et je vais tous les prendre ce soir", "fr", CRITICAL),
    ("j'ai des médocs et ce soir je les prends tous", "fr", CRITICAL),
    ("la corde est prête, je le fais ce soir", "fr", CRITICAL),
    ("j'ai gardé mes comprimés depuis des semaines, ce soir je les avale tous", "fr", CRITICAL),
    ("j'ai acheté une corde, je vais le faire quand ils dormiront", "fr", CRITICAL),
    ("j'ai un couteau dans ma chambre et je vais le faire maintenant", "fr", CRITICAL),
    ("jai des pilules et je vais les prendre cette nuit", "fr", CRITICAL),
    ("je fais des réserves de médicaments, je vais les prendre tous samedi", "fr", HIGH),
    ("ce soir je vais sauter du pont", "fr", CRITICAL),
    ("j'ai une corde et je vais le faire", "fr", HIGH),
    ("mon amie a des cachets et dit qu'elle va les prendre ce soir", "fr", CRITICAL),
    ("si vous avez des médicaments à la maison, mettez-les sous clé", "fr", NORMAL),
    ("le médecin m'a donné des comprimés, je peux les prendre ce soir après le repas ?", "fr", NORMAL),
    ("tengo las pastillas aquí y me las voy a tomar todas esta noche", "es", CRITICAL),
    ("tengo pastillas y esta noche me las tomo", "es", CRITICAL),
    ("la cuerda ya está lista, lo hago esta noche", "es", CRITICAL),
    ("llevo semanas guardando pastillas, hoy me las tomo todas", "es", CRITICAL),
    ("compré una cuerda, lo voy a hacer cuando se duerman", "es", CRITICAL),
    ("tengo un cuchillo en mi cuarto y lo voy a hacer ahora", "es", CRITICAL),
    ("tengo las pastis y me las voy a tomar ahorita", "es", CRITICAL),
    ("estoy juntando pastillas, el sábado me las tomo todas", "es", HIGH),
    ("esta noche me tiro del puente", "es", CRITICAL),
    ("tengo una soga y lo voy a hacer", "es", HIGH),
    ("mi amiga tiene pastillas y dice que se las va a tomar esta noche", "es", CRITICAL),
    ("si tienes pastillas en casa, guárdalas bajo llave", "es", NORMAL),
    ("el médico me dio pastillas, ¿me las puedo tomar esta noche después de cenar?", "es", NORMAL),
]


@pytest.mark.parametrize(("text", "lang", "level"), CASES)
def test_means_with_resolve_possession_or_time(triage: Triage, text: str, lang: str, level: Level) -> None:
    result = triage.assess(text, lang)
    if level == NORMAL:
        assert result.level == NORMAL, result
    else:
        assert result.level.rank <= level.rank, result
        assert "self_harm" in result.categories


@pytest.mark.parametrize(
    ("text", "lang", "rule"),
    [
        ("I have the pills here and I am going to take them all tonight", "en", "self_harm.resolve+means+now"),
        ("i have pills and tonight i will take them", "en", "self_harm.resolve+means+now"),
        ("got the rope ready, doing it tonight", "en", "self_harm.plan+means+now"),
        ("у меня есть таблетки и сегодня ночью я их все выпью", "ru", "self_harm.resolve+means+now"),
        ("my friend has pills and says she'll take them tonight", "en", "self_harm.third_party+means+now"),
        ("i have enough pills to do it and i will", "en", "self_harm.prepared+use"),
    ],
)
def test_the_rule_that_decides_is_named(triage: Triage, text: str, lang: str, rule: str) -> None:
    assert rule in triage.assess(text, lang).rules


def test_someone_elses_act_is_third_party_and_left_out_for_the_writer_only(triage: Triage) -> None:
    text = "mi amiga tiene pastillas y dice que se las va a tomar esta noche"
    assert triage.assess(text, "es").level == CRITICAL
    writer_only = triage.assess(text, "es", third_party=False)
    assert writer_only.level == NORMAL
    assert "es.self_harm.use.act_on_it.third_party" in writer_only.rules


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a means and a time in everyday life are not a plan
        ("I am at the train station now, where do I go?", "en"),
        ("we are sleeping under the bridge tonight", "en"),
        ("I need my meds today, the pharmacy is closed", "en"),
        ("my insulin ran out today", "en"),
        ("я сейчас на вокзале, поезд через час", "ru"),
        ("estoy en la estación de tren ahora", "es"),
        ("je prends le train ce soir", "fr"),
        # someone else's medicine, a question about a prescription, advice to the reader
        ("my mother has her pills for her heart", "en"),
        ("I have my tablets, can I take them today?", "en"),
        ("if you have pills at home and feel low, lock them away tonight", "en"),
        ("if you have the pills, can you take them today?", "en"),
    ],
)
def test_means_without_resolve_or_possession_stays_normal(triage: Triage, text: str, lang: str) -> None:
    assert triage.assess(text, lang).level == NORMAL


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("i would never take them, i have the pills for my back", "en"),
        ("tengo pastillas pero no me las voy a tomar", "es"),
        ("у меня есть таблетки, но я их не выпью", "ru"),
    ],
)
def test_a_denied_act_keeps_its_category_at_normal(triage: Triage, text: str, lang: str) -> None:
    result = triage.assess(text, lang)
    assert result.level == NORMAL, result
    assert "self_harm" in result.categories
    assert any(rule.endswith(".negated") for rule in result.rules)


def test_a_denial_does_not_cancel_possession_with_a_time(triage: Triage) -> None:
    # "I won't take them tonight" is denied, but having the pills ready tonight still earns a look
    result = triage.assess("I have the pills but I will not take them tonight", "en")
    assert result.level == HIGH
    assert "en.self_harm.use.act_on_it.negated" in result.rules
    assert "self_harm.prepared+now" in result.rules
