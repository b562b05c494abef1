"""The web chat: a pseudonymous session, messages into the console queue, replies back without a reload."""

from __future__ import annotations

import asyncio
import re
import secrets

from tests.support.console import create_staff, csrf_from, sign_in
from tests.support.live import live_app


def _client_id() -> str:
    return secrets.token_hex(8)


async def test_web_chat_round_trip(make_settings):
    settings = make_settings()
    await create_staff(settings, "lina")
    async with live_app(settings) as live, live.client() as person, live.client() as liaison:
        page = await person.get("/chat")
        assert page.status_code == 200 and 'name="viewport"' in page.text
        assert "ld_chat" in person.cookies
        client_id = _client_id()
        words = "مرحبا، أحتاج مساعدة في السكن"
        answer = "أهلاً، في أي مدينة أنت؟"
        sent = await person.post("/chat/messages", json={"text": words, "client_id": client_id})
        assert sent.status_code == 200 and sent.json()["duplicate"] is False
        again = await person.post("/chat/messages", json={"text": words, "client_id": client_id})
        assert again.json()["duplicate"] is True, "a retried post is stored once"

        await sign_in(liaison, "lina")
        queue = await liaison.get("/console")
        url = "/console/conversations/" + re.search(r"/console/conversations/(\d+)", queue.text).group(1)  # type: ignore[union-attr]
        conversation = await liaison.get(url)
        assert words in conversation.text
        assert 'dir="auto"' in conversation.text
        await liaison.post(f"{url}/reply", data={"text": answer, "csrf_token": csrf_from(conversation.text)})

        for _ in range(100):
            messages = (await person.get("/chat/messages")).json()["messages"]
            if any(m["direction"] == "out" and m["text"] == answer for m in messages):
                break
            await asyncio.sleep(0.05)
        else:
            raise AssertionError(f"reply not visible to the person: {messages}")


async def test_web_chat_refuses_posts_without_its_session_or_from_another_site(make_settings):
    async with live_app(make_settings()) as live, live.client() as person:
        no_cookie = await person.post("/chat/messages", json={"text": "hi", "client_id": _client_id()})
        assert no_cookie.status_code == 403
        await person.get("/chat")
        cross_site = await person.post(
            "/chat/messages", json={"text": "hi", "client_id": _client_id()}, headers={"Sec-Fetch-Site": "cross-site"}
        )
        assert cross_site.status_code == 403
        bad = await person.post("/chat/messages", json={"text": "hi", "client_id": "<bad>"})
        assert bad.status_code == 422


async def test_another_session_cannot_read_someone_elses_chat(make_settings):
    async with live_app(make_settings()) as live, live.client() as first, live.client() as second:
        await first.get("/chat")
        await first.post("/chat/messages", json={"text": "my private words", "client_id": _client_id()})
        await second.get("/chat")
        assert (await second.get("/chat/messages")).json()["messages"] == []
