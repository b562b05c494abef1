"""Headless Debian Chromium driven by Playwright; never Playwright's own browser download (no downloads here)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path

from playwright.async_api import Browser, Page, async_playwright

from tests.support.backends import unavailable

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("LIAISON_TEST_ARTIFACTS", "test-artifacts"))
# Without these Chromium tries to reach Google's services at start, and this machine has no network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@contextlib.asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    if not Path(CHROMIUM).exists():
        unavailable("Chromium (/usr/bin/chromium)")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


async def screenshot(page: Page, name: str) -> None:
    """A full-page picture for people to look at, taken without changing the page.

    By default Playwright hides the caret by styling every field through the CSSOM, which leaves an empty style
    attribute behind: a later check for inline styles, or htmx settling a refreshed field, would then find an
    inline style the page never had (and the CSP reports the latter as a violation).
    """
    await page.screenshot(path=str(artifact(name)), full_page=True, caret="initial")
