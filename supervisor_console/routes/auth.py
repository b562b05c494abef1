"""Signing in (password, then a one-time code where needed), signing out, and choosing a new password."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from core.audit import AuditCode, record_audit
from core.models import Staff
from supervisor_console.deps import (
    CheckedSessionViewer,
    CheckedViewer,
    CurrentViewer,
    DbSession,
    SessionViewer,
    get_services,
)
from supervisor_console.passwords import (
    hash_password,
    normalise_username,
    password_problem,
    verify_dummy,
    verify_password,
)
from supervisor_console.ratelimit import LoginThrottle
from supervisor_console.sessions import COOKIE_NAME, close_other_sessions, close_session, open_session
from supervisor_console.templating import templates
from supervisor_console.totp import decrypt_secret, matching_step, totp_required

router = APIRouter()
LOGIN_CSRF_COOKIE = "ld_login_csrf"
GENERIC_LOGIN_ERROR = "That username and password do not match an active account."
# The same words whether or not the account exists, so the pause reveals nothing about who has an account.
THROTTLED = "Too many sign-in attempts. Wait 15 minutes and try again, or ask an admin for help."
WRONG_CODE = "That code is not right, or was already used. Wait for the next code and try again."


def throttle(request: Request) -> LoginThrottle:
    found: LoginThrottle | None = getattr(request.app.state, "login_throttle", None)
    if found is None:
        found = LoginThrottle(get_services(request))
        request.app.state.login_throttle = found
    return found


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        COOKIE_NAME,
        token,
        httponly=True,
        samesite="strict",
        path="/console",
        secure=get_services(request).settings.cookie_secure,
    )


def _login_page(request: Request, *, error: str | None = None, status_code: int = 200) -> HTMLResponse:
    token = secrets.token_urlsafe(24)
    response = templates().TemplateResponse(
        request, "login.html", {"viewer": None, "error": error, "login_csrf": token}, status_code=status_code
    )
    # Double-submit token: a page on another site cannot sign a browser into an account it controls.
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        path="/console/login",
        secure=get_services(request).settings.cookie_secure,
    )
    return response


def after_sign_in(staff: Staff) -> str:
    return "/console/password" if staff.must_change_password else "/console"


@router.get("/console/login", response_class=HTMLResponse)
async def login_form(request: Request) -> HTMLResponse:
    return _login_page(request)


@router.post("/console/login")
async def login(
    request: Request,
    session: DbSession,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    csrf_token: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(expected.encode(), csrf_token.encode()):
        return _login_page(request, error="The form expired; please try again.", status_code=400)
    services = get_services(request)
    name, address = normalise_username(username), client_address(request)
    if await throttle(request).blocked(name, address):
        async with session.begin():
            record_audit(session, AuditCode.STAFF_LOGIN_THROTTLED)
        return _login_page(request, error=THROTTLED, status_code=429)
    now = services.clock.now()
    async with session.begin():
        staff = await session.scalar(select(Staff).where(Staff.username == name))
        if staff is None:
            verify_dummy(password)
        if staff is None or not staff.active or not verify_password(staff.password_hash, password):
            record_audit(session, AuditCode.STAFF_LOGIN_FAILED, subject_staff_id=staff.id if staff else None)
            failed = True
        else:
            failed = False
            enrolled = staff.totp_secret_enc is not None
            needs_code = enrolled or totp_required(services.settings, staff)
            token = open_session(session, staff=staff, now=now, second_factor_done=not needs_code)
            if not needs_code:
                record_audit(session, AuditCode.STAFF_LOGIN, actor_id=staff.id)
            target = (
                "/console/login/code" if enrolled else "/console/two-factor" if needs_code else after_sign_in(staff)
            )
    if failed:
        await throttle(request).failed(name, address)
        return _login_page(request, error=GENERIC_LOGIN_ERROR, status_code=401)
    await throttle(request).succeeded(name)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(request, response, token)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/console/login")
    return response


@router.get("/console/login/code", response_class=HTMLResponse)
async def code_form(request: Request, viewer: SessionViewer) -> Response:
    if viewer.session_row.second_factor_done:
        return RedirectResponse("/console", status_code=303)
    return templates().TemplateResponse(
        request, "login_code.html", {"viewer": None, "csrf": viewer.csrf, "error": None}
    )


@router.post("/console/login/code")
async def check_code(
    request: Request,
    session: DbSession,
    viewer: CheckedSessionViewer,
    code: Annotated[str, Form(max_length=20)],
) -> Response:
    services = get_services(request)
    name, address = viewer.staff.username, client_address(request)

    def again(error: str, status_code: int) -> Response:
        context = {"viewer": None, "csrf": viewer.csrf, "error": error}
        return templates().TemplateResponse(request, "login_code.html", context, status_code=status_code)

    if await throttle(request).blocked(name, address):
        return again(THROTTLED, 429)
    now = services.clock.now()
    async with session.begin():
        staff = await session.get_one(Staff, viewer.staff.id)
        secret = decrypt_secret(services.cipher, staff)
        step = matching_step(secret, code, now=now, after_step=staff.totp_last_step) if secret else None
        if step is None:
            record_audit(session, AuditCode.STAFF_LOGIN_FAILED, subject_staff_id=staff.id)
        else:
            staff.totp_last_step = step
            # A new token once both factors are done: the password-only session is never promoted in place.
            await close_session(session, viewer.token)
            token = open_session(session, staff=staff, now=now, second_factor_done=True)
            record_audit(session, AuditCode.STAFF_LOGIN, actor_id=staff.id)
            target = after_sign_in(staff)
    if step is None:
        await throttle(request).failed(name, address)
        return again(WRONG_CODE, 401)
    await throttle(request).succeeded(name)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(request, response, token)
    return response


@router.post("/console/logout")
async def logout(session: DbSession, viewer: CheckedSessionViewer) -> Response:
    async with session.begin():
        await close_session(session, viewer.token)
        record_audit(session, AuditCode.STAFF_LOGOUT, actor_id=viewer.staff.id)
    response = RedirectResponse("/console/login", status_code=303)
    response.delete_cookie(COOKIE_NAME, path="/console")
    return response


@router.get("/console/password", response_class=HTMLResponse)
async def password_form(request: Request, viewer: CurrentViewer) -> HTMLResponse:
    return templates().TemplateResponse(request, "password.html", {"viewer": viewer, "error": None})


@router.post("/console/password")
async def change_password(
    request: Request,
    session: DbSession,
    viewer: CheckedViewer,
    current_password: Annotated[str, Form(max_length=1000)],
    new_password: Annotated[str, Form(max_length=1000)],
) -> Response:
    error = password_problem(new_password)
    if error is None and not verify_password(viewer.staff.password_hash, current_password):
        error = "The current password is not right."
    if error is None and new_password == current_password:
        error = "Choose a password different from the current one."
    if error is not None:
        return templates().TemplateResponse(
            request, "password.html", {"viewer": viewer, "error": error}, status_code=400
        )
    services = get_services(request)
    now = services.clock.now()
    async with session.begin():
        staff = await session.get_one(Staff, viewer.staff.id)
        staff.password_hash = hash_password(new_password)
        staff.must_change_password = False
        staff.credentials_changed_at = now
        # Every other browser signs in again; this one gets a fresh session created after the change.
        await close_other_sessions(session, staff_id=staff.id, keep_token=None)
        token = open_session(session, staff=staff, now=now, second_factor_done=True)
        record_audit(session, AuditCode.STAFF_PASSWORD_CHANGED, actor_id=staff.id, subject_staff_id=staff.id)
    response = RedirectResponse("/console", status_code=303)
    set_session_cookie(request, response, token)
    return response
