"""A caseworker writing through the bot relay is held to WhatsApp's 24-hour window like any staff reply."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.clock import Clock, utcnow
from core.models import Conversation, HandoverPacket, Message, OutboxItem, Staff
from escalation.packets import SharingInput, do_handover
from escalation.protocol import ProtocolRefusedError, do_raise
from escalation.relay import do_relay_reply
from tests.bot.whatsapp.conftest import post_signed
from tests.fakes.graph_api import load_webhook
from tests.support.console import create_staff
from tests.support.live import live_app


async def _staff(live, username: str) -> Staff:  # type: ignore[no-untyped-def]
    async with live.services.sessionmaker() as session:
        return (await session.scalars(select(Staff).where(Staff.username == username))).one()


async def _pending(live) -> int:  # type: ignore[no-untyped-def]
    async with live.services.sessionmaker() as session:
        return int(
            await session.scalar(select(func.count()).select_from(OutboxItem).where(OutboxItem.state == "pending")) or 0
        )


async def test_relay_inside_the_window_goes_out_and_outside_it_is_refused(wa_settings, fake_graph):
    settings = wa_settings(embedded_worker=False)
    start = utcnow()
    clock = Clock(lambda: start)
    for name, role in (("sup", "supervisor"), ("case", "caseworker")):
        await create_staff(settings, name, role=role)
    async with live_app(settings, clock=clock) as live, live.client() as meta:
        assert (await post_signed(meta, load_webhook("text_message"))).status_code == 200
        services = live.services
        sup, caseworker = await _staff(live, "sup"), await _staff(live, "case")
        async with services.sessionmaker() as session:
            conversation = (await session.scalars(select(Conversation))).one()
            message_id = (await session.scalars(select(Message.id).where(Message.direction == "in"))).first()
        escalation_id = await do_raise(
            services=services, staff=sup, conversation_id=conversation.id, level="L2", reason_code="specialist_support"
        )
        sharing = SharingInput(
            necessity="needs a caseworker",
            proportionality="summary only",
            consent="given",
            consent_reason="agreed in chat",
            lawful_basis="consent",
        )
        await do_handover(
            services=services,
            staff=sup,
            escalation_id=escalation_id,
            caseworker_id=caseworker.id,
            summary="tenancy problem",
            message_ids=[message_id],
            sharing=sharing,
        )
        async with services.sessionmaker() as session:
            packet_id = (await session.scalars(select(HandoverPacket.id))).one()

        before = await _pending(live)
        await do_relay_reply(services=services, staff=caseworker, packet_id=packet_id, text="I can help with that.")
        assert await _pending(live) == before + 1, "inside the window the relay reply is queued"

        clock.advance(timedelta(hours=24, minutes=5))
        with pytest.raises(ProtocolRefusedError, match="24-hour window closed"):
            await do_relay_reply(services=services, staff=caseworker, packet_id=packet_id, text="Are you there?")
        assert await _pending(live) == before + 1, "nothing more was queued"
