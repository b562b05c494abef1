"""The WhatsApp webhook: the handshake, signatures over the raw bytes, dedupe, and every kind of message."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json

import pytest
from sqlalchemy import select

from core.models import ChannelIdentity, Contact, Conversation, Message
from tests.bot.whatsapp.conftest import APP_SECRET, USER_ID, VERIFY_TOKEN, WA_ID, body_of, count, post_signed
from tests.fakes.graph_api import FakeGraphAPI, load_webhook, sign
from tests.support.live import live_app


def _handshake(token: str, challenge: str = "1158201444", mode: str = "subscribe") -> dict[str, str]:
    return {"hub.mode": mode, "hub.verify_token": token, "hub.challenge": challenge}


async def test_handshake_echoes_the_challenge_only_for_the_verify_token(wa_settings):
    async with live_app(wa_settings()) as live, live.client() as meta:
        ok = await meta.get("/webhooks/whatsapp", params=_handshake(VERIFY_TOKEN))
        assert ok.status_code == 200
        assert ok.text == "1158201444"
        assert ok.headers["content-type"].startswith("text/plain")
        assert (await meta.get("/webhooks/whatsapp", params=_handshake("wrong"))).status_code == 403
        assert (await meta.get("/webhooks/whatsapp", params=_handshake(VERIFY_TOKEN[:-1]))).status_code == 403
        assert (
            await meta.get("/webhooks/whatsapp", params=_handshake(VERIFY_TOKEN, mode="unsubscribe"))
        ).status_code == 403
        assert (await meta.get("/webhooks/whatsapp")).status_code == 403
        # The challenge is echoed as text only when it looks like Meta's; markup is never reflected.
        odd = await meta.get("/webhooks/whatsapp", params=_handshake(VERIFY_TOKEN, "<script>x</script>"))
        assert odd.status_code == 400 and "script" not in odd.text


async def test_handshake_without_a_configured_verify_token_is_refused(wa_settings):
    async with live_app(wa_settings(whatsapp_verify_token=None)) as live, live.client() as meta:
        assert (await meta.get("/webhooks/whatsapp", params=_handshake(VERIFY_TOKEN))).status_code == 403
        assert (await meta.get("/webhooks/whatsapp", params=_handshake(""))).status_code == 403


def _bad_signatures(body: bytes) -> dict[str, dict[str, str]]:
    good = sign(APP_SECRET, body)
    return {
        "missing": {},
        "empty": {"X-Hub-Signature-256": ""},
        "no prefix": {"X-Hub-Signature-256": good.removeprefix("sha256=")},
        "sha1": {"X-Hub-Signature-256": "sha1=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha1).hexdigest()},
        "truncated": {"X-Hub-Signature-256": good[:-2]},
        "not hex": {"X-Hub-Signature-256": "sha256=" + "z" * 64},
        "other secret": {"X-Hub-Signature-256": sign("another-app-secret-entirely", body)},
        "one digit changed": {"X-Hub-Signature-256": good[:-1] + ("0" if good[-1] != "0" else "1")},
    }


async def test_missing_malformed_truncated_or_wrong_signatures_are_refused_and_nothing_stored(wa_settings, fake_graph):
    body = body_of(load_webhook("text_message"))
    async with live_app(wa_settings()) as live, live.client() as meta:
        for name, headers in _bad_signatures(body).items():
            response = await meta.post(
                "/webhooks/whatsapp", content=body, headers={"Content-Type": "application/json", **headers}
            )
            assert response.status_code in (401, 403), name
        assert await count(live, Message) == 0
        assert await count(live, Contact) == 0
        assert await count(live, ChannelIdentity) == 0
    assert fake_graph.calls == [], "nothing may be answered for a refused delivery"


async def test_without_an_app_secret_everything_is_refused(wa_settings):
    body = body_of(load_webhook("text_message"))
    async with live_app(wa_settings(whatsapp_app_secret=None)) as live, live.client() as meta:
        response = await meta.post(
            "/webhooks/whatsapp", content=body, headers={"X-Hub-Signature-256": sign(APP_SECRET, body)}
        )
        assert response.status_code == 403
        assert await count(live, Message) == 0


async def test_signature_over_bytes_with_emoji_passes_and_the_same_json_reserialised_fails(wa_settings):
    payload = load_webhook("text_message_arabic_emoji")
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()  # UTF-8, as Meta sends it
    assert "🙏".encode() in raw
    signature = sign(APP_SECRET, raw)
    # The same JSON, re-serialised the way a framework would (ASCII escapes, other spacing).
    reserialised = json.dumps(json.loads(raw)).encode()
    assert json.loads(reserialised) == json.loads(raw) and reserialised != raw
    async with live_app(wa_settings()) as live, live.client() as meta:
        refused = await meta.post(
            "/webhooks/whatsapp", content=reserialised, headers={"X-Hub-Signature-256": signature}
        )
        assert refused.status_code in (401, 403)
        assert await count(live, Message) == 0
        accepted = await meta.post("/webhooks/whatsapp", content=raw, headers={"X-Hub-Signature-256": signature})
        assert accepted.status_code == 200
        assert await count(live, Message, Message.direction == "in") == 1


async def test_a_body_over_the_cap_is_refused_unread(wa_settings):
    body = body_of(load_webhook("text_message", text="x" * 5000))
    async with live_app(wa_settings(max_body_bytes=4096)) as live, live.client() as meta:
        response = await post_signed(meta, body)
        assert response.status_code == 413
        assert await count(live, Message) == 0


async def test_the_same_delivery_twenty_times_sequentially_and_concurrently_is_stored_once(wa_settings, fake_graph):
    payload = load_webhook("text_message")
    async with live_app(wa_settings()) as live, live.client() as meta:
        for _ in range(20):
            assert (await post_signed(meta, payload)).status_code == 200
        replies = await asyncio.gather(*(post_signed(meta, payload) for _ in range(20)))
        assert [r.status_code for r in replies] == [200] * 20
        assert await count(live, Message, Message.direction == "in") == 1
        assert await count(live, Conversation) == 1
        assert await count(live, Contact) == 1
        await fake_graph.wait_for_sent(1)
        await asyncio.sleep(0.3)
        assert len(fake_graph.sent()) == 1, "the greeting must be sent once, not once per delivery"


async def test_the_wamid_and_the_number_are_never_stored_in_clear(wa_settings, fake_graph):
    payload = load_webhook("text_message")
    wamid = payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
    async with live_app(wa_settings()) as live, live.client() as meta:
        assert (await post_signed(meta, payload)).status_code == 200
        async with live.services.sessionmaker() as session:
            message = await session.scalar(select(Message).where(Message.direction == "in"))
            identity = await session.scalar(select(ChannelIdentity))
        assert message is not None and identity is not None
        assert message.provider_key == live.services.cipher.lookup_key("whatsapp:message", wamid)
        assert identity.lookup_key == live.services.cipher.lookup_key("whatsapp", USER_ID)
        assert WA_ID.encode() not in identity.reply_address_enc
        await fake_graph.wait_for_sent(1)
        outbound = await _outbound(live)
        assert all(m.provider_key and "wamid" not in m.provider_key for m in outbound)


async def _outbound(live) -> list[Message]:  # type: ignore[no-untyped-def]
    for _ in range(100):
        async with live.services.sessionmaker() as session:
            rows = list(await session.scalars(select(Message).where(Message.direction == "out")))
        if rows and all(m.status != "queued" for m in rows):
            return rows
        await asyncio.sleep(0.05)
    raise AssertionError("the outbound messages were never marked sent")


async def test_contacts_are_keyed_by_the_business_scoped_user_id_when_present(wa_settings, fake_graph):
    """The same user id from a new number is the same person; without a user id, the wa_id is the key."""
    async with live_app(wa_settings()) as live, live.client() as meta:
        await post_signed(meta, load_webhook("text_message", wamid="wamid.A1"))
        await post_signed(meta, load_webhook("text_message", wamid="wamid.A2", wa_id="15550009999"))
        assert await count(live, Contact) == 1
        assert await count(live, Message, Message.direction == "in") == 2
        # Without user_id the person is keyed by their wa_id: a different identity from the one above.
        await post_signed(meta, load_webhook("text_message_without_user_id", wamid="wamid.B1"))
        await post_signed(meta, load_webhook("text_message_without_user_id", wamid="wamid.B2"))
        assert await count(live, Contact) == 2
        async with live.services.sessionmaker() as session:
            keys = set(await session.scalars(select(ChannelIdentity.lookup_key)))
        cipher = live.services.cipher
        assert keys == {cipher.lookup_key("whatsapp", USER_ID), cipher.lookup_key("whatsapp", WA_ID)}
        # Replies go to the wa_id the person wrote from.
        await fake_graph.wait_for_sent(2)
        assert {body["to"] for body in fake_graph.sent()} == {WA_ID}


async def test_a_person_known_only_by_username_is_answered_through_their_user_id(wa_settings, fake_graph):
    async with live_app(wa_settings()) as live, live.client() as meta:
        assert (await post_signed(meta, load_webhook("text_message_username_only"))).status_code == 200
        sent = await fake_graph.wait_for_sent(1)
        assert sent[0]["recipient"] == USER_ID and "to" not in sent[0]
        assert await count(live, Contact) == 1


@pytest.mark.parametrize(
    ("fixture", "media_type"),
    [
        ("image_message", "image"),
        ("audio_message", "audio"),
        ("document_message", "document"),
        ("location_message", "location"),
        ("sticker_message", "sticker"),
    ],
)
async def test_media_is_acknowledged_kept_as_metadata_and_answered_politely(
    wa_settings, fake_graph, fixture, media_type
):
    async with live_app(wa_settings()) as live, live.client() as meta:
        assert (await post_signed(meta, load_webhook(fixture))).status_code == 200
        async with live.services.sessionmaker() as session:
            message = await session.scalar(select(Message).where(Message.direction == "in"))
            assert message is not None and message.kind == "media"
            stored = live.services.cipher.decrypt(message.body_enc, context=f"conversation:{message.conversation_id}")
        assert stored == f"[{media_type}]", "only the kind is kept: no caption, no file, no coordinates"
        sent = await fake_graph.wait_for_sent(1)
        texts = " ".join(b.get("text", {}).get("body", "") for b in sent)
        assert "text" in texts.lower(), texts
        assert not [c for c in fake_graph.calls if "/media" in c.path], "no media is fetched or uploaded"


@pytest.mark.parametrize(
    ("fixture", "title", "effect"),
    [
        ("interactive_button_reply", "Yes, continue", ("consent_state", "given")),
        ("interactive_list_reply", "العربية", ("language", "ar")),
    ],
)
async def test_button_and_list_replies_arrive_as_button_presses(wa_settings, fixture, title, effect):
    async with live_app(wa_settings()) as live, live.client() as meta:
        assert (await post_signed(meta, load_webhook(fixture))).status_code == 200
        async with live.services.sessionmaker() as session:
            message = await session.scalar(select(Message).where(Message.direction == "in"))
            contact = await session.scalar(select(Contact))
        assert message is not None and message.kind in ("button", "command")
        stored = live.services.cipher.decrypt(message.body_enc, context=f"conversation:{message.conversation_id}")
        assert stored == title, "the transcript shows what the person tapped"
        field, value = effect
        assert getattr(contact, field) == value, "the payload, not the title, is what the service acts on"


async def test_a_stop_button_ends_the_conversation(wa_settings, fake_graph):
    async with live_app(wa_settings()) as live, live.client() as meta:
        await post_signed(meta, load_webhook("text_message"))
        press = load_webhook("interactive_button_reply", reply_id="cmd:stop", wamid="wamid.STOP1")
        assert (await post_signed(meta, press)).status_code == 200
        async with live.services.sessionmaker() as session:
            conversation = await session.scalar(select(Conversation))
        assert conversation is not None and conversation.status == "stopped"


async def test_reactions_and_other_numbers_are_acknowledged_and_ignored(wa_settings, fake_graph: FakeGraphAPI):
    async with live_app(wa_settings()) as live, live.client() as meta:
        assert (await post_signed(meta, load_webhook("reaction_message"))).status_code == 200
        other_number = load_webhook("text_message", phone_number_id="999999999999999")
        assert (await post_signed(meta, other_number)).status_code == 200
        assert (await post_signed(meta, {"object": "page", "entry": []})).status_code == 400
        assert await count(live, Message) == 0
        assert await count(live, Contact) == 0


async def test_a_person_first_known_by_number_keeps_their_conversation_when_a_user_id_appears(wa_settings, fake_graph):
    """Meta starts sending a business-scoped user id for someone we knew by their wa_id: same person, same thread."""
    async with live_app(wa_settings()) as live, live.client() as meta:
        await post_signed(meta, load_webhook("text_message_without_user_id", wamid="wamid.C1"))
        await post_signed(meta, load_webhook("text_message", wamid="wamid.C2"))
        assert await count(live, Contact) == 1
        assert await count(live, Conversation) == 1
        assert await count(live, Message, Message.direction == "in") == 2
        async with live.services.sessionmaker() as session:
            keys = set(await session.scalars(select(ChannelIdentity.lookup_key)))
        assert keys == {live.services.cipher.lookup_key("whatsapp", USER_ID)}, "re-keyed, not duplicated"
