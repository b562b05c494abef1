"""/forget on Telegram: asked once, then nothing in any table or Redis key leads back to the person."""

from __future__ import annotations

import asyncio
import secrets

from sqlalchemy import func, select

from content.render import get_catalog
from core.models import Contact, Conversation, Message, OutboxItem, Staff
from core.outbox import add_note
from supervisor_console.actions import do_send_reply
from tests.handlers.person import TelegramPerson, buttons_of, text_of
from tests.privacy.scan import find_in_database, find_in_redis
from tests.support.console import create_staff
from tests.support.live import LiveApp, live_app

CHAT_ID = 7345129081


async def _liaison_answers_and_notes(live: LiveApp, text: str) -> None:
    """A liaison quotes the person in a reply and in an internal note, as happens in real work."""
    await create_staff(live.services.settings, "rima")
    services = live.services
    async with services.sessionmaker() as session:
        staff = (await session.scalars(select(Staff))).one()
        conversation = (await session.scalars(select(Conversation))).one()
    await do_send_reply(services=services, staff=staff, conversation_id=conversation.id, text=f"You said: {text}")
    async with services.sessionmaker() as session, session.begin():
        conversation = await session.get_one(Conversation, conversation.id)
        add_note(
            session,
            cipher=services.cipher,
            conversation=conversation,
            text=f"Person wrote {text}",
            now=services.clock.now(),
            author_id=staff.id,
        )


async def _outbox_settled(live: LiveApp) -> None:
    """The worker records a delivery just after the provider accepted it; wait for that record."""
    for _ in range(200):
        async with live.services.sessionmaker() as session:
            waiting = await session.scalar(
                select(func.count()).select_from(OutboxItem).where(OutboxItem.state.in_(("pending", "sending")))
            )
        if not waiting:
            return
        await asyncio.sleep(0.025)
    raise AssertionError("the outbox never settled")


async def _count(live: LiveApp, model: type) -> int:
    async with live.services.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_forget_erases_every_trace_of_the_person_on_both_backends(make_settings, fake_telegram):
    canary = f"CANARY-{secrets.token_hex(8)}"
    needles = [str(CHAT_ID), canary]
    async with live_app(make_settings()) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram, chat_id=CHAT_ID)
        await person.say(f"My landlord {canary} kept my deposit")
        await person.tap("consent:yes")
        await person.wait_for_replies(2)
        await _liaison_answers_and_notes(live, canary)
        await person.wait_for_replies(1)
        await person.say("/mydata")
        [document] = await person.wait_for_replies(1)
        assert canary in document["document"].content.decode(), "the export holds what they wrote"
        await person.say("stop")
        await person.say(f"Me again, {canary}")
        stopped, received = await person.wait_for_replies(2)
        assert text_of(stopped) == get_catalog().render("stopped", "en")
        assert text_of(received) == get_catalog().render("received", "en")

        before = await find_in_database(live.services, needles)
        assert any(canary in hit for hit in before) and any(str(CHAT_ID) in hit for hit in before), (
            "the scan must see through the encryption, or it proves nothing"
        )
        messages_before = await _count(live, Message)

        await person.say("/forget")
        [confirm] = await person.wait_for_replies(1)
        assert buttons_of(confirm) == ["cmd:forget:confirm", "cmd:forget:cancel"]
        await person.say("yes")  # a typed answer never erases anything
        assert await find_in_database(live.services, needles)
        await person.tap("cmd:forget:confirm")
        [farewell] = await person.wait_for_replies(1)
        erased = int(text_of(farewell).split("erased ", 1)[1].split(" ", 1)[0])
        assert text_of(farewell) == get_catalog().render("forget_done", "en", erased_messages=erased)
        assert erased >= 8
        await _outbox_settled(live)

        assert await find_in_database(live.services, needles) == []
        assert await find_in_redis(live.services, needles) == []
        async with live.services.sessionmaker() as session:
            contact = (await session.scalars(select(Contact))).one()
            conversations = list(await session.scalars(select(Conversation)))
        assert contact.forgotten_at is not None
        assert {c.status for c in conversations} == {"stopped"}, "nothing of theirs waits in the queue"
        assert await _count(live, Message) == messages_before + 4, "counts stay, as rows without text"

        await person.say("Hello, it's me")
        [notice] = await person.wait_for_replies(1)
        assert text_of(notice).startswith(get_catalog().render("welcome", "en")), "a fresh start as a new person"
        assert await _count(live, Contact) == 2
        assert not [hit for hit in await find_in_database(live.services, [canary])]


async def test_cancelling_keeps_everything(make_settings, fake_telegram):
    async with live_app(make_settings()) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram)
        await person.say("please keep this")
        await person.say("/forget")
        await person.tap("cmd:forget:cancel")
        _notice, _confirm, cancelled = await person.wait_for_replies(3)
        assert text_of(cancelled) == get_catalog().render("forget_cancelled", "en")
        assert await find_in_database(live.services, ["please keep this"])
        async with live.services.sessionmaker() as session:
            assert (await session.scalars(select(Contact))).one().forgotten_at is None
