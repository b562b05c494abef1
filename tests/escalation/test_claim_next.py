"""Claim-next through the console: urgency first, readable languages, critical to supervisors, no double claims."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest
from sqlalchemy import select

from core.models import Conversation
from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import load_update
from tests.support.console import create_staff, csrf_from, sign_in
from tests.support.live import LiveApp, live_app

HEADERS = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}


async def _write(client: httpx.AsyncClient, n: int, text: str, language_code: str = "en") -> None:
    update = load_update("text_message", update_id=5000 + n, message_id=10 + n, chat_id=7_100_000_000 + n, text=text)
    update["message"]["from"]["language_code"] = language_code
    assert (await client.post("/webhooks/telegram", json=update, headers=HEADERS)).status_code == 200


async def _claim_next(client: httpx.AsyncClient) -> int | None:
    page = await client.get("/console")
    response = await client.post("/console/claim-next", data={"csrf_token": csrf_from(page.text)})
    assert response.status_code == 303
    match = re.search(r"/console/conversations/(\d+)$", response.headers["location"])
    return int(match.group(1)) if match else None


async def _level_of(live: LiveApp, conversation_id: int) -> tuple[str, str | None]:
    async with live.services.sessionmaker() as session:
        conversation = await session.get_one(Conversation, conversation_id)
        return conversation.level, conversation.language


async def test_claim_next_serves_the_most_urgent_first(make_settings):
    settings = make_settings()
    await create_staff(settings, "omar", languages=["en"])
    async with live_app(settings) as live, live.client() as people, live.client() as liaison:
        await _write(people, 1, "hello, what documents do I need for the job centre?")
        await _write(people, 2, "I am going to take all the pills tonight")
        await _write(people, 3, "my husband hits me and I am scared of him")
        await sign_in(liaison, "omar")
        first = await _claim_next(liaison)
        second = await _claim_next(liaison)
        third = await _claim_next(liaison)
        assert [(await _level_of(live, c))[0] for c in (first, second, third)] == ["critical", "high", "normal"]
        assert await _claim_next(liaison) is None, "nothing left to claim"


async def test_liaisons_are_offered_languages_they_read_and_supervisors_any_critical(make_settings):
    settings = make_settings()
    await create_staff(settings, "marie", languages=["fr"])
    await create_staff(settings, "sup", role="supervisor", languages=["en"])
    async with live_app(settings) as live, live.client() as people, live.client() as liaison, live.client() as sup:
        await _write(people, 1, "у мене є таблетки, я хочу померти сьогодні вночі", language_code="uk")
        async with live.services.sessionmaker() as session:
            conversation = await session.scalar(select(Conversation))
        assert (conversation.level, conversation.language) == ("critical", "uk")

        await sign_in(liaison, "marie")
        assert await _claim_next(liaison) is None, "a French-reading liaison is not offered Ukrainian"
        await sign_in(sup, "sup")
        assert await _claim_next(sup) == conversation.id, "a critical conversation reaches a supervisor in any language"


async def test_a_normal_conversation_in_an_unread_language_is_not_forced_on_a_supervisor(make_settings):
    settings = make_settings()
    await create_staff(settings, "sup", role="supervisor", languages=["en"])
    async with live_app(settings) as live, live.client() as people, live.client() as sup:
        await _write(people, 1, "привіт, де можна знайти юриста?", language_code="uk")
        await sign_in(sup, "sup")
        assert await _claim_next(sup) is None


@pytest.mark.parametrize("backend", ["postgres+redis"], indirect=True)
async def test_two_processes_never_claim_the_same_conversation(make_settings):
    settings = make_settings()
    names = [f"liaison{i}" for i in range(6)]
    for name in names:
        await create_staff(settings, name, languages=["en"])
    async with live_app(settings) as first, live_app(settings) as second, first.client() as people:
        for n in range(12):
            await _write(people, n, f"hello, I have a question about housing number {n}")
        clients = [(first if i % 2 else second).client() for i in range(len(names))]
        try:
            for client, name in zip(clients, names, strict=True):
                await sign_in(client, name)
            claims: list[int | None] = []
            for _round in range(3):
                claims += await asyncio.gather(*(_claim_next(c) for c in clients))
        finally:
            for client in clients:
                await client.aclose()
        taken = [c for c in claims if c is not None]
        assert len(taken) == 12 and len(set(taken)) == 12, "every conversation claimed exactly once"
        async with first.services.sessionmaker() as session:
            owners = {c.id: c.assignee_id for c in await session.scalars(select(Conversation))}
        assert all(owner is not None for owner in owners.values())
