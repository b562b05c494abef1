"""The Telegram webhook: authenticated or refused, idempotent, and inert for update kinds we ignore."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from core.models import Contact, Conversation, Message
from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import load_update
from tests.support.live import LiveApp, live_app

HEADERS = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}


async def count(live: LiveApp, model: type) -> int:
    async with live.services.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize(
    "headers",
    [{}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}, {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET[:-1]}],
    ids=["missing", "forged", "truncated"],
)
async def test_forged_or_missing_secret_is_refused_and_nothing_stored(make_settings, headers):
    async with live_app(make_settings()) as live, live.client() as client:
        response = await client.post("/webhooks/telegram", json=load_update("text_message"), headers=headers)
        assert response.status_code == 401
        assert await count(live, Message) == 0
        assert await count(live, Contact) == 0


async def test_without_a_configured_secret_everything_is_refused(make_settings):
    async with live_app(make_settings(telegram_webhook_secret=None)) as live, live.client() as client:
        response = await client.post("/webhooks/telegram", json=load_update("text_message"), headers=HEADERS)
        assert response.status_code == 403
        assert await count(live, Message) == 0


async def test_same_update_twenty_times_sequentially_and_concurrently_is_stored_once(make_settings, fake_telegram):
    update = load_update("text_message")
    async with live_app(make_settings()) as live, live.client() as client:
        for _ in range(20):
            assert (await client.post("/webhooks/telegram", json=update, headers=HEADERS)).status_code == 200
        replies = await asyncio.gather(
            *(client.post("/webhooks/telegram", json=update, headers=HEADERS) for _ in range(20))
        )
        assert [r.status_code for r in replies] == [200] * 20
        async with live.services.sessionmaker() as session:
            inbound = await session.scalar(select(func.count()).select_from(Message).where(Message.direction == "in"))
        assert inbound == 1
        assert await count(live, Conversation) == 1
        assert await count(live, Contact) == 1
        await fake_telegram.wait_for("sendMessage", count=1)
        await asyncio.sleep(0.3)
        assert len(fake_telegram.sent_messages()) == 1, "the welcome must be sent once, not once per delivery"


async def test_concurrent_first_messages_from_one_person_share_a_conversation(make_settings):
    async with live_app(make_settings()) as live, live.client() as client:
        updates = [
            load_update("text_message", update_id=900 + i, message_id=50 + i, text=f"message {i}") for i in range(10)
        ]
        replies = await asyncio.gather(*(client.post("/webhooks/telegram", json=u, headers=HEADERS) for u in updates))
        assert {r.status_code for r in replies} == {200}
        assert await count(live, Contact) == 1
        assert await count(live, Conversation) == 1
        async with live.services.sessionmaker() as session:
            inbound = await session.scalar(select(func.count()).select_from(Message).where(Message.direction == "in"))
        assert inbound == 10


@pytest.mark.parametrize(
    "fixture", ["edited_message", "my_chat_member_blocked", "sticker_message", "photo_message", "location_message"]
)
async def test_other_update_kinds_are_acknowledged_without_error(make_settings, fixture):
    async with live_app(make_settings()) as live, live.client() as client:
        response = await client.post("/webhooks/telegram", json=load_update(fixture), headers=HEADERS)
        assert response.status_code == 200


async def test_media_is_kept_as_metadata_and_answered_politely(make_settings, fake_telegram):
    async with live_app(make_settings()) as live, live.client() as client:
        await client.post("/webhooks/telegram", json=load_update("photo_message"), headers=HEADERS)
        calls = await fake_telegram.wait_for("sendMessage", count=1)
        assert any("text" in c.params["text"].lower() for c in calls)
        assert await count(live, Conversation) == 1


async def test_malformed_json_is_a_clear_400_and_stores_nothing(make_settings):
    async with live_app(make_settings()) as live, live.client() as client:
        response = await client.post(
            "/webhooks/telegram", content=b"{not json", headers={**HEADERS, "content-type": "application/json"}
        )
        assert response.status_code == 400
        assert await count(live, Message) == 0


async def test_oversized_body_is_refused(make_settings):
    async with live_app(make_settings(max_body_bytes=1024)) as live, live.client() as client:
        update = load_update("text_message", text="x" * 5000)
        response = await client.post("/webhooks/telegram", json=update, headers=HEADERS)
        assert response.status_code == 413
        assert await count(live, Message) == 0
