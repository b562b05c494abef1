"""Signing in and out, and choosing a new password."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from core.audit import AuditCode, record_audit
from core.models import Staff
from supervisor_console.deps import CheckedViewer, CurrentViewer, DbSession, get_services
from supervisor_console.passwords import (
    hash_password,
    normalise_username,
    password_problem,
    verify_dummy,
    verify_password,
)
from supervisor_console.sessions import COOKIE_NAME, close_other_sessions, close_session, open_session
from supervisor_console.templating import templates

router = APIRouter()
LOGIN_CSRF_COOKIE = "ld_login_csrf"
GENERIC_LOGIN_ERROR = "That username and password do not match an active account."


def _set_session_cookie(request: Request, response: Response, token: str) -> None:
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
    now = services.clock.now()
    async with session.begin():
        staff = await session.scalar(select(Staff).where(Staff.username == normalise_username(username)))
        if staff is None:
            verify_dummy(password)
        if staff is None or not staff.active or not verify_password(staff.password_hash, password):
            record_audit(session, AuditCode.STAFF_LOGIN_FAILED, subject_staff_id=staff.id if staff else None)
            failed = True
        else:
            failed = False
            token = open_session(session, staff=staff, now=now, second_factor_done=True)
            record_audit(session, AuditCode.STAFF_LOGIN, actor_id=staff.id)
            must_change = staff.must_change_password
    if failed:
        return _login_page(request, error=GENERIC_LOGIN_ERROR, status_code=401)
    response = RedirectResponse("/console/password" if must_change else "/console", status_code=303)
    _set_session_cookie(request, response, token)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/console/login")
    return response


@router.post("/console/logout")
async def logout(session: DbSession, viewer: CheckedViewer) -> Response:
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
    _set_session_cookie(request, response, token)
    return response
