"""Counterfactual fairness: who a person is never changes what triage concludes.

For every lexicon language, template messages (urgent and ordinary) are filled with terms for
religion, ethnicity, nationality, gender, sexual orientation, age, disability, political view and
health status; swapping one term for another must leave level, categories and rules unchanged.
Statements of identity alone must assess exactly like a neutral greeting.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from escalation.triage import Assessment, Triage

# Terms are chosen to fit the templates' grammar roughly; what matters is that they differ only
# in the protected attribute. The lists deliberately include words for minorities and majorities.
TERMS: dict[str, dict[str, list[str]]] = {
    "en": {
        "religion": ["Muslim", "Christian", "Jewish", "Hindu", "Buddhist", "atheist", "Yazidi"],
        "ethnicity": ["Kurdish", "Arab", "Roma", "Black", "white", "Pashtun", "Hazara"],
        "nationality": ["Syrian", "Afghan", "Ukrainian", "Eritrean", "French", "Iranian", "Venezuelan"],
        "gender": ["woman", "man", "trans woman", "non-binary person", "trans man"],
        "sexual_orientation": ["gay", "lesbian", "bisexual", "straight", "queer"],
        "age": ["17 year old", "old", "young", "70 year old", "elderly"],
        "disability": ["disabled", "blind", "deaf", "wheelchair user", "autistic"],
        "political_view": ["communist", "conservative", "liberal", "opposition activist", "monarchist"],
        "health_status": ["HIV positive", "diabetic", "pregnant", "epileptic", "long covid"],
    },
    "ar": {
        "religion": ["مسلم", "مسيحي", "يهودي", "درزي", "ايزيدي", "ملحد"],
        "ethnicity": ["كردي", "عربي", "تركماني", "امازيغي", "اسود"],
        "nationality": ["سوري", "عراقي", "فلسطيني", "سوداني", "لبناني", "يمني"],
        "gender": ["رجل", "امراه", "ترانس", "عابره جنسيا"],
        "sexual_orientation": ["مثلي", "مثليه", "مزدوج الميول", "مغاير"],
        "age": ["كبير بالعمر", "شب صغير", "عمري 70", "عمري 17"],
        "disability": ["معاق", "اعمى", "اطرش", "على كرسي متحرك"],
        "political_view": ["معارض", "مع النظام", "شيوعي", "ليبرالي"],
        "health_status": ["مريض ايدز", "مريض سكري", "حامل", "مريض سرطان"],
    },
    "uk": {
        "religion": ["мусульманин", "християнин", "юдей", "атеїст", "буддист"],
        "ethnicity": ["ром", "кримський татарин", "угорець", "єврей"],
        "nationality": ["українець", "росіянин", "сирієць", "афганець"],
        "gender": ["жінка", "чоловік", "трансгендерна людина", "небінарна людина"],
        "sexual_orientation": ["гей", "лесбійка", "бісексуал", "гетеросексуал"],
        "age": ["пенсіонер", "підліток", "молодий", "літня людина"],
        "disability": ["людина з інвалідністю", "незрячий", "глухий", "на візку"],
        "political_view": ["комуніст", "націоналіст", "ліберал", "консерватор"],
        "health_status": ["ВІЛ-позитивний", "діабетик", "вагітна", "онкохворий"],
    },
    "ru": {
        "religion": ["мусульманин", "христианин", "иудей", "атеист", "буддист"],
        "ethnicity": ["цыган", "татарин", "чеченец", "еврей", "узбек"],
        "nationality": ["украинец", "русский", "сириец", "афганец", "таджик"],
        "gender": ["женщина", "мужчина", "трансгендер", "небинарный человек"],
        "sexual_orientation": ["гей", "лесбиянка", "бисексуал", "гетеросексуал"],
        "age": ["пенсионер", "подросток", "молодой", "пожилой человек"],
        "disability": ["инвалид", "слепой", "глухой", "колясочник"],
        "political_view": ["коммунист", "оппозиционер", "либерал", "консерватор"],
        "health_status": ["ВИЧ-положительный", "диабетик", "беременна", "онкобольной"],
    },
    "fa": {
        "religion": ["مسلمان", "مسیحی", "بهایی", "زرتشتی", "شیعه", "سنی", "بی دین"],
        "ethnicity": ["هزاره", "پشتون", "تاجیک", "ازبک", "بلوچ", "کرد"],
        "nationality": ["افغان", "ایرانی", "عراقی", "پاکستانی"],
        "gender": ["زن", "مرد", "ترنس", "غیر دوجنسی"],
        "sexual_orientation": ["همجنسگرا", "دوجنسگرا", "دگرجنسگرا", "لزبین"],
        "age": ["پیر", "جوان", "نوجوان", "هفتاد ساله"],
        "disability": ["معلول", "نابینا", "ناشنوا", "ویلچری"],
        "political_view": ["مخالف طالبان", "سلطنت طلب", "کمونیست", "چپ"],
        "health_status": ["اچ آی وی مثبت", "دیابتی", "باردار", "سرطانی"],
    },
    "fr": {
        "religion": ["musulman", "chretien", "juif", "athee", "bouddhiste"],
        "ethnicity": ["kurde", "arabe", "rom", "noir", "blanc", "peul"],
        "nationality": ["syrien", "afghan", "ukrainien", "guineen", "congolais", "francais"],
        "gender": ["femme", "homme", "personne trans", "personne non binaire"],
        "sexual_orientation": ["gay", "lesbienne", "bisexuel", "hetero"],
        "age": ["age", "jeune", "mineur", "retraite"],
        "disability": ["handicape", "aveugle", "sourd", "en fauteuil roulant"],
        "political_view": ["communiste", "opposant", "de droite", "de gauche"],
        "health_status": ["seropositif", "diabetique", "enceinte", "malade du cancer"],
    },
    "es": {
        "religion": ["musulman", "cristiano", "judio", "ateo", "evangelico"],
        "ethnicity": ["indigena", "afrodescendiente", "gitano", "mestizo", "wayuu"],
        "nationality": ["venezolano", "colombiano", "hondureno", "haitiano", "espanol"],
        "gender": ["mujer", "hombre", "persona trans", "persona no binaria"],
        "sexual_orientation": ["gay", "lesbiana", "bisexual", "heterosexual"],
        "age": ["joven", "anciano", "menor de edad", "jubilado"],
        "disability": ["discapacitado", "ciego", "sordo", "en silla de ruedas"],
        "political_view": ["opositor", "chavista", "comunista", "conservador"],
        "health_status": ["VIH positivo", "diabetico", "embarazada", "enfermo de cancer"],
    },
}

# Urgent and ordinary messages with a slot; each language has both kinds. A fever alone is ordinary for
# everyone: a health status such as a pregnancy never makes a body state urgent by itself.
TEMPLATES: dict[str, list[str]] = {
    "en": [
        "I am {x} and I want to kill myself tonight",
        "as a {x} person i just want to die",
        "I'm {x}, my husband beats me and he is at the door now",
        "they told me they will deport me tomorrow because I am {x}",
        "I am {x} and we have no food for my kids",
        "I'm {x}, where can I find a lawyer?",
        "thank you, I am {x}",
        "I'm {x}. my son is missing",
        "I'm {x} and I have a fever",
    ],
    "ar": [
        "انا {x} وبدي موت الليلة",
        "انا {x} وزوجي بيضربني",
        "انا {x} وما في اكل للولاد",
        "انا {x}، وين بلاقي محامي؟",
        "شكرا، انا {x}",
        "انا {x} وابني مفقود",
        "انا {x} وعندي حرارة",
    ],
    "uk": [
        "я {x} і хочу померти сьогодні",
        "я {x}, чоловік б'є мене",
        "я {x}, де знайти юриста?",
        "дякую, я {x}",
        "я {x} і завтра мене депортують",
        "я {x} і в мене температура",
    ],
    "ru": [
        "я {x} и хочу умереть сегодня",
        "я {x}, муж бьет меня",
        "я {x}, где найти юриста?",
        "спасибо, я {x}",
        "я {x}, сын пропал",
        "я {x} и у меня температура",
    ],
    "fa": [
        "من {x} هستم و میخوام بمیرم",
        "من {x} هستم و شوهرم کتکم میزنه",
        "من {x} هستم، وکیل کجا پیدا کنم؟",
        "مرسی، من {x} هستم",
        "من {x} هستم و فردا دیپورتم میکنن",
        "من {x} هستم و تب دارم",
    ],
    "fr": [
        "je suis {x} et jai envie de mourir ce soir",
        "je suis {x} et mon mari me frappe",
        "je suis {x}, ou trouver un avocat ?",
        "merci, je suis {x}",
        "je suis {x} et on a rien a manger avec mes enfants",
        "je suis {x} et jai de la fievre",
    ],
    "es": [
        "soy {x} y me quiero morir esta noche",
        "soy {x} y mi esposo me pega",
        "soy {x}, donde encuentro un abogado?",
        "gracias, soy {x}",
        "soy {x} y me van a deportar manana",
        "soy {x} y tengo fiebre",
    ],
}

# Identity alone, per language, next to the neutral greeting it must be indistinguishable from.
IDENTITY: dict[str, tuple[str, list[str]]] = {
    "en": (
        "hello",
        [
            "I am a Muslim",
            "I'm gay",
            "I'm a refugee from Syria",
            "I'm disabled",
            "I support the Labour party",
            "I'm a trans woman",
            "I am Jewish",
            "I'm HIV positive",
        ],
    ),
    "ar": ("مرحبا", ["انا مسلم", "انا مثلي", "انا لاجئ من سوريا", "انا معاق", "انا بدعم المعارضه", "انا مسيحي"]),
    "uk": (
        "привіт",
        ["я мусульманин", "я гей", "я біженець з Сирії", "я людина з інвалідністю", "я підтримую опозицію", "я ром"],
    ),
    "ru": (
        "привет",
        ["я мусульманин", "я гей", "я беженец из Сирии", "я инвалид", "я поддерживаю оппозицию", "я цыган"],
    ),
    "fa": (
        "سلام",
        [
            "من مسلمان هستم",
            "من همجنسگرا هستم",
            "من پناهنده از افغانستان هستم",
            "من معلول هستم",
            "من طرفدار مخالفان هستم",
            "من هزاره هستم",
            "من بهایی هستم",
        ],
    ),
    "fr": (
        "bonjour",
        [
            "je suis musulman",
            "je suis gay",
            "je suis refugie de Syrie",
            "je suis handicape",
            "je soutiens le parti communiste",
            "je suis juive",
        ],
    ),
    "es": (
        "hola",
        [
            "soy musulman",
            "soy gay",
            "soy refugiado de Venezuela",
            "soy discapacitado",
            "apoyo al partido de la oposicion",
            "soy indigena",
        ],
    ),
}

MIN_SWAPS = 1000


def _outcome(result: Assessment) -> tuple[object, ...]:
    return (result.level, result.categories, result.rules)


def _swaps() -> Iterator[tuple[str, str, str, str, str]]:
    """(lang, template, attribute, baseline term, swapped term) for every swap we test."""
    for lang, templates in TEMPLATES.items():
        for template in templates:
            for attribute, terms in TERMS[lang].items():
                for term in terms[1:]:
                    yield lang, template, attribute, terms[0], term


def test_protected_term_swaps_never_change_the_outcome(triage: Triage) -> None:
    differences = []
    count = 0
    for lang, template, attribute, base, other in _swaps():
        count += 1
        for hint in (lang, None):
            expected = _outcome(triage.assess(template.format(x=base), hint))
            got = _outcome(triage.assess(template.format(x=other), hint))
            if got != expected:
                differences.append((lang, hint, attribute, template, base, other, expected, got))
    # the issue asks for the number of swaps to be reported; `pytest -s` shows it
    print(f"\ncounterfactual swaps tested: {count} (each with and without a language hint)")  # noqa: T201
    assert not differences, differences[:5]
    assert count >= MIN_SWAPS


@pytest.mark.parametrize("lang", sorted(TEMPLATES))
def test_every_language_has_urgent_templates(triage: Triage, lang: str) -> None:
    # the swaps only prove something if some templates are urgent and some are not
    levels = {triage.assess(t.format(x=TERMS[lang]["religion"][0]), lang).level.rank <= 1 for t in TEMPLATES[lang]}
    assert levels == {True, False}


@pytest.mark.parametrize("lang", sorted(IDENTITY))
def test_identity_alone_assesses_like_a_greeting(triage: Triage, lang: str) -> None:
    greeting, statements = IDENTITY[lang]
    for hint in (lang, None):
        neutral = _outcome(triage.assess(greeting, hint))
        for statement in statements:
            assert _outcome(triage.assess(statement, hint)) == neutral, statement
