"""`/chat`: the page, sending a message, reading the replies, and a stream that says when to read."""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Body, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import BaseModel, Field
from sqlalchemy import select

from bot.webchat.sender import CHANNEL
from content.languages import normalise_language, text_direction
from core.channels import InboundMessage
from core.models import ChannelIdentity, Conversation, Message
from core.outbox import body_context
from core.services import Services
from handlers.receive import do_receive_inbound

router = APIRouter()
COOKIE = "ld_chat"
_HERE = Path(__file__).parent
_templates = Jinja2Templates(
    env=Environment(loader=FileSystemLoader(_HERE / "templates"), autoescape=True, undefined=StrictUndefined)
)
static_files = StaticFiles(directory=_HERE / "static")


class ChatPost(BaseModel):
    text: str = Field(default="", max_length=4000)
    button: str | None = Field(default=None, max_length=64)
    client_id: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")


def _services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def _same_origin(request: Request) -> bool:
    """Refuse cross-site posts: the cookie is SameSite=Strict, and the browser's own fetch metadata agrees."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    return origin is None or origin == f"{request.url.scheme}://{request.url.netloc}"


@router.get("/chat", response_class=HTMLResponse)
async def chat_page(request: Request, lang: str | None = None) -> Response:
    language = normalise_language(lang or request.headers.get("accept-language", "en")[:5])
    response = _templates.TemplateResponse(request, "chat.html", {"lang": language, "dir": text_direction(language)})
    if not request.cookies.get(COOKIE):
        # A pseudonymous session: random, not derived from anything about the person.
        response.set_cookie(
            COOKIE,
            secrets.token_urlsafe(32),
            httponly=True,
            samesite="strict",
            path="/chat",
            secure=_services(request).settings.cookie_secure,
            max_age=60 * 60 * 24 * 30,
        )
    return response


@router.post("/chat/messages")
async def chat_send(request: Request, post: Annotated[ChatPost, Body()]) -> Response:
    token = request.cookies.get(COOKIE)
    if not token or not _same_origin(request):
        return JSONResponse({"error": "Open the chat page again to start a session."}, status_code=403)
    if not post.text.strip() and not post.button:
        return JSONResponse({"error": "The message is empty."}, status_code=422)
    services = _services(request)
    language = request.headers.get("accept-language", "")[:5] or None
    inbound = InboundMessage(
        channel=CHANNEL,
        sender_id=token,
        reply_address="webchat",
        message_id=f"{token}:{post.client_id}",
        received_at=services.clock.now(),
        kind="button" if post.button else "text",
        text=post.text if not post.button else "",
        button_data=post.button,
        language_hint=language,
    )
    result = await do_receive_inbound(services=services, inbound=inbound)
    return JSONResponse({"ok": True, "duplicate": result.duplicate}, status_code=200)


async def _conversation_for(services: Services, token: str) -> tuple[int | None, list[dict[str, Any]]]:
    lookup = services.cipher.lookup_key(CHANNEL, token)
    async with services.sessionmaker() as session:
        identity = await session.scalar(
            select(ChannelIdentity).where(ChannelIdentity.channel == CHANNEL, ChannelIdentity.lookup_key == lookup)
        )
        if identity is None:
            return None, []
        conversation = await session.scalar(
            select(Conversation)
            .where(Conversation.identity_id == identity.id)
            .order_by(Conversation.id.desc())
            .limit(1)
        )
        if conversation is None:
            return None, []
        rows = await session.scalars(
            select(Message)
            .where(Message.conversation_id == conversation.id, Message.direction.in_(("in", "out")))
            .order_by(Message.id)
        )
        messages = [
            {
                "id": m.id,
                "direction": m.direction,
                "text": services.cipher.decrypt(m.body_enc, context=body_context(conversation.id))
                if m.body_enc is not None
                else "",
                "at": m.created_at.isoformat(),
            }
            for m in rows
            # The person sees their own words at once, and our replies once the worker has released them.
            if m.direction == "in" or m.status in ("sent", "delivered", "read")
        ]
        return conversation.id, messages


@router.get("/chat/messages")
async def chat_messages(request: Request) -> Response:
    token = request.cookies.get(COOKIE)
    if not token:
        return JSONResponse({"messages": []})
    _conversation_id, messages = await _conversation_for(_services(request), token)
    return JSONResponse({"messages": messages}, headers={"Cache-Control": "no-store"})


@router.get("/chat/events")
async def chat_events(request: Request) -> Response:
    token = request.cookies.get(COOKIE)
    if not token:
        return Response(status_code=403)
    services = _services(request)

    async def stream() -> AsyncIterator[str]:
        async with services.bus.subscribe() as queue:
            yield "retry: 3000\n\n"
            while not await request.is_disconnected():
                try:
                    event = await asyncio.wait_for(queue.get(), timeout=15)
                except TimeoutError:
                    yield ": keep-alive\n\n"
                    continue
                if event.get("type") not in ("message.delivery", "message.new"):
                    continue
                conversation_id, _ = await _conversation_for(services, token)
                if event.get("conversation_id") == conversation_id:
                    yield f"data: {json.dumps({'type': 'refresh'})}\n\n"

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})
