"""`GET|POST /webhooks/whatsapp`: the subscription handshake, then signed deliveries of messages and statuses."""

from __future__ import annotations

import json
import re
import secrets

import structlog
from fastapi import APIRouter, Request, Response
from fastapi.responses import PlainTextResponse

from bot.http import read_capped_body
from bot.whatsapp.normalise import normalise_payload
from bot.whatsapp.signature import signature_matches
from bot.whatsapp.statuses import do_apply_statuses
from core.services import Services
from handlers.receive import do_receive_inbound

log = structlog.get_logger(__name__)
router = APIRouter()

# Meta's challenge is a number; anything else is not echoed back, so the endpoint cannot reflect content.
_CHALLENGE = re.compile(r"[A-Za-z0-9_-]{1,128}")


@router.get("/webhooks/whatsapp")
async def whatsapp_handshake(request: Request) -> Response:
    """Meta subscribes a webhook by asking it to echo `hub.challenge` for the verify token we gave it."""
    services: Services = request.app.state.services
    configured = services.settings.whatsapp_verify_token
    params = request.query_params
    given = params.get("hub.verify_token", "")
    if configured is None or params.get("hub.mode") != "subscribe":
        return Response(status_code=403)
    if not secrets.compare_digest(given.encode(), configured.get_secret_value().encode()):
        log.warning("whatsapp_handshake_refused")
        return Response(status_code=403)
    challenge = params.get("hub.challenge", "")
    if not _CHALLENGE.fullmatch(challenge):
        return Response(status_code=400)
    return PlainTextResponse(challenge)


@router.post("/webhooks/whatsapp")
async def whatsapp_webhook(request: Request) -> Response:
    services: Services = request.app.state.services
    secret = services.settings.whatsapp_app_secret
    if secret is None:  # fail closed: without the app secret nothing can be authenticated
        return Response(status_code=403)
    header = request.headers.get("x-hub-signature-256")
    if header is None:
        log.warning("whatsapp_webhook_refused", reason="missing")
        return Response(status_code=401)
    body = await read_capped_body(request, services.settings.max_body_bytes)
    if body is None:
        return Response(status_code=413)
    # Verified over the raw bytes before anything parses them.
    if not signature_matches(secret.get_secret_value(), body, header):
        log.warning("whatsapp_webhook_refused", reason="signature")
        return Response(status_code=401)
    try:
        batch = normalise_payload(json.loads(body), services.clock.now(), services.settings.whatsapp_phone_number_id)
    except (ValueError, TypeError, KeyError, AttributeError):
        log.warning("whatsapp_payload_unreadable")
        return Response(status_code=400)
    # Each message commits on its own; a failed commit raises and answers 500, so Meta delivers the whole
    # payload again and the messages already stored are recognised by their ids.
    for inbound in batch.messages:
        await do_receive_inbound(services=services, inbound=inbound)
    await do_apply_statuses(services=services, statuses=batch.statuses)
    return Response(status_code=200)
