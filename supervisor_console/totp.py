"""Time-based one-time passwords (RFC 6238): who needs one, enrolment, and replay-proof verification."""

from __future__ import annotations

import re
from datetime import datetime

import pyotp

from core.crypto import DataCipher, DecryptionError
from core.models import Staff
from core.settings import Settings

ISSUER = "Liaison Desk"
STEP_SECONDS = 30
ROLES_ALWAYS_REQUIRING_TOTP = frozenset({"supervisor", "caseworker", "admin"})
_CODE = re.compile(r"^\d{6}$")


def totp_required(settings: Settings, staff: Staff) -> bool:
    return staff.role in ROLES_ALWAYS_REQUIRING_TOTP or (
        staff.role == "liaison" and settings.totp_required_for_liaisons
    )


def new_secret() -> str:
    return pyotp.random_base32()  # 160 bits, the RFC's recommended length


def provisioning_uri(secret: str, username: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def grouped(secret: str) -> str:
    """The secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def encrypt_secret(cipher: DataCipher, staff_id: int, secret: str) -> bytes:
    return cipher.encrypt(secret, context=f"totp:{staff_id}")


def decrypt_secret(cipher: DataCipher, staff: Staff) -> str | None:
    if staff.totp_secret_enc is None:
        return None
    try:
        return cipher.decrypt(staff.totp_secret_enc, context=f"totp:{staff.id}")
    except DecryptionError:
        return None


def clean_code(raw: str) -> str:
    return re.sub(r"[\s-]", "", raw)


def matching_step(secret: str, code: str, *, now: datetime, after_step: int | None) -> int | None:
    """The time step `code` belongs to (this one or a neighbour, for clock drift), if not used before."""
    code = clean_code(code)
    if not _CODE.match(code):
        return None
    totp = pyotp.TOTP(secret)
    current = int(now.timestamp()) // STEP_SECONDS
    for step in (current, current - 1, current + 1):
        if after_step is not None and step <= after_step:
            continue  # this code, or an older one, was already used: a replay
        if totp.verify(code, for_time=step * STEP_SECONDS, valid_window=0):
            return step
    return None
