"""Replies are delivered after commit, survive a killed process, honour 429 and retry 5xx; permanent errors show."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
from datetime import timedelta

from sqlalchemy import select

from bot.outbox import MAX_BACKOFF_SECONDS, OutboxWorker, backoff_seconds
from bot.telegram.client import build_telegram_bot
from bot.telegram.sender import TelegramSender
from content.render import get_catalog
from core.models import Message, OutboxItem
from core.services import build_services
from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import load_update
from tests.handlers.person import TelegramPerson, text_of
from tests.support.console import create_staff, csrf_from, sign_in
from tests.support.live import free_port, live_app

HEADERS = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}


async def _reply_from_console(live, text: str) -> str:  # type: ignore[no-untyped-def]
    """Sign in as a new liaison, open the only conversation, send `text`; returns the conversation URL."""
    await create_staff(live.services.settings, "noor")
    async with live.client() as liaison:
        await sign_in(liaison, "noor")
        queue = await liaison.get("/console")
        url = "/console/conversations/" + re.search(r"/console/conversations/(\d+)", queue.text).group(1)  # type: ignore[union-attr]
        page = await liaison.get(url)
        response = await liaison.post(f"{url}/reply", data={"text": text, "csrf_token": csrf_from(page.text)})
        assert response.status_code == 303
    return url


async def test_429_is_delivered_after_the_wait_not_dropped(make_settings, fake_telegram):
    async with live_app(make_settings()) as live, live.client() as client:
        fake_telegram.fail_next("sendMessage", status=429, retry_after=1)
        await client.post("/webhooks/telegram", json=load_update("text_message"), headers=HEADERS)
        calls = await fake_telegram.wait_for("sendMessage", count=1, timeout=15)
        all_calls = [c for c in fake_telegram.calls if c.method == "sendMessage"]
        assert [c.status for c in all_calls][:2] == [429, 200]
        assert calls[0].params["chat_id"] == 7001002003


async def test_server_errors_are_retried_with_backoff(make_settings, fake_telegram):
    async with live_app(make_settings()) as live, live.client() as client:
        fake_telegram.fail_next("sendMessage", status=502, times=1)
        await client.post("/webhooks/telegram", json=load_update("text_message"), headers=HEADERS)
        await fake_telegram.wait_for("sendMessage", count=1, timeout=15)


def test_backoff_grows_and_is_jittered():
    first = [backoff_seconds(1) for _ in range(50)]
    later = [backoff_seconds(6) for _ in range(50)]
    assert max(first) <= 2 and min(later) >= 32
    assert len(set(later)) > 1, "jitter spreads retries"


async def test_blocked_by_the_user_marks_the_reply_failed_and_the_console_shows_it(make_settings, fake_telegram):
    async with live_app(make_settings()) as live, live.client() as client:
        await client.post("/webhooks/telegram", json=load_update("text_message"), headers=HEADERS)
        await fake_telegram.wait_for("sendMessage", count=1)
        fake_telegram.fail_next("sendMessage", status=403, description="Forbidden: bot was blocked by the user")
        url = await _reply_from_console(live, "Are you still there?")
        for _ in range(100):
            async with live.services.sessionmaker() as session:
                failed = await session.scalar(select(Message).where(Message.status == "failed"))
            if failed is not None:
                break
            await asyncio.sleep(0.05)
        assert failed is not None and "blocked" in (failed.error or "")
        async with live.client() as liaison:
            await sign_in(liaison, "noor")
            page = await liaison.get(url)
        assert "Not delivered" in page.text and "blocked by the user" in page.text
        # A permanent failure is not retried.
        await asyncio.sleep(1.2)
        assert len([c for c in fake_telegram.calls if c.method == "sendMessage" and c.status == 403]) == 1


async def test_chat_not_found_is_permanent(make_settings, fake_telegram):
    settings = make_settings(embedded_worker=False)
    async with live_app(settings) as live, live.client() as client:
        await client.post("/webhooks/telegram", json=load_update("text_message"), headers=HEADERS)
    fake_telegram.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
    services = build_services(settings)
    bot = build_telegram_bot(settings)
    async with bot:
        await OutboxWorker(services, {"telegram": TelegramSender(bot)}).run_once()
    async with services.sessionmaker() as session:
        item = await session.scalar(select(OutboxItem))
        message = await session.get(Message, item.message_id)
    await services.aclose()
    assert item.state == "failed" and item.payload_enc is None
    assert message.status == "failed" and "chat not found" in (message.error or "").lower()


async def test_a_reply_in_a_new_conversation_never_overtakes_the_stopped_reply(make_settings, fake_telegram):
    """After "stop" the next message opens a new conversation; its reply still waits for the "stopped" reply."""
    settings = make_settings(embedded_worker=False)
    services = build_services(settings)
    bot = build_telegram_bot(settings)
    try:
        async with live_app(settings) as live, live.client() as client, bot:
            worker = OutboxWorker(services, {"telegram": TelegramSender(bot)})
            person = TelegramPerson(client, fake_telegram)
            await person.say("hello")
            await person.tap("consent:yes")
            while await worker.run_once():
                pass
            await person.wait_for_replies(2)
            await person.say("stop")
            await person.say("Me again")
            # The "stopped" reply meets a server error and waits for its retry; the later reply must wait too.
            fake_telegram.fail_next("sendMessage", status=502)
            assert await worker.run_once() == 1, "only the person's oldest undelivered reply is due"
            assert person.received()[2:] == []
            services.clock.advance(timedelta(seconds=MAX_BACKOFF_SECONDS))
            while await worker.run_once():
                pass
            stopped, received = await person.wait_for_replies(2)
    finally:
        await services.aclose()
    assert text_of(stopped) == get_catalog().render("stopped", "en")
    assert text_of(received) == get_catalog().render("received", "en")


async def test_a_row_left_sending_by_a_dead_process_is_retried_after_its_lease(make_settings, fake_telegram):
    settings = make_settings(embedded_worker=False)
    async with live_app(settings) as live, live.client() as client:
        await client.post("/webhooks/telegram", json=load_update("text_message"), headers=HEADERS)
    services = build_services(settings)
    async with services.sessionmaker() as session, session.begin():
        item = await session.scalar(select(OutboxItem))
        item.state = "sending"  # as if a worker claimed it and died mid-send
        item.locked_until = services.clock.now() + timedelta(seconds=60)
    bot = build_telegram_bot(settings)
    async with bot:
        worker = OutboxWorker(services, {"telegram": TelegramSender(bot)})
        assert await worker.run_once() == 0, "still leased to the dead worker"
        services.clock.advance(timedelta(seconds=61))
        assert await worker.run_once() == 1
    await services.aclose()
    assert len(fake_telegram.sent_messages()) == 1


async def test_killed_between_commit_and_delivery_is_delivered_after_restart(make_settings, fake_telegram, tmp_path):
    """A real `liaison serve` process is SIGKILLed after acknowledging; a restarted one delivers the reply."""
    settings = make_settings()
    env = {
        **os.environ,
        "LIAISON_DATABASE_URL": settings.database_url,
        "LIAISON_SECRET_KEY": settings.secret_key.get_secret_value(),
        "LIAISON_DATA_KEY": settings.data_key.get_secret_value(),
        "LIAISON_TELEGRAM_TOKEN": fake_telegram.token,
        "LIAISON_TELEGRAM_API_URL": fake_telegram.api_url,
        "LIAISON_TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "PTB_TIMEDELTA": "1",
    }
    if settings.redis_url:
        env["LIAISON_REDIS_URL"] = settings.redis_url
        env["LIAISON_REDIS_PREFIX"] = settings.redis_prefix
    import httpx

    async def start(worker: bool) -> tuple[subprocess.Popen[bytes], str]:
        port = free_port()
        process = subprocess.Popen(  # noqa: S603 — our own CLI
            [sys.executable, "-m", "bot", "serve", "--port", str(port)],
            env={**env, "LIAISON_EMBEDDED_WORKER": "true" if worker else "false"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        async with httpx.AsyncClient() as client:
            for _ in range(600):
                try:
                    if (await client.get(f"{base}/healthz")).status_code == 200:
                        return process, base
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.05)
        process.kill()
        raise AssertionError("serve did not start")

    # The first process commits and acknowledges, but its worker never gets to run (disabled, as if killed first).
    first, base = await start(worker=False)
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{base}/webhooks/telegram", json=load_update("text_message"), headers=HEADERS)
    assert response.status_code == 200
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert fake_telegram.sent_messages() == []

    second, _ = await start(worker=True)
    try:
        calls = await fake_telegram.wait_for("sendMessage", count=1, timeout=20)
        assert calls[0].params["chat_id"] == 7001002003
    finally:
        second.terminate()
        second.wait(timeout=10)
