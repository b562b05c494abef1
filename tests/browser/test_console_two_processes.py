"""Two `liaison serve` processes sharing PostgreSQL and Redis: a page on one sees what arrives at the other."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from tests.supervisor_console.people import person_writes
from tests.support.browser import chromium
from tests.support.console import PASSWORD, create_staff
from tests.support.live import live_app

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("backend", ["postgres+redis"], indirect=True)
async def test_a_message_at_one_process_appears_live_on_a_page_served_by_another(make_settings):
    settings = make_settings()
    await create_staff(settings, "amira")
    async with (
        live_app(settings) as webhook_side,
        live_app(settings) as console_side,
        chromium() as browser,
        webhook_side.client() as public,
    ):
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        await page.goto(f"{console_side.base_url}/console/login")
        await page.get_by_label("Username").fill("amira")
        await page.get_by_label("Password").fill(PASSWORD)
        await page.get_by_role("button", name="Sign in").click()
        await expect(page.get_by_text("Nobody is waiting right now.")).to_be_visible()
        await page.evaluate("window.__notReloaded = true")
        # Let the event stream open first, so the new row can only arrive as an event relayed through Redis.
        await page.wait_for_timeout(1000)

        await person_writes(public, "Written to the other process", chat_id=8080)
        await expect(page.locator("#queue .preview", has_text="Written to the other process")).to_be_visible(
            timeout=10_000
        )
        await expect(page.locator("#counts")).to_contain_text("1 waiting")
        assert await page.evaluate("window.__notReloaded === true")
