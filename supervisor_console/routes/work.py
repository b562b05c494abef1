"""Status changes, internal notes, canned replies and the away switch."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse

from content.canned import get_canned
from core.models import Contact, Staff
from supervisor_console.access import access_conversation, may_write_to
from supervisor_console.actions import ActionRefusedError, caseload
from supervisor_console.deps import CheckedViewer, CurrentViewer, DbSession, get_services
from supervisor_console.routes.pages import refused
from supervisor_console.templating import templates
from supervisor_console.totp import totp_required
from supervisor_console.work import do_add_note, do_set_away, do_set_status

router = APIRouter()


@router.post("/console/conversations/{conversation_id}/status")
async def change_status(
    request: Request,
    conversation_id: int,
    session: DbSession,
    viewer: CheckedViewer,
    status: Annotated[str, Form(max_length=16)],
    snooze_minutes: Annotated[int | None, Form()] = None,
) -> Response:
    back = f"/console/conversations/{conversation_id}"
    async with session.begin():
        await access_conversation(session, viewer.staff, conversation_id)
    try:
        await do_set_status(
            services=get_services(request),
            staff=viewer.staff,
            conversation_id=conversation_id,
            status=status,
            snooze_minutes=snooze_minutes,
        )
    except ActionRefusedError as refusal:
        return refused(request, str(refusal), back)
    # Resolved and snoozed conversations leave the working list: go back to it.
    return RedirectResponse("/console" if status in ("resolved", "snoozed") else back, status_code=303)


@router.post("/console/conversations/{conversation_id}/note")
async def note(
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
        await do_add_note(
            services=get_services(request), staff=viewer.staff, conversation_id=conversation_id, text=text
        )
    except ActionRefusedError as refusal:
        return refused(request, str(refusal), back)
    return RedirectResponse(back, status_code=303)


@router.post("/console/me/away")
async def set_away(request: Request, viewer: CheckedViewer, away: Annotated[str, Form(max_length=8)]) -> Response:
    await do_set_away(services=get_services(request), staff=viewer.staff, away=away == "on")
    return RedirectResponse("/console", status_code=303)


@router.get("/console/conversations/{conversation_id}/canned")
async def canned_list(request: Request, conversation_id: int, session: DbSession, viewer: CurrentViewer) -> Response:
    """The canned replies available in this conversation's language, for the `/` picker."""
    async with session.begin():
        conversation = await access_conversation(session, viewer.staff, conversation_id)
        language = conversation.language
    items = [{"key": r.key, "title": r.title, "language": r.language} for r in get_canned().listing(language)]
    return JSONResponse({"replies": items})


@router.get("/console/conversations/{conversation_id}/canned/{key}")
async def canned_preview(
    request: Request, conversation_id: int, key: str, session: DbSession, viewer: CurrentViewer
) -> Response:
    """One canned reply filled in for this conversation, with a warning for each variable that would be empty."""
    async with session.begin():
        conversation = await access_conversation(session, viewer.staff, conversation_id)
        if not may_write_to(viewer.staff, conversation) and conversation.assignee_id is not None:
            return JSONResponse({"error": "not yours to answer"}, status_code=409)
        contact = await session.get_one(Contact, conversation.contact_id)
        owner = await session.get(Staff, conversation.case_owner_id) if conversation.case_owner_id else None
        variables = {
            "pseudonym": contact.pseudonym,
            "liaison_name": viewer.staff.display_name,
            "case_owner_name": owner.display_name if owner else None,
        }
        language = conversation.language
    rendered = get_canned().render(key, language, variables)
    if rendered is None:
        return JSONResponse({"error": "no such reply"}, status_code=404)
    return JSONResponse(
        {
            "key": rendered.key,
            "title": rendered.title,
            "language": rendered.language,
            "text": rendered.text,
            "warnings": list(rendered.warnings),
        }
    )


@router.get("/console/account")
async def account_page(
    request: Request, session: DbSession, viewer: CurrentViewer, notice: str | None = None
) -> Response:
    async with session.begin():
        load = await caseload(session, viewer.staff.id)
    context = {
        "viewer": viewer,
        "caseload": load,
        "two_factor": viewer.staff.totp_secret_enc is not None,
        "two_factor_required": totp_required(get_services(request).settings, viewer.staff),
        "notice": "Your authenticator app is set up; other browsers were signed out."
        if notice == "two-factor"
        else None,
    }
    return templates().TemplateResponse(request, "account.html", context)
