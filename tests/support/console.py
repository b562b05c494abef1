"""Driving the console over HTTP as a staff member would: sign in, read pages, post forms with the CSRF token."""

from __future__ import annotations

import re
from typing import Any

import httpx

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


async def sign_in(client: httpx.AsyncClient, username: str, password: str = PASSWORD) -> str:
    """Sign in through the login form; returns the session's CSRF token from the queue page."""
    form = await client.get("/console/login")
    response = await client.post(
        "/console/login",
        data={"username": username, "password": password, "csrf_token": csrf_from(form.text)},
    )
    assert response.status_code == 303, response.text
    page = await client.get("/console")
    assert page.status_code == 200, page.text
    return csrf_from(page.text)
