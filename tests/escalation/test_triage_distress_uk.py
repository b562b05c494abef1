"""The grammar of distress in Ukrainian (Cyrillic, surzhyk and Latin letters): a wish with its death, a refusal or a
weariness with a life word, an injuring verb with the body, a body state with a baby, a severity or no care, a lack
with its item, sleeping outside, a search for a child, an authority with its act, papers kept, going after someone and
being at a height now, instead of one phrase each; everyday lines with the same words stay normal."""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.lexicon import load_language, load_manifest
from escalation.lexmatch import LanguageMatcher
from escalation.normalize import normalize
from escalation.triage import Triage

CRITICAL, HIGH, NORMAL, LOW = Level.CRITICAL, Level.HIGH, Level.NORMAL, Level.LOW

# the Ukrainian concepts a rule reads: the uk tables alone must hold them (Cyrillic is also read by ru.toml)
PARTS = {
    "grammar.want_death": {"wish.want", "wish.death"},
    "grammar.refuse_life": {"wish.refuse", "wish.life"},
    "grammar.weary_life": {"wish.weary", "wish.life"},
    "grammar.injure_self": {"injure.verb", "injure.body"},
    "grammar.other_want_death": {"wish.want", "wish.death"},
    "grammar.other_refuse_life": {"wish.refuse", "wish.life"},
    "grammar.other_injure": {"injure.verb", "injure.body"},
    "medical_emergency.state+infant": {"body.state", "body.infant"},
    "medical_emergency.state+severe": {"body.state", "body.severe"},
    "medical_emergency.state+nocare": {"body.state", "body.nocare"},
    "grammar.lack_item": {"need.lack", "need.item"},
    "grammar.item_lack": {"need.lack", "need.item"},
    "basic_needs.outside+child": {"need.outside"},
    "basic_needs.outside+now": {"need.outside"},
    "grammar.search_child": {"missing.search"},
    "grammar.agent_act": {"detain.agent", "detain.act"},
    "grammar.keep_docs": {"traffic.keep", "traffic.docs"},
    "harm_to_others.seek+weapon": {"harm.seek"},
    "harm_to_others.seek+future": {"harm.seek"},
    "self_harm.at_height+now": {"self_harm.at_height"},
    "grammar.abuse_me": {"harm.abuse"},
    "grammar.abuse_kin": {"harm.abuse"},
    "grammar.missing": {"missing.absent", "time.duration"},
    "self_harm.ingested+amount": {"self_harm.amount"},
}

# (text, level, the rule that must carry it)
DISCLOSURES = [
    # a wish with its death: the first-person verb is the desire ("хочу"), the complement the death
    ("іноді хочеться просто заснути і не прокинутися", HIGH, "grammar.want_death"),
    ("я так хочу зникнути назавжди", HIGH, "grammar.want_death"),
    ("мрію щоб мене не стало", HIGH, "grammar.want_death"),
    ("краще б я не народжувалась", HIGH, "grammar.want_death"),
    ("хочу щоб усе це скінчилось назавжди", HIGH, "grammar.want_death"),
    ("думаю як би покінчити з усім", HIGH, "grammar.want_death"),
    ("все частіше думаю про те щоб померти", HIGH, "grammar.want_death"),
    ("хочеться вже просто здохнути", HIGH, "grammar.want_death"),
    ("в голові крутиться думка покінчити з усім", HIGH, "grammar.want_death"),
    ("шо б мене не стало", HIGH, "grammar.want_death"),
    ("хочу померти сьогодні вночі", CRITICAL, "grammar.want_death"),
    ("hochu prosto znyknuty", HIGH, "grammar.want_death"),
    ("khochu shchob mene ne stalo", HIGH, "grammar.want_death"),
    ("dumaju jak by ne prokynutysia", HIGH, "grammar.want_death"),
    # a refusal or a weariness with a life word
    ("я більше не хочу жити, все", HIGH, "grammar.refuse_life"),
    ("не бачу сенсу жити далі", HIGH, "grammar.refuse_life"),
    ("навіщо мені прокидатися кожного ранку", HIGH, "grammar.refuse_life"),
    ("нема сенсу далі існувати", HIGH, "grammar.refuse_life"),
    ("не хочеться більше прокидатись", HIGH, "grammar.refuse_life"),
    ("втомилась жити, чесно", HIGH, "grammar.weary_life"),
    ("набридло це життя, сил нема", HIGH, "grammar.weary_life"),
    ("дістало існувати", HIGH, "grammar.weary_life"),
    ("заїбало жити так", HIGH, "grammar.weary_life"),
    ("ne khochu bilshe zhyty", HIGH, "grammar.refuse_life"),
    ("vtomylasia zhyty", HIGH, "grammar.weary_life"),
    # everyone would be better off without me, in any order
    ("рідним без мене стане легше", HIGH, "uk.self_harm.intent.burden"),
    ("всім буде простіше без мене", HIGH, "uk.self_harm.intent.burden"),
    # someone else's wish: the person word before the verb holds it
    ("сестра каже що хоче зникнути назавжди", HIGH, "grammar.other_want_death"),
    ("подруга пише що не хоче жити", HIGH, "grammar.other_refuse_life"),
    ("брат ріже собі руки, я боюся", HIGH, "grammar.other_injure"),
    # an injuring verb with the body
    ("знову порізала собі руки", HIGH, "grammar.injure_self"),
    ("ріжу стегна вже місяць", HIGH, "grammar.injure_self"),
    ("роздряпала руки до крові, не можу зупинитись", HIGH, "grammar.injure_self"),
    ("б'ю себе коли злюся", HIGH, "grammar.injure_self"),
    ("rizhu ruky znovu", HIGH, "grammar.injure_self"),
    ("porizala zapiastia vchora", HIGH, "grammar.injure_self"),
    # half the pack
    ("випила півпачки снодійного", CRITICAL, "self_harm.ingested+amount"),
    # a body state with a baby, a severity or no care
    ("малюку 2 місяці, температура 38 і він млявий", HIGH, "medical_emergency.state+infant"),
    ("немовля не бере груди і дуже кволе", HIGH, "medical_emergency.state+infant"),
    ("дитині 3 місяці, блює весь день без зупинки", HIGH, "medical_emergency.state+severe"),
    ("у дитини температура 40 і не збивається", HIGH, "medical_emergency.state+severe"),
    ("порізався болгаркою, кров ллється і не зупиняється", HIGH, "medical_emergency.state+severe"),
    ("в сина понос і блювота, лікаря нема", HIGH, "medical_emergency.state+nocare"),
    ("температура 39, в лікарні не приймають без страховки", HIGH, "medical_emergency.state+nocare"),
    ("u dytyny temperatura 40, ne zbyvaietsia", HIGH, "medical_emergency.state+severe"),
    # a lack with its item, either order; sleeping outside
    ("нема води вже три дні", HIGH, "grammar.lack_item"),
    ("у дітей закінчилась суміш і нема за що купити", HIGH, "grammar.item_lack"),
    ("нам вирубили світло і опалення, а в мене двоє дітей", HIGH, "grammar.lack_item"),
    ("сидимо без їжі з учора з дітьми", HIGH, "grammar.lack_item"),
    ("нема на що купити памперси дитині", HIGH, "grammar.lack_item"),
    ("nema yizhi dlia ditei", HIGH, "grammar.lack_item"),
    ("ночуємо на вокзалі з дитиною", HIGH, "basic_needs.outside+child"),
    ("сьогодні нема де спати, хазяйка вигнала", HIGH, "basic_needs.outside+now"),
    ("хазяйка виставила нас на вулицю з дітьми", HIGH, "basic_needs.outside+child"),
    ("nas vyhnaly z kvartyry, nemaie de nochuvaty z ditmy", HIGH, "basic_needs.outside+child"),
    # a search for a child
    ("донька загубилась на ринку", CRITICAL, "grammar.search_child"),
    ("шукаємо всюди малого, його ніде нема", CRITICAL, "grammar.search_child"),
    ("ne mozhu znaity donku", CRITICAL, "grammar.search_child"),
    # someone gone quiet, in Latin letters
    ("podruga ne vidpovidaje uzhe try dni", HIGH, "grammar.missing"),
    # an authority with its act, with a time
    ("поліція сказала що прийдуть за нами завтра", HIGH, "grammar.agent_act"),
    ("менти забрали чоловіка сьогодні", HIGH, "grammar.agent_act"),
    ("прикордонники шукають мене зараз", HIGH, "grammar.agent_act"),
    ("policija pryjde za namy zavtra", HIGH, "grammar.agent_act"),
    # a decision to deport with a deadline
    ("отримала рішення про депортацію, треба виїхати до п'ятниці", HIGH, "detention_deportation.core+soon"),
    # papers kept
    ("роботодавець забрав наші паспорти і не віддає", HIGH, "grammar.keep_docs"),
    ("бригадир тримає документи, каже відпрацюємо", HIGH, "grammar.keep_docs"),
    ("zabraly pasporty i ne viddaiut", HIGH, "grammar.keep_docs"),
    # going after someone
    ("зараз поїду до нього з ножем", CRITICAL, "harm_to_others.seek+weapon"),
    ("візьму биту і піду до нього з нею", CRITICAL, "harm_to_others.seek+weapon"),
    ("я піду розберуся з ним сьогодні", HIGH, "harm_to_others.seek+future"),
    # at a height now: the first-person present says now by itself
    ("стою на краю даху і не знаю що робити", CRITICAL, "self_harm.at_height+now"),
    ("сиджу на перилах мосту", CRITICAL, "self_harm.at_height+now"),
    ("стою на рейках", CRITICAL, "self_harm.at_height+now"),
    ("stoiu na krayu dakhu", CRITICAL, "self_harm.at_height+now"),
    ("ya na dakhu zaraz", CRITICAL, "self_harm.at_height+now"),
    # sexual violence: an advance on the writer or a child, forcing, what was done while asleep or drugged
    ("сусід пристає до доньки", HIGH, "grammar.abuse_kin"),
    ("він ліз до мене під ковдру", HIGH, "grammar.abuse_me"),
    ("він змусив мене спати з ним за житло", HIGH, "uk.violence_abuse.sexual.forced"),
    ("мене змусили переспати з хазяїном", HIGH, "uk.violence_abuse.sexual.forced"),
    ("після бару прокинулась без одягу і нічого не пам'ятаю", HIGH, "uk.violence_abuse.sexual.forced"),
    ("підсипали щось в напій, прокинулась в чужому ліжку", HIGH, "uk.violence_abuse.sexual.forced"),
]

# everyday Ukrainian with the same words: idioms, places to live, early starts, kitchen cuts, air temperatures,
# no time, blackouts by the schedule, lost phones, an embassy, a talk on arrests, terraces, games, jokes, frames
EVERYDAY = [
    "ледь не померла від сміху з цього відео",
    "хочу померти від сміху, дивись це відео",
    "хочу зникнути на тиждень у Карпати",
    "хочу зникнути з соцмереж на місяць",
    "хочу зникнути звідси, тут так нудно",
    "дуже хочу не прокинутись вчасно в суботу і виспатись",
    "хочу щоб усе закінчилось добре з документами",
    "треба щоб все закінчилось до вечора",
    "щоб не померти з голоду, купила хліба",
    "не хочу жити в гуртожитку, шукаю квартиру",
    "не хочу жити з батьками, це нормально?",
    "не хочу жити так далеко від роботи",
    "не можу жити без кави зранку",
    "не хочу прокидатися завтра на роботу",
    "втомилась від життя в місті, хочу на дачу",
    "набридло жити в хостелі",
    "набридло прокидатися о шостій на роботу",
    "навіщо мені бути тут о восьмій, якщо прийом з дев'ятої?",
    "хочу сказати що дідусь помер спокійно",
    "він хоче смерті своїм ворогам",
    "порізала руку ножем, поки різала хліб",
    "порізала ноги бритвою коли голила",
    "кіт подряпав мені руку",
    "вдарила себе по лобі коли згадала про зустріч",
    "кусаю себе за лікті що не поїхала",
    "у сина температура 37 і нежить, що дати?",
    "температура повітря сьогодні 39, спека",
    "в квартирі температура 16, холодно",
    "кров з носа треба здати звіт до п'ятниці",
    "у малюка 37.5, лікар сказав нормально",
    "нема часу їсти на роботі",
    "каву без молока будь ласка",
    "воду без газу будь ласка для дитини",
    "світла нема по графіку до восьмої",
    "у нас закінчилось молоко, піду куплю",
    "дитина не хоче нічого їсти, але п'є нормально",
    "влітку спимо на вулиці в наметі з дітьми",
    "нема куди піти ввечері, нудно",
    "нас вигнали з уроку за розмови",
    "діти граються на вулиці",
    "бездомні собаки бігають біля хостелу",
    "не можу знайти його номер телефону",
    "загубився телефон в автобусі",
    "донька загубила телефон",
    "в школі поліцейські розповідали як затримують злочинців",
    "рейс затримали на дві години",
    "забрала паспорт з посольства сьогодні",
    "у мене паспорт забрали на продовження",
    "сховала паспорт в сейф",
    "я на даху кафе, тут гарний вид",
    "я на даху сушу білизну",
    "сиджу на краю ліжка і думаю що вдягнути",
    "виліз на дах полагодити антену",
    "син лізе до мене на руки",
    "сестра пристає з питаннями про роботу",
    "тато змусив мене прибрати кімнату",
    "на роботі не платять понаднормові, що робити?",
    "мене знову вбили в доті",
    "сьогодні на тренуванні мене просто вбили",
    "ти мене вбиваєш своїми жартами 😂",
    "я тебе вб'ю якщо не прийдеш, жартую",
    "khochu znyknuty na vykhidni",
    "ne hochu zhyty v hurtozhytku",
    "zabrala pasport z posolstva",
    "temperatura povitria 39",
]

# the same words framed: said to the reader, denied, a closed past, a book; still a category, never urgent
FRAMED = [
    "якщо тобі хочеться зникнути, поговори з кимось",
    "колись давно не хотіла жити, зараз все добре",
    "kolys davno nas vyhnaly z kvartyry, zaraz vse dobre",
    "я не хочу помирати, просто втомилась",
    "в книзі героїня хоче померти",
]


@pytest.fixture(scope="module")
def uk_only() -> LanguageMatcher:
    """The Ukrainian lexicon alone: Cyrillic text is read by the Russian one too, so this shows the
    evidence is Ukrainian (the test fails without the uk tables, whatever ru.toml holds)."""
    manifest = load_manifest()
    return LanguageMatcher(load_language("uk", manifest), manifest)


def _uk_concepts(matcher: LanguageMatcher, text: str) -> set[str]:
    return {hit.concept for hit in matcher.hits(normalize(text))[0]}


@pytest.mark.parametrize(("text", "level", "rule"), DISCLOSURES, ids=[t for t, _, _ in DISCLOSURES])
def test_grammar_of_distress_reads_the_parts(
    triage: Triage, uk_only: LanguageMatcher, text: str, level: Level, rule: str
) -> None:
    result = triage.assess(text, "uk")
    assert result.level == level, result.rules
    assert rule in result.rules, result.rules
    assert PARTS.get(rule, set()) <= _uk_concepts(uk_only, text)


@pytest.mark.parametrize("text", EVERYDAY, ids=EVERYDAY)
def test_everyday_distress_words_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "uk")
    assert result.level in (NORMAL, LOW), result.rules


@pytest.mark.parametrize("text", FRAMED, ids=FRAMED)
def test_framed_distress_is_not_urgent(triage: Triage, text: str) -> None:
    result = triage.assess(text, "uk")
    assert result.level == NORMAL, result.rules
    assert not {"self_harm.intent", "basic_needs.outside+now"} & set(result.rules), result.rules


def test_someone_elses_wish_is_a_third_party(triage: Triage) -> None:
    result = triage.assess("мама каже що хоче вмерти", "uk")
    assert result.level == HIGH
    assert {"grammar.other_want_death", "self_harm.third_party"} <= set(result.rules)
    # the writer's own risk only: the same line is left out
    assert triage.assess("мама каже що хоче вмерти", "uk", third_party=False).level == NORMAL


def test_a_joke_marker_discounts_killing_words_but_never_a_wish_to_die(triage: Triage) -> None:
    # the same threat, with and without an explicit joke marker in its sentence
    joke = triage.assess("шеф мене вб'є за цей звіт 😂", "uk")
    assert joke.level == NORMAL
    assert "uk.harm.lethal_future.will_kill.joke" in joke.rules
    assert triage.assess("шеф мене вб'є за цей звіт", "uk").level == HIGH
    # "я не жартую" (I'm not joking) holds the joke word and says the opposite
    assert triage.assess("він мене вб'є я не жартую", "uk").level == HIGH
    # a wish to die laughed off is still a wish to die
    laughed = triage.assess("хочу заснути назавжди 😂", "uk")
    assert laughed.level == HIGH
    assert "grammar.want_death" in laughed.rules


def test_a_present_at_a_height_is_now_but_a_terrace_is_not(triage: Triage) -> None:
    assert triage.assess("стою на даху", "uk").level == CRITICAL
    assert triage.assess("я на даху", "uk").level == NORMAL
