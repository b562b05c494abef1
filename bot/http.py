"""Small HTTP helpers shared by the webhook routes."""

from __future__ import annotations

from fastapi import Request


async def read_capped_body(request: Request, limit: int) -> bytes | None:
    """The raw body, or None when it exceeds `limit` bytes (read no further than that)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
