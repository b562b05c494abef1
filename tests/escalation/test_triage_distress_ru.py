"""The grammar of distress in Russian (Cyrillic and Latin transliteration): risks said in the writer's own words.

Each disclosure names the rule that must carry it (a `grammar.*` rule, a body, need, search, height or
seek rule, or one of the new Russian phrase groups), so it fails without the ru tables of wish.*,
injure.*, body.*, need.*, missing.search, detain.*, traffic.*, harm.seek and self_harm.at_height. The
everyday lines use the same words (dying of boredom, a place to live, an early alarm, a kitchen cut, a
lost cat, the police at a school talk, a passport at the consulate, a rooftop bar) and must stay ordinary.

The second block (round 2) covers harm to others (an urge with the pronoun before the verb, a dative, a body
part, a restraint, a fear of one's own act, going after someone with a tool), missing persons (gone and not
back, not home for the night, silence since a day), violence told indirectly, medical emergencies told by
their signs, and the writer's own words ("всем без меня станет легче", "снова режусь"); its everyday lines
are the misreadings those words invite.

The third block (round 3, all eight categories) covers the writer gone ("если меня не станет"), ending it at night,
cigarettes put out on the body, "just so someone knows", urges told by picturing or thinking seriously of them,
threats by allusion, being followed, a collapse with no answer, a doctor forbidden, the migration service used as a
threat, people held where nobody says and durations counted in days; its everyday lines include a parent's "убьет"
over a bill and a fever asked about after a vaccine.
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


# ---- round 2: harm to others, missing persons, violence told indirectly, medical emergencies, the writer's
# own words for self-harm. Each disclosure fails against the round-1 tables.
DISCLOSURES_2 = [
    # the writer's own urge: the pronoun between the desire and the verb, a dative, a body part, a restraint
    ("хочу его избить до полусмерти", HIGH, "grammar.threat_them_lethal"),
    ("так и хочется ей врезать", HIGH, "grammar.threat_them_lethal"),
    ("руки чешутся ему вмазать", HIGH, "grammar.threat_them_lethal"),
    ("ya ego izobyu kak tolko uvizhu", HIGH, "grammar.them_intent"),
    ("я этому уроду сломаю челюсть", HIGH, "ru.harm_to_others.threat.body"),
    ("разобью ему морду когда встречу", HIGH, "ru.harm_to_others.threat.body"),
    ("еле сдерживаюсь чтобы не ударить сына", HIGH, "grammar.want_abuse"),
    ("боюсь что ударю дочку, она всё время кричит", HIGH, "grammar.future_abuse"),
    ("у меня навязчивые мысли причинить вред малышу", HIGH, "grammar.intent_kin"),
    # someone close about to hurt another, going after someone with a tool
    ("грозится: если уйду, найдет и прирежет", HIGH, "ru.violence_abuse.threat_to_me.find_and_kill"),
    ("сестра пишет что её парень грозится избить её брата", HIGH, "grammar.intent_them"),
    ("муж схватил монтировку и поехал к бывшему", CRITICAL, "harm_to_others.seek+weapon"),
    ("взял травмат и поехал к ней домой", CRITICAL, "harm_to_others.seek+weapon"),
    # violence told indirectly: a threat shouted at the door, a weapon raised, a broken nose, hidden bruises
    ("тесть орет что убьет, ломится в комнату", CRITICAL, "ru.violence_abuse.threat_to_me.shouted"),
    ("он гоняется за мной с топором", CRITICAL, "violence_abuse.danger+weapon"),
    ("ostorozhno, on sejchas za mnoj s nozhom", CRITICAL, "ru.violence_abuse.danger_here.weapon_at_me"),
    ("он сломал мне нос, а потом сказал что я сама виновата", HIGH, "ru.violence_abuse.abuse.indirect"),
    ("толкнул меня с лестницы и ушел спать", HIGH, "ru.violence_abuse.abuse.indirect"),
    ("он как выпьет бьет, сегодня опять пришел пьяный", CRITICAL, "ru.violence_abuse.abuse.indirect"),
    # missing: gone and not come back, not back from practice, not home for the night, silence since
    ("сын ушел на секундочку в магазин и не вернулся", CRITICAL, "ru.missing_person.missing.left"),
    ("дочка не вернулась с тренировки, телефон молчит", CRITICAL, "grammar.search_child"),
    ("сын не пришел домой ночевать и не берет трубку", CRITICAL, "grammar.search_child"),
    ("от мамы с понедельника ни одного сообщения", HIGH, "grammar.missing"),
    ("sestra uehala na rabotu v Polshu, i tishina uzhe nedelyu", HIGH, "grammar.missing"),
    ("мы подали в розыск, брата нет с пятницы", HIGH, "ru.missing_person.missing.left"),
    # the writer's own words: better off without me, a reflexive cut, a verb in transliteration
    ("всем без меня станет легче", HIGH, "ru.self_harm.intent.burden"),
    ("без меня семье будет проще, я только мешаю", HIGH, "ru.self_harm.intent.burden"),
    ("снова режусь, уже не прячу", HIGH, "ru.self_harm.act.round2"),
    ("nachala opyat rezat ruki", HIGH, "grammar.injure_self"),
    ("сижу на подоконнике, окно открыла", CRITICAL, "self_harm.at_height+now"),
    ("выпила всё из аптечки, что нашла", CRITICAL, "self_harm.ingested+amount"),
    # medical: anaphylaxis, a fall that leaves someone down, a stroke, magnets swallowed, a fall from a balcony
    ("у малыша отекает горло после орехов", CRITICAL, "ru.medical_emergency.acute.round2"),
    ("дедушка упал и не встает, хрипит", CRITICAL, "ru.medical_emergency.acute.round2"),
    ("мама говорит невнятно и лицо перекосило", HIGH, "ru.medical_emergency.urgent.round2"),
    ("сын проглотил магнитики, живот болит", HIGH, "ru.medical_emergency.urgent.round2"),
    ("дочка выпала с балкона второго этажа", CRITICAL, "ru.medical_emergency.acute.round2"),
    # going without, sleeping out, debt bondage, held in a detention centre
    ("bez vody tretij den, deti plachut", HIGH, "basic_needs.without+duration"),
    ("spim v mashine s detmi tretyu noch", HIGH, "basic_needs.outside+duration"),
    ("живем в машине всей семьей уже месяц", HIGH, "basic_needs.outside+duration"),
    ("говорят мы должны за визу и пока не отработаем домой не отпустят", HIGH, "ru.trafficking_exploitation.core.debt"),
    ("брата увезли в спецприемник, держат уже третьи сутки", HIGH, "detention_deportation.core+duration"),
]

EVERYDAY_2 = [
    # a thing that "kills", venting someday, a hug, a ball, a lock, a fear of stage fright
    "эта бюрократия меня убивает, сколько можно справок",
    "дедлайны меня убивают, но ничего, прорвемся",
    "я брата когда-нибудь прибью, опять взял мою зарядку 🙄",
    "задушу тебя в объятиях когда приедешь!",
    "хочу ударить по мячу так чтобы улетел за поле",
    "боюсь что ударю в грязь лицом на выступлении",
    "мастер придет врезать новый замок",
    # a dose question, a vaccine question
    "боюсь навредить ребенку жаропонижающим, какая доза?",
    "не навредит ли малышу прививка от гриппа",
    # a grandfather lost in the war, a cat, a network out, a student's topic, a denial
    "дедушка ушел на войну и не вернулся, мы храним его письма",
    "кот ушел и не вернулся, расклеили объявления",
    "абонент недоступен из за плохой связи в горах",
    "подруга пропала из соцсетей, наверное в отпуске",
    "пишу курсовую по домашнему насилию, нужны источники",
    "нет никаких мыслей о самоубийстве, просто плохо сплю",
    # coffee without milk, water without gas, a game played hard, children playing outside, an icicle
    "кофе без молока и сахара, пожалуйста",
    "купила детям воду без газа",
    "режусь в доту с братом до утра",
    "дети играют на улице с соседскими ребятами",
    "сосулька упала с крыши прямо у подъезда",
    # a debt to a friend, phones kept in class, a window opened to air a room, anxiety before an exam
    "должна за билеты подруге, как лучше перевести",
    "в школе забирают телефоны на урок, это законно?",
    "открыла окно проветрить комнату перед сном",
    "у меня давит в груди от тревоги перед экзаменом",
    # a present for mum, alimony through a lawyer, a brother in prison and a parcel
    "ищем маме подарок на юбилей",
    "разберусь с бывшим насчет алиментов через юриста",
    "брат в тюрьме, как отправить ему посылку?",
]


def test_a_fear_of_dying_is_no_wish_to_die(triage: Triage) -> None:
    # "боюсь что" is a future before one's own act ("боюсь что ударю"), never a desire before a death
    assert triage.assess("боюсь умереть во время операции", "ru").level == NORMAL
    assert triage.assess("боюсь не проснуться после наркоза", "ru").level == NORMAL


def test_thanks_in_full_is_low(triage: Triage) -> None:
    assert triage.assess("спасибо огромное", "ru").level == LOW


# ---- round 3: a development set over all eight categories. Each disclosure fails against the round-2 tables;
# several everyday lines were urgent on them (a parent's "убьет", a fever asked about, a five-letter laugh).
DISCLOSURES_3 = [
    # better off once the writer is gone, ending it tonight, doing something to oneself, ceasing to be, a decision
    ("всем станет лучше если меня не станет", HIGH, "ru.self_harm.intent.burden_if"),
    ("маме будет лучше когда меня не станет", HIGH, "ru.self_harm.intent.burden_if"),
    ("этой ночью всё закончу, я так решила", CRITICAL, "ru.self_harm.intent.end_tonight"),
    ("иногда кажется что сделаю что нибудь с собой", HIGH, "ru.self_harm.intent.to_oneself"),
    ("лучше бы меня просто не было", HIGH, "grammar.want_death"),
    ("иногда думаю что проще просто не быть", HIGH, "grammar.want_death"),
    ("я твердо решила уйти навсегда", CRITICAL, "grammar.want_death"),
    # cigarettes put out on the body, whatever the verb
    ("опять тушу сигареты о запястье", HIGH, "ru.self_harm.act.burns"),
    ("tushu okurki ob ruku kogda nikto ne vidit", HIGH, "ru.self_harm.act.burns"),
    # just so someone knows, a goodbye to anyone, letters written, a whole lot swallowed, had enough with a means
    ("сижу на мосту, просто хочу чтобы кто то знал", CRITICAL, "ru.self_harm.farewell.round3"),
    ("пишу чтобы попрощаться с кем нибудь, таблетки уже на столе", CRITICAL, "self_harm.farewell+means"),
    ("письма близким написала, больше ничего не держит", HIGH, "ru.self_harm.farewell.round3"),
    ("nazhralas tabletok vsyo chto nashla", CRITICAL, "self_harm.ingested+amount"),
    ("с меня хватит, снотворное лежит рядом", HIGH, "self_harm.hopeless+means"),
    # harm to others: picturing it, thinking seriously of it, hurting a child (a dative, a feared act), allusions
    ("представляю как я его убиваю голыми руками", HIGH, "grammar.threat_them_lethal"),
    ("всерьез думаю о том чтобы навредить отчиму", HIGH, "grammar.intent_them"),
    ("у меня навязчивые мысли сделать больно младшему", HIGH, "grammar.intent_kin"),
    ("боюсь что сделаю что нибудь с ребенком, он не спит ночами", HIGH, "grammar.intent_kin"),
    ("я ему сделаю больно, пусть только подойдет", HIGH, "grammar.them_intent"),
    ("из под земли достану этого урода", HIGH, "ru.harm_to_others.threat.round3"),
    ("иногда хочется всех порезать в этой общаге", HIGH, "ru.harm_to_others.threat.round3"),
    ("сосед поджидает его во дворе с топором", CRITICAL, "harm_to_others.seek+weapon"),
    ("муж выбежал с ружьем к соседям", CRITICAL, "harm_to_others.seek+weapon"),
    # threats by allusion, being followed or waited for, a knife brandished
    ("он кричит что я до утра не доживу", HIGH, "ru.violence_abuse.threat_to_me.allusion"),
    ("бывший пишет что из под земли достанет", HIGH, "ru.violence_abuse.threat_to_me.allusion"),
    ("какой то мужик караулит меня у подъезда уже третий вечер", HIGH, "ru.violence_abuse.danger_here.followed"),
    ("кто то едет за мной на машине прямо сейчас", CRITICAL, "violence_abuse.danger+now"),
    ("отчим размахивает ножом на кухне", CRITICAL, "violence_abuse.danger+weapon"),
    # medical: a collapse with no answer, blue lips, a household liquid, a wound and a doctor forbidden
    ("papa upal i ne otvechaet", CRITICAL, "ru.medical_emergency.acute.round3"),
    ("у малыша синие губы и он тяжело дышит", CRITICAL, "ru.medical_emergency.acute.round3"),
    ("сын выпил средство для чистки труб", HIGH, "ru.medical_emergency.urgent.poison"),
    ("у брата рана гниет, а хозяин не пускает к врачу", HIGH, "medical_emergency.state+nocare"),
    ("нога распухла после падения на стройке, начальник не пускает к врачу", HIGH, "medical_emergency.state+nocare"),
    ("noga opukhla i gnoitsya, v bolnicu nelzya", HIGH, "medical_emergency.state+nocare"),
    # trafficking: the migration service as a threat, a debt worked off with the body
    ("хозяин пугает депортацией если пожалуемся", HIGH, "ru.trafficking_exploitation.core.round3"),
    ("сказали что долг буду отрабатывать телом", HIGH, "ru.trafficking_exploitation.core.round3"),
    ("brigadir govorit sdast v migracionku esli ujdem", HIGH, "ru.trafficking_exploitation.core.round3"),
    # detention: held where nobody says, sent out, deported, taken to the station and held for days
    ("брата задержали и не говорят где его держат", HIGH, "ru.detention_deportation.imminent.round3"),
    ("nas vysylayut na sleduyushchej nedele", HIGH, "ru.detention_deportation.imminent.round3"),
    ("сказали что сына депортируют, что делать", HIGH, "ru.detention_deportation.imminent.round3"),
    ("отца забрали в участок и держат уже трое суток", HIGH, "detention_deportation.core+duration"),
    ("брата держат в спецприемнике уже два месяца", HIGH, "detention_deportation.core+duration"),
    # going without for the fifth day; not back from work, still not home
    ("света нет уже пятый день, в квартире холодно", HIGH, "basic_needs.without+duration"),
    ("сестра не вернулась с работы, не отвечает со вчера", HIGH, "grammar.search_other"),
    ("дочке 15, ее до сих пор нет дома", CRITICAL, "grammar.search_child"),
]

EVERYDAY_3 = [
    # not at a meeting, a parent's "убьет", a laugh, a fever or vomiting asked about, lips blue from the cold
    "всем будет лучше если меня не будет на совещании, я простужена",
    "мама меня убьет когда увидит счет за телефон",
    "бабушка убьет меня если узнает что я без шапки",
    "он меня убьет за этот спойлер ахаха",
    "может ли после прививки быть температура у малыша 3 месяцев?",
    "бывает ли рвота у грудничка после прикорма?",
    "губы синие от холода после катка",
    # a lift after work, a cat, a smell, a hospital ward, papers handed in at the migration office
    "за мной заедет брат после смены",
    "мама идет за мной в школу после уроков",
    "кот ходит за мной по пятам",
    "меня преследует запах краски после ремонта",
    "отвезли бабушку в отделение кардиологии, как узнать часы посещения?",
    "сдала документы в миграционку на продление рвп",
    # showing what one can do, taxes, a fishing trip, a break from social media, queues, exams, a move
    "всем покажу на что способна на соревнованиях",
    "разберусь с налогами в понедельник",
    "ждет соседа у подъезда чтобы вместе ехать на рыбалку",
    "решила исчезнуть из соцсетей на месяц",
    "с меня хватит этих очередей",
    "я на грани нервного срыва из за сессии",
    "думаю о том чтобы переехать к маме",
    # killing time, trimming a baby's nails, waiting for an answer, vitamins, letters home, a question
    "убиваю время в очереди в мфц",
    "сделать больно можно случайно, как подстричь ногти малышу",
    "пятый день жду ответа от миграционной службы",
    "уже несколько недель жду паспорт",
    "выпила весь блистер витаминов за месяц",
    "письма родным отправляю по почте раз в месяц",
    "хочу чтобы кто то знал ответ, как продлить патент?",
]


@pytest.mark.parametrize(
    ("text", "level", "rule"),
    [pytest.param(t, lv, r, id=t) for t, lv, r in DISCLOSURES + DISCLOSURES_2 + DISCLOSURES_3],
)
def test_a_risk_in_the_writers_own_words_is_read_by_its_construction(
    triage: Triage, text: str, level: Level, rule: str
) -> None:
    result = triage.assess(text, "ru")
    assert result.level == level, result.rules
    assert rule in result.rules, result.rules


@pytest.mark.parametrize("text", EVERYDAY + EVERYDAY_2 + EVERYDAY_3)
def test_everyday_uses_of_the_same_words_stay_ordinary(triage: Triage, text: str) -> None:
    result = triage.assess(text, "ru")
    assert result.level in (NORMAL, LOW), result.rules
