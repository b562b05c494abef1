"""Demo data for `make run`: a supervisor with a one-time password, and a few sample conversations."""

from __future__ import annotations

import secrets

from sqlalchemy import select

from core.channels import InboundMessage
from core.models import Staff
from core.services import build_services
from core.settings import Settings
from handlers.receive import do_receive_inbound

DEMO_SUPERVISOR = "demo-supervisor"
# Invented people writing on the web chat, in three languages, so the queue shows triage at work.
_SAMPLES = (
    ("demo-person-1", "en", "hi, where can I find a lawyer for my asylum interview next month?"),
    ("demo-person-2", "uk", "мені дуже погано, я купила таблетки і хочу все закінчити сьогодні"),
    ("demo-person-3", "ar", "زوجي ضربني مرة ثانية وانا خايفة ارجع البيت"),
)


async def seed_demo(settings: Settings) -> list[str]:
    services = build_services(settings)
    lines: list[str] = []
    try:
        async with services.sessionmaker() as session:
            exists = await session.scalar(select(Staff.id).where(Staff.username == DEMO_SUPERVISOR))
        if exists is None:
            from bot.staff import add_staff

            password = secrets.token_urlsafe(12)
            await add_staff(
                settings,
                role="supervisor",
                username=DEMO_SUPERVISOR,
                password=password,
                display_name="Demo Supervisor",
                languages=["en", "ar", "uk", "ru", "fa", "fr", "es"],
                must_change_password=True,
            )
            lines += [
                "Demo supervisor created. This one-time password is shown once; you choose your own at first sign-in:",
                f"  username: {DEMO_SUPERVISOR}",
                f"  password: {password}",
            ]
            for sender, language, text in _SAMPLES:
                await do_receive_inbound(
                    services=services,
                    inbound=InboundMessage(
                        channel="webchat",
                        sender_id=sender,
                        reply_address="webchat",
                        message_id=f"{sender}:1",
                        received_at=services.clock.now(),
                        text=text,
                        language_hint=language,
                    ),
                )
            lines.append(f"{len(_SAMPLES)} sample conversations are waiting in the queue.")
        else:
            lines.append("Demo data already present (the one-time password was shown when it was created).")
    finally:
        await services.aclose()
    return lines
