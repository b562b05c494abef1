"""Staff accounts and their console sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from core.models.base import Base

ROLES = ("liaison", "supervisor", "caseworker", "admin")


class Staff(Base):
    """A liaison, supervisor, caseworker or admin."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    password_hash: Mapped[str] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    totp_secret_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    # The last TOTP time step accepted: a code seen once is never accepted again (replay).
    totp_last_step: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True)
    away: Mapped[bool] = mapped_column(default=False)
    caseload_limit: Mapped[int] = mapped_column(default=8)
    created_at: Mapped[datetime]
    credentials_changed_at: Mapped[datetime | None]


class StaffSession(Base):
    """A signed-in browser; only the hash of its token is stored."""

    __tablename__ = "staff_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the cookie token
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    second_factor_done: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    expires_at: Mapped[datetime]
