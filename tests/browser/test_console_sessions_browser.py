"""In a real browser: a form posted without its CSRF token is refused, and a password change ends other sessions."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, Route, expect

from tests.support.browser import chromium
from tests.support.console import PASSWORD, create_staff
from tests.support.live import live_app

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("backend", ["sqlite"], indirect=True)]


async def _sign_in(page: Page, base_url: str, username: str, password: str = PASSWORD) -> None:
    await page.goto(f"{base_url}/console/login")
    await page.get_by_label("Username").fill(username)
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("heading", name="My conversations")).to_be_visible()


async def _without_csrf_token(route: Route) -> None:
    fields = (route.request.post_data or "").split("&")
    await route.continue_(post_data="&".join(f for f in fields if not f.startswith("csrf_token=")))


async def test_a_state_change_without_the_csrf_token_is_refused(make_settings):
    settings = make_settings()
    await create_staff(settings, "yara")
    async with live_app(settings) as live, chromium() as browser:
        page = await browser.new_page()
        await _sign_in(page, live.base_url, "yara")
        # What a forged cross-site form would lack: the session's token. It is taken out of the request
        # itself, since the live stream's first refresh re-renders the form (a fresh token) at any moment.
        await page.route("**/console/claim-next", _without_csrf_token)
        async with page.expect_response("**/console/claim-next") as answer:
            await page.get_by_role("button", name="Take the next conversation").click()
        assert (await answer.value).status == 403
        await expect(page.get_by_text("This form has expired")).to_be_visible()


async def test_changing_the_password_ends_the_other_browser_session(make_settings):
    settings = make_settings()
    await create_staff(settings, "yara")
    async with live_app(settings) as live, chromium() as browser:
        laptop = await (await browser.new_context()).new_page()
        phone = await (await browser.new_context()).new_page()
        await _sign_in(laptop, live.base_url, "yara")
        await _sign_in(phone, live.base_url, "yara")

        await laptop.goto(f"{live.base_url}/console/password")
        await laptop.locator("input[name=current_password]").fill(PASSWORD)
        await laptop.locator("input[name=new_password]").fill("a different long passphrase")
        await laptop.get_by_role("button", name="Save password").click()
        await expect(laptop.get_by_role("heading", name="My conversations")).to_be_visible()

        await phone.goto(f"{live.base_url}/console")
        await expect(phone.get_by_role("heading", name="Sign in")).to_be_visible()
        await _sign_in(phone, live.base_url, "yara", "a different long passphrase")
