"""A tapped button reads as words wherever people see it, never as its payload code."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.models import Conversation
from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import load_update
from tests.support.live import live_app


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_tapped_telegram_button_reads_as_words_in_the_transcript(make_settings):
    from tests.support.console import create_staff, sign_in

    settings = make_settings()
    await create_staff(settings, "ines")
    async with live_app(settings) as live, live.client() as client, live.client() as liaison:
        headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        await client.post("/webhooks/telegram", json=load_update("text_message", text="hello"), headers=headers)
        await client.post("/webhooks/telegram", json=load_update("callback_query", data="consent:yes"), headers=headers)
        await sign_in(liaison, "ines")
        async with live.services.sessionmaker() as session:
            conversation_id = (await session.scalars(select(Conversation.id))).one()
        page = await liaison.get(f"/console/conversations/{conversation_id}")
    assert "[Continue]" in page.text and "consent:yes" not in page.text
