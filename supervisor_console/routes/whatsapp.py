"""WhatsApp's 24-hour customer-service window in the console: the countdown, the refusal, approved templates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from core.audit import AuditCode, record_audit
from core.channels import OutboundPayload, Template
from core.models import Contact, Conversation, Staff
from core.outbox import enqueue_outbound
from core.services import Services
from core.staff_replies import WHATSAPP, window_state
from escalation.queue import mark_answered
from supervisor_console.access import access_conversation, may_write_to
from supervisor_console.deps import CheckedViewer, CurrentViewer, DbSession, get_services
from supervisor_console.templating import templates

router = APIRouter()

TEMPLATE_LANGUAGES = frozenset({"en", "ar", "uk", "ru", "fa", "fr", "es"})  # Meta's codes for ours are the same


@dataclass(frozen=True)
class ApprovedTemplate:
    """A template approved in Meta's WhatsApp Manager under `name`, in every language we serve."""

    name: str
    label: str  # what the liaison chooses from
    summary: str  # what the transcript shows; the person reads Meta's approved wording in their language


APPROVED_TEMPLATES: dict[str, ApprovedTemplate] = {
    t.name: t
    for t in (
        ApprovedTemplate(
            "liaison_reply_waiting",
            "A liaison has a reply — invite them to write again",
            "[template] A liaison has replied to your message. Reply here to continue the conversation.",
        ),
        ApprovedTemplate(
            "liaison_checking_in",
            "Checking in after a pause",
            "[template] We are still here if you want to continue. Reply here at any time, or send STOP.",
        ),
    )
}


@router.get("/console/partials/conversations/{conversation_id}/whatsapp-window", response_class=HTMLResponse)
async def window_partial(request: Request, conversation_id: int, session: DbSession, viewer: CurrentViewer) -> Response:
    services = get_services(request)
    async with session.begin():
        conversation = await access_conversation(session, viewer.staff, conversation_id)
        state = await window_state(session, conversation, services.clock.now())
        context = {
            "viewer": viewer,
            "conv": {"id": conversation.id, "channel": conversation.channel},
            "wa": {
                "state": state,
                "can_write": may_write_to(viewer.staff, conversation),
                "templates": list(APPROVED_TEMPLATES.values()),
            },
        }
    return templates().TemplateResponse(request, "_whatsapp_window.html", context)


@router.post("/console/conversations/{conversation_id}/whatsapp/template")
async def send_template(
    request: Request,
    conversation_id: int,
    session: DbSession,
    viewer: CheckedViewer,
    template: Annotated[str, Form(max_length=64)],
) -> Response:
    async with session.begin():
        await access_conversation(session, viewer.staff, conversation_id)
    refusal = await do_send_template(
        services=get_services(request), staff_id=viewer.staff.id, conversation_id=conversation_id, name=template
    )
    if refusal is not None:
        return Response(refusal, status_code=409, media_type="text/plain")
    return RedirectResponse(f"/console/conversations/{conversation_id}", status_code=303)


async def do_send_template(*, services: Services, staff_id: int, conversation_id: int, name: str) -> str | None:
    """Queue an approved template in the person's language; returns why not, or None once it is queued."""
    chosen = APPROVED_TEMPLATES.get(name)
    if chosen is None:
        return "That template is not approved for WhatsApp."
    now = services.clock.now()
    async with services.sessionmaker() as session, session.begin():
        locking = session.get_bind().dialect.name == "postgresql"
        conversation = await session.get_one(Conversation, conversation_id, with_for_update=locking)
        staff = await session.get_one(Staff, staff_id)
        if conversation.channel != WHATSAPP:
            return "Templates exist only on WhatsApp; write a reply instead."
        if not may_write_to(staff, conversation) or conversation.identity_id is None:
            return "This conversation has ended or belongs to a colleague."
        contact = await session.get_one(Contact, conversation.contact_id)
        language = contact.language or conversation.language or "en"
        payload = OutboundPayload(
            text=chosen.summary,
            template=Template(chosen.name, language if language in TEMPLATE_LANGUAGES else "en"),
        )
        enqueue_outbound(
            session,
            cipher=services.cipher,
            conversation=conversation,
            payload=payload,
            now=now,
            author_id=staff_id,
            kind="template",
        )
        mark_answered(conversation, now=now)
        record_audit(
            session,
            AuditCode.REPLY_SENT,
            actor_id=staff_id,
            conversation_id=conversation.id,
            data={"channel": WHATSAPP, "reason_code": "template"},
        )
    services.outbox_wakeup.set()
    await services.bus.publish({"type": "message.new", "conversation_id": conversation_id, "direction": "out"})
    return None
