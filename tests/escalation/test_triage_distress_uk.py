"""The grammar of distress in Ukrainian (Cyrillic, surzhyk and Latin letters): a wish with its death, a refusal or a
weariness with a life word, an injuring verb with the body, a body state with a baby, a severity or no care, a lack
with its item, sleeping outside, a search for a child, an authority with its act, papers kept, going after someone and
being at a height now, instead of one phrase each; everyday lines with the same words stay normal."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from core.levels import Level
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


# ---- round 2 (2026.12.2): harm to others, missing persons, violence told indirectly, medical,
# self-harm in own words ----
# the Ukrainian concepts the round-2 rules read
PARTS_2 = {
    "grammar.them_intent": {"target.them_pre", "harm.lethal_future"},
    "grammar.intent_them": {"target.them"},
    "grammar.threat_them_lethal": {"modal.threat", "harm.lethal", "target.them_pre"},
    "harm_to_others.seek+weapon": {"harm.seek", "harm_to_others.weapon"},
    "grammar.abuse_kin": {"harm.abuse", "target.kin"},
    "grammar.search_child": {"missing.search", "person.child"},
    "grammar.missing": {"who.other", "missing.absent", "time.duration"},
    "grammar.docs_kept": {"traffic.docs", "traffic.keep"},
    "self_harm.plan+means": {"plan.plan", "self_harm.means"},
    "self_harm.ingested+amount": {"self_harm.ingest", "self_harm.means", "self_harm.amount"},
    "self_harm.at_height+now": {"self_harm.at_height", "time.now"},
    "self_harm.at_height+hopeless": {"self_harm.at_height"},
    "medical_emergency.state+nocare": {"body.state", "body.nocare"},
    "medical_emergency.state+severe": {"body.state"},
    "basic_needs.outside+child": {"need.outside", "person.child"},
    "basic_needs.lack+child": {"basic_needs.lack", "person.child"},
    "detention_deportation.core+soon": {"detention_deportation.core", "time.soon"},
}

DISCLOSURES_2 = [
    # the writer's or someone close's intent to hurt another: a perfective future, an urge with the object
    # before the verb
    ("я його покалічу, якщо він ще раз підійде до сестри", HIGH, "grammar.them_intent"),
    ("сусід сказав що приб'є її, якщо вона не замовкне", HIGH, "grammar.intent_them"),
    ("так хочеться його вдарити, аж руки трусяться", HIGH, "grammar.threat_them_lethal"),
    ("хочу вдарити свекруху, вже не витримую", HIGH, "grammar.intent_them"),
    ("ya yoho pokalichu", HIGH, "grammar.them_intent"),
    ("переламаю йому ноги, якщо ще раз її зачепить", HIGH, "uk.harm_to_others.threat.maim"),
    ("каже що поріже всіх у гуртожитку", HIGH, "uk.harm_to_others.threat.maim"),
    ("боюся що щось зроблю дитині, коли вона кричить, я на межі", HIGH, "uk.harm_to_others.threat.maim"),
    ("він за все поплатиться, я вже купив пістолет", CRITICAL, "harm_to_others.threat+weapon"),
    ("підпалю його машину сьогодні вночі", CRITICAL, "harm_to_others.threat+time"),
    # going to someone or waiting for them, with a weapon
    ("брат взяв сокиру і пішов до нього, я не можу його зупинити", CRITICAL, "harm_to_others.seek+weapon"),
    ("чекаю його під під'їздом з битою", CRITICAL, "harm_to_others.seek+weapon"),
    ("в мене є ніж і я знаю де він живе", CRITICAL, "harm_to_others.seek+weapon"),
    ("боюся що він щось їй зробить, він сам не свій", HIGH, "uk.harm_to_others.threat.maim"),
    # an attack stopped at the last moment: the negation is part of the phrase
    ("вчора ледь не вдарила молодшого, сама себе злякалась", HIGH, "grammar.abuse_kin"),
    # a child not found now, the object before the verb; someone gone quiet, a last sign of life, days of silence
    ("сина не можу знайти на вокзалі, йому 7", CRITICAL, "grammar.search_child"),
    ("не бачу її ніде, щойно була біля каруселі, доньці 4 роки", CRITICAL, "grammar.search_child"),
    ("малий не прийшов з тренування, вже темно", CRITICAL, "grammar.search_child"),
    ("ne mozhu znaity dotsiu, vona bula tut", CRITICAL, "grammar.search_child"),
    ("брат перестав відповідати ще з понеділка, це на нього не схоже", HIGH, "grammar.missing"),
    ("мій чоловік так і не повернувся з заробітків, вже три тижні", HIGH, "grammar.missing"),
    ("від сестри тиша вже чотири дні, я не знаю що думати", HIGH, "grammar.missing"),
    ("подруга востаннє була онлайн у п'ятницю, з того часу нічого", HIGH, "grammar.missing"),
    ("brat perestav vidpovidaty z ponedilka", HIGH, "grammar.missing"),
    ("вже тиждень ні слуху ні духу від брата", HIGH, "uk.missing_person.missing.silence_days"),
    ("мій чоловік пішов на роботу і не повернувся", HIGH, "uk.missing_person.missing.silence_days"),
    ("сестра не ночувала вдома, телефон вимкнений", HIGH, "uk.missing_person.missing.silence_days"),
    ("подали заяву про зникнення, а поліція нічого не робить", HIGH, "uk.missing_person.missing.silence_days"),
    # violence and abuse told indirectly: someone at the door now, stalking, what an adult "does", sex for rent,
    # the family threatened, a forced marriage
    ("він зараз під дверима і кричить", CRITICAL, "violence_abuse.danger+now"),
    ("колишній вистежив мене, стоїть біля притулку", HIGH, "uk.violence_abuse.danger_here.outside"),
    ("вітчим робить зі мною погані речі, коли мами нема", HIGH, "uk.violence_abuse.sexual.coerced"),
    ("хазяїн натякає на секс замість оплати за кімнату", HIGH, "uk.violence_abuse.sexual.coerced"),
    ("хазяїн каже що як не буду з ним спати то виселить", HIGH, "uk.violence_abuse.sexual.coerced"),
    ("погрожують що доберуться до доньки, якщо не заплачу", HIGH, "uk.violence_abuse.threat_to_me.kin_threat"),
    ("мене силою видали заміж за чужу людину", HIGH, "uk.violence_abuse.abuse.forced_marriage"),
    ("він схопив мене за горло і тряс", HIGH, "uk.violence_abuse.abuse.seized"),
    # exploitation: papers with the foreman, confined, owing the journey, sold to men
    ("нас возять на завод, паспорти у бригадира", HIGH, "grammar.docs_kept"),
    ("нас не випускають з квартири, кажуть ми винні за дорогу", HIGH, "uk.trafficking_exploitation.core.confined"),
    ("змушують приймати клієнтів щоночі", HIGH, "uk.trafficking_exploitation.core.confined"),
    # self-harm in the writer's own words
    ("боюсь що щось собі зроблю цієї ночі", CRITICAL, "self_harm.intent+time"),
    ("скоро мене не стане, так буде краще", CRITICAL, "self_harm.intent+time"),
    ("покінчу з усім цим, мені вже все одно", HIGH, "uk.self_harm.intent.end_it"),
    ("вночі все закінчиться, не відговорюйте мене", CRITICAL, "self_harm.intent+farewell"),
    ("знову ріжусь, вже не можу зупинитись", HIGH, "uk.self_harm.act.reflexive"),
    ("почала пекти себе запальничкою", HIGH, "uk.self_harm.act.burn"),
    ("висипала всі таблетки на стіл і дивлюсь на них", HIGH, "self_harm.plan+means"),
    ("наковталась маминих таблеток, всю пачку", CRITICAL, "self_harm.ingested+amount"),
    ("стою на мосту і дивлюсь вниз", CRITICAL, "self_harm.at_height+now"),
    ("stoyu na mostu", CRITICAL, "self_harm.at_height+now"),
    # medical: blue lips, a fever the medicine does not bring down with no doctor, a fall, a blow to the head
    ("у тата губи посиніли і він ледве дихає", CRITICAL, "uk.medical_emergency.acute.blue"),
    ("жарознижуюче не збиває, ми в таборі і медика нема", HIGH, "medical_emergency.state+nocare"),
    ("мама впала і не може встати, лікаря тут нема", HIGH, "medical_emergency.state+nocare"),
    ("син вдарився головою і блює вже двічі", HIGH, "uk.medical_emergency.urgent.head_injury"),
    ("у мами перекосило обличчя і вона не може говорити", CRITICAL, "uk.medical_emergency.acute.blue"),
    ("малий проковтнув бабусині таблетки", HIGH, "uk.medical_emergency.urgent.head_injury"),
    # basic needs and detention
    ("нема чим годувати дітей, гроші скінчились", HIGH, "basic_needs.lack+child"),
    ("хазяйка сказала що викине нас з дітьми в неділю", HIGH, "basic_needs.outside+child"),
    ("чоловіка перевели в депортаційну тюрму, завтра літак", HIGH, "detention_deportation.core+soon"),
]

# everyday Ukrainian with the round-2 words: a cake to cut, a shelf to nail, a tax that "hits", a queue that "kills",
# a lost pet, a visit, a commute over a bridge, a cosy window sill, letters home, goodbyes at work, papers at the
# embassy or with the employer for a visa, a school list, a game, blue lips after a swim, a diet, an air-raid alert
EVERYDAY_2 = [
    "купила торт, ввечері поріжу його",
    "поріжу цибулю і моркву для супу",
    "тато обіцяв прибити полицю в коридорі",
    "хочеться прибити цього комара",
    "податок вдарить нас по кишені",
    "ця черга мене вб'є, стою вже дві години",
    "екзамен мене вб'є",
    "мене на роботі вбивають дедлайни",
    "мама мене приб'є якщо дізнається про двійку 😂",
    "наш пес втік два дні тому, може хтось бачив",
    "у нас кіт загубився, діти плачуть",
    "nash kit propav dva dni tomu",
    "чекаю його з роботи, вже скоро буде",
    "йду до нього в гості на чай",
    "на сьогодні все. дякую за допомогу",
    "сьогодні вночі все буде спокійно, обіцяли без тривог",
    "я на мосту, скоро буду",
    "сиджу на підвіконні і п'ю каву",
    "набрала в аптеці ліків для дітей",
    "з'їла таблетку від голови",
    "написала листи мамі і сестрі з Польщі, як у них справи",
    "попрощалась з усіма на роботі, завтра переїжджаю",
    "не шукайте мене сьогодні, я на дачі без зв'язку",
    "будь ласка, не відмовляйте мені, потрібна допомога з документами",
    "подруга не читає повідомлення, мабуть зайнята",
    "брат поїхав у відрядження, вже 5 днів тиша в квартирі",
    "син пішов з дому зранку на роботу, повернеться ввечері",
    "мій чоловік поїхав на роботу, повернеться ввечері",
    "не бачу його ніде в списку, де подивитись номер заяви для сина?",
    "доньку не можу знайти в списках зарахованих до школи",
    "не можу знайти садочок для доньки",
    "паспорти у роботодавця на оформленні візи",
    "таксі висадить нас біля вокзалу з дітьми",
    "нам кажуть що виходити не можна через тривогу",
    "боюся що не встигну до п'ятниці",
    "знову ріжусь у доту з друзями",
    "печу собі пиріг на вихідні",
    "у дитини губи посиніли від холоду після купання",
    "щось з собою зробити з волоссям хочу, може підстригтись",
    "їмо раз на день, бо на дієті",
    "тато вдарився головою на роботі, все нормально",
    "хочу його обійняти і більше не відпускати",
    "я не ночувала вдома, була в подруги",
    "знаю де він живе, завтра зайду в гості",
    "кіт кинувся на мене",
    "малий проковтнув жуйку, це небезпечно?",
]


def test_an_almost_is_no_denial_but_a_plain_negation_is(triage: Triage) -> None:
    # "ледь не вдарила" (nearly hit) carries its own "не"; "не вдарила" denies
    assert triage.assess("ледь не вдарила сина", "uk").level == HIGH
    assert triage.assess("я не вдарила сина", "uk").level == NORMAL


def test_a_bridge_in_traffic_is_not_standing_on_a_bridge(triage: Triage) -> None:
    # the Ukrainian reading of "стою на мосту" is masked in traffic; ru.toml still reads it as a method (see the report)
    rules = triage.assess("стою на мосту в пробці", "uk").rules
    assert "uk.self_harm.at_height.bridge" not in rules, rules
    assert "self_harm.at_height+now" not in rules, rules


# ---- round 3 (2026.12.3): a message left so someone knows, the writer gone unnoticed, an ending at night, swallowing
# by the handful, a noose made ready, cigarettes and blades on the arms, the urge to hurt told with "боляче", a death
# foretold, a stranger following, a night visit, shut in a room, a guard at the door, a debt to work off, a wound gone
# bad with no doctor, an expulsion said in the present, a child who never arrived ----
# the Ukrainian concepts the round-3 rules read
PARTS_3 = {
    "self_harm.hopeless+means": {"self_harm.hopeless", "self_harm.means"},
    "self_harm.at_height+hopeless": {"self_harm.at_height", "self_harm.hopeless"},
    "self_harm.intent+plan": {"plan.plan"},
    "self_harm.farewell+means": {"self_harm.farewell", "self_harm.means"},
    "self_harm.hopeless+topic": {"self_harm.hopeless", "self_harm.topic"},
    "self_harm.ingested+amount": {"self_harm.ingest", "self_harm.means", "self_harm.amount"},
    "self_harm.method+means": {"self_harm.method", "self_harm.means"},
    "self_harm.at_height+now": {"self_harm.at_height", "time.now"},
    "grammar.refuse_life": {"wish.refuse", "wish.life"},
    "grammar.want_death": {"wish.want", "wish.death"},
    "grammar.intent_them": {"target.them"},
    "grammar.want_them_abuse": {"wish.want", "harm.abuse_them"},
    "harm_to_others.seek+weapon": {"harm.seek", "harm_to_others.weapon"},
    "grammar.me_abuse": {"target.me_pre", "harm.abuse"},
    "medical_emergency.state+nocare": {"body.state", "body.nocare"},
    "medical_emergency.state+severe": {"body.state", "body.severe"},
    "medical_emergency.state+infant": {"body.state", "body.infant"},
    "detention_deportation.core+soon": {"time.soon"},
    "grammar.search_child": {"missing.search", "person.child"},
    "grammar.missing": {"who.other", "missing.absent", "time.duration"},
}

DISCLOSURES_3 = [
    # a message left so that someone knows, next to a means, an intent or at a height
    ("у мене в руці повна жменя снодійного, хочу щоб хтось знав", HIGH, "self_harm.hopeless+means"),
    ("перелізла через перила мосту. хочу щоб хоч хтось знав", CRITICAL, "self_harm.at_height+hopeless"),
    ("хочу померти, пишу це щоб хтось знав", CRITICAL, "self_harm.intent+plan"),
    ("снодійне вже в руці, я просто хотів щоб хтось знав", CRITICAL, "self_harm.farewell+means"),
    # the writer gone and nobody noticing
    ("якщо мене не стане, ніхто б і не помітив", HIGH, "self_harm.hopeless+topic"),
    ("якби я щезла, ніхто б за мною не сумував", HIGH, "self_harm.hopeless+topic"),
    # an ending at night, an end to everything, suicide as an act
    ("цієї ночі закінчу все, я дуже втомилась", CRITICAL, "self_harm.intent+time"),
    ("вночі з усім покінчу, ніхто й не дізнається", CRITICAL, "self_harm.intent+time"),
    ("покладу всьому край, сил моїх нема", HIGH, "uk.self_harm.intent.round3"),
    ("вже місяць планую суїцид", HIGH, "uk.self_harm.intent.round3"),
    # swallowing by the handful, a blister strip, a noose made ready, a place first at a height
    ("наглоталась снодійного і лягла", CRITICAL, "self_harm.ingested+amount"),
    ("nakovtavsia tabletok i prosto lezhu", CRITICAL, "self_harm.ingested+amount"),
    ("проковтнула цілу пластинку таблеток від тиску", CRITICAL, "self_harm.ingested+amount"),
    ("зав'язала петлю і сиджу поруч з нею", CRITICAL, "self_harm.method+means"),
    ("на краю даху сиджу і не знаю що робити", CRITICAL, "self_harm.at_height+now"),
    ("думаю отруїтись, нічого не хочу", HIGH, "uk.self_harm.method.round3b"),
    # the writer's own words for not living and for hurting themselves
    ("не бачу жодної причини жити далі", HIGH, "grammar.refuse_life"),
    ("хочу щоб мене просто не стало", HIGH, "grammar.want_death"),
    ("знов тушила сигарету об зап'ястя", HIGH, "uk.self_harm.act.round3"),
    ("провела лезом по руках кілька разів, ніхто не бачить", HIGH, "uk.self_harm.act.round3"),
    # farewells: the last day of a life, someone giving their own things away, just wanting to say goodbye
    ("сьогодні останній день мого життя, дякую всім", HIGH, "self_harm.farewell"),
    ("сестра останнім часом роздає свої улюблені речі", HIGH, "self_harm.third_party"),
    ("хотів просто попрощатися, більше не напишу", HIGH, "self_harm.farewell"),
    # the urge to hurt someone, with "боляче" and a dative object; a fear of one's own "someday" is no closed past
    ("серйозно думаю зробити боляче сусіду", HIGH, "grammar.intent_them"),
    ("так хочеться зробити йому боляче за все", HIGH, "grammar.want_them_abuse"),
    ("боюся що колись вдарю свекруху, я себе не контролюю", HIGH, "grammar.intent_them"),
    ("зроблю їй боляче, хай знає", HIGH, "uk.harm_to_others.threat.round3"),
    # going after "that one" or waiting for a named person, with a weapon
    ("тато взяв рушницю і чекає сусіда біля воріт", CRITICAL, "harm_to_others.seek+weapon"),
    ("чоловік узяв сокиру і поїхав до того, хто його обдурив", CRITICAL, "harm_to_others.seek+weapon"),
    # a death foretold, a stranger following, a night visit, waking in torn clothes, shut in
    ("він п'яний з ножем, кричить що я не доживу до ранку", CRITICAL, "violence_abuse.threat+weapon"),
    ("сказав що живою звідси не вийдеш і замкнув двері", HIGH, "uk.violence_abuse.threat_to_me.round3"),
    ("якийсь тип іде за мною вже кілька кварталів", HIGH, "uk.violence_abuse.danger_here.round3"),
    ("мамин співмешканець лізе вночі в мою кімнату", HIGH, "uk.violence_abuse.sexual.round3"),
    ("прокинулась у порваному одязі в чужій квартирі", HIGH, "uk.violence_abuse.sexual.round3"),
    ("мене закрили в підвалі і не випускають", HIGH, "grammar.me_abuse"),
    ("вже годину під дверима якийсь чоловік з ножем", CRITICAL, "violence_abuse.danger+weapon"),
    # guarded, a debt to work off
    ("нас стережуть і не дають вийти з квартири", HIGH, "uk.trafficking_exploitation.core.round3"),
    ("тепер кажуть відпрацьовувати борг за квиток", HIGH, "uk.trafficking_exploitation.core.round3"),
    # medical: someone choking, a wound gone bad with no doctor, a break, a swelling that stops walking, a baby
    ("малий подавився і не може дихати", CRITICAL, "medical_emergency.acute"),
    ("нога гноїться вже тиждень, а до лікаря не можу", HIGH, "medical_emergency.state+nocare"),
    ("зламав руку на будові, бригадир каже не йти до лікаря", HIGH, "medical_emergency.state+nocare"),
    ("нога набрякла і почорніла, не можу ходити", HIGH, "medical_emergency.state+severe"),
    ("син 3 місяці, температура 38 з ранку", HIGH, "medical_emergency.state+infant"),
    # detention: the writer's own expulsion in the present, someone taken to a station, a deadline
    ("нас висилають з країни, що нам робити", HIGH, "detention_deportation.imminent"),
    ("брата вчора забрали у відділок і нічого не кажуть", HIGH, "detention_deportation.imminent"),
    ("прийшло рішення про видворення, дали час до кінця місяця", HIGH, "detention_deportation.core+soon"),
    # a child not found with a possessive between, a child who set out and never arrived, out of touch since yesterday
    ("не можу знайти свого сина на ринку, йому 5", CRITICAL, "grammar.search_child"),
    ("донька пішла на тренування і не дійшла", CRITICAL, "grammar.search_child"),
    ("брат не вийшов на зв'язок з вчорашнього дня", HIGH, "grammar.missing"),
]

# everyday Ukrainian with the round-3 words: a lecture topic, appetite, a parcel and sleep that "disappear", clothes
# given away, a course to tell people about, a night spent finishing a renovation, a shop closed, a blocked nose,
# thoughts of a holiday, a neighbour with the keys, a swelling after a flight, an old break, a cat not found, a child
# looked up in a list, goodbyes at work, a past told a year on, a Thursday appointment, a fear of missing a train
EVERYDAY_3 = [
    "на парах обговорювали суїцид як соціальне явище",
    "у мене пропав апетит після хвороби",
    "пропала посилка на пошті, що робити?",
    "зник сон, може порадите заспокійливий чай",
    "роздаю дитячий одяг, з якого донька виросла",
    "хочу щоб хтось знав про цей безкоштовний курс",
    "просто хочу щоб хтось знав що я вдячна за допомогу",
    "мене висилають у відрядження до Львова",
    "набрала ліків дітям в аптеці",
    "вночі все закінчу з ремонтом і ляжу спати",
    "покладу край цим суперечкам з сусідами",
    "нас закрили на карантин на два тижні",
    "магазин біля дому закрили на ремонт",
    "у малого закладений ніс, не може дихати носом",
    "думки про відпустку не дають спати",
    "серйозно думаю змінити роботу",
    "не бачу причини йти на цю нараду",
    "чекаю сусіда, щоб віддати ключі",
    "йду до того магазину на розі",
    "нога трохи опухла після перельоту",
    "зламала руку минулого року, вже все добре",
    "не можу знайти свого кота, діти засмучені",
    "не можу знайти свою дитину в списку на сайті школи",
    "попрощалась з колегами, завтра переїжджаю",
    "пів року тому наковталась пігулок, зараз усе гаразд",
    "в четвер йду з дитиною до лікаря",
    "боюся що не встигну на потяг",
    "замкнула двері на ключ і пішла на роботу",
    "дитині 3 роки, трохи нежить",
    "ya na dakhu kafe z podruhoiu",
]


# every round's disclosures with the parts its tables must hold for the rule that carries them
READINGS = [
    pytest.param(text, level, rule, parts.get(rule, set()), id=text)
    for table, parts in ((DISCLOSURES, PARTS), (DISCLOSURES_2, PARTS_2), (DISCLOSURES_3, PARTS_3))
    for text, level, rule in table
]


@pytest.mark.parametrize(("text", "level", "rule", "parts"), READINGS)
def test_grammar_of_distress_reads_the_parts(
    triage: Triage, uk_concepts: Callable[[str], set[str]], text: str, level: Level, rule: str, parts: set[str]
) -> None:
    result = triage.assess(text, "uk")
    assert result.level == level, result.rules
    assert rule in result.rules, result.rules
    assert parts <= uk_concepts(text)


@pytest.mark.parametrize("text", [pytest.param(t, id=t) for t in EVERYDAY + EVERYDAY_2 + EVERYDAY_3])
def test_everyday_distress_words_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "uk")
    assert result.level in (NORMAL, LOW), result.rules


def test_the_bare_word_for_suicide_names_a_topic(triage: Triage) -> None:
    # "суїцид" alone is the subject of a lecture; thinking of it, or planning it, is still the writer's own
    assert triage.assess("na parakh obhovoriuvaly suitsyd yak yavyshche", "uk").level == NORMAL
    assert triage.assess("думаю про суїцид кожен день", "uk").level == HIGH


def test_shut_in_needs_a_place_not_a_closed_shop(triage: Triage) -> None:
    # "нас закрили" is a shop on a Monday or a class in quarantine; in a room or a cellar it is abuse
    assert triage.assess("нас закрили в понеділок через перевірку", "uk").level == NORMAL
    assert triage.assess("мене закрили в гаражі на всю ніч", "uk").level == HIGH


def test_a_fear_of_someday_is_not_a_closed_past(triage: Triage) -> None:
    # "колись" is "once" and "someday": with a fear in the sentence it is no recovery story
    assert triage.assess("боюся що колись вдарю дружину", "uk").level == HIGH
    assert triage.assess("колись давно вдарив дружину, зараз ходжу до психолога", "uk").level == NORMAL
