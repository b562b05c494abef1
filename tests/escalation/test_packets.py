"""Handover packets carry the allow-list and nothing else, and no phone number or e-mail from what was selected."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from sqlalchemy import select

from core.models import HandoverPacket, Message
from core.services import build_services
from escalation.packets import ALLOWED_FIELDS, PacketFields, SharingInput, do_handover, packet_content
from escalation.protocol import ProtocolRefusedError, do_acknowledge, do_raise
from escalation.pseudonymise import pseudonymise
from tests.escalation.protocol_support import person_writes, staff
from tests.support.console import create_staff

PINNED = {"pseudonym", "language", "level", "categories", "summary", "messages", "consent", "contact_route"}
PHONE_OR_EMAIL = re.compile(r"\d{3}[\s-]?\d{3,}|@\w+\.\w+")
SHARING = SharingInput(
    necessity="Needs trained support.",
    proportionality="Summary and two messages only.",
    consent="given",
    consent_reason="Asked and agreed in the chat.",
    lawful_basis="consent",
)


def test_the_packet_field_set_is_pinned():
    assert {f.name for f in dataclasses.fields(PacketFields)} == PINNED == ALLOWED_FIELDS
    assert PacketFields.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_a_stored_packet_with_an_extra_field_is_refused():
    raw = json.loads(PacketFields("a", "en", "L2", (), "s", (), "given", "relay").to_json())
    raw["phone"] = "+44 7700 900123"
    with pytest.raises(ValueError, match="outside the allow-list"):
        PacketFields.from_json(json.dumps(raw))


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("My name is John Smith, call +44 7700 900123 or john@example.org", ["John", "7700", "john@"]),
        ("I live at 221b Baker Street, London", ["Baker"]),
        ("je m'appelle Marie, 5 rue de la Paix, 06 12 34 56 78", ["Marie", "Paix", "06 12"]),
        ("me llamo Carlos, vivo en calle Mayor 5", ["Carlos", "Mayor"]),
        ("меня зовут Иван, ул. Ленина, д. 5, тел 8 (912) 345-67-89", ["Иван", "Ленина", "345-67"]),
        ("мене звати Олена, вулиця Шевченка 12", ["Олена", "Шевченка"]),
        ("اسمي أحمد وأسكن في شارع الحمرا، رقمي ٠٥٥١٢٣٤٥٦٧", ["أحمد", "الحمرا", "٠٥٥١٢٣٤٥٦٧"]),
        ("اسم من علی است، خیابان آزادی کوچه ۵ پلاک ۱۲", ["علی", "آزادی"]),
        ("Spoke to Mr Jones and Sra. García; my husband Ahmed", ["Jones", "García", "Ahmed"]),
    ],
)
def test_notes_are_pseudonymised_in_seven_languages(text, gone):
    cleaned = pseudonymise(text)
    for fragment in gone:
        assert fragment not in cleaned, (fragment, cleaned)
    assert "[" in cleaned


def test_ordinary_numbers_and_dates_survive():
    text = "She has waited 3 days; the hearing is on 2026-12-01 at 10:30, room 12."
    assert pseudonymise(text) == text


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_handover_packet_holds_only_allow_listed_redacted_data(make_settings):
    settings = make_settings()
    for name, role in (("lia", "liaison"), ("sup", "supervisor"), ("cw", "caseworker")):
        await create_staff(settings, name, role=role)
    services = build_services(settings)
    try:
        lia, sup, cw = [await staff(services, n) for n in ("lia", "sup", "cw")]
        cid = await person_writes(services, "p3", "I am scared. Write to me at amal.h@example.net", 1)
        await person_writes(services, "p3", "or call 07700 900 456, I am at 14 Station Road", 2)
        await person_writes(services, "p3", "this one should stay out of the packet", 3)
        async with services.sessionmaker() as session:
            ids = list(await session.scalars(select(Message.id).where(Message.direction == "in").order_by(Message.id)))
        esc_id = await do_raise(
            services=services, staff=lia, conversation_id=cid, level="L2", reason_code="specialist_support"
        )
        await do_acknowledge(services=services, staff=sup, escalation_id=esc_id)
        with pytest.raises(ProtocolRefusedError, match="necessary"):
            await do_handover(
                services=services,
                staff=sup,
                escalation_id=esc_id,
                caseworker_id=cw.id,
                summary="s",
                message_ids=ids[:2],
                sharing=dataclasses.replace(SHARING, necessity=" "),
            )
        packet_id = await do_handover(
            services=services,
            staff=sup,
            escalation_id=esc_id,
            caseworker_id=cw.id,
            summary="Scared; reach her on amal.h@example.net only through the relay.",
            message_ids=ids[:2],
            sharing=SHARING,
        )
        async with services.sessionmaker() as session:
            packet = await session.get_one(HandoverPacket, packet_id)
        content = packet_content(services.cipher, packet)
        stored = json.loads(services.cipher.decrypt(packet.content_enc, context=f"packet:{cid}"))
        assert set(stored) <= ALLOWED_FIELDS
        assert [m.author for m in content.messages] == ["person", "person"]
        everything = json.dumps(stored, ensure_ascii=False)
        assert not PHONE_OR_EMAIL.search(everything), everything
        assert "Station Road" not in everything and "stay out" not in everything
        assert "I am scared" in everything and content.consent == "given" and content.contact_route == "relay"
    finally:
        await services.aclose()
