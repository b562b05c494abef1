"""Commands: slash forms, whole-message words in every language, labels and button payloads."""

import pytest

from content.commands import (
    BUTTON_CONSENT_NO,
    BUTTON_CONSENT_YES,
    BUTTON_FORGET,
    BUTTON_FORGET_CANCEL,
    BUTTON_FORGET_CONFIRM,
    BUTTON_MYDATA,
    BUTTON_STOP,
    BUTTON_URGENT,
    WORD_COMMANDS,
    Command,
    CommandButton,
    ConsentButton,
    LanguageButton,
    command_button,
    command_labels,
    consent_button,
    consent_labels,
    language_button,
    parse_button,
    parse_command,
)
from content.languages import SUPPORTED_LANGUAGES

WORDS = {
    Command.STOP: [
        "stop", "STOP", "Stop.", " stop! ", "توقف", "قف", "إيقاف", "تَوَقَّفْ", "стоп", "Стоп!", "зупинити",
        "остановить", "بس", "پایان", "arrêt", "arret", "Arrêt !", "stop", "parar", "alto", "¡Alto!", "«стоп»",
    ],
    Command.FORGET: ["forget", "Erase my data", "امسح بياناتي", "забути", "стереть", "حذف", "oublier", "borrar"],
    Command.MYDATA: ["my data", "My Data?", "mydata", "بياناتي", "мої дані", "мои данные", "اطلاعات من",
                     "mes données", "mes donnees", "mis datos"],
    Command.LANGUAGE: ["language", "اللغة", "мова", "язык", "زبان", "langue", "idioma"],
    Command.HELP: ["menu", "القائمة", "меню", "منو", "commandes", "Menú"],
    Command.URGENT: ["🆘", "🆘🆘", " 🆘️ ", "sos", "SOS!", "urgent", "عاجل", "терміново", "срочно", "فوری",
                     "urgence", "urgente", "🆘 Urgent"],
}  # fmt: skip
CASES = [(text, command) for command, texts in WORDS.items() for text in texts]

SENTENCES = [
    "I can't stop crying",
    "no puedo parar de llorar",
    "je veux arrêter de fumer",
    "please don't stop",
    "стоп, подождите, я не это имел в виду",
    "لا أستطيع التوقف عن البكاء",
    "my data was stolen by my ex",
    "is this urgent?",
    "help",
    "Help!",
    "помогите",
    "ساعدوني",
    "yes",
    "Yes, erase",
    "cancel",
    "hello",
    "",
    "   ",
    "/",
    "/unknowncommand",
    "stop " * 20,
]


@pytest.mark.parametrize(("text", "command"), CASES)
def test_whole_message_words_are_commands(text: str, command: Command) -> None:
    assert parse_command(text) == (command, "")


@pytest.mark.parametrize("text", SENTENCES)
def test_ordinary_messages_are_not_commands(text: str) -> None:
    assert parse_command(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/start", (Command.START, "")),
        ("/start abc123", (Command.START, "abc123")),
        ("/start@LiaisonDeskBot ref-9", (Command.START, "ref-9")),
        ("/stop", (Command.STOP, "")),
        ("/STOP", (Command.STOP, "")),
        ("/stop@MyBot", (Command.STOP, "")),
        ("/stop.", (Command.STOP, "")),
        ("\u200e/stop", (Command.STOP, "")),
        ("/forget", (Command.FORGET, "")),
        ("/mydata", (Command.MYDATA, "")),
        ("/language", (Command.LANGUAGE, "")),
        ("/lang", (Command.LANGUAGE, "")),
        ("/help", (Command.HELP, "")),
        ("/urgent", (Command.URGENT, "")),
        ("/sos", (Command.URGENT, "")),
        ("/cancel", (Command.CANCEL, "")),
        ("/стоп", (Command.STOP, "")),
    ],
)
def test_slash_commands(text: str, expected: tuple[Command, str]) -> None:
    assert parse_command(text) == expected


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_labels_exist_fit_whatsapp_and_work_when_typed(lang: str) -> None:
    labels = command_labels(lang)
    assert set(labels) == set(Command)
    texts = [*labels.values(), *consent_labels(lang).values()]
    assert all(0 < len(text) <= 20 for text in texts)
    assert len(set(texts)) == len(texts)
    for command in WORD_COMMANDS:
        assert parse_command(labels[command]) == (command, "")


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_erasure_is_never_confirmed_by_typing(lang: str) -> None:
    labels = command_labels(lang)
    assert parse_command(labels[Command.CONFIRM_FORGET]) is None
    assert parse_command(consent_labels(lang)[True]) is None


def test_labels_are_translated() -> None:
    assert command_labels("fr")[Command.FORGET] == "Effacer mes données"
    assert command_labels("xx") == command_labels("en")
    assert command_labels("ar")[Command.STOP] != command_labels("en")[Command.STOP]


@pytest.mark.parametrize("command", list(Command))
def test_command_buttons_roundtrip(command: Command) -> None:
    assert parse_button(command_button(command)) == CommandButton(command)


def test_button_payloads_are_the_agreed_strings() -> None:
    assert parse_button(BUTTON_STOP) == CommandButton(Command.STOP)
    assert parse_button(BUTTON_FORGET) == CommandButton(Command.FORGET)
    assert parse_button(BUTTON_FORGET_CONFIRM) == CommandButton(Command.CONFIRM_FORGET)
    assert parse_button(BUTTON_FORGET_CANCEL) == CommandButton(Command.CANCEL)
    assert parse_button(BUTTON_MYDATA) == CommandButton(Command.MYDATA)
    assert parse_button(BUTTON_URGENT) == CommandButton(Command.URGENT)
    assert (BUTTON_STOP, BUTTON_FORGET_CONFIRM, BUTTON_CONSENT_YES) == ("cmd:stop", "cmd:forget:confirm", "consent:yes")
    assert parse_button(BUTTON_CONSENT_NO) == ConsentButton(given=False)


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_language_buttons_roundtrip(lang: str) -> None:
    assert parse_button(language_button(lang)) == LanguageButton(lang)
    assert len(language_button(lang).encode()) <= 64


@pytest.mark.parametrize("given", [True, False])
def test_consent_buttons_roundtrip(given: bool) -> None:
    assert parse_button(consent_button(given)) == ConsentButton(given)


@pytest.mark.parametrize("data", ["", "cmd:", "cmd:erase", "lang:de", "lang:", "lang:EN", "consent:maybe", "stop"])
def test_unknown_payloads_are_refused(data: str) -> None:
    assert parse_button(data) is None


def test_language_button_refuses_unsupported_codes() -> None:
    with pytest.raises(ValueError, match="unsupported"):
        language_button("de")
