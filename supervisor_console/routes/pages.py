"""The queue and conversation pages, their live partials, and the claim and reply actions on them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from core.audit import AuditCode, record_audit
from supervisor_console.access import access_conversation, sees_conversations
from supervisor_console.actions import (
    ActionRefusedError,
    caseload,
    do_claim,
    do_claim_next,
    do_send_reply,
)
from supervisor_console.deps import CheckedViewer, CurrentViewer, DbSession, Viewer, get_services
from supervisor_console.templating import templates
from supervisor_console.views import (
    conversation_header,
    my_rows,
    navigation_order,
    queue_rows,
    team_rows,
    transcript,
)
from supervisor_console.work import SNOOZE_CHOICES

router = APIRouter()
NOTICES = {
    "empty": "Nothing you can take right now.",
    "two-factor": "Your authenticator app is set up; other browsers were signed out.",
}


def _must_change_password(viewer: Viewer) -> Response | None:
    if viewer.staff.must_change_password:
        return RedirectResponse("/console/password", status_code=303)
    return None


def refused(request: Request, message: str, back: str = "/console") -> Response:
    """Why an action was not done, as a page with a way back (htmx callers read the text)."""
    context = {"viewer": None, "message": message, "back": back}
    return templates().TemplateResponse(request, "refused.html", context, status_code=409)


async def _queue_context(request: Request, session: DbSession, viewer: Viewer) -> dict[str, Any]:
    services = get_services(request)
    async with session.begin():
        queue = await queue_rows(session, services, viewer.staff)
        mine, snoozed = await my_rows(session, services, viewer.staff)
        team = await team_rows(session, services, viewer.staff)
        shown = len(queue) + len(mine) + len(snoozed) + len(team)
        if shown:
            # The lists carry a preview of each person's latest message: a read of personal data, so audited.
            record_audit(session, AuditCode.QUEUE_READ, actor_id=viewer.staff.id, data={"count": shown})
        load = await caseload(session, viewer.staff.id)
    return {"viewer": viewer, "queue": queue, "mine": mine, "snoozed": snoozed, "team": team, "caseload": load}


@router.get("/console", response_class=HTMLResponse)
async def queue_page(
    request: Request, session: DbSession, viewer: CurrentViewer, notice: str | None = None
) -> Response:
    if (redirect := _must_change_password(viewer)) is not None:
        return redirect
    if viewer.staff.role == "admin":
        return RedirectResponse("/console/admin/staff", status_code=303)
    context = await _queue_context(request, session, viewer)
    context["notice"] = NOTICES.get(notice or "")
    context["sees_conversations"] = sees_conversations(viewer.staff)
    return templates().TemplateResponse(request, "queue.html", context)


@router.get("/console/partials/lists", response_class=HTMLResponse)
async def lists_partial(request: Request, session: DbSession, viewer: CurrentViewer) -> Response:
    context = await _queue_context(request, session, viewer)
    return templates().TemplateResponse(request, "_lists.html", context)


@router.get("/console/partials/queue", response_class=HTMLResponse)
async def queue_partial(request: Request, session: DbSession, viewer: CurrentViewer) -> Response:
    context = await _queue_context(request, session, viewer)
    return templates().TemplateResponse(request, "_queue.html", context)


@router.get("/console/partials/mine", response_class=HTMLResponse)
async def mine_partial(request: Request, session: DbSession, viewer: CurrentViewer) -> Response:
    context = await _queue_context(request, session, viewer)
    return templates().TemplateResponse(request, "_mine.html", context)


@router.get("/console/partials/counts", response_class=HTMLResponse)
async def counts_partial(request: Request, session: DbSession, viewer: CurrentViewer) -> Response:
    """Waiting and unread counts for the header and the tab title (numbers only, no personal data)."""
    services = get_services(request)
    async with session.begin():
        queue = await queue_rows(session, services, viewer.staff)
        mine, _snoozed = await my_rows(session, services, viewer.staff)
    context = {"waiting": len(queue), "unread": sum(1 for row in mine if row.unread)}
    return templates().TemplateResponse(request, "_counts.html", context)


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
        order = await navigation_order(session, services, viewer.staff)
        context = {
            "viewer": viewer,
            "conv": await conversation_header(session, services, viewer.staff, conversation),
            "messages": await transcript(session, services, conversation),
            "error": error,
            "snooze_choices": SNOOZE_CHOICES,
            "prev_id": _neighbour(order, conversation_id, -1),
            "next_id": _neighbour(order, conversation_id, +1),
        }
    return templates().TemplateResponse(request, "conversation.html", context)


def _neighbour(order: list[int], current: int, offset: int) -> int | None:
    if current not in order:
        return order[0] if order and offset > 0 else None
    index = order.index(current) + offset
    return order[index] if 0 <= index < len(order) else None


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
    back = f"/console/conversations/{conversation_id}"
    async with session.begin():
        await access_conversation(session, viewer.staff, conversation_id)
    try:
        await do_send_reply(
            services=get_services(request), staff=viewer.staff, conversation_id=conversation_id, text=text
        )
    except ActionRefusedError as refusal:
        return refused(request, str(refusal), back)
    return RedirectResponse(f"/console/conversations/{conversation_id}", status_code=303)


@router.post("/console/conversations/{conversation_id}/claim")
async def claim(request: Request, conversation_id: int, session: DbSession, viewer: CheckedViewer) -> Response:
    back = f"/console/conversations/{conversation_id}"
    async with session.begin():
        await access_conversation(session, viewer.staff, conversation_id)
    try:
        await do_claim(services=get_services(request), staff=viewer.staff, conversation_id=conversation_id)
    except ActionRefusedError as refusal:
        return refused(request, str(refusal), back)
    return RedirectResponse(f"/console/conversations/{conversation_id}", status_code=303)


@router.post("/console/claim-next")
async def claim_next(request: Request, viewer: CheckedViewer) -> Response:
    back = "/console"
    if not sees_conversations(viewer.staff):
        return refused(request, "Your role does not take conversations from the queue.")
    try:
        claimed = await do_claim_next(services=get_services(request), staff=viewer.staff)
    except ActionRefusedError as refusal:
        return refused(request, str(refusal), back)
    if claimed is None:
        return RedirectResponse("/console?notice=empty", status_code=303)
    return RedirectResponse(f"/console/conversations/{claimed}", status_code=303)
