"""Pseudonyms and opaque tokens."""

from __future__ import annotations

import secrets

# No vowels or look-alike characters: a pseudonym should never spell a word or a name, and is easy to read aloud.
_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ23456789"


def new_pseudonym() -> str:
    """A pseudonym like `P-7KQ4-M2XD` for the console; it says nothing about the person."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"P-{chars[:4]}-{chars[4:]}"


def new_token(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)
