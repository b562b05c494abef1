"""The grammar of harm in Russian (and its Latin transliteration): verb + object + intent, missing people.

Disclosures must be read through the `grammar.*` rules (so they fail without the ru tables of
harm.abuse, harm.lethal, harm.lethal_future, modal.threat, target.*, missing.absent and
time.duration); everyday lines built on the same verbs and objects (idioms, sport, games, grief,
denials, the weather, a late friend) must stay normal.
"""

from __future__ import annotations

import pytest

from core.levels import Level
from escalation.triage import Triage

CRITICAL, HIGH = Level.CRITICAL, Level.HIGH

DISCLOSURES = [
    # abuse of the writer, any tense, object after or before the verb
    ("otchim-belt", "отчим избил меня ремнем, все тело в синяках", HIGH),
    ("me-husband-beats", "меня муж бьет когда напьется", HIGH),
    ("landlord-locks-us", "хозяин запирает нас в подвале без еды", HIGH),
    ("us-locked-up", "нас держат взаперти уже месяц", HIGH),
    ("guards-kicked-me", "меня пинали ногами трое охранников", HIGH),
    ("blackmail", "муж шантажирует меня фотографиями", HIGH),
    ("choking-now", "он меня душит, помогите, прямо сейчас", CRITICAL),
    # abuse of family
    ("hit-son-wall", "он ударил сына головой об стену", HIGH),
    ("daughter-first", "дочку он лупит за каждую двойку", HIGH),
    ("locked-mother", "брат запер маму в комнате и не выпускает", HIGH),
    ("touches-sister", "отчим трогает мою сестру, когда мамы нет дома", HIGH),
    ("harasses-daughter", "сосед пристает к моей дочери", HIGH),
    ("tortured-brother", "они пытали моего брата в тюрьме", HIGH),
    ("starving-kids", "детей морят голодом, не дают есть", HIGH),
    ("flogged-son", "отчим выпорол сына до крови", HIGH),
    ("crippled-brother", "бригадир покалечил брата на стройке", HIGH),
    ("beating-mother-now", "он прямо сейчас избивает маму, помогите", CRITICAL),
    # threats to kill the writer
    ("ex-threatens-stab", "бывший муж грозится зарезать меня", HIGH),
    ("father-in-law-promised", "свекор обещал убить меня если я уйду", HIGH),
    ("killed-if-deported", "меня убьют, если депортируют обратно", HIGH),
    ("his-brothers", "его братья зарежут меня", HIGH),
    ("nearly-strangled", "он чуть не задушил меня вчера", HIGH),
    ("nearly-killed", "бойфренд меня чуть не убил", HIGH),
    ("knife-cut-me", "у него нож, он грозится прирезать меня", CRITICAL),
    # threats to the writer's family
    ("honour-sister", "отец сказал что убьет сестру за позор", HIGH),
    ("relatives-want", "родственники хотят убить мою сестру", HIGH),
    ("poison-children", "он отравит детей, он так сказал", HIGH),
    ("stepson", "муж хочет убить моего сына от первого брака", HIGH),
    ("drown-child", "она грозится утопить ребенка", HIGH),
    # harm planned to others
    ("finish-him", "я его прикончу, он обидел мою дочь", HIGH),
    ("kill-stepfather", "убью отчима, если он еще раз тронет маму", HIGH),
    # transliteration
    ("tr-stepfather-beat-me", "otchim bil menya vchera", HIGH),
    ("tr-beats-son", "muzh izbivaet syna", HIGH),
    ("tr-me-beats", "menya b'et muzh kazhdyj den", HIGH),
    ("tr-threatens-me", "on grozitsya ubit menya", HIGH),
    ("tr-will-kill-sister", "brat skazal chto ub'yot sestru", HIGH),
    ("tr-kill-us", "nas ub'yut esli vernemsya", HIGH),
    ("tr-stab-wife", "on hochet zarezat zhenu", HIGH),
    ("tr-locked-mother", "otec zaper mamu v podvale", HIGH),
    ("tr-strangle-today", "on zadushit menya segodnya", CRITICAL),
    ("tr-they-kill-him", "ego ub'yut, esli najdut", HIGH),
]

EVERYDAY = [
    # jokes and idioms
    ("joke-killing-me", "ты меня убиваешь своими шутками 😂"),
    ("heat-killing-me", "жара меня просто убивает"),
    ("queue-killing-me", "ребята, меня убивает эта очередь"),
    ("kill-time-flight", "надо как-то убить время до рейса"),
    ("kill-time-question", "как убить время в самолете?"),
    ("brother-kill-time", "брат хочет убить время до поезда"),
    ("would-kill-for", "я бы убил за шаурму"),
    ("grandma-hug", "бабушка чуть не задушила меня в объятиях"),
    ("song-moves-me", "эта песня меня так трогает"),
    ("mum-questions", "мама пристает ко мне с вопросами про свадьбу"),
    ("coach-alarm", "тренер бьет тревогу перед матчем"),
    ("for-me-animal", "для меня убить животное немыслимо"),
    # sport and games
    ("lost-away", "нас побили 2:1 на выезде"),
    ("chess", "брат опять побил меня в шахматы"),
    ("game-killed", "в игре меня убили с первого выстрела"),
    ("record", "дочь побила школьный рекорд по прыжкам"),
    # body, weather, accidents
    ("shock-kettle", "меня током ударило от чайника"),
    ("fever-chills", "меня с утра бьет озноб, температура"),
    ("cough", "меня душит кашель"),
    ("sunburn", "меня сожгло солнце в первый же день"),
    ("lift-stuck", "меня заперли в лифте на 20 минут, лифт сломался"),
    ("locked-door", "я заперла дверь на ключ и легла спать"),
    ("burn-letters", "сожгу все его письма и забуду"),
    # past grief and news
    ("grandfather-war", "у меня деда убили на войне, давно"),
    ("father-war", "моего отца убили в войну, я был маленький"),
    ("brother-ten-years", "они убили моего брата десять лет назад"),
    ("news-neighbour", "в новостях мужчина грозился убить соседа"),
    # denials
    ("never-hit", "он никогда меня не бил"),
    ("does-not-beat", "муж меня не бьет, просто мы ругаемся"),
    ("no-longer-touches", "он меня больше не трогает, все хорошо"),
    # my phone
    ("my-phone-off", "мой телефон выключен до вечера, пиши в телеграм"),
    # transliteration
    ("tr-joke", "ty menya ubivaesh 😂"),
    ("tr-score", "nas pobili 3:0"),
    ("tr-kill-time", "ubivayu vremya v ocheredi"),
    ("tr-chess", "brat pobil menya v shahmaty"),
    ("tr-final", "nas ubili v finale"),
]

MISSING = [
    ("brother-work", "брат со вчера не вернулся с работы, телефон выключен", HIGH),
    ("son-evening", "сын не пришел домой со вчерашнего вечера", CRITICAL),
    ("daughter-two-days", "дочка не отвечает на звонки уже двое суток", CRITICAL),
    ("husband-nobody-saw", "никто не видел мужа с пятницы", HIGH),
    ("tr-sister-phone", "sestra ne beret trubku dva dnya", HIGH),
    ("tr-dad-home", "papa ne vernulsya domoj so vchera", HIGH),
]

MISSING_LOOKALIKES = [
    ("my-phone-since-yesterday", "мой телефон выключен со вчера, пиши на почту"),
    ("friend-late", "подруга не берет трубку, опаздывает минут на 15"),
    ("husband-late-dinner", "муж не пришел домой к ужину, задерживается на работе"),
    ("bank-two-days", "не могу дозвониться до банка два дня"),
]


def _ids(cases: list[tuple[str, ...]]) -> list[str]:
    return [case[0] for case in cases]


@pytest.mark.parametrize(("case", "text", "wanted"), DISCLOSURES, ids=_ids(DISCLOSURES))
def test_grammar_reads_disclosure(triage: Triage, case: str, text: str, wanted: Level) -> None:
    assessment = triage.assess(text, "ru")
    assert assessment.level == wanted, (case, text, assessment.rules)
    assert any(rule.startswith("grammar.") for rule in assessment.rules), (case, text, assessment.rules)


@pytest.mark.parametrize(("case", "text"), EVERYDAY, ids=_ids(EVERYDAY))
def test_everyday_line_with_harm_verb_stays_normal(triage: Triage, case: str, text: str) -> None:
    assessment = triage.assess(text, "ru")
    assert assessment.level in (Level.NORMAL, Level.LOW), (case, text, assessment.rules)


@pytest.mark.parametrize(("case", "text", "wanted"), MISSING, ids=_ids(MISSING))
def test_missing_person_is_read(triage: Triage, case: str, text: str, wanted: Level) -> None:
    assessment = triage.assess(text, "ru")
    assert assessment.level == wanted, (case, text, assessment.rules)
    assert "grammar.missing" in assessment.rules, (case, text, assessment.rules)
    assert "missing_person" in assessment.categories, (case, text, assessment.categories)


@pytest.mark.parametrize(("case", "text"), MISSING_LOOKALIKES, ids=_ids(MISSING_LOOKALIKES))
def test_missing_lookalike_stays_normal(triage: Triage, case: str, text: str) -> None:
    assessment = triage.assess(text, "ru")
    assert assessment.level in (Level.NORMAL, Level.LOW), (case, text, assessment.rules)
