"""The web chat in a real browser on a 390 px phone: right-to-left text, and replies without a reload."""

from __future__ import annotations

import re

import pytest

from tests.support.browser import chromium, screenshot
from tests.support.console import create_staff, csrf_from, sign_in
from tests.support.live import live_app

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_phone_user_writes_in_arabic_and_sees_the_reply_without_reloading(make_settings):
    settings = make_settings()
    await create_staff(settings, "huda")
    async with live_app(settings) as live, chromium() as browser, live.client() as liaison:
        page = await browser.new_page(viewport={"width": 390, "height": 844}, locale="ar")
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: dialogs.append(dialog.message))
        await page.goto(f"{live.base_url}/chat?lang=ar")
        assert await page.get_attribute("html", "dir") == "rtl"
        await page.fill("#text", "أحتاج مساعدة <b>عاجلة</b>")
        await page.click("#send")
        mine = page.locator("#log li.in")
        await mine.first.wait_for()
        assert await mine.first.text_content() == "أحتاج مساعدة <b>عاجلة</b>", "shown as typed, never as markup"
        direction = await mine.first.evaluate("el => getComputedStyle(el).direction")
        assert direction == "rtl"
        no_sideways_scroll = await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert no_sideways_scroll, "the page fits a 390 px phone"

        await sign_in(liaison, "huda")
        queue = await liaison.get("/console")
        url = "/console/conversations/" + re.search(r"/console/conversations/(\d+)", queue.text).group(1)  # type: ignore[union-attr]
        conversation = await liaison.get(url)
        answer = "نحن هنا. ما الذي يحدث؟"
        await liaison.post(f"{url}/reply", data={"text": answer, "csrf_token": csrf_from(conversation.text)})

        reply = page.locator("#log li.out", has_text=answer)
        await reply.wait_for(timeout=10_000)
        await screenshot(page, "webchat-390-rtl.png")
        assert dialogs == []
