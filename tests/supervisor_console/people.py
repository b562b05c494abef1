"""Members of the public writing on Telegram, as the tests need them: one call per message, ids kept apart."""

from __future__ import annotations

import itertools
import re

import httpx
from sqlalchemy import select

from core.models import Conversation
from core.services import Services
from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import load_update

HEADERS = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
_ids = itertools.count(1)


async def person_writes(client: httpx.AsyncClient, text: str, *, chat_id: int) -> None:
    n = next(_ids)
    update = load_update("text_message", update_id=900_000 + n, message_id=5_000 + n, chat_id=chat_id, text=text)
    response = await client.post("/webhooks/telegram", json=update, headers=HEADERS)
    assert response.status_code == 200, response.text


async def conversation_of(services: Services, chat_id: int) -> int:
    """The id of the newest conversation, found the way a liaison would not need to: by elimination in the DB."""
    async with services.sessionmaker() as session:
        ids = list(await session.scalars(select(Conversation.id).order_by(Conversation.id)))
    assert ids, "no conversation was created"
    return ids[-1]


def conversation_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'href="/console/conversations/(\d+)"', html)]
