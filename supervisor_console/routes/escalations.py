"""Escalation pages and the protocol's actions: raise, acknowledge, take over, note, return, reassign, close."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from core.audit import AuditCode, record_audit
from escalation.holding import do_reassign, do_return, do_takeover, do_transfer_owner
from escalation.protocol import (
    LEVELS,
    RAISE_REASONS,
    ProtocolRefusedError,
    do_acknowledge,
    do_close,
    do_raise,
    open_escalation,
)
from supervisor_console.access_escalation import access_case_conversation, access_escalation, access_supervisor
from supervisor_console.deps import CheckedViewer, CurrentViewer, DbSession, Viewer, get_services
from supervisor_console.escalation_views import escalation_detail, escalation_rows, my_pages, selectable_messages
from supervisor_console.templating import templates

router = APIRouter()


def refused(refusal: ProtocolRefusedError) -> Response:
    # 409 with a sentence the staff member can act on; nothing about other people's cases.
    return Response(str(refusal), status_code=409, media_type="text/plain")


def to_escalation(escalation_id: int) -> Response:
    return RedirectResponse(f"/console/escalations/{escalation_id}", status_code=303)


@router.get("/console/escalations", response_class=HTMLResponse)
async def escalations_page(request: Request, session: DbSession, viewer: CurrentViewer) -> Response:
    access_supervisor(viewer.staff)
    services = get_services(request)
    async with session.begin():
        context = {
            "viewer": viewer,
            "pages": await my_pages(session, viewer.staff),
            "open": await escalation_rows(session, services, open_only=True),
            "closed": await escalation_rows(session, services, open_only=False),
        }
    return templates().TemplateResponse(request, "escalations.html", context)


@router.get("/console/partials/pages", response_class=HTMLResponse)
async def pages_partial(request: Request, session: DbSession, viewer: CurrentViewer) -> Response:
    """The paging banner every supervisor page shows; refreshed on each live event."""
    access_supervisor(viewer.staff)
    async with session.begin():
        pages = await my_pages(session, viewer.staff)
    return templates().TemplateResponse(request, "_pages_banner.html", {"pages": pages})


@router.get("/console/escalations/{escalation_id}", response_class=HTMLResponse)
async def escalation_page(request: Request, escalation_id: int, session: DbSession, viewer: CurrentViewer) -> Response:
    services = get_services(request)
    async with session.begin():
        escalation = await access_escalation(session, viewer.staff, escalation_id)
        detail = await escalation_detail(session, services, viewer.staff, escalation)
        if detail.get("messages"):
            # Choosing messages for a packet shows transcript excerpts: that is a transcript read.
            record_audit(
                session,
                AuditCode.TRANSCRIPT_READ,
                actor_id=viewer.staff.id,
                conversation_id=escalation.conversation_id,
                data={"escalation_id": escalation.id, "kind": "packet_selection"},
            )
    return templates().TemplateResponse(request, "escalation.html", {"viewer": viewer, "esc": detail})


@router.get("/console/partials/conversations/{conversation_id}/escalation", response_class=HTMLResponse)
async def escalation_panel(
    request: Request, conversation_id: int, session: DbSession, viewer: CurrentViewer
) -> Response:
    """The panel on a conversation page: the open case if any, or the form to raise one."""
    services = get_services(request)
    async with session.begin():
        conversation = await access_case_conversation(session, viewer.staff, conversation_id)
        escalation = await open_escalation(session, conversation.id)
        holds = conversation.assignee_id == viewer.staff.id
        messages = []
        if escalation is None and holds:
            messages = await selectable_messages(session, services, conversation, ())
            record_audit(
                session,
                AuditCode.TRANSCRIPT_READ,
                actor_id=viewer.staff.id,
                conversation_id=conversation.id,
                data={"kind": "packet_selection"},
            )
        context = {
            "viewer": viewer,
            "conversation_id": conversation.id,
            "esc": None
            if escalation is None
            else {
                "id": escalation.id,
                "level": escalation.level,
                "label": LEVELS[escalation.level].label,
                "state": escalation.state.replace("_", " "),
            },
            "levels": LEVELS,
            "reasons": {k: v for k, v in RAISE_REASONS.items() if k not in ("triage_critical", "supervisor_takeover")},
            "can_raise": escalation is None
            and (holds or viewer.staff.role == "supervisor")
            and conversation.status not in ("stopped", "closed"),
            "can_takeover": viewer.staff.role == "supervisor"
            and not (holds and conversation.status == "escalated")
            and conversation.status not in ("stopped", "closed"),
            "messages": messages,
        }
    return templates().TemplateResponse(request, "_escalation_panel_body.html", context)


@router.post("/console/conversations/{conversation_id}/escalate")
async def raise_escalation(
    request: Request,
    conversation_id: int,
    session: DbSession,
    viewer: CheckedViewer,
    level: Annotated[str, Form(max_length=4)],
    reason_code: Annotated[str, Form(max_length=32)],
    reason: Annotated[str, Form(max_length=2000)] = "",
    summary: Annotated[str, Form(max_length=4000)] = "",
    message_ids: Annotated[list[int] | None, Form()] = None,
) -> Response:
    async with session.begin():
        conversation = await access_case_conversation(session, viewer.staff, conversation_id)
        # Imminent harm may be raised by anyone who can see the conversation; other levels by whoever holds it.
        if level != "L4" and conversation.assignee_id != viewer.staff.id and viewer.staff.role != "supervisor":
            return refused(ProtocolRefusedError("Take the conversation before escalating it."))
    try:
        escalation_id = await do_raise(
            services=get_services(request),
            staff=viewer.staff,
            conversation_id=conversation_id,
            level=level,
            reason_code=reason_code,
            reason=reason,
            summary=summary,
            selected_message_ids=message_ids or [],
        )
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    if viewer.staff.role == "supervisor":
        return to_escalation(escalation_id)
    return RedirectResponse(f"/console/conversations/{conversation_id}", status_code=303)


@router.post("/console/conversations/{conversation_id}/takeover")
async def takeover(request: Request, conversation_id: int, session: DbSession, viewer: CheckedViewer) -> Response:
    async with session.begin():
        await access_case_conversation(session, viewer.staff, conversation_id)
    try:
        await do_takeover(services=get_services(request), staff=viewer.staff, conversation_id=conversation_id)
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    return RedirectResponse(f"/console/conversations/{conversation_id}", status_code=303)


async def _checked(session: DbSession, viewer: Viewer, escalation_id: int) -> None:
    async with session.begin():
        await access_escalation(session, viewer.staff, escalation_id)


@router.post("/console/escalations/{escalation_id}/acknowledge")
async def acknowledge(request: Request, escalation_id: int, session: DbSession, viewer: CheckedViewer) -> Response:
    await _checked(session, viewer, escalation_id)
    try:
        await do_acknowledge(services=get_services(request), staff=viewer.staff, escalation_id=escalation_id)
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    return to_escalation(escalation_id)


@router.post("/console/escalations/{escalation_id}/return")
async def give_back(request: Request, escalation_id: int, session: DbSession, viewer: CheckedViewer) -> Response:
    await _checked(session, viewer, escalation_id)
    try:
        await do_return(services=get_services(request), staff=viewer.staff, escalation_id=escalation_id)
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    return to_escalation(escalation_id)


@router.post("/console/escalations/{escalation_id}/reassign")
async def reassign(
    request: Request,
    escalation_id: int,
    session: DbSession,
    viewer: CheckedViewer,
    staff_id: Annotated[int, Form()],
) -> Response:
    await _checked(session, viewer, escalation_id)
    try:
        await do_reassign(
            services=get_services(request), staff=viewer.staff, escalation_id=escalation_id, to_staff_id=staff_id
        )
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    return to_escalation(escalation_id)


@router.post("/console/escalations/{escalation_id}/transfer")
async def transfer_owner(
    request: Request,
    escalation_id: int,
    session: DbSession,
    viewer: CheckedViewer,
    staff_id: Annotated[int, Form()],
    reason_code: Annotated[str, Form(max_length=32)],
) -> Response:
    await _checked(session, viewer, escalation_id)
    try:
        await do_transfer_owner(
            services=get_services(request),
            staff=viewer.staff,
            escalation_id=escalation_id,
            to_staff_id=staff_id,
            reason_code=reason_code,
        )
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    return to_escalation(escalation_id)


@router.post("/console/escalations/{escalation_id}/close")
async def close(
    request: Request,
    escalation_id: int,
    session: DbSession,
    viewer: CheckedViewer,
    outcome: Annotated[str, Form(max_length=32)],
) -> Response:
    await _checked(session, viewer, escalation_id)
    try:
        await do_close(services=get_services(request), staff=viewer.staff, escalation_id=escalation_id, outcome=outcome)
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    return to_escalation(escalation_id)
