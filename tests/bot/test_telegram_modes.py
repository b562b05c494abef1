"""How Telegram reaches us: a webhook registered at start-up, or getUpdates polling for local use."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from core.models import Conversation, Message
from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import load_update
from tests.support.live import live_app

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


async def test_serve_registers_the_webhook_with_its_secret_when_a_public_url_is_set(make_settings, fake_telegram):
    async with live_app(make_settings(public_url="https://desk.example.org/")):
        webhook = fake_telegram.webhook
    assert webhook["url"] == "https://desk.example.org/webhooks/telegram"
    assert webhook["secret_token"] == WEBHOOK_SECRET
    assert set(webhook["allowed_updates"]) == {"message", "callback_query"}


async def test_no_webhook_is_registered_without_a_public_url(make_settings, fake_telegram):
    async with live_app(make_settings()):
        pass
    assert [c for c in fake_telegram.calls if c.method == "setWebhook"] == []


async def test_polling_receives_updates_and_answers(make_settings, fake_telegram):
    async with live_app(make_settings(), telegram_polling=True) as live:
        fake_telegram.push_update(load_update("text_message", text="hello from polling"))
        calls = await fake_telegram.wait_for("sendMessage", count=1, timeout=15)
        assert calls[0].params["chat_id"] == 7001002003
        async with live.services.sessionmaker() as session:
            stored = await session.scalar(select(func.count()).select_from(Message).where(Message.direction == "in"))
        assert stored == 1
        # The offset advanced: the same update is not fetched and stored again.
        await asyncio.sleep(1.5)
        async with live.services.sessionmaker() as session:
            again = await session.scalar(select(func.count()).select_from(Message).where(Message.direction == "in"))
        assert again == 1
    assert any(c.method == "deleteWebhook" for c in fake_telegram.calls), "polling and a webhook cannot coexist"


async def test_start_with_a_deep_link_payload_greets_and_opens_a_conversation(make_settings, fake_telegram):
    update = load_update("start_deep_link")
    assert update["message"]["text"].startswith("/start ")
    async with live_app(make_settings()) as live, live.client() as client:
        response = await client.post(
            "/webhooks/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        )
        assert response.status_code == 200
        calls = await fake_telegram.wait_for("sendMessage", count=1)
        assert calls[0].params["chat_id"] == update["message"]["chat"]["id"]
        async with live.services.sessionmaker() as session:
            assert await session.scalar(select(func.count()).select_from(Conversation)) == 1
