"""`/console/admin/staff`: admins add staff, change roles, disable accounts, reset 2FA and set caseloads."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from core.models import Staff
from core.models.staff import ROLES
from supervisor_console.access import access_admin, access_staff
from supervisor_console.deps import CheckedViewer, CurrentViewer, DbSession, Viewer, get_services
from supervisor_console.staff_admin import (
    StaffAdminError,
    change_role,
    create_staff_row,
    one_time_password,
    reset_password,
    reset_two_factor,
    set_active,
    set_caseload,
)
from supervisor_console.templating import templates

router = APIRouter()


async def _page(
    request: Request,
    session: DbSession,
    viewer: Viewer,
    *,
    error: str | None = None,
    issued: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    async with session.begin():
        # A refused change rolled back, expiring what this request had loaded.
        await session.refresh(viewer.staff)
        await session.refresh(viewer.session_row)
        people = list(await session.scalars(select(Staff).order_by(Staff.active.desc(), Staff.username)))
    context: dict[str, Any] = {"viewer": viewer, "people": people, "roles": ROLES, "error": error, "issued": issued}
    return templates().TemplateResponse(request, "admin_staff.html", context, status_code=status_code)


@router.get("/console/admin/staff", response_class=HTMLResponse)
async def staff_page(request: Request, session: DbSession, viewer: CurrentViewer) -> Response:
    access_admin(viewer.staff)
    return await _page(request, session, viewer)


@router.post("/console/admin/staff")
async def add_staff(
    request: Request,
    session: DbSession,
    viewer: CheckedViewer,
    username: Annotated[str, Form(max_length=64)],
    role: Annotated[str, Form(max_length=16)],
    display_name: Annotated[str, Form(max_length=120)] = "",
    languages: Annotated[str, Form(max_length=100)] = "en",
) -> Response:
    access_admin(viewer.staff)
    password = one_time_password()
    try:
        async with session.begin():
            staff = await create_staff_row(
                session,
                services=get_services(request),
                role=role,
                username=username,
                password=password,
                display_name=display_name,
                languages=languages.replace(",", " ").split(),
                must_change_password=True,
                actor_id=viewer.staff.id,
            )
            issued = {"username": staff.username, "password": password}
    except StaffAdminError as problem:
        return await _page(request, session, viewer, error=str(problem), status_code=400)
    # Shown once, on this response only; the person chooses their own at first sign-in.
    return await _page(request, session, viewer, issued=issued)


@router.post("/console/admin/staff/{staff_id}")
async def change_staff(
    request: Request,
    staff_id: int,
    session: DbSession,
    viewer: CheckedViewer,
    action: Annotated[str, Form(max_length=20)],
    role: Annotated[str, Form(max_length=16)] = "",
    caseload_limit: Annotated[int, Form()] = 0,
) -> Response:
    services = get_services(request)
    issued = None
    try:
        async with session.begin():
            staff = await access_staff(session, viewer.staff, staff_id)
            if action == "role":
                await change_role(session, services=services, actor=viewer.staff, staff=staff, role=role)
            elif action in ("disable", "enable"):
                await set_active(session, services=services, actor=viewer.staff, staff=staff, active=action == "enable")
            elif action == "reset-2fa":
                await reset_two_factor(session, services=services, actor=viewer.staff, staff=staff)
            elif action == "reset-password":
                issued = {
                    "username": staff.username,
                    "password": await reset_password(session, services=services, actor=viewer.staff, staff=staff),
                }
            elif action == "caseload":
                set_caseload(staff, caseload_limit)
            else:
                raise StaffAdminError("Unknown change.")
    except StaffAdminError as problem:
        return await _page(request, session, viewer, error=str(problem), status_code=400)
    if issued:
        return await _page(request, session, viewer, issued=issued)
    return RedirectResponse("/console/admin/staff", status_code=303)
