"""The console in headless Chromium on a 390 px phone: two-step sign-in, live queue, Ctrl+Enter, shortcuts."""

from __future__ import annotations

import re
import time

import pyotp
import pytest
from playwright.async_api import Page, expect

from tests.fakes.telegram_api import FakeTelegramAPI
from tests.supervisor_console.people import person_writes
from tests.support.browser import chromium, screenshot
from tests.support.console import PASSWORD, create_staff
from tests.support.live import live_app

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


async def _password_step(page: Page, base_url: str, username: str) -> None:
    await page.goto(f"{base_url}/console/login")
    await page.get_by_label("Username").fill(username)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()


async def _fits_the_phone(page: Page) -> bool:
    return bool(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_liaison_signs_in_with_a_code_sees_a_new_person_live_and_replies_with_ctrl_enter(
    make_settings, fake_telegram: FakeTelegramAPI
):
    settings = make_settings(totp_required_for_liaisons=True)
    await create_staff(settings, "amira", display_name="Amira")
    async with live_app(settings) as live, chromium() as browser, live.client() as public:
        # First sign-in: password, then set up the authenticator app from the key shown as text.
        setup = await browser.new_page(viewport=PHONE)
        await _password_step(setup, live.base_url, "amira")
        await expect(setup.get_by_role("heading", name="Set up two-step sign-in")).to_be_visible()
        secret = await setup.get_attribute("#totp-secret", "data-secret")
        assert secret
        now_step = int(time.time()) // 30
        await setup.get_by_label("The code the app shows now").fill(pyotp.TOTP(secret).at(now_step * 30))
        await setup.get_by_role("button", name="Turn on").click()
        await expect(setup.get_by_role("heading", name="My conversations")).to_be_visible()
        await setup.close()

        # A later sign-in on the phone: password, then the next code from the app.
        context = await browser.new_context(viewport=PHONE)
        page = await context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: dialogs.append(dialog.message))
        await _password_step(page, live.base_url, "amira")
        await expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
        await page.get_by_label("Code").fill(pyotp.TOTP(secret).at((now_step + 1) * 30))
        await page.get_by_role("button", name="Continue").click()
        await expect(page.get_by_role("heading", name="My conversations")).to_be_visible()
        await expect(page.get_by_text("Nobody is waiting right now.")).to_be_visible()
        await page.evaluate("window.__notReloaded = true")

        # Someone writes on Telegram; the queue shows them without a reload, and the tab title counts them.
        await person_writes(public, "Hello, I need help finding a lawyer", chat_id=4242)
        row = page.locator("#queue li.conv", has_text="Hello, I need help finding a lawyer")
        await expect(row).to_be_visible(timeout=10_000)
        await expect(page).to_have_title(re.compile(r"^\(1\) Queue"))
        assert await page.evaluate("window.__notReloaded === true"), "updated in place, not reloaded"
        assert await _fits_the_phone(page)
        await screenshot(page, "console-queue-390.png")

        # Open it, take it, answer with Ctrl+Enter.
        await row.get_by_role("link").click()
        await page.get_by_role("button", name="Take this conversation").click()
        composer = page.locator("#reply-text")
        await composer.fill("Hi, I'm Amira. Which city are you in?")
        await composer.press("Control+Enter")
        calls = await fake_telegram.wait_for("sendMessage", count=2)
        assert calls[-1].params["text"] == "Hi, I'm Amira. Which city are you in?"
        await expect(page.locator(".msg.dir-out", has_text="Which city are you in?")).to_be_visible()

        # The person answers: the transcript updates in place.
        await person_writes(public, "I'm in Lyon", chat_id=4242)
        await expect(page.locator(".msg.dir-in", has_text="I'm in Lyon")).to_be_visible(timeout=10_000)

        # "/" opens the canned replies, previewed before they are inserted.
        await composer.fill("")
        await composer.press_sequentially("/gre")
        await expect(page.locator("#canned-list [role=option]", has_text="Greeting")).to_be_visible()
        await expect(page.locator("#canned-text")).to_have_text(re.compile(r"^Hello, I'm Amira\."))
        await composer.press("Enter")
        await expect(composer).to_have_value(re.compile(r"^Hello, I'm Amira\. Thank you for writing to us\."))
        await composer.fill("/handover")
        await expect(page.locator("#canned-warnings li")).to_have_text(
            "{{ case_owner_name }} would be empty here; fill it in before sending."
        )
        await composer.press("Escape")
        await expect(page.locator("#canned-picker")).to_be_hidden()

        # Shortcuts: "?" while typing is just a character; outside a text box it shows the list.
        await composer.fill("")
        await composer.press_sequentially("Is that right?")
        await expect(page.locator("#shortcuts")).not_to_be_visible()
        await page.locator("h1").click()
        await page.keyboard.press("?")
        await expect(page.locator("#shortcuts")).to_be_visible()
        await expect(page.locator("#shortcuts")).to_contain_text("Next conversation")
        await page.keyboard.press("Escape")
        await expect(page.locator("#shortcuts")).not_to_be_visible()

        # An internal note, visibly different, never sent.
        await page.get_by_text("Add an internal note").click()
        await page.locator("#note-text").fill("Asked about Lyon services")
        await page.locator("#note-text").press("Control+Enter")
        note = page.locator(".msg.dir-note", has_text="Asked about Lyon services")
        await expect(note).to_contain_text("Internal note")
        await expect(note).to_have_css("border-top-style", "dashed")
        assert len(fake_telegram.sent_messages(chat_id=4242)) == 2, "the welcome and the reply, not the note"

        assert await _fits_the_phone(page)
        await screenshot(page, "console-conversation-390.png")
        assert dialogs == []
        await context.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_alt_j_and_alt_k_walk_through_conversations_but_not_while_typing(make_settings):
    settings = make_settings()
    await create_staff(settings, "amira")
    async with live_app(settings) as live, chromium() as browser, live.client() as public:
        for chat_id in (71, 72, 73):
            await person_writes(public, f"message from {chat_id}", chat_id=chat_id)
        page = await browser.new_page(viewport={"width": 1200, "height": 900})
        await _password_step(page, live.base_url, "amira")
        links = page.locator("#queue a[data-conversation-link]")
        await expect(links).to_have_count(3)
        await page.wait_for_load_state()  # the shortcuts exist once console.js has run
        hrefs = [await links.nth(i).get_attribute("href") for i in range(3)]
        await page.keyboard.press("Alt+J")
        focused = "document.activeElement.getAttribute('href')"
        assert await page.evaluate(focused) == hrefs[0]
        # A live update re-renders the queue under the liaison's keyboard; the focus stays on the same link.
        await person_writes(public, "message from 74", chat_id=74)
        await expect(links).to_have_count(4, timeout=10_000)
        assert await page.evaluate(focused) == hrefs[0]
        await page.keyboard.press("Enter")
        await page.wait_for_url(f"**{hrefs[0]}")
        await page.keyboard.press("Alt+J")
        await page.wait_for_url(f"**{hrefs[1]}")
        await page.keyboard.press("Alt+K")
        await page.wait_for_url(f"**{hrefs[0]}")
        # While typing a search the shortcut is not taken.
        await page.goto(f"{live.base_url}/console/search")
        await page.locator("#q").click()
        await page.keyboard.press("Alt+J")
        assert page.url.endswith("/console/search")
