"""Every new flow speaks every supported language: the notice, consent, menu, export, erasure and the web chat."""

from __future__ import annotations

import pytest

from bot.webchat.chrome import CHROME, KEYS
from content.commands import Command, command_labels, consent_labels
from content.languages import SUPPORTED_LANGUAGES
from content.render import get_catalog
from tests.handlers.person import TelegramPerson, buttons_of, text_of
from tests.support.live import live_app

# WhatsApp caps a message with buttons at 1024 characters; the notice is sent as one such message.
MAX_WITH_BUTTONS = 1024


def _labels(params: dict[str, object]) -> list[str]:
    markup = params.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]  # type: ignore[attr-defined]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
async def test_every_flow_renders_in_the_persons_language(make_settings, fake_telegram, lang):
    catalog = get_catalog()
    async with live_app(make_settings()) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram, language_code=lang)
        await person.say("/start")
        [notice] = await person.wait_for_replies(1)
        expected = catalog.render("welcome", lang) + "\n\n" + catalog.render("privacy_notice", lang, retention_days=30)
        assert text_of(notice) == expected and len(expected) <= MAX_WITH_BUTTONS
        assert _labels(notice)[:2] == [consent_labels(lang)[True], consent_labels(lang)[False]]

        await person.tap("consent:yes")
        await person.say("/help")
        await person.say("/mydata")
        await person.say("/forget")
        given, menu, export, confirm = await person.wait_for_replies(4)
        labels = command_labels(lang)
        assert text_of(given) == catalog.render("consent_given", lang)
        assert text_of(menu) == catalog.render("help", lang)
        assert _labels(menu) == [labels[c] for c in (Command.URGENT, Command.STOP, Command.MYDATA, Command.FORGET)] + [
            labels[Command.LANGUAGE]
        ]
        assert text_of(export) == catalog.render("mydata_caption", lang)
        document = export["document"].content.decode()
        heading = catalog.render("mydata_document", lang, **_EMPTY_EXPORT).splitlines()[0]
        assert document.splitlines()[0] == heading and "/mydata" in document
        assert text_of(confirm) == catalog.render("forget_confirm", lang)
        assert _labels(confirm) == [labels[Command.CONFIRM_FORGET], labels[Command.CANCEL]]
        assert buttons_of(confirm) == ["cmd:forget:confirm", "cmd:forget:cancel"]


_EMPTY_EXPORT = {
    "pseudonym": "",
    "language": "en",
    "created": None,
    "consent": {"state": "given", "version": None, "at": None},
    "conversations": [],
}


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_the_web_chat_page_has_all_its_words_in_every_language(lang):
    assert set(CHROME[lang]) == set(KEYS)
    assert all(value.strip() for value in CHROME[lang].values())
    if lang != "en":
        differing = [key for key in KEYS if CHROME[lang][key] != CHROME["en"][key]]
        assert len(differing) >= len(KEYS) - 3, "a translation, not a copy of the English"
