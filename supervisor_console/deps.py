"""Request dependencies: the database session, the signed-in viewer and the CSRF check."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from core.models import Staff, StaffSession
from core.services import Services
from supervisor_console.sessions import COOKIE_NAME, csrf_matches, load_session
from supervisor_console.totp import totp_required


class LoginRequiredError(Exception):
    """No valid session: pages redirect to the login form, htmx and event streams get 401."""


class CsrfError(Exception):
    """A state change arrived without this session's CSRF token."""


@dataclass(frozen=True)
class Viewer:
    staff: Staff
    session_row: StaffSession
    token: str

    @property
    def csrf(self) -> str:
        return self.session_row.csrf_token


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


async def db_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request; routes open explicit transactions for writes."""
    async with get_services(request).sessionmaker() as session:
        yield session


DbSession = Annotated[AsyncSession, Depends(db_session)]


async def session_viewer(request: Request, session: DbSession) -> Viewer:
    """Any live session, including one that has passed only the password step (for the 2FA pages)."""
    token = request.cookies.get(COOKIE_NAME)
    if not token:
        raise LoginRequiredError
    services = get_services(request)
    async with session.begin():
        found = await load_session(session, token, now=services.clock.now())
    if found is None:
        raise LoginRequiredError
    row, staff = found
    return Viewer(staff=staff, session_row=row, token=token)


SessionViewer = Annotated[Viewer, Depends(session_viewer)]


async def current_viewer(request: Request, viewer: SessionViewer) -> Viewer:
    """A fully signed-in viewer: password and, where required or enrolled, the second factor."""
    if not viewer.session_row.second_factor_done:
        raise LoginRequiredError
    if totp_required(get_services(request).settings, viewer.staff) and viewer.staff.totp_secret_enc is None:
        raise LoginRequiredError  # e.g. re-roled to supervisor: sign in again and enrol first
    return viewer


CurrentViewer = Annotated[Viewer, Depends(current_viewer)]


async def _require_csrf(request: Request, viewer: Viewer) -> Viewer:
    given = request.headers.get("x-csrf-token")
    if given is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get("csrf_token")
        given = value if isinstance(value, str) else None
    if not csrf_matches(viewer.csrf, given):
        raise CsrfError
    return viewer


async def checked_viewer(request: Request, viewer: CurrentViewer) -> Viewer:
    """The viewer, for a state-changing request that carries this session's CSRF token."""
    return await _require_csrf(request, viewer)


CheckedViewer = Annotated[Viewer, Depends(checked_viewer)]


async def checked_session_viewer(request: Request, viewer: SessionViewer) -> Viewer:
    """A half-signed-in viewer (password step only) posting to the 2FA pages, with the CSRF token."""
    return await _require_csrf(request, viewer)


CheckedSessionViewer = Annotated[Viewer, Depends(checked_session_viewer)]
