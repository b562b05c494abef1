"""Retention with a controlled clock: bodies go N days after their conversation ended, and nothing else changes."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.worker import purge_with
from core.channels import InboundMessage
from core.clock import Clock
from core.models import AuditEvent, ChannelIdentity, Contact, Conversation, Message
from core.services import Services, build_services
from handlers.receive import do_receive_inbound
from tests.privacy.scan import database_rows

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
_ids = itertools.count()


async def _say(services: Services, who: str, text: str = "", button: str | None = None) -> int:
    result = await do_receive_inbound(
        services=services,
        inbound=InboundMessage(
            channel="webchat",
            sender_id=who,
            reply_address="webchat",
            message_id=f"{who}:{next(_ids)}",
            received_at=services.clock.now(),
            kind="button" if button else "text",
            text=text,
            button_data=button,
        ),
    )
    assert result.conversation_id is not None
    return result.conversation_id


async def _bodies(services: Services, conversation_id: int) -> int:
    async with services.sessionmaker() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(Message)
            .where(Message.conversation_id == conversation_id, Message.body_enc.is_not(None))
        )
    return int(count or 0)


def _without_bodies(rows: dict[str, list[dict[str, object]]]) -> dict[str, list[dict[str, object]]]:
    """Everything stored except what retention is allowed to erase (and the audit row recording it)."""
    kept = {name: table for name, table in rows.items() if name != "audit_events"}
    kept["messages"] = [{k: v for k, v in row.items() if k != "body_enc"} for row in rows["messages"]]
    kept["outbox"] = [{k: v for k, v in row.items() if k != "payload_enc"} for row in rows["outbox"]]
    return kept


async def test_purge_removes_bodies_past_the_limit_and_nothing_else(make_settings):
    clock = Clock(now=lambda: START)
    services = build_services(make_settings(retention_days=30), clock=clock)
    try:
        old = await _say(services, "ana", "my first question")
        await _say(services, "ana", "/stop")
        clock.advance(timedelta(days=10))
        recent = await _say(services, "ben", "a question closed later")
        await _say(services, "ben", "/stop")
        still_open = await _say(services, "cai", "still waiting for an answer")
        clock.advance(timedelta(days=20, minutes=1))  # `old` ended 30 days and a minute ago, `recent` 20 days ago

        before = await database_rows(services)
        assert await purge_with(services) == await _bodies_count_before(before, old)
        after = await database_rows(services)

        assert await _bodies(services, old) == 0
        assert await _bodies(services, recent) > 0 and await _bodies(services, still_open) > 0
        assert _without_bodies(after) == _without_bodies(before), "only bodies past the limit change"
        async with services.sessionmaker() as session:
            audit = (await session.scalars(select(AuditEvent).where(AuditEvent.code == 505))).one()
            assert set(audit.data) == {"count"}, "the audit row keeps a number, never text"
            assert await session.scalar(select(func.count()).select_from(ChannelIdentity)) == 3

        assert await purge_with(services) == 0, "a second run finds nothing more"
        clock.advance(timedelta(days=10))
        await purge_with(services)
        assert await _bodies(services, recent) == 0 and await _bodies(services, still_open) > 0
    finally:
        await services.aclose()


async def _bodies_count_before(rows: dict[str, list[dict[str, object]]], conversation_id: int) -> int:
    return sum(1 for m in rows["messages"] if m["conversation_id"] == conversation_id and m["body_enc"] is not None)


async def test_someone_who_declined_storage_has_their_words_erased_when_the_conversation_ends(make_settings):
    clock = Clock(now=lambda: START)
    services = build_services(make_settings(retention_days=30), clock=clock)
    try:
        conversation = await _say(services, "dara", "I only want to ask one thing")
        await _say(services, "dara", button="consent:no")
        assert await _bodies(services, conversation) > 0, "an open conversation keeps its words for the liaison"
        await _say(services, "dara", "/stop")
        async with services.sessionmaker() as session:
            inbound = await session.scalar(
                select(func.count())
                .select_from(Message)
                .where(
                    Message.conversation_id == conversation, Message.direction == "in", Message.body_enc.is_not(None)
                )
            )
            contact = (await session.scalars(select(Contact))).one()
            ended = await session.get_one(Conversation, conversation)
        assert inbound == 0 and contact.consent_state == "declined" and ended.status == "stopped"
        await purge_with(services)
        assert await _bodies(services, conversation) == 0, "even our own replies go at the next purge"
    finally:
        await services.aclose()
