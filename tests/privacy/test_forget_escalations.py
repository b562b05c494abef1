"""/forget after a handover and a confidentiality break: our copies of what was written are erased, the record stays."""

from __future__ import annotations

import asyncio
import secrets

from sqlalchemy import select

from content.render import get_catalog
from core.models import BreakApproval, Conversation, HandoverPacket, Message, SharingRecord, Staff
from escalation.packets import SharingInput, do_handover
from escalation.protocol import do_raise
from escalation.referrals import do_approve_break
from tests.handlers.person import TelegramPerson
from tests.privacy.scan import find_in_database
from tests.support.console import create_staff
from tests.support.live import live_app

CHAT_ID = 7345129082


async def _staff(live, username: str) -> Staff:  # type: ignore[no-untyped-def]
    async with live.services.sessionmaker() as session:
        return (await session.scalars(select(Staff).where(Staff.username == username))).one()


async def test_forget_erases_packet_sharing_record_and_break_reasons(make_settings, fake_telegram):
    canary = f"CANARY-{secrets.token_hex(8)}"
    async with live_app(make_settings()) as live, live.client() as client:
        services = live.services
        person = TelegramPerson(client, fake_telegram, chat_id=CHAT_ID)
        await person.say(f"My cousin {canary} is keeping my passport and makes me work without pay")
        await person.tap("consent:yes")
        for name, role in (("sup1", "supervisor"), ("sup2", "supervisor"), ("case1", "caseworker")):
            await create_staff(services.settings, name, role=role)
        sup1, sup2, caseworker = [await _staff(live, n) for n in ("sup1", "sup2", "case1")]
        async with services.sessionmaker() as session:
            conversation = (await session.scalars(select(Conversation))).one()
            first_message = (
                await session.scalars(
                    select(Message).where(Message.conversation_id == conversation.id, Message.direction == "in")
                )
            ).first()
        assert first_message is not None

        escalation_id = await do_raise(
            services=services,
            staff=sup1,
            conversation_id=conversation.id,
            level="L2",
            reason_code="specialist_support",
            reason=f"exploitation, mentions {canary}",
        )
        sharing = SharingInput(
            necessity=f"needs specialist help about {canary}",
            proportionality=f"only the summary of {canary}",
            consent="given",
            consent_reason=f"agreed in chat when {canary} was discussed",
            lawful_basis="consent",
        )
        await do_handover(
            services=services,
            staff=sup1,
            escalation_id=escalation_id,
            caseworker_id=caseworker.id,
            summary=f"Person describes {canary} holding documents",
            message_ids=[first_message.id],
            sharing=sharing,
        )
        await do_approve_break(
            services=services,
            staff=sup2,
            escalation_id=escalation_id,
            lawful_basis="vital_interests",
            reason=f"risk from {canary}",
        )

        before = await find_in_database(services, [canary])
        assert len(before) >= 5, f"the scan must see the canary in the escalation records first: {before}"

        await person.say("/forget")
        await person.tap("cmd:forget:confirm")
        done = get_catalog().render("forget_done", "en", erased_messages=0).split("0", 1)[0]
        for _ in range(400):
            if any(m.get("text", "").startswith(done) for m in fake_telegram.sent_messages(chat_id=CHAT_ID)):
                break
            await asyncio.sleep(0.025)
        else:
            raise AssertionError("the person was not told what was erased")
        await asyncio.sleep(0.2)  # let the worker record the delivery before the scan
        assert await find_in_database(services, [canary, str(CHAT_ID)]) == []

        async with services.sessionmaker() as session:
            packet = (await session.scalars(select(HandoverPacket))).one()
            record = (await session.scalars(select(SharingRecord))).one()
            approval = (await session.scalars(select(BreakApproval))).one()
        assert packet.content_enc is None and record.necessity_enc is None and approval.reason_enc is None
        assert (record.consent, record.lawful_basis, approval.lawful_basis) == (
            "given",
            "consent",
            "vital_interests",
        ), "what was decided, and on which basis, stays on the record"
