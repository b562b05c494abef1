"""The queue policy a deployment configures reaches the SLA deadlines people see."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from core.levels import Level
from core.models import Conversation
from core.settings import Settings
from escalation.priority import DEFAULT_POLICY
from escalation.queue import policy_from_settings
from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import load_update
from tests.support.live import live_app


def test_settings_build_the_policy_and_refuse_an_inconsistent_one():
    policy = policy_from_settings({"critical": 3}, 600)
    assert policy.sla[Level.CRITICAL] == timedelta(minutes=3)
    assert policy.aging_bound == timedelta(hours=10)
    assert policy_from_settings({}, None) == DEFAULT_POLICY
    with pytest.raises(ValueError, match="lag"):
        policy_from_settings({"high": 10}, None)  # an SLA shorter than the lag that orders it


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_configured_critical_sla_sets_the_deadline(make_settings):
    settings: Settings = make_settings(queue_sla_minutes={"critical": 3})
    update = load_update("text_message", text="I am going to take all the pills tonight")
    async with live_app(settings) as live, live.client() as client:
        headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        await client.post("/webhooks/telegram", json=update, headers=headers)
        async with live.services.sessionmaker() as session:
            conversation = await session.scalar(select(Conversation))
    assert conversation.level == "critical"
    assert conversation.sla_due_at - conversation.waiting_since == timedelta(minutes=3)
