"""The escalation protocol end to end through the console's HTTP routes, with two (or more) staff sessions."""

from __future__ import annotations

import re

import pytest

from core.audit import AuditCode
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.supervisor_console.escalation_support import desk, packet_id_from, received

SHARING = {
    "necessity": "She asked for specialist support we cannot give as liaisons.",
    "proportionality": "Only the summary and two messages, no contact details.",
    "consent": "given",
    "consent_reason": "Asked in the chat; she said yes to sharing with a caseworker.",
    "lawful_basis": "consent",
}


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_l1_consult_takeover_note_return_close(make_settings, fake_telegram: FakeTelegramAPI):
    async with desk(make_settings()) as d:
        cid = await d.person_writes("I need help with my residence papers", chat_id=4101)
        assert (await d.post("lia", f"/console/conversations/{cid}/claim")).status_code == 303
        raised = await d.post(
            "lia",
            f"/console/conversations/{cid}/escalate",
            level="L1",
            reason_code="needs_advice",
            reason="Her landlord Mr Jones at 12 Baker Street threatens her; call +44 7700 900123?",
        )
        assert raised.status_code == 303
        esc = await d.escalation_of(cid)
        assert (esc.level, esc.state, esc.owner_id is not None) == ("L1", "raised", True)

        listing = await d.get("sup1", "/console/escalations")
        assert f"/console/escalations/{esc.id}" in listing.text and "raised — waiting for a supervisor" in listing.text
        case = await d.get("sup1", f"/console/escalations/{esc.id}")
        assert "Mr [name] at [address]" in case.text and "[phone]" in case.text
        assert "Baker" not in case.text and "7700" not in case.text, "the reason was pseudonymised when written"

        assert (await d.post("sup1", f"/console/escalations/{esc.id}/acknowledge")).status_code == 303
        case = await d.get("sup1", f"/console/escalations/{esc.id}")
        assert "Case owner: <strong>SUP1</strong>" in case.text

        # Take over: the person is told a colleague is joining; the liaison no longer holds the conversation.
        assert (await d.post("sup1", f"/console/conversations/{cid}/takeover")).status_code == 303
        await received(fake_telegram, 4101, "A supervisor from our team is joining")
        assert (await d.get("lia", f"/console/conversations/{cid}")).status_code == 404

        # An internal note: pseudonymised, shown to staff, never sent to the person.
        noted = await d.post(
            "sup1", f"/console/conversations/{cid}/note", text="Rang maria@example.org on 0612345678"
        )
        assert noted.status_code == 303
        transcript = await d.get("sup1", f"/console/conversations/{cid}")
        assert "Rang [email] on [phone]" in transcript.text and "maria@example.org" not in transcript.text
        assert not any("Rang" in m.get("text", "") for m in fake_telegram.sent_messages(chat_id=4101))

        # Return it to the liaison, then close with an outcome.
        assert (await d.post("sup1", f"/console/escalations/{esc.id}/return")).status_code == 303
        assert (await d.get("lia", f"/console/conversations/{cid}")).status_code == 200
        closed = await d.post("sup1", f"/console/escalations/{esc.id}/close", outcome="advice_given")
        assert closed.status_code == 303
        case = await d.get("sup1", f"/console/escalations/{esc.id}")
        assert "<strong>closed</strong>" in case.text and "Advice given" in case.text
        transfers = case.text.split("Owners and transfers")[1]
        assert "acknowledge: LIA → SUP1" in transfers and "takeover: LIA → SUP1" in transfers
        assert "return: SUP1 → LIA" in transfers

        codes = await d.audit_codes(cid)
        for code in (
            "ESCALATION_RAISED",
            "ESCALATION_ACKNOWLEDGED",
            "ESCALATION_OWNER_CHANGED",
            "NOTE_ADDED",
            "ESCALATION_STATE_CHANGED",
            "TRANSCRIPT_READ",
        ):
            assert int(AuditCode[code]) in codes, code
        audit = await d.get("sup2", f"/console/audit?conversation={cid}&event=NOTE_ADDED")
        assert audit.status_code == 200 and audit.text.count("<td>NOTE_ADDED</td>") == 1
        assert "maria" not in audit.text and "Rang" not in audit.text
        by_staff = await d.get("sup2", "/console/audit?staff=lia")
        assert "<td>ESCALATION_RAISED</td>" in by_staff.text and "<td>NOTE_ADDED</td>" not in by_staff.text


async def test_l2_handover_packet_and_relay(make_settings, fake_telegram: FakeTelegramAPI):
    async with desk(make_settings()) as d:
        cid = await d.person_writes("My name is Olena, I feel so alone since I arrived", chat_id=4201)
        await d.person_writes("You can call me on +380 67 123 4567 or olena.k@example.com", chat_id=4201)
        assert (await d.post("lia", f"/console/conversations/{cid}/claim")).status_code == 303
        panel = await d.get("lia", f"/console/partials/conversations/{cid}/escalation")
        ids = [int(x) for x in re.findall(r'name="message_ids" value="(\d+)"', panel.text)]
        assert len(ids) >= 2
        raised = await d.post(
            "lia",
            f"/console/conversations/{cid}/escalate",
            level="L2",
            reason_code="specialist_support",
            summary="She is isolated and low; wants to talk to someone trained.",
            message_ids=ids,
        )
        assert raised.status_code == 303
        esc = await d.escalation_of(cid)
        assert (await d.post("sup1", f"/console/escalations/{esc.id}/acknowledge")).status_code == 303
        case = await d.get("sup1", f"/console/escalations/{esc.id}")
        cw_id = int(re.search(r'name="caseworker_id" required><option value="(\d+)"', case.text).group(1))
        response = await d.post(
            "sup1",
            f"/console/escalations/{esc.id}/handover",
            caseworker_id=cw_id,
            summary="She is isolated and low; wants to talk to someone trained.",
            message_ids=ids,
            **SHARING,
        )
        packet_id = packet_id_from(response)
        await received(fake_telegram, 4201, "A colleague with specialised experience")

        # The caseworker sees the packet, redacted, and nothing else of the person.
        page = await d.get("cw", f"/console/packets/{packet_id}")
        assert page.status_code == 200
        assert "feel so alone" in page.text and "[name]" in page.text and "[phone]" in page.text
        assert "+380" not in page.text and "olena.k@example.com" not in page.text and "Olena" not in page.text
        assert (await d.get("cw", f"/console/conversations/{cid}")).status_code == 404
        assert (await d.get("cw", f"/console/escalations/{esc.id}")).status_code == 404
        assert (await d.get("lia", f"/console/conversations/{cid}")).status_code == 404, "the liaison's part ended"

        # The caseworker writes through the relay; the person's answer shows in the caseworker's thread.
        sent = await d.post("cw", f"/console/packets/{packet_id}/relay", text="Hello, I'm here to listen.")
        assert sent.status_code == 303
        await received(fake_telegram, 4201, "Hello, I'm here to listen.")
        await d.person_writes("Thank you, that helps", chat_id=4201)
        thread = await d.get("cw", f"/console/partials/packets/{packet_id}/thread")
        assert "Thank you, that helps" in thread.text and "Hello, I&#39;m here to listen." in thread.text
        assert "feel so alone" not in thread.text, "the thread starts at the handover"

        case = await d.get("sup1", f"/console/escalations/{esc.id}")
        assert "handed over to a caseworker" in case.text and "Case owner: <strong>CW</strong>" in case.text
        assert "She asked for specialist support" in case.text and "Power to share" in case.text
        codes = await d.audit_codes(cid)
        assert int(AuditCode.HANDOVER_CREATED) in codes and int(AuditCode.PACKET_READ) in codes
        closed = await d.post("sup1", f"/console/escalations/{esc.id}/close", outcome="caseworker_completed")
        assert closed.status_code == 303
        refused = await d.post("cw", f"/console/packets/{packet_id}/relay", text="One more thing")
        assert refused.status_code == 409 and "relay" not in fake_telegram.sent_messages(chat_id=4201)[-1]["text"]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_l3_referral_refusals_then_referral_with_consent(make_settings):
    async with desk(make_settings()) as d:
        cid = await d.person_writes("I was promised a job but they took my passport", chat_id=4301)
        assert (await d.post("sup1", f"/console/conversations/{cid}/claim")).status_code == 303
        raised = await d.post(
            "sup1",
            f"/console/conversations/{cid}/escalate",
            level="L3",
            reason_code="partner_service",
            summary="Possible labour exploitation; wants legal and psychosocial help.",
        )
        assert raised.status_code == 303
        esc = await d.escalation_of(cid)
        assert esc.state == "acknowledged", "a supervisor raising it owns it at once"
        url = f"/console/escalations/{esc.id}/refer"
        common = {"summary": "Possible labour exploitation.", **SHARING}

        incomplete = await d.post("sup1", url, partner="demo-northside-legal", **common)
        assert incomplete.status_code == 409 and "digital security policy is not confirmed" in incomplete.text
        overdue = await d.post("sup1", url, partner="demo-lantern-exit", **common)
        assert overdue.status_code == 409 and "due for review on 2026-05-01" in overdue.text
        no_consent = {**common, "consent": "refused", "lawful_basis": "safeguarding_duty"}
        refused = await d.post("sup1", url, partner="demo-harbour-counselling", **no_consent)
        assert refused.status_code == 409 and "Neither is recorded" in refused.text

        referred = await d.post("sup1", url, partner="demo-harbour-counselling", **common)
        packet_id = packet_id_from(referred)
        packet = await d.get("sup1", f"/console/packets/{packet_id}")
        assert "Harbour Counselling (demo)" in packet.text and "Download as text" in packet.text
        download = await d.get("sup1", f"/console/packets/{packet_id}/download")
        assert download.headers["content-disposition"].startswith("attachment")
        assert "Possible labour exploitation." in download.text and "Consent to share: given" in download.text
        assert (await d.get("cw", f"/console/packets/{packet_id}")).status_code == 404, "partner packets are not theirs"
        case = await d.get("sup1", f"/console/escalations/{esc.id}")
        assert "referred to a partner" in case.text and "demo-harbour-counselling · on consent" in case.text
        codes = await d.audit_codes(cid)
        assert codes.count(int(AuditCode.REFERRAL_REFUSED)) == 3 and int(AuditCode.REFERRAL_CREATED) in codes


async def test_l4_from_triage_pages_everyone_and_break_needs_two_supervisors(
    make_settings, fake_telegram: FakeTelegramAPI
):
    async with desk(make_settings()) as d:
        cid = await d.person_writes("I have the pills ready and I will kill myself tonight", chat_id=4401)
        texts = await received(fake_telegram, 4401, "112")
        assert sum("112" in t for t in texts) == 1, "emergency contacts arrive once, not twice"
        esc = await d.escalation_of(cid)
        assert (esc.level, esc.state, esc.raised_by_triage) == ("L4", "raised", True)
        for supervisor in ("sup1", "sup2"):
            banner = await d.get(supervisor, "/console/partials/pages")
            assert "1 paged · L4" in banner.text
            listing = await d.get(supervisor, "/console/escalations")
            assert "You have been paged" in listing.text and "imminent risk of harm" in listing.text
        assert (await d.get("lia", "/console/partials/pages")).status_code == 404

        assert (await d.post("sup1", f"/console/escalations/{esc.id}/acknowledge")).status_code == 303
        assert "paged" not in (await d.get("sup2", "/console/partials/pages")).text, "acknowledged: pages cleared"

        # One supervisor is not enough to break confidentiality, and the same one cannot approve twice.
        approve = {"lawful_basis": "vital_interests", "reason": "Imminent overdose; ambulance needs her location."}
        url = f"/console/escalations/{esc.id}/break-approvals"
        assert (await d.post("sup1", url, **approve)).status_code == 303
        identity = await d.get("sup1", f"/console/escalations/{esc.id}/identity")
        assert identity.status_code == 409 and "two different supervisors" in identity.text
        again = await d.post("sup1", url, **approve)
        assert again.status_code == 409 and "second, different supervisor" in again.text
        assert (await d.post("sup2", url, **approve)).status_code == 303
        identity = await d.get("sup1", f"/console/escalations/{esc.id}/identity")
        assert identity.status_code == 200 and "4401" in identity.text
        codes = await d.audit_codes(cid)
        assert codes.count(int(AuditCode.BREAK_APPROVAL_GIVEN)) == 2 and int(AuditCode.BREAK_RECORDED) in codes
        assert int(AuditCode.IDENTITY_READ) in codes and codes.count(int(AuditCode.SUPERVISOR_PAGED)) == 2
        closed = await d.post("sup1", f"/console/escalations/{esc.id}/close", outcome="emergency_services")
        assert closed.status_code == 303


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_l4_raised_by_a_liaison_sends_contacts_and_pages(make_settings, fake_telegram: FakeTelegramAPI):
    async with desk(make_settings()) as d:
        cid = await d.person_writes("my brother says he has a plan and it is tonight", chat_id=4501)
        assert (await d.post("lia", f"/console/conversations/{cid}/claim")).status_code == 303
        raised = await d.post("lia", f"/console/conversations/{cid}/escalate", level="L4", reason_code="risk_to_others")
        assert raised.status_code == 303
        await received(fake_telegram, 4501, "112")
        esc = await d.escalation_of(cid)
        assert esc.level == "L4" and (esc.sla_due_at - esc.created_at).total_seconds() == 300
        assert "1 paged · L4" in (await d.get("sup2", "/console/partials/pages")).text
