"""A person writes on Telegram, a liaison answers from the console, the reply reaches Telegram — on both backends."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from core.models import Conversation, Message
from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import FakeTelegramAPI, load_update
from tests.support.console import create_staff, sign_in
from tests.support.live import live_app

HEADERS = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}


async def _counts(live) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    async with live.services.sessionmaker() as session:
        messages = await session.scalar(select(func.count()).select_from(Message).where(Message.direction == "in"))
        conversations = await session.scalar(select(func.count()).select_from(Conversation))
    return int(messages or 0), int(conversations or 0)


async def test_message_reaches_console_and_reply_reaches_telegram(make_settings, fake_telegram: FakeTelegramAPI):
    settings = make_settings()
    await create_staff(settings, "amira", display_name="Amira")
    update = load_update("text_message", text="Hello, I need help finding a lawyer")
    chat_id = update["message"]["chat"]["id"]
    async with live_app(settings) as live, live.client() as person_side, live.client() as liaison:
        response = await person_side.post("/webhooks/telegram", json=update, headers=HEADERS)
        assert response.status_code == 200

        await sign_in(liaison, "amira")
        queue = await liaison.get("/console")
        match = re.search(r'href="/console/conversations/(\d+)"', queue.text)
        assert match, "the conversation is not in the queue"
        conversation_url = f"/console/conversations/{match.group(1)}"

        page = await liaison.get(conversation_url)
        assert "Hello, I need help finding a lawyer" in page.text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]

        sent = await liaison.post(
            f"{conversation_url}/reply", data={"text": "Hi, I'm Amira. Which city are you in?", "csrf_token": csrf}
        )
        assert sent.status_code == 303
        await fake_telegram.wait_for("sendMessage", count=2)  # the welcome, then Amira's reply
        texts = [m["text"] for m in fake_telegram.sent_messages(chat_id=chat_id)]
        assert texts[-1] == "Hi, I'm Amira. Which city are you in?"

        follow_up = load_update(
            "text_message",
            update_id=update["update_id"] + 1,
            message_id=update["message"]["message_id"] + 1,
            text="I'm in Lyon",
        )
        assert (await person_side.post("/webhooks/telegram", json=follow_up, headers=HEADERS)).status_code == 200
        page = await liaison.get(conversation_url)
        assert "I&#39;m in Lyon" in page.text or "I'm in Lyon" in page.text
        assert await _counts(live) == (2, 1)
