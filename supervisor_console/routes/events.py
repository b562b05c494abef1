"""`GET /console/events`: server-sent events telling open pages what changed (ids only, never text)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from supervisor_console.deps import CurrentViewer, get_services

router = APIRouter()
KEEPALIVE_SECONDS = 15.0


@router.get("/console/events")
async def console_events(request: Request, viewer: CurrentViewer) -> StreamingResponse:
    bus = get_services(request).bus

    async def stream() -> AsyncIterator[str]:
        async with bus.subscribe() as queue:
            yield "retry: 2000\n\n"
            while not await request.is_disconnected():
                try:
                    event = await asyncio.wait_for(queue.get(), timeout=KEEPALIVE_SECONDS)
                except TimeoutError:
                    yield ": keep-alive\n\n"
                    continue
                # Only kinds and ids travel; each page re-fetches through the access checks.
                safe = {k: v for k, v in event.items() if k in ("type", "conversation_id", "level", "status")}
                yield f"data: {json.dumps(safe)}\n\n"

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    )
