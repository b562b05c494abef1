"""Setting up (or replacing) the authenticator app that gives staff their one-time codes."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from core.audit import AuditCode, record_audit
from core.models import Staff
from supervisor_console.deps import CheckedSessionViewer, DbSession, SessionViewer, Viewer, get_services
from supervisor_console.passwords import verify_password
from supervisor_console.routes.auth import after_sign_in, set_session_cookie
from supervisor_console.sessions import close_other_sessions, open_session
from supervisor_console.templating import templates
from supervisor_console.totp import encrypt_secret, grouped, matching_step, new_secret, provisioning_uri

router = APIRouter()
_SECRET = re.compile(r"^[A-Z2-7]{32}$")


def _page(request: Request, viewer: Viewer, *, secret: str, error: str | None, status_code: int = 200) -> Response:
    context = {
        "viewer": viewer if viewer.session_row.second_factor_done else None,
        "csrf": viewer.csrf,
        "secret": secret,
        "secret_grouped": grouped(secret),
        "uri": provisioning_uri(secret, viewer.staff.username),
        "replacing": viewer.staff.totp_secret_enc is not None,
        "error": error,
    }
    return templates().TemplateResponse(request, "two_factor.html", context, status_code=status_code)


@router.get("/console/two-factor", response_class=HTMLResponse)
async def two_factor_form(request: Request, viewer: SessionViewer) -> Response:
    if viewer.staff.totp_secret_enc is not None and not viewer.session_row.second_factor_done:
        # A password alone never replaces an enrolled authenticator.
        return RedirectResponse("/console/login/code", status_code=303)
    # The new secret travels in the form and is stored only once a code from it proves the app has it.
    return _page(request, viewer, secret=new_secret(), error=None)


@router.post("/console/two-factor")
async def two_factor_save(
    request: Request,
    session: DbSession,
    viewer: CheckedSessionViewer,
    secret: Annotated[str, Form(max_length=64)],
    code: Annotated[str, Form(max_length=20)],
    current_password: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    services = get_services(request)
    replacing = viewer.staff.totp_secret_enc is not None
    if not _SECRET.match(secret) or (replacing and not viewer.session_row.second_factor_done):
        return RedirectResponse("/console/two-factor", status_code=303)
    if replacing and not verify_password(viewer.staff.password_hash, current_password):
        return _page(request, viewer, secret=secret, error="The current password is not right.", status_code=400)
    now = services.clock.now()
    step = matching_step(secret, code, now=now, after_step=None)
    if step is None:
        error = "That code does not match. Check the app shows Liaison Desk and try the newest code."
        return _page(request, viewer, secret=secret, error=error, status_code=400)
    async with session.begin():
        staff = await session.get_one(Staff, viewer.staff.id)
        staff.totp_secret_enc = encrypt_secret(services.cipher, staff.id, secret)
        staff.totp_last_step = step
        staff.credentials_changed_at = now
        # A 2FA change ends every other session, as a password change does.
        await close_other_sessions(session, staff_id=staff.id, keep_token=None)
        token = open_session(session, staff=staff, now=now, second_factor_done=True)
        record_audit(session, AuditCode.STAFF_TOTP_CHANGED, actor_id=staff.id, subject_staff_id=staff.id)
        if not replacing:
            record_audit(session, AuditCode.STAFF_LOGIN, actor_id=staff.id)
        target = after_sign_in(staff) if not replacing else "/console/account?notice=two-factor"
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(request, response, token)
    return response
