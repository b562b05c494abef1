"""Shared steps for the escalation tests: a desk of staff, a person writing, and what the person received."""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
from sqlalchemy import select

from core.models import AuditEvent, Escalation
from core.services import Services
from core.settings import Settings
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.supervisor_console.people import conversation_of, person_writes
from tests.support.console import create_staff, csrf_from, sign_in
from tests.support.live import LiveApp, live_app

DESK = (("lia", "liaison"), ("sup1", "supervisor"), ("sup2", "supervisor"), ("cw", "caseworker"))


@dataclass
class Desk:
    live: LiveApp
    public: httpx.AsyncClient
    staff: dict[str, httpx.AsyncClient] = field(default_factory=dict)
    csrf: dict[str, str] = field(default_factory=dict)

    @property
    def services(self) -> Services:
        return self.live.services

    async def post(self, who: str, url: str, **data: object) -> httpx.Response:
        return await self.staff[who].post(url, data={"csrf_token": self.csrf[who], **data})

    async def get(self, who: str, url: str) -> httpx.Response:
        return await self.staff[who].get(url)

    async def person_writes(self, text: str, chat_id: int) -> int:
        await person_writes(self.public, text, chat_id=chat_id)
        return await conversation_of(self.services, chat_id)

    async def escalation_of(self, conversation_id: int) -> Escalation:
        async with self.services.sessionmaker() as session:
            found = await session.scalar(
                select(Escalation).where(Escalation.conversation_id == conversation_id).order_by(Escalation.id.desc())
            )
        assert found is not None, "no escalation was raised"
        return found

    async def audit_codes(self, conversation_id: int) -> list[int]:
        async with self.services.sessionmaker() as session:
            rows = await session.scalars(
                select(AuditEvent.code).where(AuditEvent.conversation_id == conversation_id).order_by(AuditEvent.id)
            )
        return list(rows)


@contextlib.asynccontextmanager
async def desk(settings: Settings) -> AsyncIterator[Desk]:
    for username, role in DESK:
        await create_staff(settings, username, role=role, display_name=username.upper())
    async with live_app(settings) as live, live.client() as public, contextlib.AsyncExitStack() as stack:
        found = Desk(live=live, public=public)
        for username, _role in DESK:
            client = await stack.enter_async_context(live.client())
            found.staff[username] = client
            found.csrf[username] = await sign_in(client, username)
        yield found


async def received(fake: FakeTelegramAPI, chat_id: int, needle: str, *, attempts: int = 200) -> list[str]:
    """Every text the person got, once one contains `needle` (delivery runs after commit, in the background)."""
    texts: list[str] = []
    for _ in range(attempts):
        texts = [str(m.get("text", "")) for m in fake.sent_messages(chat_id=chat_id)]
        if any(needle in text for text in texts):
            return texts
        await asyncio.sleep(0.05)
    raise AssertionError(f"the person never received {needle!r}; they got {texts!r}")


def packet_id_from(response: httpx.Response) -> int:
    assert response.status_code == 303, response.text
    match = re.fullmatch(r"/console/packets/(\d+)", response.headers["location"])
    assert match, response.headers["location"]
    return int(match.group(1))


def csrf_of(page: httpx.Response) -> str:
    return csrf_from(page.text)
