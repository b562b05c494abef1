"""`/chat`: the page, sending a message, reading the replies, and a stream that says when to read."""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Body, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import BaseModel, Field

from bot.webchat.chrome import chrome
from bot.webchat.sender import CHANNEL
from bot.webchat.view import chat_view, latest_conversation_id, session_contact
from content.commands import Command, command_button, command_labels
from content.languages import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, normalise_language, text_direction
from core.channels import InboundMessage
from core.services import Services
from handlers.mydata import document_filename, export_data, render_document
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
    lang: str | None = Field(default=None, max_length=16)  # the page's language: a hint until they pick one


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


# The buttons under the composer: what the person can do at any time, in their language.
_PAGE_COMMANDS = (Command.URGENT, Command.STOP, Command.MYDATA, Command.FORGET)


@router.get("/chat", response_class=HTMLResponse)
async def chat_page(request: Request, lang: str | None = None) -> Response:
    language = normalise_language(lang or request.headers.get("accept-language", "en")[:5])
    labels = command_labels(language)
    context = {
        "lang": language,
        "dir": text_direction(language),
        "t": chrome(language),
        "commands": [(labels[c], command_button(c), c.value) for c in _PAGE_COMMANDS],
        "languages": [(code, LANGUAGE_NAMES[code]) for code in SUPPORTED_LANGUAGES],
    }
    response = _templates.TemplateResponse(request, "chat.html", context)
    if not request.cookies.get(COOKIE):
        _new_session(request, response)
    return response


def _new_session(request: Request, response: Response) -> None:
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


@router.post("/chat/messages")
async def chat_send(request: Request, post: Annotated[ChatPost, Body()]) -> Response:
    token = request.cookies.get(COOKIE)
    if not token or not _same_origin(request):
        return JSONResponse({"error": "Open the chat page again to start a session."}, status_code=403)
    if not post.text.strip() and not post.button:
        return JSONResponse({"error": "The message is empty."}, status_code=422)
    services = _services(request)
    language = post.lang or request.headers.get("accept-language", "")[:5] or None
    inbound = InboundMessage(
        channel=CHANNEL,
        sender_id=token,
        reply_address="webchat",
        message_id=f"{token}:{post.client_id}",
        received_at=services.clock.now(),
        kind="button" if post.button else "text",
        # With a button, the text is its label as the person saw it (shown in the conversation, never parsed).
        text=post.text if not post.button else post.text.strip()[:64],
        button_data=post.button,
        language_hint=language,
    )
    result = await do_receive_inbound(services=services, inbound=inbound)
    response = JSONResponse({"ok": True, "duplicate": result.duplicate, "farewell": result.farewell})
    if result.farewell is not None:
        # Erased: nothing on our side leads to this browser any more, and its next message starts afresh.
        _new_session(request, response)
    return response


@router.get("/chat/messages")
async def chat_messages(request: Request, lang: str | None = None) -> Response:
    token = request.cookies.get(COOKIE)
    if not token:
        return JSONResponse({"messages": []})
    view = await chat_view(_services(request), token, normalise_language(lang))
    body = {"messages": view.messages, "language": view.language, "consent": view.consent}
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


@router.get("/chat/mydata")
async def chat_my_data(request: Request, download: bool = False) -> Response:
    """The person's own export, read fresh for their session only; nothing changes when it is read."""
    token = request.cookies.get(COOKIE)
    services = _services(request)
    async with services.sessionmaker() as session:
        contact = await session_contact(session, services, token) if token else None
        if contact is None:
            return Response(status_code=404)
        language = normalise_language(contact.language or request.query_params.get("lang"))
        data = await export_data(session, services.cipher, contact, language)
    headers = {"Cache-Control": "no-store"}
    if download:
        headers["Content-Disposition"] = f'attachment; filename="{document_filename(services.clock.now())}"'
    return PlainTextResponse(render_document(data, language), headers=headers)


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
                async with services.sessionmaker() as session:
                    conversation_id = await latest_conversation_id(session, services, token)
                if event.get("conversation_id") == conversation_id:
                    yield f"data: {json.dumps({'type': 'refresh'})}\n\n"

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})
