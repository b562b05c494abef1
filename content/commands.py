"""Commands a person can give in any language: slash forms, whole-message words, and button payloads."""

import tomllib
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any, Final

from content.languages import DEFAULT_LANGUAGE, LANGUAGE_NAMES, SUPPORTED_LANGUAGES, normalise_language
from content.render import REPLIES_DIR


class Command(StrEnum):
    """What the person asked the service to do."""

    START = "start"
    STOP = "stop"
    FORGET = "forget"
    MYDATA = "mydata"
    LANGUAGE = "language"
    HELP = "help"
    URGENT = "urgent"
    CONFIRM_FORGET = "confirm_forget"
    CANCEL = "cancel"


# Commands that also work as a plain word; confirming an erasure never does, so a stray "yes" erases nothing.
WORD_COMMANDS: Final = (Command.STOP, Command.FORGET, Command.MYDATA, Command.LANGUAGE, Command.HELP, Command.URGENT)

_SLASH: Final[dict[str, Command]] = {
    "start": Command.START,
    "stop": Command.STOP,
    "forget": Command.FORGET,
    "mydata": Command.MYDATA,
    "my_data": Command.MYDATA,
    "language": Command.LANGUAGE,
    "lang": Command.LANGUAGE,
    "help": Command.HELP,
    "urgent": Command.URGENT,
    "sos": Command.URGENT,
    "cancel": Command.CANCEL,
}

SOS_EMOJI: Final = "🆘"
# The longest whole-message word we know is well under this; longer text is a message, not a command.
_MAX_WORD_LENGTH: Final = 40
_DROP_CATEGORIES: Final = frozenset({"Mn", "Me", "Cf"})
# Direction marks and byte-order marks ride along when someone copies "/stop" out of an Arabic message.
_INVISIBLE: Final = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
# Arabic and Persian keyboards produce different code points for the same letters.
_ARABIC_VARIANTS: Final = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ـ": None})


def fold(text: str) -> str:
    """Casefold and drop accents, diacritics, tatweel and invisible marks, so spelling variants compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) not in _DROP_CATEGORIES)
    return " ".join(kept.translate(_ARABIC_VARIANTS).split())


def _is_edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PS"


def _trim(text: str) -> str:
    """Strip punctuation, symbols and emoji at both ends ("Stop.", "¡Alto!", "«стоп»", "🆘 Urgent")."""
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]


def _read(lang: str) -> dict[str, Any]:
    with (REPLIES_DIR / lang / "commands.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def vocabulary() -> dict[str, Command]:
    """Every folded whole-message word in every language; a person may type English "stop" in any setting."""
    words: dict[str, Command] = {}
    for lang in SUPPORTED_LANGUAGES:
        data = _read(lang)
        for command in WORD_COMMANDS:
            # A label doubles as a word because some keyboards send the label text instead of a payload.
            for word in [*data["words"].get(command.value, []), data["labels"][command.value]]:
                key = _trim(fold(word))
                if words.setdefault(key, command) is not command:
                    raise ValueError(f"{lang}: {word!r} means both {words[key]} and {command}")
    return words


def parse_command(text: str) -> tuple[Command, str] | None:
    """The command a message gives, with any payload, or None when it is an ordinary message."""
    stripped = text.strip().strip(_INVISIBLE).strip()
    if stripped.startswith("/"):
        head, *rest = stripped.split(maxsplit=1)
        name = _trim(fold(head[1:].split("@", 1)[0]))
        command = _SLASH.get(name) or vocabulary().get(name)
        return (command, rest[0] if rest else "") if command else None
    folded = fold(stripped)
    if len(folded) > _MAX_WORD_LENGTH:
        return None
    if folded and set(folded) <= {SOS_EMOJI, " "}:
        return Command.URGENT, ""
    command = vocabulary().get(_trim(folded))
    return (command, "") if command else None


@cache
def _labels(lang: str) -> dict[str, str]:
    labels: dict[str, str] = _read(DEFAULT_LANGUAGE)["labels"]
    return {**labels, **_read(lang)["labels"]}


def command_labels(lang: str) -> dict[Command, str]:
    """Button labels for every command, in the person's language (at most 20 characters, WhatsApp's limit)."""
    labels = _labels(normalise_language(lang))
    return {command: labels[command.value] for command in Command}


def consent_labels(lang: str) -> dict[bool, str]:
    """Labels of the two answers to the privacy notice: True continues, False declines."""
    labels = _labels(normalise_language(lang))
    return {True: labels["consent_yes"], False: labels["consent_no"]}


# Button payloads. Telegram allows 64 bytes of callback data; these stay far below.
BUTTON_START: Final = "cmd:start"
BUTTON_STOP: Final = "cmd:stop"
BUTTON_FORGET: Final = "cmd:forget"
BUTTON_FORGET_CONFIRM: Final = "cmd:forget:confirm"
BUTTON_FORGET_CANCEL: Final = "cmd:forget:cancel"
BUTTON_MYDATA: Final = "cmd:mydata"
BUTTON_LANGUAGE: Final = "cmd:language"
BUTTON_HELP: Final = "cmd:help"
BUTTON_URGENT: Final = "cmd:urgent"
BUTTON_CONSENT_YES: Final = "consent:yes"
BUTTON_CONSENT_NO: Final = "consent:no"
LANGUAGE_BUTTON_PREFIX: Final = "lang:"

_COMMAND_BUTTONS: Final[dict[Command, str]] = {
    Command.START: BUTTON_START,
    Command.STOP: BUTTON_STOP,
    Command.FORGET: BUTTON_FORGET,
    Command.CONFIRM_FORGET: BUTTON_FORGET_CONFIRM,
    Command.CANCEL: BUTTON_FORGET_CANCEL,
    Command.MYDATA: BUTTON_MYDATA,
    Command.LANGUAGE: BUTTON_LANGUAGE,
    Command.HELP: BUTTON_HELP,
    Command.URGENT: BUTTON_URGENT,
}
_BUTTON_COMMANDS: Final = {payload: command for command, payload in _COMMAND_BUTTONS.items()}


@dataclass(frozen=True, slots=True)
class CommandButton:
    """A tapped command button."""

    command: Command


@dataclass(frozen=True, slots=True)
class LanguageButton:
    """A language picked from the picker."""

    lang: str


@dataclass(frozen=True, slots=True)
class ConsentButton:
    """An answer to the privacy notice."""

    given: bool


Button = CommandButton | LanguageButton | ConsentButton


def command_button(command: Command) -> str:
    """The payload of a command button."""
    return _COMMAND_BUTTONS[command]


def language_button(lang: str) -> str:
    """The payload of a language-picker button; only supported codes have one."""
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    return LANGUAGE_BUTTON_PREFIX + lang


def consent_button(given: bool) -> str:
    """The payload of a consent answer."""
    return BUTTON_CONSENT_YES if given else BUTTON_CONSENT_NO


def parse_button(data: str) -> Button | None:
    """What a button payload means; unknown or forged payloads are None, never a guess."""
    if data in _BUTTON_COMMANDS:
        return CommandButton(_BUTTON_COMMANDS[data])
    if data in (BUTTON_CONSENT_YES, BUTTON_CONSENT_NO):
        return ConsentButton(data == BUTTON_CONSENT_YES)
    lang = data.removeprefix(LANGUAGE_BUTTON_PREFIX)
    if data.startswith(LANGUAGE_BUTTON_PREFIX) and lang in SUPPORTED_LANGUAGES:
        return LanguageButton(lang)
    return None


def describe_button(data: str | None) -> str:
    """A readable English name for a tapped button, for the transcript when the channel sends no label."""
    button = parse_button(data or "")
    if isinstance(button, CommandButton):
        return command_labels("en")[button.command]
    if isinstance(button, LanguageButton):
        return f"Language: {LANGUAGE_NAMES[button.lang]}"
    if isinstance(button, ConsentButton):
        return consent_labels("en")[button.given]
    return "unknown button"
