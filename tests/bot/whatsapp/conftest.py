"""WhatsApp test fixtures: the fake Graph API, settings that point at it, and signed webhook posts."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from core.settings import Settings
from tests.fakes.graph_api import ACCESS_TOKEN, PHONE_NUMBER_ID, FakeGraphAPI, sign
from tests.support.live import LiveApp

APP_SECRET = "test-app-secret-" + "s" * 24
VERIFY_TOKEN = "test-verify-token-" + "v" * 16
WA_ID = "15550001234"
USER_ID = "US.13491208655302741918"


@pytest.fixture
def fake_graph() -> Iterator[FakeGraphAPI]:
    with FakeGraphAPI() as fake:
        yield fake


@pytest.fixture
def wa_settings(make_settings: Callable[..., Settings], fake_graph: FakeGraphAPI) -> Callable[..., Settings]:
    def factory(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "whatsapp_app_secret": APP_SECRET,
            "whatsapp_verify_token": VERIFY_TOKEN,
            "whatsapp_access_token": ACCESS_TOKEN,
            "whatsapp_phone_number_id": PHONE_NUMBER_ID,
            "whatsapp_api_url": fake_graph.api_url,
        }
        values.update(overrides)
        return make_settings(**values)

    return factory


def body_of(payload: dict[str, Any] | bytes) -> bytes:
    """Compact JSON with non-ASCII kept as UTF-8, the way Meta sends it."""
    if isinstance(payload, bytes):
        return payload
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


async def post_signed(
    client: httpx.AsyncClient, payload: dict[str, Any] | bytes, *, secret: str = APP_SECRET
) -> httpx.Response:
    body = body_of(payload)
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(secret, body)}
    return await client.post("/webhooks/whatsapp", content=body, headers=headers)


async def count(live: LiveApp, model: type, *where: Any) -> int:
    async with live.services.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)
