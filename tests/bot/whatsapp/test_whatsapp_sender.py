"""Sending through pywa to the fake Graph API: message shapes, and what each Graph error does to a reply."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.outbox import OutboxWorker
from bot.whatsapp.sender import WhatsAppSender, build_whatsapp_sender
from content.languages import LANGUAGE_NAMES
from core.channels import Button, Document, OutboundPayload, PermanentFailure, RetryLater, Template, TransientFailure
from core.models import Message, OutboxItem
from core.services import build_services
from core.settings import Settings
from tests.bot.whatsapp.conftest import WA_ID, post_signed
from tests.fakes.graph_api import FakeGraphAPI, load_webhook
from tests.support.live import live_app


@pytest.fixture
async def sender(wa_settings) -> AsyncIterator[WhatsAppSender]:  # type: ignore[no-untyped-def]
    built = build_whatsapp_sender(wa_settings())
    yield built
    await built.aclose()


async def test_text_goes_to_the_configured_api_with_the_token(sender, fake_graph: FakeGraphAPI):
    wamid = await sender.send(WA_ID, OutboundPayload(text="Hello 👋"))
    [call] = fake_graph.calls
    assert call.ok and call.version.startswith("v") and call.path.endswith("/106540352242922/messages")
    assert call.body["to"] == WA_ID and call.body["text"]["body"] == "Hello 👋"
    assert wamid == fake_graph.accepted_ids()[0]


async def test_up_to_three_short_choices_are_reply_buttons(sender, fake_graph: FakeGraphAPI):
    buttons = ((Button("Yes", "consent:yes"), Button("No", "consent:no")),)
    await sender.send(WA_ID, OutboundPayload(text="May we continue?", buttons=buttons))
    [body] = fake_graph.sent(type="interactive")
    assert body["interactive"]["type"] == "button"
    replies = [b["reply"] for b in body["interactive"]["action"]["buttons"]]
    assert replies == [{"id": "consent:yes", "title": "Yes"}, {"id": "consent:no", "title": "No"}]


async def test_the_seven_language_picker_is_a_list(sender, fake_graph: FakeGraphAPI):
    buttons = tuple((Button(name, f"lang:{code}"),) for code, name in LANGUAGE_NAMES.items())
    await sender.send(WA_ID, OutboundPayload(text="Choose your language", buttons=buttons))
    [body] = fake_graph.sent(type="interactive")
    assert body["interactive"]["type"] == "list"
    rows = body["interactive"]["action"]["sections"][0]["rows"]
    assert [r["id"] for r in rows] == [f"lang:{code}" for code in LANGUAGE_NAMES]
    assert [r["title"] for r in rows] == list(LANGUAGE_NAMES.values())


async def test_long_labels_and_long_texts_still_fit_whatsapps_limits(sender, fake_graph: FakeGraphAPI):
    long_label = "Yes, I agree to be contacted by a caseworker"
    text = "word " * 300  # over the 1024 characters an interactive body may hold
    await sender.send(WA_ID, OutboundPayload(text=text, buttons=((Button(long_label, "consent:yes"),),)))
    kinds = [b["type"] for b in fake_graph.sent()]
    assert kinds == ["text", "interactive"], "the text goes first, the choice follows"
    [row] = fake_graph.sent(type="interactive")[0]["interactive"]["action"]["sections"][0]["rows"]
    assert row["title"].endswith("…") and len(row["title"]) <= 24 and row["description"] == long_label
    fake_graph.reset()
    await sender.send(
        WA_ID, OutboundPayload(text="pick", buttons=tuple((Button(f"n{i}", f"d{i}"),) for i in range(12)))
    )
    first, rest = (b["interactive"] for b in fake_graph.sent(type="interactive"))
    assert [r["id"] for r in first["action"]["sections"][0]["rows"]] == [f"d{i}" for i in range(10)]
    assert [b["reply"]["id"] for b in rest["action"]["buttons"]] == ["d10", "d11"], "the rest follow, none dropped"


async def test_documents_are_uploaded_then_sent(sender, fake_graph: FakeGraphAPI):
    document = Document("my-data.json", b'{"messages": []}', "application/json")
    await sender.send(WA_ID, OutboundPayload(text="What we hold about you", document=document))
    [body] = fake_graph.sent(type="document")
    assert fake_graph.uploaded(body["document"]["id"]) == ("my-data.json", b'{"messages": []}')
    assert body["document"]["filename"] == "my-data.json"


async def test_templates_go_out_even_when_the_window_is_closed(sender, fake_graph: FakeGraphAPI):
    fake_graph.close_window(WA_ID)
    with pytest.raises(PermanentFailure, match="24 hours"):
        await sender.send(WA_ID, OutboundPayload(text="Are you there?"))
    await sender.send(WA_ID, OutboundPayload(text="[template]", template=Template("liaison_reply_waiting", "ar")))
    [body] = fake_graph.sent(type="template")
    assert body["template"] == {"name": "liaison_reply_waiting", "language": {"code": "ar"}}


@pytest.mark.parametrize("code", [130429, 131056])
async def test_throughput_and_pair_rate_errors_ask_to_retry_later_with_growing_backoff(sender, fake_graph, code):
    fake_graph.fail_next(code, times=4)
    waits = []
    for _ in range(4):
        with pytest.raises(RetryLater) as caught:
            await sender.send(WA_ID, OutboundPayload(text="hello"))
        assert str(code) in caught.value.reason
        waits.append(caught.value.seconds)
    assert waits[-1] > waits[0], f"backoff grows: {waits}"
    await sender.send(WA_ID, OutboundPayload(text="hello"))
    fake_graph.fail_next(code)
    with pytest.raises(RetryLater) as caught:
        await sender.send(WA_ID, OutboundPayload(text="hello"))
    assert caught.value.seconds <= waits[0] * 2, "a success resets the backoff"


@pytest.mark.parametrize(
    ("code", "error"), [(131026, PermanentFailure), (190, PermanentFailure), (131000, TransientFailure)]
)
async def test_other_errors_are_permanent_unless_meta_says_they_are_transient(sender, fake_graph, code, error):
    fake_graph.fail_next(code)
    with pytest.raises(error, match=str(code)):
        await sender.send(WA_ID, OutboundPayload(text="hello"))


async def test_an_unreachable_api_is_a_transient_failure(wa_settings, fake_graph):
    settings: Settings = wa_settings(whatsapp_api_url="http://127.0.0.1:9")
    sender = build_whatsapp_sender(settings)
    try:
        with pytest.raises(TransientFailure):
            await sender.send(WA_ID, OutboundPayload(text="hello"))
    finally:
        await sender.aclose()


async def _queued_reply(wa_settings) -> Settings:  # type: ignore[no-untyped-def]
    """Store one message whose answer is queued but not yet delivered (the worker is off)."""
    settings: Settings = wa_settings(embedded_worker=False)
    async with live_app(settings) as live, live.client() as meta:
        assert (await post_signed(meta, load_webhook("text_message"))).status_code == 200
    return settings


@pytest.mark.parametrize("code", [130429, 131056])
async def test_a_rate_limited_reply_waits_then_is_delivered(wa_settings, fake_graph, code):
    settings = await _queued_reply(wa_settings)
    services = build_services(settings)
    sender = build_whatsapp_sender(settings)
    try:
        worker = OutboxWorker(services, {"whatsapp": sender})
        fake_graph.fail_next(code)
        assert await worker.run_once() == 1
        async with services.sessionmaker() as session:
            item = await session.scalar(select(OutboxItem))
        assert item is not None and item.state == "pending" and str(code) in (item.last_error or "")
        assert item.next_attempt_at > services.clock.now(), "it waits before trying again"
        assert await worker.run_once() == 0
        services.clock.advance(timedelta(seconds=400))
        assert await worker.run_once() == 1
        async with services.sessionmaker() as session:
            item = await session.scalar(select(OutboxItem))
            message = await session.scalar(select(Message).where(Message.direction == "out"))
        assert item is not None and item.state == "sent"
        assert message is not None and message.status == "sent"
        assert len(fake_graph.sent(WA_ID)) >= 1
    finally:
        await sender.aclose()
        await services.aclose()


async def test_a_reengagement_error_marks_the_reply_failed_with_a_clear_reason(wa_settings, fake_graph):
    settings = await _queued_reply(wa_settings)
    services = build_services(settings)
    sender = build_whatsapp_sender(settings)
    try:
        fake_graph.close_window(WA_ID)
        await OutboxWorker(services, {"whatsapp": sender}).run_once()
        async with services.sessionmaker() as session:
            message = await session.scalar(select(Message).where(Message.direction == "out"))
        assert message is not None and message.status == "failed"
        assert "131047" in (message.error or "") and "template" in (message.error or "")
    finally:
        await sender.aclose()
        await services.aclose()


async def test_a_wrong_access_token_is_refused_by_the_api_and_not_retried(wa_settings, fake_graph):
    sender = build_whatsapp_sender(wa_settings(whatsapp_access_token="EAAG-revoked-token"))
    try:
        with pytest.raises(PermanentFailure, match="190"):
            await sender.send(WA_ID, OutboundPayload(text="hello"))
    finally:
        await sender.aclose()
    assert fake_graph.sent() == []
