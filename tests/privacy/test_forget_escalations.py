"""/forget after a handover and a confidentiality break: our copies of what was written are erased, the record stays."""

from __future__ import annotations

import asyncio
import secrets

from sqlalchemy import select

from content.render import get_catalog
from core.models import BreakApproval, HandoverPacket, SharingRecord
from tests.handlers.person import TelegramPerson
from tests.privacy.escalation_setup import person_with_escalation_records
from tests.privacy.scan import find_in_database
from tests.support.live import live_app

CHAT_ID = 7345129082


async def test_forget_erases_packet_sharing_record_and_break_reasons(make_settings, fake_telegram):
    canary = f"CANARY-{secrets.token_hex(8)}"
    async with live_app(make_settings()) as live, live.client() as client:
        services = live.services
        person = TelegramPerson(client, fake_telegram, chat_id=CHAT_ID)
        await person_with_escalation_records(live, person, canary)

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
