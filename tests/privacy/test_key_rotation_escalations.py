"""Key rotation reaches every encrypted column of the escalation records, so it completes once cases exist."""

from __future__ import annotations

import base64
import secrets

from sqlalchemy import select

from bot.keys import encrypted_columns, rotate_data_key
from core.models import HandoverPacket
from core.services import build_services
from escalation.packets import packet_content
from tests.handlers.person import TelegramPerson
from tests.privacy.escalation_setup import person_with_escalation_records
from tests.support.live import live_app


async def test_rotation_completes_and_escalation_records_stay_readable(make_settings, fake_telegram):
    canary = f"CANARY-{secrets.token_hex(8)}"
    settings = make_settings()
    async with live_app(settings) as live, live.client() as client:
        await person_with_escalation_records(live, TelegramPerson(client, fake_telegram), canary)

    assert settings.data_key is not None
    new_key = "k2:" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    rotated = settings.model_copy(
        update={"data_key": type(settings.data_key)(f"{new_key},{settings.data_key.get_secret_value()}")}
    )
    rotated.__dict__.pop("data_keys", None)  # the parsed keys are cached per settings object
    services = build_services(rotated)
    try:
        report = await rotate_data_key(services)
        assert report.complete, f"values still on the old key: {report.remaining}"
        for name in ("sharing_records.necessity_enc", "break_approvals.reason_enc", "handover_packets.content_enc"):
            assert report.rotated.get(name, 0) >= 1, f"{name} was not re-encrypted"
        async with services.sessionmaker() as session:
            for table, column in encrypted_columns():
                for (value,) in await session.execute(select(table.c[column]).where(table.c[column].is_not(None))):
                    assert services.cipher.key_id_of(value) == "k2", f"{table.name}.{column} kept the old key"
            packet = (await session.scalars(select(HandoverPacket))).one()
        content = packet_content(services.cipher, packet)
        assert content is not None and canary in content.summary
    finally:
        await services.aclose()
