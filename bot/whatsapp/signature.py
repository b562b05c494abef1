"""Meta's webhook signature: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>`."""

from __future__ import annotations

import hashlib
import hmac
import re

_HEADER = re.compile(r"sha256=([0-9a-f]{64})")


def signature_matches(secret: str, body: bytes, header: str | None) -> bool:
    """True only for a well-formed header whose digest matches these exact bytes (compared in constant time).

    The HMAC covers the bytes as received: parsing and re-serialising the JSON (other spacing, escaped
    non-ASCII) changes them, so the check must run before anything decodes the body.
    """
    if header is None:
        return False
    match = _HEADER.fullmatch(header.strip().lower())
    if match is None:
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, match.group(1))
