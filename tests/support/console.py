"""Driving the console over HTTP as a staff member would: sign in, read pages, post forms with the CSRF token."""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

import httpx
import pyotp

from bot.staff import add_staff
from core.settings import Settings

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PASSWORD = "correct horse battery staple"


async def create_staff(settings: Settings, username: str, role: str = "liaison", **kwargs: Any) -> None:
    await add_staff(
        settings,
        role=role,
        username=username,
        password=PASSWORD,
        display_name=kwargs.pop("display_name", None),
        languages=kwargs.pop("languages", ["en", "ar", "uk", "ru", "fa", "fr", "es"]),
        **kwargs,
    )


def csrf_from(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


# The authenticator app of each test account that set up two-step sign-in: (base URL, username) -> secret.
TOTP_SECRETS: dict[tuple[str, str], str] = {}
_LAST_STEP: dict[tuple[str, str], int] = {}
_SECRET = re.compile(r'data-secret="([A-Z2-7]+)"')


async def totp_code(key: tuple[str, str]) -> str:
    """The authenticator app's code, never one already used (the server refuses replays)."""
    step = max(int(time.time()) // 30, _LAST_STEP.get(key, -1) + 1)
    while step > int(time.time()) // 30 + 1:
        await asyncio.sleep(1)
    _LAST_STEP[key] = step
    return str(pyotp.TOTP(TOTP_SECRETS[key]).at(step * 30))


async def second_factor(client: httpx.AsyncClient, username: str, location: str) -> httpx.Response:
    """Finish signing in as the person would: set up the authenticator app, or type its code."""
    key = (str(client.base_url), username)
    if location == "/console/two-factor":
        page = await client.get(location)
        match = _SECRET.search(page.text)
        assert match, "no setup key on the two-step sign-in page"
        TOTP_SECRETS[key] = match.group(1)
        _LAST_STEP.pop(key, None)
        data = {"secret": match.group(1), "code": await totp_code(key), "csrf_token": csrf_from(page.text)}
        return await client.post(location, data=data)
    page = await client.get(location)
    return await client.post(location, data={"code": await totp_code(key), "csrf_token": csrf_from(page.text)})


async def sign_in(client: httpx.AsyncClient, username: str, password: str = PASSWORD) -> str:
    """Sign in through the login form (and the second step when asked); returns the session's CSRF token."""
    form = await client.get("/console/login")
    response = await client.post(
        "/console/login",
        data={"username": username, "password": password, "csrf_token": csrf_from(form.text)},
    )
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    if location in ("/console/two-factor", "/console/login/code"):
        response = await second_factor(client, username, location)
        assert response.status_code == 303, response.text
    page = await client.get("/console")
    if page.status_code == 303:  # an admin's home is the staff page
        page = await client.get(page.headers["location"])
    assert page.status_code == 200, page.text
    return csrf_from(page.text)
