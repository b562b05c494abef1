"""Two `serve` processes behind one PostgreSQL and one Redis see each other's console events."""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import load_update
from tests.support.live import live_app


@pytest.mark.parametrize("backend", ["postgres+redis"], indirect=True)
async def test_an_event_in_one_process_reaches_pages_of_the_other(make_settings):
    settings = make_settings()
    async with (
        live_app(settings) as first,
        live_app(settings) as second,
        second.services.bus.subscribe() as events,
        first.client() as client,
    ):
        response = await client.post(
            "/webhooks/telegram",
            json=load_update("text_message"),
            headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET},
        )
        assert response.status_code == 200
        event = await asyncio.wait_for(events.get(), timeout=5)
        assert event["type"] == "message.new" and isinstance(event["conversation_id"], int)
        assert set(event) <= {"type", "conversation_id", "direction", "level", "status"}
