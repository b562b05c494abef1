"""Delivery statuses move an outbound message forward only, whatever order Meta delivers them in."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from sqlalchemy import select

from core.models import AuditEvent, Message
from tests.bot.whatsapp.conftest import WA_ID, post_signed
from tests.fakes.graph_api import FakeGraphAPI, load_webhook
from tests.support.live import LiveApp, live_app

RANK = {"sent": 1, "delivered": 2, "read": 3}


async def _greeted(live: LiveApp, meta, fake: FakeGraphAPI) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """The person writes; returns the wamid of the service's first answer once it is recorded as sent."""
    assert (await post_signed(meta, load_webhook("text_message"))).status_code == 200
    await fake.wait_for_sent(1, to=WA_ID)
    wamid = fake.accepted_ids(WA_ID)[0]
    for _ in range(250):
        async with live.services.sessionmaker() as session:
            message = await session.scalar(
                select(Message).where(Message.direction == "out", Message.status != "queued").order_by(Message.id)
            )
        if message is not None:
            return wamid, message.id
        await asyncio.sleep(0.02)
    raise AssertionError("the answer was never recorded as sent")


async def _status_of(live: LiveApp, message_id: int) -> Message:
    async with live.services.sessionmaker() as session:
        message = await session.get(Message, message_id)
    assert message is not None
    return message


@pytest.mark.parametrize("order", list(itertools.permutations(["sent", "delivered", "read"])), ids="-".join)
async def test_statuses_out_of_order_end_in_the_furthest_state(wa_settings, fake_graph, order):
    async with live_app(wa_settings()) as live, live.client() as meta:
        wamid, message_id = await _greeted(live, meta, fake_graph)
        seen = []
        for name in order:
            assert (await post_signed(meta, load_webhook(f"status_{name}", status_id=wamid))).status_code == 200
            seen.append((await _status_of(live, message_id)).status)
        assert seen[-1] == "read"
        ranks = [RANK[s] for s in seen]
        assert ranks == sorted(ranks), f"never backwards: {seen}"


async def test_a_replayed_or_late_status_changes_nothing(wa_settings, fake_graph):
    async with live_app(wa_settings()) as live, live.client() as meta:
        wamid, message_id = await _greeted(live, meta, fake_graph)
        delivered = load_webhook("status_delivered_without_user_id", status_id=wamid)
        for _ in range(5):
            assert (await post_signed(meta, delivered)).status_code == 200
        assert (await _status_of(live, message_id)).status == "delivered"
        # A failure reported after delivery was proven cannot undo it.
        assert (await post_signed(meta, load_webhook("status_failed", status_id=wamid))).status_code == 200
        assert (await _status_of(live, message_id)).status == "delivered"
        # A status about a message we never sent (or already erased) is acknowledged and ignored.
        unknown = load_webhook("status_read", status_id="wamid.UNKNOWN")
        assert (await post_signed(meta, unknown)).status_code == 200


async def test_a_failed_status_shows_in_the_console_with_its_error(wa_settings, fake_graph):
    from tests.support.console import create_staff, sign_in

    settings = wa_settings()
    await create_staff(settings, "noor", role="supervisor")
    async with live_app(settings) as live, live.client() as meta, live.client() as supervisor:
        wamid, message_id = await _greeted(live, meta, fake_graph)
        failed = load_webhook("status_failed", status_id=wamid)
        for _ in range(3):  # at least once: the replays change nothing more
            assert (await post_signed(meta, failed)).status_code == 200
        message = await _status_of(live, message_id)
        assert message.status == "failed"
        assert message.error is not None and "131047" in message.error and "24 hours" in message.error
        # Later good news about a failed message does not resurrect it.
        assert (await post_signed(meta, load_webhook("status_read", status_id=wamid))).status_code == 200
        assert (await _status_of(live, message_id)).status == "failed"
        async with live.services.sessionmaker() as session:
            audits = list(await session.scalars(select(AuditEvent).where(AuditEvent.code == 310)))
        assert len(audits) == 1 and audits[0].data["channel"] == "whatsapp"

        await sign_in(supervisor, "noor")
        page = await supervisor.get(f"/console/conversations/{message.conversation_id}")
        assert "Not delivered" in page.text and "131047" in page.text
