"""Signing in: two steps where required, limits on guessing, CSRF on every change, sessions that end when they must."""

from __future__ import annotations

import time

import pyotp
import pytest
from sqlalchemy import select

from core.audit import AuditCode
from core.models import AuditEvent, Staff
from tests.support.console import PASSWORD, TOTP_SECRETS, create_staff, csrf_from, sign_in
from tests.support.live import live_app


async def _password_step(client, username: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    form = await client.get("/console/login")
    return await client.post(
        "/console/login", data={"username": username, "password": password, "csrf_token": csrf_from(form.text)}
    )


def _code(secret: str, offset_steps: int = 0) -> str:
    return pyotp.TOTP(secret).at(int(time.time()) + 30 * offset_steps)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_supervisor_must_set_up_two_step_sign_in_and_then_use_it(make_settings):
    settings = make_settings()
    await create_staff(settings, "sam", role="supervisor")
    async with live_app(settings) as live, live.client() as first, live.client() as second:
        step = await _password_step(first, "sam")
        assert step.headers["location"] == "/console/two-factor"
        # The password alone opens nothing but the set-up page.
        assert (await first.get("/console")).headers["location"] == "/console/login"
        setup = await first.get("/console/two-factor")
        assert "otpauth://totp/Liaison%20Desk:sam?secret=" in setup.text
        secret = setup.text.split('data-secret="')[1].split('"')[0]
        wrong = await first.post(
            "/console/two-factor",
            data={"secret": secret, "code": "000000", "csrf_token": csrf_from(setup.text)},
        )
        assert wrong.status_code == 400 and "does not match" in wrong.text
        done = await first.post(
            "/console/two-factor", data={"secret": secret, "code": _code(secret), "csrf_token": csrf_from(setup.text)}
        )
        assert done.status_code == 303
        assert (await first.get("/console")).status_code == 200

        # Stored encrypted: the secret is nowhere in the row in the clear.
        async with live.services.sessionmaker() as session:
            sam = await session.scalar(select(Staff).where(Staff.username == "sam"))
        assert sam is not None and sam.totp_secret_enc is not None and secret.encode() not in sam.totp_secret_enc

        # Next time: password, then the code. A wrong code and a replayed code are refused.
        step = await _password_step(second, "sam")
        assert step.headers["location"] == "/console/login/code"
        form = await second.get("/console/login/code")
        csrf = csrf_from(form.text)
        refused = await second.post("/console/login/code", data={"code": "123456", "csrf_token": csrf})
        assert refused.status_code == 401 and "not right" in refused.text
        replay = await second.post("/console/login/code", data={"code": _code(secret), "csrf_token": csrf})
        assert replay.status_code == 401, "the code used to enrol cannot be used again"
        fresh = await second.post("/console/login/code", data={"code": _code(secret, 1), "csrf_token": csrf})
        assert fresh.status_code == 303
        assert (await second.get("/console")).status_code == 200


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_liaison_two_step_follows_the_setting(make_settings):
    optional = make_settings()
    await create_staff(optional, "lin")
    async with live_app(optional) as live, live.client() as client:
        assert (await _password_step(client, "lin")).headers["location"] == "/console"
    required = make_settings(totp_required_for_liaisons=True)
    async with live_app(required) as live, live.client() as client:
        assert (await _password_step(client, "lin")).headers["location"] == "/console/two-factor"


async def test_guessing_is_limited_per_account_and_per_address_without_revealing_accounts(make_settings):
    settings = make_settings(login_max_failures_per_account=3, login_max_failures_per_address=6)
    await create_staff(settings, "amira")
    async with live_app(settings) as live, live.client() as client:
        for _ in range(3):
            assert (await _password_step(client, "amira", "wrong password!")).status_code == 401
        # Now even the right password waits, and an unknown name gets exactly the same answer.
        locked = await _password_step(client, "amira")
        assert locked.status_code == 429 and "Too many sign-in attempts" in locked.text
        for _ in range(3):
            assert (await _password_step(client, "nobody", "wrong password!")).status_code == 401
        unknown = await _password_step(client, "nobody")
        assert (unknown.status_code, "Too many sign-in attempts" in unknown.text) == (429, True)
        # The address is over its own limit too: another account from here waits as well.
        await create_staff(settings, "bea")
        assert (await _password_step(client, "bea")).status_code == 429
        async with live.services.sessionmaker() as session:
            throttled = await session.scalars(
                select(AuditEvent).where(AuditEvent.code == int(AuditCode.STAFF_LOGIN_THROTTLED))
            )
            assert len(list(throttled)) == 3
        if live.services.redis is not None:
            keys = [k async for k in live.services.redis.scan_iter(match=f"{settings.redis_prefix}:login-fail:*")]
            assert keys and not any(b"amira" in k for k in keys), "counted in Redis, under hashed keys"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_wrong_codes_count_towards_the_account_limit(make_settings):
    settings = make_settings(login_max_failures_per_account=2)
    await create_staff(settings, "sam", role="supervisor")
    async with live_app(settings) as live, live.client() as setup, live.client() as client:
        await sign_in(setup, "sam")
        await _password_step(client, "sam")
        form = await client.get("/console/login/code")
        for _ in range(2):
            r = await client.post("/console/login/code", data={"code": "000000", "csrf_token": csrf_from(form.text)})
            assert r.status_code == 401
        secret = TOTP_SECRETS[(str(client.base_url), "sam")]
        blocked = await client.post(
            "/console/login/code", data={"code": _code(secret, 1), "csrf_token": csrf_from(form.text)}
        )
        assert blocked.status_code == 429


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_state_changes_need_the_csrf_token_and_never_happen_on_get(make_settings):
    settings = make_settings()
    await create_staff(settings, "amira")
    async with live_app(settings) as live, live.client() as client:
        csrf = await sign_in(client, "amira")
        for path, data in (
            ("/console/me/away", {"away": "on"}),
            ("/console/claim-next", {}),
            ("/console/logout", {}),
            ("/console/password", {"current_password": PASSWORD, "new_password": "another long password"}),
        ):
            refused = await client.post(path, data=data)
            assert refused.status_code == 403, path
            wrong = await client.post(path, data={**data, "csrf_token": csrf[:-2] + "xx"})
            assert wrong.status_code == 403, path
            assert (await client.get(path)).status_code in (404, 405, 200), path
        async with live.services.sessionmaker() as session:
            amira = await session.scalar(select(Staff).where(Staff.username == "amira"))
        assert amira is not None and not amira.away, "nothing changed"
        assert (await client.get("/console")).status_code == 200, "still signed in"
        # The same change with the token works.
        assert (await client.post("/console/me/away", data={"away": "on", "csrf_token": csrf})).status_code == 303


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_password_or_two_step_change_ends_every_other_session(make_settings):
    settings = make_settings()
    await create_staff(settings, "sam", role="supervisor")
    async with live_app(settings) as live, live.client() as laptop, live.client() as phone:
        await sign_in(laptop, "sam")
        await sign_in(phone, "sam")
        csrf = csrf_from((await laptop.get("/console/password")).text)
        changed = await laptop.post(
            "/console/password",
            data={"current_password": PASSWORD, "new_password": "a brand new passphrase", "csrf_token": csrf},
        )
        assert changed.status_code == 303
        assert (await laptop.get("/console")).status_code == 200, "the browser that changed it stays in"
        assert (await phone.get("/console")).headers["location"] == "/console/login"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_turning_on_two_step_sign_in_ends_every_other_session(make_settings):
    settings = make_settings()
    await create_staff(settings, "lin")  # a liaison: two-step sign-in is optional by default
    async with live_app(settings) as live, live.client() as laptop, live.client() as phone:
        await sign_in(laptop, "lin")
        await sign_in(phone, "lin")
        page = await laptop.get("/console/two-factor")
        secret = page.text.split('data-secret="')[1].split('"')[0]
        turned_on = await laptop.post(
            "/console/two-factor", data={"secret": secret, "code": _code(secret), "csrf_token": csrf_from(page.text)}
        )
        assert turned_on.status_code == 303
        assert (await laptop.get("/console")).status_code == 200
        assert (await phone.get("/console")).headers["location"] == "/console/login"
        # From now on the liaison is asked for a code.
        assert (await _password_step(phone, "lin")).headers["location"] == "/console/login/code"


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_pages_with_personal_data_are_not_cached_and_cookies_are_locked_down(make_settings):
    settings = make_settings(cookie_secure=True)
    await create_staff(settings, "amira")
    async with live_app(settings) as live, live.client() as client:
        form = await client.get("/console/login")
        response = await client.post(
            "/console/login", data={"username": "amira", "password": PASSWORD, "csrf_token": csrf_from(form.text)}
        )
        cookie = response.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" in cookie and "Path=/console" in cookie
        page = await client.get("/console/login")
        assert page.headers["cache-control"] == "no-store"
        assert "unsafe-inline" not in page.headers["content-security-policy"]
