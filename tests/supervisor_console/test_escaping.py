"""Whatever a member of the public writes reaches staff pages only as inert, escaped text."""

from __future__ import annotations

import re

from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import load_update
from tests.support.console import create_staff, sign_in
from tests.support.live import live_app

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"


async def test_hostile_body_is_escaped_on_every_page(make_settings):
    settings = make_settings()
    await create_staff(settings, "sam", role="supervisor")
    update = load_update("html_injection")
    assert update["message"]["text"] == HOSTILE
    async with live_app(settings) as live, live.client() as person, live.client() as staff:
        await person.post(
            "/webhooks/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        )
        await sign_in(staff, "sam")
        queue = await staff.get("/console")
        conversation_id = re.search(r"/console/conversations/(\d+)", queue.text).group(1)  # type: ignore[union-attr]
        pages = [
            queue,
            await staff.get("/console/partials/queue"),
            await staff.get("/console/partials/mine"),
            await staff.get(f"/console/conversations/{conversation_id}"),
            await staff.get(f"/console/partials/conversations/{conversation_id}/transcript"),
        ]
        for page in pages:
            assert page.status_code == 200
            assert "<script>alert" not in page.text and "onerror=alert(2)>" not in page.text
            assert "script-src 'self'" in page.headers["content-security-policy"]
            assert "unsafe-inline" not in page.headers["content-security-policy"]
            assert page.headers["cache-control"] == "no-store"
        transcript = pages[3].text
        assert ESCAPED in transcript, "the text is shown, escaped, not dropped"
