"""A person with a full escalation record (L2 handover, sharing record, a break approval) for privacy tests."""

from __future__ import annotations

from sqlalchemy import select

from core.models import Conversation, Message, Staff
from escalation.packets import SharingInput, do_handover
from escalation.protocol import do_raise
from escalation.referrals import do_approve_break
from tests.handlers.person import TelegramPerson
from tests.support.console import create_staff
from tests.support.live import LiveApp


async def _staff(live: LiveApp, username: str) -> Staff:
    async with live.services.sessionmaker() as session:
        return (await session.scalars(select(Staff).where(Staff.username == username))).one()


async def person_with_escalation_records(live: LiveApp, person: TelegramPerson, canary: str) -> int:
    """The person writes and consents; supervisors hand over to a caseworker and approve a break. Returns its id."""
    services = live.services
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
    return escalation_id
