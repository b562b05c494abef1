"""Staff administration write paths: add, re-role, disable, reset 2FA, caseload; each ends sessions when it should."""

from __future__ import annotations

import secrets

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.audit import AuditCode, record_audit
from core.models import Staff
from core.models.staff import ROLES
from core.services import Services
from supervisor_console.passwords import hash_password, normalise_username, password_problem
from supervisor_console.sessions import close_other_sessions

MAX_CASELOAD = 30


class StaffAdminError(ValueError):
    """The change cannot be made as asked; the message is safe to show."""


def one_time_password() -> str:
    return secrets.token_urlsafe(12)


async def create_staff_row(
    session: AsyncSession,
    *,
    services: Services,
    role: str,
    username: str,
    password: str,
    display_name: str | None,
    languages: list[str],
    must_change_password: bool,
    actor_id: int | None,
) -> Staff:
    """The one way an account is created, from the CLI (`liaison staff add`) or the admin page."""
    if role not in ROLES:
        raise StaffAdminError(f"role must be one of {', '.join(ROLES)}")
    name = normalise_username(username)
    if not name or len(name) > 64:
        raise StaffAdminError("username must be 1 to 64 characters")
    problem = password_problem(password)
    if problem:
        raise StaffAdminError(problem)
    if await session.scalar(select(Staff.id).where(Staff.username == name)) is not None:
        raise StaffAdminError(f"username {name!r} is taken")
    staff = Staff(
        username=name,
        display_name=(display_name or "").strip()[:120] or name,
        role=role,
        languages=[code.strip() for code in languages if code.strip()] or ["en"],
        password_hash=hash_password(password),
        must_change_password=must_change_password,
        active=True,
        created_at=services.clock.now(),
    )
    session.add(staff)
    await session.flush()
    record_audit(session, AuditCode.STAFF_CREATED, actor_id=actor_id, subject_staff_id=staff.id, data={"role": role})
    return staff


async def _end_sessions(session: AsyncSession, staff: Staff, services: Services) -> None:
    staff.credentials_changed_at = services.clock.now()
    await close_other_sessions(session, staff_id=staff.id, keep_token=None)


async def _other_active_admins(session: AsyncSession, staff: Staff) -> int:
    count = await session.scalar(
        select(func.count()).select_from(Staff).where(Staff.role == "admin", Staff.active, Staff.id != staff.id)
    )
    return int(count or 0)


async def change_role(session: AsyncSession, *, services: Services, actor: Staff, staff: Staff, role: str) -> None:
    if role not in ROLES:
        raise StaffAdminError("Unknown role.")
    if role == staff.role:
        return
    if staff.role == "admin" and await _other_active_admins(session, staff) == 0:
        raise StaffAdminError("This is the last active admin; make someone else admin first.")
    record_audit(
        session,
        AuditCode.STAFF_ROLE_CHANGED,
        actor_id=actor.id,
        subject_staff_id=staff.id,
        data={"from": staff.role, "to": role},
    )
    staff.role = role
    # A new role means new rights and maybe a second factor: sign in again.
    await _end_sessions(session, staff, services)


async def set_active(session: AsyncSession, *, services: Services, actor: Staff, staff: Staff, active: bool) -> None:
    if staff.active == active:
        return
    if not active and staff.id == actor.id:
        raise StaffAdminError("You cannot disable your own account.")
    if not active and staff.role == "admin" and await _other_active_admins(session, staff) == 0:
        raise StaffAdminError("This is the last active admin.")
    staff.active = active
    record_audit(
        session,
        AuditCode.STAFF_DISABLED,
        actor_id=actor.id,
        subject_staff_id=staff.id,
        data={"status": "active" if active else "disabled"},
    )
    if not active:
        await _end_sessions(session, staff, services)


async def reset_two_factor(session: AsyncSession, *, services: Services, actor: Staff, staff: Staff) -> None:
    """For a lost phone: the person sets up a new authenticator at their next sign-in."""
    staff.totp_secret_enc = None
    staff.totp_last_step = None
    record_audit(session, AuditCode.STAFF_TOTP_CHANGED, actor_id=actor.id, subject_staff_id=staff.id)
    await _end_sessions(session, staff, services)


async def reset_password(session: AsyncSession, *, services: Services, actor: Staff, staff: Staff) -> str:
    password = one_time_password()
    staff.password_hash = hash_password(password)
    staff.must_change_password = True
    record_audit(session, AuditCode.STAFF_PASSWORD_CHANGED, actor_id=actor.id, subject_staff_id=staff.id)
    await _end_sessions(session, staff, services)
    return password


def set_caseload(staff: Staff, limit: int) -> None:
    if not 1 <= limit <= MAX_CASELOAD:
        raise StaffAdminError(f"A caseload limit is between 1 and {MAX_CASELOAD}.")
    staff.caseload_limit = limit
