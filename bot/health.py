"""`/healthz` and `/metrics`: liveness with a database ping, and aggregate counts with nothing personal."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from prometheus_client import CollectorRegistry, Gauge, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from sqlalchemy import func, select, text

from core.models import Conversation, OutboxItem
from core.services import Services

router = APIRouter()


@router.get("/healthz")
async def healthz(request: Request) -> Response:
    services: Services = request.app.state.services
    try:
        async with services.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception:  # any database failure means this process cannot take messages
        return Response('{"status": "database unavailable"}', status_code=503, media_type="application/json")
    return Response('{"status": "ok"}', media_type="application/json")


@router.get("/metrics")
async def metrics(request: Request) -> Response:
    services: Services = request.app.state.services
    registry = CollectorRegistry()
    conversations = Gauge(
        "liaison_conversations", "Conversations by status and level", ["status", "level"], registry=registry
    )
    outbox = Gauge("liaison_outbox_items", "Outbox rows by state", ["state"], registry=registry)
    async with services.sessionmaker() as session:
        for status, level, count in await session.execute(
            select(Conversation.status, Conversation.level, func.count()).group_by(
                Conversation.status, Conversation.level
            )
        ):
            conversations.labels(status, level).set(count)
        for state, count in await session.execute(select(OutboxItem.state, func.count()).group_by(OutboxItem.state)):
            outbox.labels(state).set(count)
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
