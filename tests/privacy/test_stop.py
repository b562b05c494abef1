"""/stop mid-queue: nothing queued before it reaches the person, not even a row the worker already claimed."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.outbox import OutboxWorker
from bot.telegram.client import build_telegram_bot
from bot.telegram.sender import TelegramSender
from content.render import get_catalog
from core.models import Conversation, Message, OutboxItem, Staff
from core.services import Services, build_services
from supervisor_console.actions import do_send_reply
from tests.handlers.person import TelegramPerson, text_of
from tests.support.console import create_staff, sign_in
from tests.support.live import live_app


async def _drain(worker: OutboxWorker) -> None:
    for _ in range(20):
        if not await worker.run_once():
            return


async def _reply(services: Services, text: str) -> None:
    async with services.sessionmaker() as session:
        staff = (await session.scalars(select(Staff))).one()
        conversation = (await session.scalars(select(Conversation))).one()
    await do_send_reply(services=services, staff=staff, conversation_id=conversation.id, text=text)


async def test_stop_cancels_replies_already_in_the_outbox(make_settings, fake_telegram):
    settings = make_settings(embedded_worker=False)
    await create_staff(settings, "omar")
    async with live_app(settings) as live, live.client() as client, live.client() as liaison:
        services = build_services(settings, clock=live.services.clock)
        try:
            person = TelegramPerson(client, fake_telegram)
            await person.say("I need help with my asylum appointment")
            await _reply(live.services, "First reply: which city are you in?")
            await _reply(live.services, "Second reply: are you still there?")
            async with services.sessionmaker() as session, session.begin():
                # As if a worker had claimed the first reply and was about to send it when the person stopped.
                claimed = (await session.scalars(select(OutboxItem).order_by(OutboxItem.id))).all()[1]
                claimed.state = "sending"
                claimed.locked_until = services.clock.now() + timedelta(seconds=60)

            await person.say("/stop")
            services.clock.advance(timedelta(seconds=61))  # the claim's lease runs out: it would be retried now
            bot = build_telegram_bot(settings)
            async with bot:
                await _drain(OutboxWorker(services, {"telegram": TelegramSender(bot)}))
            assert [text_of(p) for p in person.received()] == [get_catalog().render("stopped", "en")]

            async with services.sessionmaker() as session:
                conversation = (await session.scalars(select(Conversation))).one()
                replies = list(await session.scalars(select(Message).where(Message.author_id.is_not(None))))
            assert (conversation.status, conversation.ended_by) == ("stopped", "person")
            assert conversation.queue_key is None
            assert {m.status for m in replies} == {"cancelled"}

            await sign_in(liaison, "omar")
            page = await liaison.get(f"/console/conversations/{conversation.id}")
            assert "ended by the person" in page.text

            await person.say("Sorry, I have one more question")
            async with bot:
                await _drain(OutboxWorker(services, {"telegram": TelegramSender(bot)}))
            assert text_of(person.received()[-1]) == get_catalog().render("received", "en")
            async with services.sessionmaker() as session:
                conversations = list(await session.scalars(select(Conversation).order_by(Conversation.id)))
            assert [c.status for c in conversations] == ["stopped", "open"], "writing again opens a new conversation"
        finally:
            await services.aclose()


async def test_stop_works_as_a_word_in_any_language_and_as_a_button(make_settings, fake_telegram):
    async with live_app(make_settings()) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram, language_code="ar")
        for stop in ("توقف", "STOP!", "cmd:stop"):
            await person.say("مرحبا")
            if stop.startswith("cmd:"):
                await person.tap(stop)
            else:
                await person.say(stop)
        async with live.services.sessionmaker() as session:
            conversations = list(await session.scalars(select(Conversation).order_by(Conversation.id)))
        assert [(c.status, c.ended_by) for c in conversations] == [("stopped", "person")] * 3
