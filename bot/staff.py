"""Creating staff accounts from the command line."""

from __future__ import annotations

from core.services import build_services
from core.settings import Settings
from supervisor_console.staff_admin import StaffAdminError, create_staff_row


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
    services = build_services(settings)
    try:
        async with services.sessionmaker() as session, session.begin():
            staff = await create_staff_row(
                session,
                services=services,
                role=role,
                username=username,
                password=password,
                display_name=display_name,
                languages=languages,
                must_change_password=must_change_password,
                actor_id=None,
            )
            name = staff.username
    except StaffAdminError as problem:
        raise StaffError(str(problem)) from problem
    finally:
        await services.aclose()
    return f"{role} {name}"
