"""Password hashing (argon2id) and the one way usernames are compared."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_PASSWORD_LENGTH = 12


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    return PasswordHasher()  # argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher().check_needs_rehash(stored_hash)


# A hash of a random password, verified when the username is unknown so both paths take the same time.
_DUMMY_HASH: str | None = None


def verify_dummy(password: str) -> None:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("not-a-real-password-for-timing")
    verify_password(_DUMMY_HASH, password)


def normalise_username(raw: str) -> str:
    """NFKC, trimmed, casefolded: 'Amira ', 'AMIRA' and 'ａｍｉｒａ' are one account."""
    return unicodedata.normalize("NFKC", raw).strip().casefold()


def password_problem(password: str) -> str | None:
    """Why a new password is refused, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"Use at least {MIN_PASSWORD_LENGTH} characters."
    if password.strip() != password:
        return "A password cannot start or end with a space."
    return None
