"""In a real browser the conversation page shows WhatsApp's window countdown, then a template form once it closes."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

import pytest

from core.clock import Clock, utcnow
from supervisor_console.sessions import COOKIE_NAME
from tests.bot.whatsapp.conftest import WA_ID, post_signed
from tests.fakes.graph_api import load_webhook
from tests.support.browser import chromium, screenshot
from tests.support.console import create_staff, csrf_from, sign_in
from tests.support.live import live_app

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("backend", ["sqlite"], indirect=True)]


async def test_the_countdown_loads_and_the_template_form_appears_when_the_window_closes(wa_settings, fake_graph):
    settings = wa_settings()
    start = utcnow()
    clock = Clock(lambda: start)
    await create_staff(settings, "amira")
    async with live_app(settings, clock=clock) as live, live.client() as meta, live.client() as liaison:
        assert (await post_signed(meta, load_webhook("text_message"))).status_code == 200
        await sign_in(liaison, "amira")
        queue = await liaison.get("/console")
        url = "/console/conversations/" + re.search(r"/console/conversations/(\d+)", queue.text).group(1)  # type: ignore[union-attr]
        page_html = (await liaison.get(url)).text
        assert (await liaison.post(f"{url}/claim", data={"csrf_token": csrf_from(page_html)})).status_code == 303
        clock.advance(timedelta(hours=20))
        await sign_in(liaison, "amira")
        token = liaison.cookies.get(COOKIE_NAME)
        assert token

        async with chromium() as browser:
            context = await browser.new_context()
            await context.add_cookies([{"name": COOKIE_NAME, "value": token, "url": live.base_url}])
            page = await context.new_page()
            await page.goto(f"{live.base_url}{url}")
            countdown = page.locator(".wa-countdown")
            await countdown.wait_for(timeout=10_000)
            assert await countdown.text_content() == "4 h 0 min"
            await screenshot(page, "whatsapp-window-open.png")

            clock.advance(timedelta(hours=5))
            await page.context.clear_cookies()
            await sign_in(liaison, "amira")
            await context.add_cookies(
                [{"name": COOKIE_NAME, "value": liaison.cookies.get(COOKIE_NAME) or "", "url": live.base_url}]
            )
            await page.reload()
            await page.locator("#wa-template").wait_for(timeout=10_000)
            assert "WhatsApp window closed 1 h 0 min ago" in (await page.locator(".wa-window").inner_text())
            await page.select_option("#wa-template", "liaison_checking_in")
            async with page.expect_navigation():  # the form posts, then redirects back to the conversation
                await page.click("text=Send template")
            await page.locator("#wa-template").wait_for(timeout=10_000)
            await screenshot(page, "whatsapp-window-closed.png")
            # The panel loaded and refreshed through htmx under the console's CSP, and adds no inline style.
            assert await page.locator(".wa-window [style]").count() == 0
            await context.close()

        for _ in range(500):
            sent = fake_graph.sent(WA_ID, type="template")
            if sent:
                break
            await asyncio.sleep(0.02)
        assert sent and sent[0]["template"]["name"] == "liaison_checking_in"
