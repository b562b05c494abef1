"""`POST /webhooks/telegram`: verify the secret token, then hand the update to the inbound path."""

from __future__ import annotations

import json
import secrets

import structlog
from fastapi import APIRouter, Request, Response

from bot.http import read_capped_body
from bot.telegram.normalise import normalise_update, parse_update
from bot.telegram.updates import handle_normalised
from core.services import Services

log = structlog.get_logger(__name__)
router = APIRouter()


def _authentic(request: Request, services: Services) -> bool | None:
    """None when no secret is configured (refuse everything), else whether the header matches."""
    configured = services.settings.telegram_webhook_secret
    if configured is None:
        return None
    given = request.headers.get("x-telegram-bot-api-secret-token", "")
    return secrets.compare_digest(given.encode(), configured.get_secret_value().encode())


@router.post("/webhooks/telegram")
async def telegram_webhook(request: Request) -> Response:
    services: Services = request.app.state.services
    verdict = _authentic(request, services)
    if verdict is None:
        return Response(status_code=403)
    if not verdict:
        log.warning("telegram_webhook_refused")
        return Response(status_code=401)
    body = await read_capped_body(request, services.settings.max_body_bytes)
    if body is None:
        return Response(status_code=413)
    try:
        data = json.loads(body)
        inbound = normalise_update(parse_update(data), services.clock.now())
    except (ValueError, TypeError, KeyError):
        log.warning("telegram_update_unreadable")
        return Response(status_code=400)
    # A failed commit raises and answers 500, so Telegram delivers the update again.
    await handle_normalised(request.app.state, inbound)
    return Response(status_code=200)
