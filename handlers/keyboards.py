"""The buttons that go with a prompt, built in the person's language for every channel alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from content.commands import Command, command_button, command_labels, consent_button, consent_labels, language_button
from content.languages import LANGUAGE_NAMES, SUPPORTED_LANGUAGES
from core.channels import Button

Keyboard = tuple[tuple[Button, ...], ...]

# Outbound message kinds that carry buttons. Telegram gets them as an inline keyboard; the web chat rebuilds
# them from the message's kind, because the outbox copy of a payload is erased once it is delivered.
NOTICE: Final = "notice"
LANGUAGE_PICKER: Final = "language_picker"
FORGET_CONFIRM: Final = "forget_confirm"
MENU: Final = "menu"
MYDATA: Final = "mydata"


def language_rows() -> Keyboard:
    """Every supported language by its own name, four to a row so each fits a phone screen."""
    buttons = [Button(LANGUAGE_NAMES[code], language_button(code)) for code in SUPPORTED_LANGUAGES]
    return tuple(tuple(buttons[i : i + 4]) for i in range(0, len(buttons), 4))


def consent_keyboard(lang: str) -> Keyboard:
    labels = consent_labels(lang)
    row = (Button(labels[True], consent_button(True)), Button(labels[False], consent_button(False)))
    return (row, *language_rows())


def forget_keyboard(lang: str) -> Keyboard:
    labels = command_labels(lang)
    return (
        (
            Button(labels[Command.CONFIRM_FORGET], command_button(Command.CONFIRM_FORGET)),
            Button(labels[Command.CANCEL], command_button(Command.CANCEL)),
        ),
    )


def menu_keyboard(lang: str) -> Keyboard:
    labels = command_labels(lang)

    def button(command: Command) -> Button:
        return Button(labels[command], command_button(command))

    return (
        (button(Command.URGENT),),
        (button(Command.STOP), button(Command.MYDATA)),
        (button(Command.FORGET), button(Command.LANGUAGE)),
    )


_BY_KIND: Final[dict[str, Callable[[str], Keyboard]]] = {
    NOTICE: consent_keyboard,
    LANGUAGE_PICKER: lambda _lang: language_rows(),
    FORGET_CONFIRM: forget_keyboard,
    MENU: menu_keyboard,
}


def keyboard_for(kind: str, lang: str) -> Keyboard:
    """The buttons a prompt of this kind carries, or none."""
    build = _BY_KIND.get(kind)
    return build(lang) if build else ()
