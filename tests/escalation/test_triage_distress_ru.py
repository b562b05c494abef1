"""The grammar of distress in Russian (Cyrillic and Latin transliteration): risks said in the writer's own words.

Each disclosure names the rule that must carry it (a `grammar.*` rule, a body, need, search, height or
seek rule, or one of the new Russian phrase groups), so it fails without the ru tables of wish.*,
injure.*, body.*, need.*, missing.search, detain.*, traffic.*, harm.seek and self_harm.at_height. The
everyday lines use the same words (dying of boredom, a place to live, an early alarm, a kitchen cut, a
lost cat, the police at a school talk, a passport at the consulate, a rooftop bar) and must stay ordinary.
"""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL, LOW = Level.CRITICAL, Level.HIGH, Level.NORMAL, Level.LOW

# (text, expected level, the rule that must carry it)
DISCLOSURES = [
    # a wish with its death: the first-person verb is the desire word, the pronoun dropped
    ("иногда мечтаю заснуть навечно", HIGH, "grammar.want_death"),
    ("мечтаю просто исчезнуть навсегда и всё", HIGH, "grammar.want_death"),
    ("скорей бы уже сдохнуть", HIGH, "grammar.want_death"),
    ("лучше бы меня не стало", HIGH, "grammar.want_death"),
    ("хочу чтобы всё это закончилось навсегда", HIGH, "grammar.want_death"),
    ("думаю о том чтобы уйти насовсем", HIGH, "grammar.want_death"),
    ("пусть бы я умерла во сне", HIGH, "grammar.want_death"),
    ("хочу просто перестать существовать", HIGH, "grammar.want_death"),
    ("хочу уйти навсегда из жизни", HIGH, "grammar.want_death"),
    ("inogda hochetsya prosto ischeznut", HIGH, "grammar.want_death"),
    ("hochu zasnut i ne prosnutsya", HIGH, "grammar.want_death"),
    # a third person: the holder is the person word before the desire
    ("брат пишет что хочет уснуть навсегда", HIGH, "grammar.other_want_death"),
    # a refusal or a weariness with a life word
    ("не вижу смысла дальше жить", HIGH, "grammar.refuse_life"),
    ("зачем мне вообще жить", HIGH, "grammar.refuse_life"),
    ("нет никакого желания жить дальше", HIGH, "grammar.refuse_life"),
    ("незачем просыпаться завтра", HIGH, "grammar.refuse_life"),
    ("nehochu bolshe sushchestvovat", HIGH, "grammar.refuse_life"),
    ("ne vizhu smysla zhit dalshe", HIGH, "grammar.refuse_life"),
    ("я так устала от этой жизни", HIGH, "grammar.weary_life"),
    ("надоело существовать", HIGH, "grammar.weary_life"),
    ("задолбало жить так", HIGH, "grammar.weary_life"),
    ("ustala zhit uzhe", HIGH, "grammar.weary_life"),
    # the object first, which no window rule reads yet
    ("жить не хочется совсем", HIGH, "ru.self_harm.intent.object_first"),
    ("zhit ne hochu bolshe", HIGH, "ru.self_harm.intent.object_first"),
    # an injuring verb with the writer's body
    ("опять порезала себе руки", HIGH, "grammar.injure_self"),
    ("расцарапываю себе руки до крови", HIGH, "grammar.injure_self"),
    ("вчера снова резала бедра", HIGH, "grammar.injure_self"),
    ("я опять изрезала себе все руки", HIGH, "grammar.injure_self"),
    ("prizhigayu ruki sigaretoj kogda ploho", HIGH, "grammar.injure_self"),
    ("opyat rezala ruki", HIGH, "grammar.injure_self"),
    ("сегодня опять порезала бедра", CRITICAL, "grammar.injure_self"),
    ("подруга режет себе вены", HIGH, "grammar.other_injure"),
    ("я себя режу когда никто не видит", HIGH, "ru.self_harm.act.object_first"),
    # a body in danger: a baby's months, a severity, no care to be had
    ("малышу 4 месяца, у него жар и он вялый", HIGH, "medical_emergency.state+infant"),
    ("у новорожденного рвота весь день", HIGH, "medical_emergency.state+infant"),
    ("сына рвет фонтаном уже весь день", HIGH, "medical_emergency.state+severe"),
    ("кровь идет и не останавливается", HIGH, "medical_emergency.state+severe"),
    ("мужа рвет всю ночь, а врача нет", HIGH, "medical_emergency.state+nocare"),
    ("рана загноилась, а к врачу без полиса не принимают", HIGH, "medical_emergency.state+nocare"),
    ("беременна и кровит, что делать", HIGH, "ru.medical_emergency.urgent.obstetric"),
    ("у малыша губы посинели", CRITICAL, "ru.medical_emergency.acute.blue"),
    # going without, sleeping outside
    ("у нас нет еды, дети плачут", HIGH, "basic_needs.without+child"),
    ("свет отключили уже пять дней", HIGH, "basic_needs.without+duration"),
    ("детская смесь закончилась, малыш голодный", HIGH, "basic_needs.without+child"),
    ("nechem kormit detej", HIGH, "basic_needs.without+child"),
    ("после пожара нам некуда идти, со мной трое детей", HIGH, "basic_needs.outside+child"),
    ("сегодня спим на улице", HIGH, "basic_needs.outside+now"),
    ("hozyain vygnal nas iz doma, spim v podezde s rebenkom", HIGH, "basic_needs.outside+child"),
    # a search for a child or someone gone quiet
    ("сын потерялся в торговом центре", CRITICAL, "grammar.search_child"),
    ("ищем дочку уже час", CRITICAL, "grammar.search_child"),
    ("брат перестал отвечать, его нигде нет со вчера", HIGH, "grammar.search_other"),
    ("sestra perestala otvechat 3 dnya", HIGH, "grammar.missing"),
    # an authority with its act, and a time
    ("из миграционки приходили за братом, сказали придут завтра", HIGH, "grammar.agent_act"),
    ("менты ищут меня сейчас", HIGH, "grammar.agent_act"),
    ("policiya zaberut nas zavtra", HIGH, "grammar.agent_act"),
    ("получила предписание о выдворении", HIGH, "ru.detention_deportation.imminent.leave"),
    # papers kept
    ("хозяйка отобрала у нас паспорта", HIGH, "grammar.keep_docs"),
    ("работодатель не отдает документы уже месяц", HIGH, "grammar.keep_docs"),
    ("pasport u hozyaina, ne otpuskaet", HIGH, "ru.trafficking_exploitation.core.papers_first"),
    # going after someone, revenge with a weapon
    ("взял биту и поехал разбираться", CRITICAL, "harm_to_others.seek+weapon"),
    ("сейчас пойду разберусь с ним, у меня нож", CRITICAL, "harm_to_others.seek+weapon"),
    ("обещает отомстить бывшей, купил пистолет", CRITICAL, "ru.harm_to_others.threat.revenge"),
    # at a height now, half a pack swallowed
    ("я сейчас на крыше", CRITICAL, "self_harm.at_height+now"),
    ("стою на рельсах прямо сейчас", CRITICAL, "self_harm.at_height+now"),
    ("выпила полпачки феназепама", CRITICAL, "ru.self_harm.amount.part"),
    # forced sex, an attack and hiding, giving things away
    ("он принудил меня, я не хотела", HIGH, "grammar.abuse_me"),
    ("сосед надругался надо мной", HIGH, "grammar.abuse_me"),
    ("начальник заставлял меня спать с ним", HIGH, "ru.violence_abuse.sexual.forced"),
    ("он кинулся на меня, я закрылась в ванной", CRITICAL, "violence_abuse.abuse+danger"),
    ("раздала все свои вещи, больше не нужны", HIGH, "ru.self_harm.farewell.letters"),
]

EVERYDAY = [
    # dying of boredom or laughter, disappearing for a weekend, leaving a job
    "умираю со скуки на этой лекции",
    "я чуть не умерла со смеху от этого видео",
    "хочу умереть от смеха над этим мемом 😂",
    "надеюсь не умереть от скуки на свадьбе",
    "готов умереть за эту пиццу",
    "хочется исчезнуть на выходные, выключу телефон",
    "hochu ischeznut na vyhodnye",
    "хочу уйти насовсем с этой работы",
    "мечтаю уйти навсегда из этого города",
    "хочу чтобы все закончилось хорошо",
    # a place to live, an early alarm
    "не хочу жить в общаге, можно квартиру?",
    "не хочу жить с соседями, они шумят",
    "надоело жить на чемоданах",
    "не вижу смысла жить в этом районе",
    "zhit v obshage ne hochu",
    "надоело просыпаться по будильнику",
    "не хочу просыпаться рано в субботу",
    "ustala prosypatsya rano",
    "устала от жизни в большом городе",
    # a kitchen cut, a cat, a sunburn, a habit
    "порезала палец когда чистила картошку",
    "порезал руки о стекло, когда мыл окно",
    "кошка расцарапала руки",
    "бью себя по лбу каждый раз когда забываю ключи",
    "солнце жжет кожу даже через одежду",
    "кусаю ногти когда нервничаю",
    # the weather, a mild fever, a baby's vaccinations, an idiom
    "температура на улице минус 20",
    "у меня кружится голова от счастья",
    "он рвет и мечет из-за опоздания",
    "малышу 5 месяцев, какие прививки делать?",
    "у сына температура 37, можно в садик?",
    # hot water off for the summer, no time to eat, the milk ran out
    "отключили горячую воду на две недели",
    "нет времени поесть, столько работы",
    "молоко кончилось, схожу в магазин",
    "света нет в подъезде уже три дня",
    "нечего надеть на праздник",
    # a lost cat, a lost self, a flat to find
    "кот потерялся, дети плачут",
    "я потерялась в метро, как доехать до вокзала?",
    "ищем квартиру, у нас двое детей",
    # the police at a school talk, a passport at the consulate
    "полиция приходила в школу рассказывать про безопасность",
    "завтра полицейские придут на урок в школу",
    "забрала паспорт из консульства, всё готово",
    "zabrala pasport iz posolstva",
    "паспорт забрали на продление визы, когда вернут?",
    "нужно забрать документы из мфц",
    # a visit, the first school year, a rooftop bar, a windowsill
    "поеду к нему в гости на выходных",
    "сын пойдет в школу в сентябре",
    "сидим на крыше бара, отличный вид",
    "сижу на подоконнике с кофе и смотрю на дождь",
    # killing words marked as a joke
    "я его прибью если он опять опоздает 😂",
    "мама меня убьет если узнает про двойку ахахаха",
    "ya ego ub'yu ahahaha",
    # a stray dog, a road trip
    "бездомная собака спит у подъезда",
    "ночуем в машине в дороге на море, всё хорошо",
]


@pytest.mark.parametrize(("text", "level", "rule"), DISCLOSURES, ids=[t for t, _, _ in DISCLOSURES])
def test_a_risk_in_the_writers_own_words_is_read_by_its_construction(
    triage: Triage, text: str, level: Level, rule: str
) -> None:
    result = triage.assess(text, "ru")
    assert result.level == level, result.rules
    assert rule in result.rules, result.rules


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_uses_of_the_same_words_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "ru")
    assert result.level in (NORMAL, LOW), result.rules


@pytest.mark.parametrize("text", ["хочу сдохнуть 😂", "он опять меня избил ахахах", "опять режу себе руки 😂"])
def test_a_laugh_never_discounts_a_disclosure(triage: Triage, text: str) -> None:
    # joke markers only make killing words everyday; people often laugh off what they disclose
    assert triage.assess(text, "ru").level in (CRITICAL, HIGH)


@pytest.mark.parametrize(
    ("text", "prefix", "discount"),
    [
        ("много лет назад я хотела исчезнуть навсегда", "ru.wish.want", ".past"),
        ("я не хочу исчезнуть", "ru.wish.want", ".negated"),
        ("если подруга говорит что хочет исчезнуть навсегда выслушайте ее", "ru.wish.want", ".generic"),
        ("в фильме героиня хочет уснуть и не проснуться", "ru.wish.want", ".reported"),
        ("раньше я резала себе руки", "ru.injure.verb", ".past"),
        ("я больше не режу себе руки", "ru.injure.verb", ".negated"),
    ],
)
def test_a_wish_or_an_injury_keeps_its_frame(triage: Triage, text: str, prefix: str, discount: str) -> None:
    result = triage.assess(text, "ru")
    assert result.level == NORMAL, result.rules
    assert any(rule.startswith(prefix) and rule.endswith(discount) for rule in result.rules), result.rules


def test_a_pregnancy_alone_never_makes_a_body_state_urgent(triage: Triage) -> None:
    # a pregnancy is a health status: only an obstetric emergency phrase counts
    assert triage.assess("я беременна и у меня температура", "ru").level == NORMAL
    assert triage.assess("беременна и кровит", "ru").level == HIGH
