"""Names in staff notes are replaced in seven languages while places, days, organisations and prose survive."""

from __future__ import annotations

import pytest

from escalation.name_data import NAME_LANGUAGES, NAMES_DIR
from escalation.pseudonymise import pseudonymise
from tests.escalation.pseudonymise_eval import LANGUAGES, score

REPLACED = [
    # bare names, relational cues, full names, repeats — per language
    (
        "Olena is isolated and her husband Taras takes her phone.",
        "[name] is isolated and her husband [name] takes her phone.",
    ),
    ("Spoke to Olena Kovalenko; Olena is scared.", "Spoke to [name]; [name] is scared."),
    ("Her husband Kowalczyk checks her phone.", "Her husband [name] checks her phone."),
    ("Zhanargul's brother took the passport.", "[name]'s brother took the passport."),
    ("Spoke with Mr. Okonjo and Dr Patel today.", "Spoke with Mr. [name] and Dr [name] today."),
    ("Dmytro and Yuliia came with Oleksandr.", "[name] and [name] came with [name]."),
    ("She met a man called Bashir Qadri near the station.", "She met a man called [name] near the station."),
    (
        "Aïcha est isolée et son mari Karim lui prend son téléphone.",
        "[name] est isolée et son mari [name] lui prend son téléphone.",
    ),
    ("Le fils de Zoubida travaille à Lyon.", "Le fils de [name] travaille à Lyon."),
    ("Jean-Pierre Moreau a appelé. Jean-Pierre dit que c'est urgent.", "[name] a appelé. [name] dit que c'est urgent."),
    (
        "Lucía está aislada y su marido Andrés le quita el teléfono.",
        "[name] está aislada y su marido [name] le quita el teléfono.",
    ),
    ("José Luis Fernández llamó; José Luis tiene miedo.", "[name] llamó; [name] tiene miedo."),
    ("Ольга изолирована, а её муж Сергей забирает телефон.", "[name] изолирована, а её муж [name] забирает телефон."),
    ("Говорила с Натальей. Наталья плачет.", "Говорила с [name]. [name] плачет."),
    (
        "Її чоловік Тарас Коваленко забирає телефон; Тараса бояться діти.",
        "Її чоловік [name] забирає телефон; [name] бояться діти.",
    ),
    ("Вона боїться чоловіка на ім'я Ростислав.", "Вона боїться чоловіка на ім'я [name]."),
    ("فاطمة معزولة وزوجها خالد يأخذ هاتفها.", "[name] معزولة وزوجها [name] يأخذ هاتفها."),
    ("اتصل أحمد الحسن مرتين ويقول أحمد إنه خائف.", "اتصل [name] مرتين ويقول [name] إنه خائف."),
    ("تخاف من رجل يدعى ماهر.", "تخاف من رجل يدعى [name]."),
    ("زهرا منزوی است و شوهرش مهدی گوشی را می‌گیرد.", "[name] منزوی است و شوهرش [name] گوشی را می‌گیرد."),
    ("علی رضایی دو بار زنگ زد.", "[name] دو بار زنگ زد."),
    ("از مردی به نام فرهاد می‌ترسد.", "از مردی به نام [name] می‌ترسد."),
]

UNCHANGED = [
    "She left Syria on Monday and uses Telegram; the Red Cross helps.",
    "Referred to Citizens Advice and the Home Office team in March. Will call on Friday.",
    "Hope is what keeps her going. Mark the file for review. Grace period ends in May.",
    "The British Red Cross, Caritas and UNHCR were mentioned; she speaks English and Arabic.",
    "Elle a quitté la Syrie lundi et utilise WhatsApp. Claire et simple : rappel vendredi.",
    "Salió de Siria el lunes; Cáritas y la Cruz Roja la ayudan. Le pregunté si está segura.",
    "Она уехала из Сирии в понедельник и пишет через Телеграм. Москва не подходит.",
    "Вона виїхала з Харкова в понеділок і пише через Телеграм. Київ не підходить.",
    "غادرت سوريا يوم الاثنين وتستخدم تلغرام. لديها أمل كبير وتتحدث على الهاتف.",
    "دوشنبه از افغانستان آمد و با تلگرام پیام می‌دهد. امید دارد.",
    "Spoke with her today. She is safe.",
]


@pytest.mark.parametrize(("text", "expected"), REPLACED)
def test_names_are_replaced(text, expected):
    assert pseudonymise(text) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_ordinary_text_is_left_alone(text):
    assert pseudonymise(text) == text


def test_a_second_pass_changes_nothing():
    # Packets pseudonymise notes that were already pseudonymised when written.
    for text, _ in REPLACED:
        once = pseudonymise(text)
        assert pseudonymise(once) == once


def test_phone_email_and_name_together():
    text = "Her brother Yusuf (yusuf.k@example.org, +44 7700 900123) threatened her."
    assert pseudonymise(text) == "Her brother [name] ([email], [phone]) threatened her."


@pytest.mark.parametrize("name", [*NAME_LANGUAGES, "also-words", "not-names"])
def test_name_lists_are_reviewed_content(name):
    lines = (NAMES_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    entries = [line for line in lines if line and not line.startswith("#")]
    assert lines[0].startswith("#") and "heuristic" in " ".join(header)
    assert entries == sorted(set(entries)), "sorted, one per line, no duplicates"
    assert all(entry == entry.strip() for entry in entries)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_labelled_notes_floor(lang):
    # Floors at the figures measured when this was written (docs/escalation-protocol.md); a drop is a regression.
    held, dev = score(lang, "heldout"), score(lang, "dev")
    floors = {"en": 17, "fr": 17, "es": 18, "ru": 17, "uk": 16, "ar": 10, "fa": 11}
    assert held.notes >= 20 and dev.notes >= 20
    assert held.caught >= floors[lang], held
    assert held.false_redactions <= (1 if lang == "es" else 0), held
    assert dev.false_redactions == 0, dev
    assert dev.caught >= dev.names - 3, dev
