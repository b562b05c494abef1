"""What a member of the public writes stays inert text in the queue, transcript, search and notes, in a real browser."""

from __future__ import annotations

from urllib.parse import quote, urlparse

import pyotp
import pytest
from playwright.async_api import Page, expect

from tests.supervisor_console.people import person_writes
from tests.support.browser import chromium
from tests.support.console import PASSWORD, create_staff
from tests.support.live import live_app

pytestmark = pytest.mark.browser

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    'javascript:alert(1) <a href="javascript:alert(1)">open</a>',
    "<style>body{display:none} main{visibility:hidden}</style>",
    "my file is invoice\u202egpj.exe please look",
]
# Anything the page could be tricked into adding: script, images, vector graphics, styles, script links.
INJECTED = "main script, main img, main svg, main style, main iframe, a[href^='javascript'], [onerror], [onload]"


async def _sign_in_with_two_factor(page: Page, base_url: str, username: str) -> None:
    await page.goto(f"{base_url}/console/login")
    await page.get_by_label("Username").fill(username)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    secret = await page.get_attribute("#totp-secret", "data-secret")
    assert secret
    await page.get_by_label("The code the app shows now").fill(pyotp.TOTP(secret).now())
    await page.get_by_role("button", name="Turn on").click()
    await expect(page.get_by_role("heading", name="My conversations")).to_be_visible()


async def _assert_inert(page: Page, dialogs: list[str], where: str) -> None:
    assert dialogs == [], f"a dialog fired on {where}"
    assert await page.locator(INJECTED).count() == 0, f"markup from a message became elements on {where}"
    assert await page.locator("main").is_visible(), f"a style from a message hid the page on {where}"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_hostile_messages_and_notes_fire_nothing_and_load_nothing(make_settings):
    settings = make_settings()
    await create_staff(settings, "sam", role="supervisor", display_name="Sam")
    async with live_app(settings) as live, chromium() as browser, live.client() as public:
        for index, text in enumerate(HOSTILE):
            await person_writes(public, text, chat_id=9100 + index)
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: dialogs.append(dialog.message))
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        await _sign_in_with_two_factor(page, live.base_url, "sam")

        # The queue shows each message's start as plain text.
        previews = page.locator("#queue .preview")
        await expect(previews).to_have_count(len(HOSTILE))
        shown = set(await previews.all_text_contents())
        assert shown == set(HOSTILE), "every message shown exactly as written"
        await _assert_inert(page, dialogs, "the queue")
        links = await page.locator("#queue a[data-conversation-link]").evaluate_all("els => els.map(e => e.href)")

        for url in links:
            # The transcript, then a note quoting the message, on the conversation page.
            await page.goto(url)
            body = page.locator(".msg.dir-in .body").first
            sent = await body.text_content()
            assert sent in HOSTILE
            # Isolated: a right-to-left override inside a message cannot reorder the page around it.
            await expect(body).to_have_css("unicode-bidi", "isolate")
            await expect(body).to_have_attribute("dir", "auto")
            await _assert_inert(page, dialogs, f"the transcript of {sent!r}")
            await page.get_by_role("button", name="Take this conversation").click()
            await page.get_by_text("Add an internal note").click()
            await page.locator("#note-text").fill(sent or "")
            await page.get_by_role("button", name="Save note").click()
            note = page.locator(".msg.dir-note .body")
            await expect(note).to_have_text(sent or "")
            await _assert_inert(page, dialogs, f"the note quoting {sent!r}")

        # Search by words in them, and by the hostile text itself (echoed back in the search box).
        for query in ("alert(1)", "<script>alert(1)</script>", "\u202egpj"):
            await page.goto(f"{live.base_url}/console/search?q={quote(query)}")
            await expect(page.locator("#q")).to_have_value(query)
            await expect(page.locator("#search-hits li").first).to_be_visible()
            await _assert_inert(page, dialogs, f"search for {query!r}")
        await page.goto(f"{live.base_url}/console/search?q=alert")
        hits = await page.locator("#search-hits .body").all_text_contents()
        assert any("<script>alert(1)</script>" in hit for hit in hits)
        assert await page.locator("#search-hits li.dir-note").count() >= 4, "notes are found too"
        await _assert_inert(page, dialogs, "the search results")

        # Nothing was fetched but the console itself: no image "x", no other host.
        for url in requests:
            parsed = urlparse(url)
            assert parsed.netloc == urlparse(live.base_url).netloc, url
            assert not parsed.path.endswith("/x"), url
