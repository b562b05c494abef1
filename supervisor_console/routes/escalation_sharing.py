"""Sharing under the protocol: L2 handover, L3 referral, confidentiality-break approvals, identity under a break."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from escalation.packets import SharingInput, do_handover
from escalation.protocol import ProtocolRefusedError
from escalation.referrals import do_approve_break, do_refer, do_reveal_identity
from supervisor_console.access_escalation import access_escalation
from supervisor_console.deps import CheckedViewer, CurrentViewer, DbSession, get_services
from supervisor_console.routes.escalations import _checked, refused, to_escalation
from supervisor_console.templating import templates

router = APIRouter()

Text = Annotated[str, Form(max_length=4000)]


def _sharing(
    necessity: str, proportionality: str, consent: str, consent_reason: str, lawful_basis: str
) -> SharingInput:
    return SharingInput(
        necessity=necessity,
        proportionality=proportionality,
        consent=consent,
        consent_reason=consent_reason,
        lawful_basis=lawful_basis,
    )


@router.post("/console/escalations/{escalation_id}/handover")
async def handover(
    request: Request,
    escalation_id: int,
    session: DbSession,
    viewer: CheckedViewer,
    caseworker_id: Annotated[int, Form()],
    summary: Text,
    necessity: Text,
    proportionality: Text,
    consent: Annotated[str, Form(max_length=16)],
    consent_reason: Text,
    lawful_basis: Annotated[str, Form(max_length=32)],
    message_ids: Annotated[list[int] | None, Form()] = None,
) -> Response:
    await _checked(session, viewer, escalation_id)
    try:
        packet_id = await do_handover(
            services=get_services(request),
            staff=viewer.staff,
            escalation_id=escalation_id,
            caseworker_id=caseworker_id,
            summary=summary,
            message_ids=message_ids or [],
            sharing=_sharing(necessity, proportionality, consent, consent_reason, lawful_basis),
        )
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    return RedirectResponse(f"/console/packets/{packet_id}", status_code=303)


@router.post("/console/escalations/{escalation_id}/refer")
async def refer(
    request: Request,
    escalation_id: int,
    session: DbSession,
    viewer: CheckedViewer,
    partner: Annotated[str, Form(max_length=64)],
    summary: Text,
    necessity: Text,
    proportionality: Text,
    consent: Annotated[str, Form(max_length=16)],
    consent_reason: Text,
    lawful_basis: Annotated[str, Form(max_length=32)],
    message_ids: Annotated[list[int] | None, Form()] = None,
) -> Response:
    await _checked(session, viewer, escalation_id)
    try:
        packet_id = await do_refer(
            services=get_services(request),
            staff=viewer.staff,
            escalation_id=escalation_id,
            partner_slug=partner,
            summary=summary,
            message_ids=message_ids or [],
            sharing=_sharing(necessity, proportionality, consent, consent_reason, lawful_basis),
        )
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    return RedirectResponse(f"/console/packets/{packet_id}", status_code=303)


@router.post("/console/escalations/{escalation_id}/break-approvals")
async def approve_break(
    request: Request,
    escalation_id: int,
    session: DbSession,
    viewer: CheckedViewer,
    lawful_basis: Annotated[str, Form(max_length=32)],
    reason: Text,
) -> Response:
    await _checked(session, viewer, escalation_id)
    try:
        await do_approve_break(
            services=get_services(request),
            staff=viewer.staff,
            escalation_id=escalation_id,
            lawful_basis=lawful_basis,
            reason=reason,
        )
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    return to_escalation(escalation_id)


@router.get("/console/escalations/{escalation_id}/identity", response_class=HTMLResponse)
async def identity(request: Request, escalation_id: int, session: DbSession, viewer: CurrentViewer) -> Response:
    """Identifying details for emergency services; shown (and audited) only under a two-supervisor break."""
    await _checked(session, viewer, escalation_id)
    try:
        found = await do_reveal_identity(
            services=get_services(request), staff=viewer.staff, escalation_id=escalation_id
        )
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    async with session.begin():
        escalation = await access_escalation(session, viewer.staff, escalation_id)
        context = {"viewer": viewer, "identity": found, "escalation_id": escalation.id}
    return templates().TemplateResponse(request, "escalation_identity.html", context)
