"""Naming a topic (a noun, a service, a question, research) is not disclosing a risk, in all seven languages.

Written with the level the helpdesk needs before the rules were run (also in data/labelled.jsonl):
"urgent" means critical or high. Naming lines (a shelter, a hotline, prevention, statistics, a
project, a definition, bleeding gums) must stay normal; disclosing lines (a first-person or
named-person event, intent or ongoing harm) must stay urgent, also when they name a service too.
"""

from __future__ import annotations

import pytest

from escalation.triage import Triage

URGENT, NAMING = True, False

CASES = [
    ("is there a substance abuse program near the camp?", "en", NAMING),
    ("do you have the number of a domestic violence shelter", "en", NAMING),
    ("where can i find the abuse hotline number", "en", NAMING),
    ("we are doing a suicide prevention workshop at school next week", "en", NAMING),
    ("my therapist and I talked about suicide", "en", NAMING),
    ("I'm researching suicide for a project", "en", NAMING),
    ("self-harm scars awareness week is in march", "en", NAMING),
    ("what is trafficking?", "en", NAMING),
    ("overdose statistics in europe for my report", "en", NAMING),
    ("he abuses me every night and i cant leave", "en", URGENT),
    ("im bleeding a lot and it wont stop", "en", URGENT),
    ("i overdosed on my meds an hour ago", "en", URGENT),
    ("i want to kill myself", "en", URGENT),
    ("my husband hits me, i need a domestic violence shelter tonight", "en", URGENT),
    ("i called the suicide hotline but nobody answered, i want to die", "en", URGENT),
    ("هل في ملجأ لضحايا العنف الأسري قريب؟", "ar", NAMING),
    ("شو رقم خط المساعدة للعنف المنزلي", "ar", NAMING),
    ("عم نعمل ورشة عن الوقاية من الانتحار بالمدرسة", "ar", NAMING),
    ("عم حضر بحث عن الانتحار لمشروع الجامعة", "ar", NAMING),
    ("شو يعني الاتجار بالبشر؟", "ar", NAMING),
    ("احصائيات الجرعة الزائدة في اوروبا", "ar", NAMING),
    ("انا والمعالج حكينا عن الانتحار", "ar", NAMING),
    ("جوزي بيضربني كل يوم وما بقدر اطلع", "ar", URGENT),
    ("انا عم انزف كتير وما عم يوقف الدم", "ar", URGENT),
    ("بدي اقتل حالي", "ar", URGENT),
    ("جوزي بيضربني، بدي ملجأ الليلة", "ar", URGENT),
    ("اتصلت بخط المساعدة وما حدا رد، بدي موت", "ar", URGENT),
    ("Чи є поруч притулок для жертв домашнього насильства?", "uk", NAMING),
    ("Який номер гарячої лінії щодо насильства?", "uk", NAMING),
    ("У школі буде тренінг з профілактики самогубств", "uk", NAMING),
    ("Я пишу дослідження про самогубства для університету", "uk", NAMING),
    ("Що таке торгівля людьми?", "uk", NAMING),
    ("статистика передозувань в Європі для доповіді", "uk", NAMING),
    ("ми з терапевтом говорили про самогубство", "uk", NAMING),
    ("він б'є мене щодня і я не можу піти", "uk", URGENT),
    ("у мене сильна кровотеча і не зупиняється", "uk", URGENT),
    ("я хочу вбити себе", "uk", URGENT),
    ("чоловік мене б'є, мені потрібен притулок сьогодні", "uk", URGENT),
    ("дзвонила на гарячу лінію, ніхто не відповів. хочу померти", "uk", URGENT),
    ("Есть ли рядом приют для жертв домашнего насилия?", "ru", NAMING),
    ("Какой номер горячей линии по насилию?", "ru", NAMING),
    ("в школе будет занятие по профилактике самоубийств", "ru", NAMING),
    ("я пишу исследование о самоубийствах для университета", "ru", NAMING),
    ("что такое торговля людьми?", "ru", NAMING),
    ("статистика передозировок в Европе для доклада", "ru", NAMING),
    ("мы с терапевтом говорили о самоубийстве", "ru", NAMING),
    ("он бьет меня каждый день и я не могу уйти", "ru", URGENT),
    ("у меня сильное кровотечение и не останавливается", "ru", URGENT),
    ("я хочу убить себя", "ru", URGENT),
    ("муж меня бьет, мне нужен приют сегодня", "ru", URGENT),
    ("звонила на горячую линию, никто не ответил. хочу умереть", "ru", URGENT),
    ("آیا پناهگاه برای قربانیان خشونت خانگی نزدیک اینجا هست؟", "fa", NAMING),
    ("شماره خط کمک برای خشونت خانگی چیه؟", "fa", NAMING),
    ("تو مدرسه کارگاه پیشگیری از خودکشی داریم", "fa", NAMING),
    ("دارم برای پروژه دانشگاه درباره خودکشی تحقیق میکنم", "fa", NAMING),
    ("قاچاق انسان یعنی چی؟", "fa", NAMING),
    ("آمار اوردوز در اروپا برای گزارشم", "fa", NAMING),
    ("من و درمانگرم درباره خودکشی حرف زدیم", "fa", NAMING),
    ("شوهرم هر روز منو میزنه و نمیتونم برم", "fa", URGENT),
    ("خونریزیم خیلی زیاده و بند نمیاد", "fa", URGENT),
    ("میخوام خودمو بکشم", "fa", URGENT),
    ("شوهرم منو میزنه، امشب پناهگاه لازم دارم", "fa", URGENT),
    ("به خط کمک زنگ زدم کسی جواب نداد. میخوام بمیرم", "fa", URGENT),
    ("Y a-t-il un foyer pour victimes de violences conjugales près d'ici ?", "fr", NAMING),
    ("c'est quoi le numéro de la ligne d'écoute contre la maltraitance", "fr", NAMING),
    ("on fait un atelier de prévention du suicide à l'école", "fr", NAMING),
    ("je fais une recherche sur le suicide pour un projet de fac", "fr", NAMING),
    ("c'est quoi la traite des êtres humains ?", "fr", NAMING),
    ("statistiques des overdoses en Europe pour mon exposé", "fr", NAMING),
    ("mon thérapeute et moi avons parlé du suicide", "fr", NAMING),
    ("il me frappe tous les jours et je ne peux pas partir", "fr", URGENT),
    ("je saigne beaucoup et ça s'arrête pas", "fr", URGENT),
    ("je veux me tuer", "fr", URGENT),
    ("mon mari me frappe, j'ai besoin d'un foyer ce soir", "fr", URGENT),
    ("j'ai appelé la ligne d'écoute, personne n'a répondu. je veux mourir", "fr", URGENT),
    ("¿hay un refugio para víctimas de violencia doméstica cerca?", "es", NAMING),
    ("cuál es el número de la línea de ayuda contra el abuso", "es", NAMING),
    ("hacemos un taller de prevención del suicidio en la escuela", "es", NAMING),
    ("estoy investigando sobre el suicidio para un proyecto de la uni", "es", NAMING),
    ("¿qué es la trata de personas?", "es", NAMING),
    ("estadísticas de sobredosis en Europa para mi informe", "es", NAMING),
    ("mi terapeuta y yo hablamos del suicidio", "es", NAMING),
    ("él me pega todos los días y no puedo irme", "es", URGENT),
    ("estoy sangrando mucho y no para", "es", URGENT),
    ("quiero matarme", "es", URGENT),
    ("mi marido me pega, necesito un refugio esta noche", "es", URGENT),
    ("llamé a la línea de ayuda y nadie contestó. quiero morir", "es", URGENT),
]


@pytest.mark.parametrize(("text", "lang", "urgent"), CASES)
def test_naming_a_topic_is_not_disclosing_a_risk(triage: Triage, text: str, lang: str, urgent: bool) -> None:
    result = triage.assess(text, lang)
    assert (result.level.rank <= 1) is urgent, (result.level, result.rules)


def test_every_language_has_naming_and_disclosing_lines() -> None:
    for lang in ("en", "ar", "uk", "ru", "fa", "fr", "es"):
        kinds = [urgent for _, code, urgent in CASES if code == lang]
        assert len(kinds) >= 8 and kinds.count(URGENT) >= 4 and kinds.count(NAMING) >= 4, lang


# The disclosure signs that stop a cue, pinned after the rule was written (not part of the labelled set).
GUARDS = [
    ("of course i was abused", "en"),  # a person between cue and phrase: the subject, not a topic
    ("my husband is abusive is there a shelter", "en"),  # a cue three tokens after is not a compound
    ("the abuse hotline, he beats me every night", "en"),  # a person inside the other phrase
    ("мне нужен приют, муж бьет меня каждый день", "ru"),
]


@pytest.mark.parametrize(("text", "lang"), GUARDS)
def test_a_disclosure_next_to_a_topic_word_stays_urgent(triage: Triage, text: str, lang: str) -> None:
    assert triage.assess(text, lang).level.rank <= 1


def test_a_named_topic_keeps_its_category_and_says_why(triage: Triage) -> None:
    result = triage.assess("where can i find the abuse hotline number", "en")
    assert result.level.value == "normal"
    assert "violence_abuse" in result.categories
    assert "en.violence_abuse.abuse.domestic.topic" in result.rules
