"""The queue and conversation pages, their live partials, and the actions on them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from core.audit import AuditCode, record_audit
from supervisor_console.access import access_conversation
from supervisor_console.actions import ActionRefusedError, do_claim, do_claim_next, do_send_reply
from supervisor_console.deps import CheckedViewer, CurrentViewer, DbSession, Viewer, get_services
from supervisor_console.templating import templates
from supervisor_console.views import conversation_header, my_rows, queue_rows, transcript

router = APIRouter()


def _must_change_password(viewer: Viewer) -> Response | None:
    if viewer.staff.must_change_password:
        return RedirectResponse("/console/password", status_code=303)
    return None


@router.get("/console", response_class=HTMLResponse)
async def queue_page(
    request: Request, session: DbSession, viewer: CurrentViewer, notice: str | None = None
) -> Response:
    if (redirect := _must_change_password(viewer)) is not None:
        return redirect
    services = get_services(request)
    context = {
        "viewer": viewer,
        "queue": await queue_rows(session, services, viewer.staff),
        "mine": await my_rows(session, services, viewer.staff),
        "notice": {"empty": "Nothing you can take right now."}.get(notice or ""),
    }
    return templates().TemplateResponse(request, "queue.html", context)


@router.get("/console/partials/queue", response_class=HTMLResponse)
async def queue_partial(request: Request, session: DbSession, viewer: CurrentViewer) -> Response:
    rows = await queue_rows(session, get_services(request), viewer.staff)
    return templates().TemplateResponse(request, "_queue.html", {"queue": rows})


@router.get("/console/partials/mine", response_class=HTMLResponse)
async def mine_partial(request: Request, session: DbSession, viewer: CurrentViewer) -> Response:
    rows = await my_rows(session, get_services(request), viewer.staff)
    return templates().TemplateResponse(request, "_mine.html", {"mine": rows})


@router.get("/console/conversations/{conversation_id}", response_class=HTMLResponse)
async def conversation_page(
    request: Request, conversation_id: int, session: DbSession, viewer: CurrentViewer, error: str | None = None
) -> Response:
    if (redirect := _must_change_password(viewer)) is not None:
        return redirect
    services = get_services(request)
    async with session.begin():
        conversation = await access_conversation(session, viewer.staff, conversation_id)
        record_audit(session, AuditCode.TRANSCRIPT_READ, actor_id=viewer.staff.id, conversation_id=conversation.id)
        context = {
            "viewer": viewer,
            "conv": await conversation_header(session, services, viewer.staff, conversation),
            "messages": await transcript(session, services, conversation),
            "error": error,
        }
    return templates().TemplateResponse(request, "conversation.html", context)


@router.get("/console/partials/conversations/{conversation_id}/transcript", response_class=HTMLResponse)
async def transcript_partial(
    request: Request, conversation_id: int, session: DbSession, viewer: CurrentViewer
) -> Response:
    services = get_services(request)
    async with session.begin():
        conversation = await access_conversation(session, viewer.staff, conversation_id)
        record_audit(session, AuditCode.TRANSCRIPT_READ, actor_id=viewer.staff.id, conversation_id=conversation.id)
        messages = await transcript(session, services, conversation)
    return templates().TemplateResponse(request, "_transcript.html", {"messages": messages})


@router.post("/console/conversations/{conversation_id}/reply")
async def reply(
    request: Request,
    conversation_id: int,
    session: DbSession,
    viewer: CheckedViewer,
    text: Annotated[str, Form(max_length=20000)],
) -> Response:
    async with session.begin():
        await access_conversation(session, viewer.staff, conversation_id)
    try:
        await do_send_reply(
            services=get_services(request), staff=viewer.staff, conversation_id=conversation_id, text=text
        )
    except ActionRefusedError as refused:
        return Response(str(refused), status_code=409, media_type="text/plain")
    return RedirectResponse(f"/console/conversations/{conversation_id}", status_code=303)


@router.post("/console/conversations/{conversation_id}/claim")
async def claim(request: Request, conversation_id: int, session: DbSession, viewer: CheckedViewer) -> Response:
    async with session.begin():
        await access_conversation(session, viewer.staff, conversation_id)
    await do_claim(services=get_services(request), staff=viewer.staff, conversation_id=conversation_id)
    return RedirectResponse(f"/console/conversations/{conversation_id}", status_code=303)


@router.post("/console/claim-next")
async def claim_next(request: Request, viewer: CheckedViewer) -> Response:
    try:
        claimed = await do_claim_next(services=get_services(request), staff=viewer.staff)
    except ActionRefusedError as refused:
        return Response(str(refused), status_code=409, media_type="text/plain")
    if claimed is None:
        return RedirectResponse("/console?notice=empty", status_code=303)
    return RedirectResponse(f"/console/conversations/{claimed}", status_code=303)
