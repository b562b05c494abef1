"""Creating staff accounts from the command line."""

from __future__ import annotations

from sqlalchemy import select

from core.audit import AuditCode, record_audit
from core.models import Staff
from core.models.staff import ROLES
from core.services import build_services
from core.settings import Settings
from supervisor_console.passwords import hash_password, normalise_username, password_problem


class StaffError(ValueError):
    """The account cannot be created as asked; the message says why."""


async def add_staff(
    settings: Settings,
    *,
    role: str,
    username: str,
    password: str,
    display_name: str | None,
    languages: list[str],
    must_change_password: bool = False,
) -> str:
    if role not in ROLES:
        raise StaffError(f"role must be one of {', '.join(ROLES)}")
    name = normalise_username(username)
    if not name or len(name) > 64:
        raise StaffError("username must be 1 to 64 characters")
    problem = password_problem(password)
    if problem:
        raise StaffError(problem)
    services = build_services(settings)
    try:
        async with services.sessionmaker() as session, session.begin():
            if await session.scalar(select(Staff.id).where(Staff.username == name)) is not None:
                raise StaffError(f"username {name!r} is taken")
            staff = Staff(
                username=name,
                display_name=display_name or name,
                role=role,
                languages=[code.strip() for code in languages if code.strip()] or ["en"],
                password_hash=hash_password(password),
                must_change_password=must_change_password,
                active=True,
                created_at=services.clock.now(),
            )
            session.add(staff)
            await session.flush()
            record_audit(session, AuditCode.STAFF_CREATED, subject_staff_id=staff.id, data={"role": role})
    finally:
        await services.aclose()
    return f"{role} {name}"
