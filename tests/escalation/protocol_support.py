"""Building a desk without HTTP for the protocol's unit tests: services, staff, and a person who wrote."""

from __future__ import annotations

from sqlalchemy import select

from core.channels import InboundMessage
from core.models import Conversation, Staff
from core.services import Services
from handlers.receive import do_receive_inbound


async def person_writes(services: Services, sender: str, text: str, n: int = 1) -> int:
    await do_receive_inbound(
        services=services,
        inbound=InboundMessage(
            channel="webchat",
            sender_id=sender,
            reply_address="webchat",
            message_id=f"{sender}:{n}",
            received_at=services.clock.now(),
            text=text,
            language_hint="en",
        ),
    )
    async with services.sessionmaker() as session:
        found = await session.scalar(select(Conversation.id).order_by(Conversation.id.desc()).limit(1))
    assert found is not None
    return int(found)


async def staff(services: Services, username: str) -> Staff:
    async with services.sessionmaker() as session:
        found = await session.scalar(select(Staff).where(Staff.username == username))
    assert found is not None
    return found
