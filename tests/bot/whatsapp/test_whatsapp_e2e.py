"""A person writes on WhatsApp, a liaison answers from the console, the reply reaches the Graph API — and
24 hours after the person's last message the console refuses free text and sends an approved template."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

from sqlalchemy import select

from core.clock import Clock, utcnow
from core.models import Message, OutboxItem
from tests.bot.whatsapp.conftest import WA_ID, count, post_signed
from tests.fakes.graph_api import FakeGraphAPI, load_webhook
from tests.support.console import create_staff, csrf_from, sign_in
from tests.support.live import LiveApp, live_app


async def _texts_to(fake: FakeGraphAPI, text: str, timeout: float = 10.0) -> list[str]:
    """Wait until `text` reached the fake as a text message; returns every text body sent so far."""
    for _ in range(int(timeout / 0.02)):
        texts = [b["text"]["body"] for b in fake.sent(WA_ID, type="text")]
        if text in texts:
            return texts
        await asyncio.sleep(0.02)
    raise AssertionError(f"{text!r} never reached the fake Graph API; sent: {fake.sent()}")


async def _open_conversation(live: LiveApp, liaison) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    queue = await liaison.get("/console")
    match = re.search(r'href="/console/conversations/(\d+)"', queue.text)
    assert match, "the conversation is not in the queue"
    url = f"/console/conversations/{match.group(1)}"
    page = await liaison.get(url)
    assert page.status_code == 200
    return url, page.text


async def test_message_reaches_console_and_reply_reaches_whatsapp(wa_settings, fake_graph):
    settings = wa_settings()
    await create_staff(settings, "amira", display_name="Amira")
    async with live_app(settings) as live, live.client() as meta, live.client() as liaison:
        first = load_webhook("text_message", text="Hello, I need help finding a lawyer")
        assert (await post_signed(meta, first)).status_code == 200

        await sign_in(liaison, "amira")
        url, page = await _open_conversation(live, liaison)
        assert "Hello, I need help finding a lawyer" in page
        assert "whatsapp-window" in page, "the page loads the window panel"
        panel = await liaison.get(f"/console/partials/conversations/{url.rsplit('/', 1)[1]}/whatsapp-window")
        assert "WhatsApp window open" in panel.text and "23 h 59 min" in panel.text

        sent = await liaison.post(
            f"{url}/reply", data={"text": "Hi, I'm Amira. Which city are you in?", "csrf_token": csrf_from(page)}
        )
        assert sent.status_code == 303
        await _texts_to(fake_graph, "Hi, I'm Amira. Which city are you in?")

        follow_up = load_webhook("text_message", wamid="wamid.FOLLOWUP1", text="I'm in Lyon")
        assert (await post_signed(meta, follow_up)).status_code == 200
        page = (await liaison.get(url)).text
        assert "I&#39;m in Lyon" in page or "I'm in Lyon" in page
        assert await count(live, Message, Message.direction == "in") == 2


async def test_outside_the_window_a_reply_is_refused_clearly_and_a_template_can_be_sent(wa_settings, fake_graph):
    settings = wa_settings()
    start = utcnow()
    clock = Clock(lambda: start)  # time moves only when the test says so
    await create_staff(settings, "amira", display_name="Amira")
    async with live_app(settings, clock=clock) as live, live.client() as meta, live.client() as liaison:
        assert (await post_signed(meta, load_webhook("text_message"))).status_code == 200
        await sign_in(liaison, "amira")
        url, page = await _open_conversation(live, liaison)
        taken = await liaison.post(f"{url}/claim", data={"csrf_token": csrf_from(page)})
        assert taken.status_code == 303
        conversation_id = url.rsplit("/", 1)[1]
        panel_url = f"/console/partials/conversations/{conversation_id}/whatsapp-window"

        clock.advance(timedelta(hours=23, minutes=30))
        await sign_in(liaison, "amira")  # a console session does not last a day
        panel = (await liaison.get(panel_url)).text
        assert "30 min" in panel and "only an approved template" in panel, "the last hour is flagged"

        clock.advance(timedelta(hours=1))  # 24 h 30 min after the person's message
        await sign_in(liaison, "amira")
        page = (await liaison.get(url)).text
        before = len(fake_graph.calls)
        refused = await liaison.post(
            f"{url}/reply", data={"text": "Are you still there?", "csrf_token": csrf_from(page)}
        )
        assert refused.status_code == 409
        assert "24-hour window closed 30 min ago" in refused.text
        assert "template" in refused.text
        assert await count(live, OutboxItem, OutboxItem.state == "pending") == 0, "nothing was queued"
        async with live.services.sessionmaker() as session:
            bodies = [m.id for m in await session.scalars(select(Message).where(Message.author_id.is_not(None)))]
        assert bodies == [], "the refused reply is not in the transcript"

        panel = (await liaison.get(panel_url)).text
        assert "WhatsApp window closed 30 min ago" in panel
        assert 'name="template"' in panel and "Send template" in panel
        response = await liaison.post(
            f"{url}/whatsapp/template",
            data={"template": "liaison_reply_waiting", "csrf_token": csrf_from(panel)},
        )
        assert response.status_code == 303
        for _ in range(500):
            templates = fake_graph.sent(WA_ID, type="template")
            if templates:
                break
            await asyncio.sleep(0.02)
        assert templates and templates[0]["template"]["name"] == "liaison_reply_waiting"
        assert templates[0]["template"]["language"]["code"] == "en"
        assert [c for c in fake_graph.calls[before:] if c.body.get("type") == "text"] == []
        page = (await liaison.get(url)).text
        assert "A liaison has replied to your message" in page

        # The person answers the template: the window opens again and free text goes through.
        again = load_webhook("text_message", wamid="wamid.AGAIN1", text="Yes, I'm here")
        assert (await post_signed(meta, again)).status_code == 200
        page = (await liaison.get(url)).text
        sent = await liaison.post(
            f"{url}/reply", data={"text": "Thanks for writing back.", "csrf_token": csrf_from(page)}
        )
        assert sent.status_code == 303
        await _texts_to(fake_graph, "Thanks for writing back.")


async def test_a_template_cannot_be_forged_or_sent_to_a_person_who_stopped(wa_settings, fake_graph):
    settings = wa_settings()
    await create_staff(settings, "amira")
    async with live_app(settings) as live, live.client() as meta, live.client() as liaison:
        await post_signed(meta, load_webhook("text_message"))
        await sign_in(liaison, "amira")
        url, page = await _open_conversation(live, liaison)
        csrf = csrf_from(page)
        unknown = await liaison.post(f"{url}/whatsapp/template", data={"template": "promo_sale", "csrf_token": csrf})
        assert unknown.status_code == 409 and "not approved" in unknown.text
        no_csrf = await liaison.post(f"{url}/whatsapp/template", data={"template": "liaison_reply_waiting"})
        assert no_csrf.status_code == 403
        stop = load_webhook("interactive_button_reply", reply_id="cmd:stop", wamid="wamid.STOP2")
        assert (await post_signed(meta, stop)).status_code == 200
        stopped = await liaison.post(
            f"{url}/whatsapp/template", data={"template": "liaison_reply_waiting", "csrf_token": csrf}
        )
        assert stopped.status_code in (404, 409)
        await asyncio.sleep(0.3)
        assert fake_graph.sent(type="template") == []
