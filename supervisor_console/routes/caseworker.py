"""Packets: the caseworker's view (packet, relay thread, composer) and the referring supervisor's printable copy."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from core.audit import AuditCode, record_audit
from core.models import Conversation, Escalation, HandoverPacket
from escalation.packets import CONTACT_ROUTES, PacketFields, packet_content
from escalation.partners import get_partner
from escalation.protocol import LEVELS, ProtocolRefusedError, do_raise
from escalation.relay import do_relay_reply, may_relay, relay_thread
from supervisor_console.access import NotFoundError
from supervisor_console.access_escalation import access_packet
from supervisor_console.deps import CheckedViewer, CurrentViewer, DbSession, Viewer, get_services
from supervisor_console.escalation_views import staff_names
from supervisor_console.routes.escalations import refused
from supervisor_console.templating import templates

router = APIRouter()


@router.get("/console/caseworker", response_class=HTMLResponse)
async def caseworker_home(request: Request, session: DbSession, viewer: CurrentViewer) -> Response:
    """A caseworker's handovers; a supervisor sees every packet. Nobody else has this page."""
    if viewer.staff.role not in ("caseworker", "supervisor"):
        raise NotFoundError
    async with session.begin():
        query = select(HandoverPacket, Escalation).join(Escalation, Escalation.id == HandoverPacket.escalation_id)
        if viewer.staff.role == "caseworker":
            query = query.where(HandoverPacket.caseworker_id == viewer.staff.id)
        rows = (await session.execute(query.order_by(HandoverPacket.id.desc()).limit(100))).all()
    packets = [
        {
            "id": packet.id,
            "recipient": packet.recipient,
            "level": escalation.level,
            "state": escalation.state.replace("_", " "),
            "created_at": packet.created_at,
            "partner": packet.partner_slug,
        }
        for packet, escalation in rows
    ]
    return templates().TemplateResponse(request, "caseworker.html", {"viewer": viewer, "packets": packets})


async def _packet_context(request: Request, session: DbSession, viewer: Viewer, packet_id: int) -> dict[str, Any]:
    services = get_services(request)
    packet = await access_packet(session, viewer.staff, packet_id)
    escalation = await session.get_one(Escalation, packet.escalation_id)
    conversation = await session.get_one(Conversation, packet.conversation_id)
    content = packet_content(services.cipher, packet)
    names = await staff_names(session, [packet.caseworker_id, packet.created_by_id])
    partner = get_partner(packet.partner_slug) if packet.partner_slug else None
    relay = packet.recipient == "caseworker" and viewer.staff.id == packet.caseworker_id
    return {
        "viewer": viewer,
        "packet": {
            "id": packet.id,
            "recipient": packet.recipient,
            "created_at": packet.created_at,
            "caseworker": names.get(packet.caseworker_id or 0, ""),
            "created_by": names.get(packet.created_by_id or 0, "former staff"),
            "state": escalation.state.replace("_", " "),
            "level_label": LEVELS[escalation.level].label,
        },
        "partner": partner,
        "content": content,
        "route_label": CONTACT_ROUTES.get(content.contact_route, content.contact_route) if content else "",
        "thread": await relay_thread(session, services, packet) if relay else [],
        "can_relay": may_relay(viewer.staff, packet, escalation, conversation),
        "relay": relay,
    }


@router.get("/console/packets/{packet_id}", response_class=HTMLResponse)
async def packet_page(request: Request, packet_id: int, session: DbSession, viewer: CurrentViewer) -> Response:
    async with session.begin():
        context = await _packet_context(request, session, viewer, packet_id)
        record_audit(
            session,
            AuditCode.PACKET_READ,
            actor_id=viewer.staff.id,
            conversation_id=(await access_packet(session, viewer.staff, packet_id)).conversation_id,
            data={"packet_id": packet_id, "kind": "page"},
        )
    return templates().TemplateResponse(request, "packet.html", context)


@router.get("/console/partials/packets/{packet_id}/thread", response_class=HTMLResponse)
async def packet_thread(request: Request, packet_id: int, session: DbSession, viewer: CurrentViewer) -> Response:
    async with session.begin():
        context = await _packet_context(request, session, viewer, packet_id)
        record_audit(
            session,
            AuditCode.PACKET_READ,
            actor_id=viewer.staff.id,
            conversation_id=(await access_packet(session, viewer.staff, packet_id)).conversation_id,
            data={"packet_id": packet_id, "kind": "thread"},
        )
    return templates().TemplateResponse(request, "_packet_thread.html", context)


def packet_text(content: PacketFields, packet_id: int, partner_name: str | None) -> str:
    """The packet as plain text, for the partner: exactly the allow-listed fields, nothing else."""
    lines = [
        f"Handover packet #{packet_id}" + (f" for {partner_name}" if partner_name else ""),
        f"Reference (pseudonym): {content.pseudonym}",
        f"Language: {content.language}",
        f"Level: {content.level}",
        f"Categories: {', '.join(content.categories) or '—'}",
        f"Consent to share: {content.consent.replace('_', ' ')}",
        f"Contact route: {CONTACT_ROUTES.get(content.contact_route, content.contact_route)}",
        "",
        "Summary:",
        content.summary,
        "",
        "Selected messages (personal details redacted):",
    ]
    lines += [f"[{m.time}] {m.author}: {m.text}" for m in content.messages] or ["(none)"]
    return "\n".join(lines) + "\n"


@router.get("/console/packets/{packet_id}/download")
async def packet_download(request: Request, packet_id: int, session: DbSession, viewer: CurrentViewer) -> Response:
    async with session.begin():
        packet = await access_packet(session, viewer.staff, packet_id)
        content = packet_content(get_services(request).cipher, packet)
        partner = get_partner(packet.partner_slug) if packet.partner_slug else None
        record_audit(
            session,
            AuditCode.PACKET_READ,
            actor_id=viewer.staff.id,
            conversation_id=packet.conversation_id,
            data={"packet_id": packet.id, "kind": "download"},
        )
    if content is None:
        text = f"Packet {packet_id}: erased at the person's request.\n"
    else:
        text = packet_text(content, packet_id, partner.name if partner else None)
    return Response(
        text,
        media_type="text/plain; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="packet-{packet_id}.txt"'},
    )


@router.post("/console/packets/{packet_id}/relay")
async def relay_reply(
    request: Request,
    packet_id: int,
    session: DbSession,
    viewer: CheckedViewer,
    text: Annotated[str, Form(max_length=20000)],
) -> Response:
    async with session.begin():
        await access_packet(session, viewer.staff, packet_id)
    try:
        await do_relay_reply(services=get_services(request), staff=viewer.staff, packet_id=packet_id, text=text)
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    return RedirectResponse(f"/console/packets/{packet_id}", status_code=303)


@router.post("/console/packets/{packet_id}/imminent-harm")
async def packet_imminent_harm(request: Request, packet_id: int, session: DbSession, viewer: CheckedViewer) -> Response:
    """Any staff member can raise L4: a caseworker does it from the packet they hold."""
    async with session.begin():
        packet = await access_packet(session, viewer.staff, packet_id)
        conversation_id = packet.conversation_id
    try:
        await do_raise(
            services=get_services(request),
            staff=viewer.staff,
            conversation_id=conversation_id,
            level="L4",
            reason_code="risk_to_self",
        )
    except ProtocolRefusedError as refusal:
        return refused(refusal)
    return RedirectResponse(f"/console/packets/{packet_id}", status_code=303)
