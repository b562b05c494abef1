"""No console page nor the web chat breaks its own Content-Security-Policy, also while live updates swap content in."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import pytest
from playwright.async_api import BrowserContext, ConsoleMessage, Page, expect

from supervisor_console.sessions import COOKIE_NAME
from tests.supervisor_console.people import person_writes
from tests.support.browser import chromium
from tests.support.console import PASSWORD, create_staff, sign_in
from tests.support.live import live_app

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("backend", ["sqlite"], indirect=True)]

# Chromium reports a blocked inline style or script as a console entry; the page's own violation event is logged
# too, so a report is seen even if the browser's wording changes.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
  console.error("CSP violation: " + event.violatedDirective + " in " + event.sourceFile + ":" + event.lineNumber);
}, true);
"""

STYLE_FIELDS_LIKE_AN_EXTENSION = """
document.querySelectorAll("input, textarea, select").forEach((field) => {
  field.style.setProperty("outline-offset", "0px");
});
"""


@dataclass
class Problems:
    """Every CSP violation and script error any watched page reported."""

    seen: list[str] = field(default_factory=list)

    async def watch(self, context: BrowserContext) -> None:
        await context.add_init_script(REPORT_VIOLATIONS)
        context.on("page", self._attach)

    def _attach(self, page: Page) -> None:
        page.on("console", lambda message: self._console(page, message))
        page.on("pageerror", lambda error: self.seen.append(f"{page.url}: script error: {error}"))
        page.on("response", lambda r: self.seen.append(f"{r.url}: {r.status}") if r.status >= 400 else None)

    def _console(self, page: Page, message: ConsoleMessage) -> None:
        text, source = message.text, message.location.get("url", "")
        if "Content Security Policy" in text or text.startswith("CSP violation") or message.type == "error":
            self.seen.append(f"{page.url}: {message.type}: {text} ({source})")

    async def flush(self, page: Page) -> list[str]:
        """A round trip through the page, so every report it made before now has reached the test."""
        await page.evaluate("new Promise((resolve) => setTimeout(resolve, 50))")
        return self.seen


async def _signed_in_context(context: BrowserContext, base_url: str, cookie: str) -> None:
    await context.add_cookies([{"name": COOKIE_NAME, "value": cookie, "url": base_url}])


async def test_no_page_reports_a_csp_violation_or_script_error(make_settings):
    settings = make_settings()
    await create_staff(settings, "amira", display_name="Amira")
    await create_staff(settings, "sam", role="supervisor", display_name="Sam")
    await create_staff(settings, "root", role="admin", display_name="Root")
    problems = Problems()
    async with (
        live_app(settings) as live,
        chromium() as browser,
        live.client() as public,
        live.client() as sam,
        live.client() as root,
    ):
        # A liaison: the queue updates live, then a conversation is taken and answered.
        liaison = await browser.new_context(viewport={"width": 1200, "height": 900})
        await problems.watch(liaison)
        page = await liaison.new_page()
        await page.goto(f"{live.base_url}/console/login")
        await page.get_by_label("Username").fill("amira")
        await page.get_by_label("Password").fill(PASSWORD)
        await page.get_by_role("button", name="Sign in").click()
        await expect(page.get_by_text("Nobody is waiting right now.")).to_be_visible()
        await person_writes(public, "I need help with my tenancy", chat_id=8101)
        row = page.locator("#queue li.conv", has_text="I need help with my tenancy")
        await expect(row).to_be_visible(timeout=10_000)
        await row.get_by_role("link").click()
        await page.get_by_role("button", name="Take this conversation").click()
        await page.locator("#reply-text").fill("Hello, which city are you in?")
        await page.locator("#reply-text").press("Control+Enter")
        await expect(page.locator(".msg.dir-out", has_text="which city")).to_be_visible()
        # Password managers (and Playwright's default screenshot) style form fields through the CSSOM; the live
        # refresh of the escalation panel that follows must not turn that into an inline style the CSP refuses.
        await page.evaluate(STYLE_FIELDS_LIKE_AN_EXTENSION)
        async with page.expect_response(lambda response: response.url.endswith("/escalation")):
            await person_writes(public, "Lyon", chat_id=8101)
        await expect(page.locator(".msg.dir-in", has_text="Lyon")).to_be_visible(timeout=10_000)
        conversation_url = page.url
        assert await problems.flush(page) == []

        # A supervisor: the queue with colleagues' work, the conversation, the escalations list.
        await sign_in(sam, "sam")
        supervisor = await browser.new_context(viewport={"width": 1200, "height": 900})
        await problems.watch(supervisor)
        await _signed_in_context(supervisor, live.base_url, sam.cookies.get(COOKIE_NAME) or "")
        page = await supervisor.new_page()
        await page.goto(f"{live.base_url}/console")
        await expect(page.locator("#team-h")).to_be_visible()
        await page.goto(conversation_url)
        await expect(page.locator(".msg.dir-in", has_text="Lyon")).to_be_visible()
        await page.goto(f"{live.base_url}/console/escalations")
        await expect(page.locator("#main")).to_be_visible()
        assert await problems.flush(page) == []

        # An administrator: the staff page.
        await sign_in(root, "root")
        admin = await browser.new_context(viewport={"width": 1200, "height": 900})
        await problems.watch(admin)
        await _signed_in_context(admin, live.base_url, root.cookies.get(COOKIE_NAME) or "")
        page = await admin.new_page()
        await page.goto(f"{live.base_url}/console/admin/staff")
        await expect(page.get_by_text("Amira", exact=True)).to_be_visible()
        assert await problems.flush(page) == []

        # A member of the public in the web chat.
        chat = await browser.new_context(viewport={"width": 390, "height": 844})
        await problems.watch(chat)
        page = await chat.new_page()
        await page.goto(f"{live.base_url}/chat")
        await page.fill("#text", "Hello from the web")
        await page.click("#send")
        await page.locator("#log li.out").first.wait_for(timeout=10_000)
        assert await problems.flush(page) == []

        # The watch itself: an inline style on the page is refused and reported.
        await page.evaluate("document.head.insertAdjacentHTML('beforeend', '<style>body { color: red }</style>')")
        for _ in range(100):
            if await problems.flush(page):
                break
            await asyncio.sleep(0.02)
        assert problems.seen and all("style-src" in report for report in problems.seen), problems.seen
