"""Console sessions: an opaque cookie token, stored only as a hash, with a CSRF token per session."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.models import Staff, StaffSession

COOKIE_NAME = "ld_console"
SESSION_IDLE = timedelta(hours=2)
SESSION_MAX = timedelta(hours=14)  # a long shift, not longer


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


SECOND_FACTOR_WINDOW = timedelta(minutes=10)  # a password-only session lives just long enough to type a code


def open_session(session: AsyncSession, *, staff: Staff, now: datetime, second_factor_done: bool) -> str:
    """Create a session row and return the cookie token (the only copy of it)."""
    token = secrets.token_urlsafe(32)
    lifetime = SESSION_MAX if second_factor_done else SECOND_FACTOR_WINDOW
    session.add(
        StaffSession(
            id=_digest(token),
            staff_id=staff.id,
            csrf_token=secrets.token_urlsafe(32),
            second_factor_done=second_factor_done,
            created_at=now,
            last_seen_at=now,
            expires_at=now + lifetime,
        )
    )
    return token


async def load_session(session: AsyncSession, token: str, *, now: datetime) -> tuple[StaffSession, Staff] | None:
    """The live session and its active staff member, or None (expired, idle too long, disabled account)."""
    row = await session.get(StaffSession, _digest(token))
    if row is None or row.expires_at <= now or row.last_seen_at + SESSION_IDLE <= now:
        return None
    staff = await session.get(Staff, row.staff_id)
    if staff is None or not staff.active:
        return None
    if staff.credentials_changed_at is not None and row.created_at < staff.credentials_changed_at:
        return None
    # Touch at most once a minute: a page with live updates should not write on every request.
    if now - row.last_seen_at > timedelta(minutes=1):
        row.last_seen_at = now
    return row, staff


async def close_session(session: AsyncSession, token: str) -> None:
    await session.execute(delete(StaffSession).where(StaffSession.id == _digest(token)))


async def close_other_sessions(session: AsyncSession, *, staff_id: int, keep_token: str | None) -> None:
    """After a password or 2FA change every other browser must sign in again."""
    keep = _digest(keep_token) if keep_token else None
    rows = await session.scalars(select(StaffSession).where(StaffSession.staff_id == staff_id))
    for row in rows:
        if row.id != keep:
            await session.delete(row)


def csrf_matches(expected: str, given: str | None) -> bool:
    return given is not None and secrets.compare_digest(expected.encode(), given.encode())
