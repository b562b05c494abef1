"""The web chat as a person uses it: their language, the notice's buttons, their data, stop and erase."""

from __future__ import annotations

import pytest

from content.render import get_catalog
from tests.privacy.scan import find_in_database
from tests.support.browser import chromium, screenshot
from tests.support.live import live_app


@pytest.mark.browser
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_person_consents_reads_their_data_and_erases_it_in_french(make_settings):
    catalog = get_catalog()
    async with live_app(make_settings()) as live, chromium() as browser:
        page = await browser.new_page(viewport={"width": 390, "height": 844}, locale="fr-FR")
        await page.goto(f"{live.base_url}/chat?lang=fr")
        assert await page.text_content("h1") == "Écrivez-nous"
        assert await page.get_attribute("#text", "placeholder") == "Écrivez votre message…"
        await page.get_by_role("button", name="Mes données", exact=True).wait_for()

        await page.fill("#text", "Je cherche un avocat à Lyon, merci")
        await page.click("#send")
        notice = page.locator("#log li.out", has_text=catalog.render("privacy_notice", "fr", retention_days=30))
        await notice.wait_for()
        assert await notice.get_by_role("button").all_text_contents() == [
            "Continuer", "Non, merci", "English", "العربية", "Українська", "Русский", "فارسی / دری", "Français",
            "Español",
        ]  # fmt: skip
        await notice.get_by_role("button", name="Continuer").click()
        await page.locator("#log li.out", has_text=catalog.render("consent_given", "fr")).wait_for()
        await notice.locator(".choices").wait_for(state="detached")

        await page.get_by_role("button", name="Mes données", exact=True).click()
        export = page.locator("#log li.out", has_text=catalog.render("mydata_caption", "fr"))
        await export.wait_for()
        await export.get_by_role("button", name="Afficher").click()
        await export.locator("pre.export", has_text="Je cherche un avocat à Lyon, merci").wait_for()
        assert "Vous" in (await export.locator("pre.export").text_content() or "")
        assert await export.get_by_role("link", name="Télécharger").get_attribute("href") == (
            "/chat/mydata?download=1&lang=fr"
        )
        await screenshot(page, "webchat-mydata-fr.png")

        cookie_before = {c["name"]: c["value"] for c in await page.context.cookies()}["ld_chat"]
        await page.get_by_role("button", name="Effacer mes données").click()
        confirm = page.locator("#log li.out", has_text=catalog.render("forget_confirm", "fr").splitlines()[0])
        await confirm.get_by_role("button", name="Oui, effacer").click()
        farewell = page.locator("#log li.farewell")
        await farewell.wait_for()
        # What they wrote and pressed (5) and what we sent them (4), told back in their language.
        assert await farewell.text_content() == catalog.render("forget_done", "fr", erased_messages=9)
        assert await page.locator("#log li").count() == 1, "the page forgets the conversation too"
        cookie_after = {c["name"]: c["value"] for c in await page.context.cookies()}["ld_chat"]
        assert cookie_after != cookie_before
        assert await find_in_database(live.services, ["Je cherche un avocat", cookie_before]) == []
        await screenshot(page, "webchat-forgotten-fr.png")

        await page.reload()
        assert await page.locator("#log li").count() == 0


@pytest.mark.browser
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_choosing_a_language_in_the_page_switches_the_page_and_the_replies(make_settings):
    catalog = get_catalog()
    async with live_app(make_settings()) as live, chromium() as browser:
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        await page.goto(f"{live.base_url}/chat?lang=en")
        await page.fill("#text", "hello")
        await page.click("#send")
        await page.locator("#log li.out").first.wait_for()
        loads: list[str] = []
        page.on("request", lambda r: loads.append(r.url) if r.resource_type == "document" else None)
        await page.click("nav.languages button[data-lang=ar]")
        await page.wait_for_url("**/chat?lang=ar")
        assert await page.get_attribute("html", "dir") == "rtl"
        done = catalog.render("language_set", "ar", language_name="العربية")
        await page.locator("#log li.out", has_text=done).wait_for()
        assert len(loads) == 1, f"the page reloads once in the new language, not {loads}"
        await page.get_by_role("button", name="إيقاف").click()
        await page.locator("#log li.out", has_text=catalog.render("stopped", "ar").splitlines()[0]).wait_for()
        await screenshot(page, "webchat-stopped-ar.png")
        mine = [text.strip() for text in await page.locator("#log li.in").all_text_contents()]
        assert "إيقاف" in mine, "the person sees the words of the button they tapped"
        assert not [text for text in mine if "cmd:" in text or "lang:" in text], "never a payload code"


async def test_the_export_is_only_for_the_session_it_belongs_to(make_settings):
    async with live_app(make_settings()) as live, live.client() as first, live.client() as other:
        assert (await first.get("/chat/mydata")).status_code == 404
        await first.get("/chat")
        await first.post("/chat/messages", json={"text": "only mine", "client_id": "a1b2c3d4e5"})
        mine = await first.get("/chat/mydata?download=1")
        assert mine.status_code == 200 and "only mine" in mine.text
        assert mine.headers["content-type"].startswith("text/plain")
        assert mine.headers["content-disposition"].startswith("attachment;")
        await other.get("/chat")
        assert (await other.get("/chat/mydata")).status_code == 404
