"""A message the routers cannot handle is still stored and put in front of a human; the webhook answers 200."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from core.models import Assessment, Conversation, Message
from escalation.triage import Triage
from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import load_update
from tests.support.live import live_app


def _explode(self: Triage, text: str, lang: str | None = None, **_: object) -> None:
    raise ValueError(f"cannot read {text}")  # an exception whose text quotes the person


async def test_a_failing_router_does_not_lose_the_message(make_settings, monkeypatch, caplog):
    canary = "CANARY-routing-4711"
    monkeypatch.setattr(Triage, "assess", _explode)
    caplog.set_level(logging.DEBUG)
    async with live_app(make_settings()) as live, live.client() as client:
        update = load_update("text_message", text=f"please help {canary}")
        response = await client.post(
            "/webhooks/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        )
        assert response.status_code == 200, "a redelivery would fail the same way forever"
        async with live.services.sessionmaker() as session:
            conversation = (await session.scalars(select(Conversation))).one()
            stored = (await session.scalars(select(Message).where(Message.direction == "in"))).one()
            assessment = (await session.scalars(select(Assessment))).one()
    assert stored.body_enc is not None
    assert (conversation.status, conversation.level, conversation.assignee_id) == ("open", "high", None)
    assert conversation.sla_due_at is not None, "it is waiting for a human, with a deadline"
    assert assessment.rules == ["system.routing_failed"]
    assert any("routing_failed" in r.getMessage() for r in caplog.records)
    assert canary not in caplog.text, "the exception's text never reaches the log"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_the_console_shows_why(make_settings, monkeypatch):
    monkeypatch.setattr(Triage, "assess", _explode)
    from tests.support.console import create_staff, sign_in

    settings = make_settings()
    await create_staff(settings, "ines")
    async with live_app(settings) as live, live.client() as client, live.client() as liaison:
        update = load_update("text_message", text="hello")
        await client.post(
            "/webhooks/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        )
        await sign_in(liaison, "ines")
        async with live.services.sessionmaker() as session:
            conversation_id = (await session.scalars(select(Conversation.id))).one()
        page = await liaison.get(f"/console/conversations/{conversation_id}")
    assert "system.routing_failed" in page.text
