"""First contact on Telegram: the notice in the person's language, consent only by button, urgent people first."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from content.commands import consent_labels
from content.render import NOTICE_VERSION, get_catalog
from core.models import AuditEvent, Contact, Conversation, Message
from handlers import first_contact
from tests.handlers.person import TelegramPerson, buttons_of, text_of
from tests.support.live import LiveApp, live_app

LANGUAGE_BUTTONS = ["lang:en", "lang:ar", "lang:uk", "lang:ru", "lang:fa", "lang:fr", "lang:es"]


async def _contact(live: LiveApp) -> Contact:
    async with live.services.sessionmaker() as session:
        return (await session.scalars(select(Contact))).one()


async def _conversation(live: LiveApp) -> Conversation:
    async with live.services.sessionmaker() as session:
        return (await session.scalars(select(Conversation).order_by(Conversation.id.desc()))).first()  # type: ignore[return-value]


async def test_first_message_gets_the_notice_and_still_reaches_the_queue(make_settings, fake_telegram):
    async with live_app(make_settings(retention_days=30)) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram, language_code="fr")
        await person.say("Bonjour, je cherche un avocat")
        [notice] = await person.wait_for_replies(1)
        catalog = get_catalog()
        assert text_of(notice).startswith(catalog.render("welcome", "fr"))
        assert catalog.render("privacy_notice", "fr", retention_days=30) in text_of(notice)
        assert buttons_of(notice) == ["consent:yes", "consent:no", *LANGUAGE_BUTTONS]
        labels = [b["text"] for row in notice["reply_markup"]["inline_keyboard"] for b in row]
        assert labels[:2] == [consent_labels("fr")[True], consent_labels("fr")[False]]
        conversation = await _conversation(live)
        assert conversation.status == "open" and conversation.queue_key is not None, "consent never blocks the queue"
        contact = await _contact(live)
        assert (contact.consent_state, contact.consent_version, contact.consent_at) == ("pending", NOTICE_VERSION, None)

        await person.say("Je suis à Lyon")
        await person.say("Merci")
        async with live.services.sessionmaker() as session:
            sent = await session.scalars(select(Message).where(Message.direction == "out"))
            assert len(list(sent)) == 1, "the notice is offered once, not after every message"


async def test_only_the_button_counts_as_consent_and_it_is_recorded_with_version_and_time(make_settings, fake_telegram):
    async with live_app(make_settings()) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram)
        await person.say("hello")
        await person.wait_for_replies(1)
        await person.say("Continue")
        assert (await _contact(live)).consent_state == "pending", "typed words never count as consent"
        await person.tap("consent:yes")
        [reply] = await person.wait_for_replies(1)
        assert text_of(reply) == get_catalog().render("consent_given", "en")
        contact = await _contact(live)
        assert contact.consent_state == "given" and contact.consent_version == NOTICE_VERSION
        assert contact.consent_at is not None
        async with live.services.sessionmaker() as session:
            audit = (await session.scalars(select(AuditEvent).where(AuditEvent.code == 501))).one()
        assert audit.data == {"consent": "given"}


async def test_a_new_notice_version_asks_again(make_settings, fake_telegram, monkeypatch):
    async with live_app(make_settings()) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram)
        await person.say("hello")
        await person.tap("consent:yes")
        await person.wait_for_replies(2)
        await person.say("one more thing")
        monkeypatch.setattr(first_contact, "NOTICE_VERSION", "2099-1-1")
        await person.say("and another")
        [notice] = await person.wait_for_replies(1)
        assert "consent:yes" in buttons_of(notice)
        assert not text_of(notice).startswith(get_catalog().render("welcome", "en")), "no second welcome"
        contact = await _contact(live)
        assert (contact.consent_state, contact.consent_version) == ("pending", "2099-1-1")


async def test_an_urgent_first_message_gets_emergency_numbers_before_any_question(make_settings, fake_telegram):
    async with live_app(make_settings()) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram)
        await person.say("I want to kill myself tonight")
        first, second = await person.wait_for_replies(2)
        assert "112" in text_of(first) and buttons_of(first) == [], "numbers first, with nothing to click"
        assert "consent:yes" in buttons_of(second)
        conversation = await _conversation(live)
        assert conversation.level == "critical" and conversation.status == "open"


async def test_the_sos_signal_gets_numbers_first_even_from_someone_who_declined(make_settings, fake_telegram):
    async with live_app(make_settings()) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram)
        await person.say("hello")
        await person.tap("consent:no")
        _notice, declined = await person.wait_for_replies(2)
        assert text_of(declined) == get_catalog().render("consent_declined", "en")
        await person.say("🆘")
        numbers, ack = await person.wait_for_replies(2)
        assert "112" in text_of(numbers)
        assert text_of(ack) == get_catalog().render("urgent_ack", "en")
        assert (await _conversation(live)).level == "high"


async def test_picking_a_language_switches_replies_and_repeats_an_unanswered_notice(make_settings, fake_telegram):
    async with live_app(make_settings()) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram)
        await person.say("مرحبا")
        await person.wait_for_replies(1)
        await person.tap("lang:ar")
        done, notice = await person.wait_for_replies(2)
        assert text_of(done) == get_catalog().render("language_set", "ar", language_name="العربية")
        assert text_of(notice) == get_catalog().render("privacy_notice", "ar", retention_days=30)
        assert (await _contact(live)).language == "ar"
        assert (await _conversation(live)).language == "ar"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_command_alone_does_not_put_anyone_in_the_queue(make_settings, fake_telegram):
    async with live_app(make_settings()) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram)
        await person.say("/language")
        [picker] = await person.wait_for_replies(1)
        assert buttons_of(picker) == LANGUAGE_BUTTONS
        assert (await _conversation(live)).status == "waiting"
        await person.say("I need help with my papers")
        conversation = await _conversation(live)
        assert conversation.status == "open" and conversation.queue_key is not None
