"""The audit trail for supervisors, filterable by conversation, staff member and event; reading it is audited."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy import or_, select

from core.audit import AuditCode, record_audit
from core.models import AuditEvent, Staff
from supervisor_console.access_escalation import access_audit
from supervisor_console.deps import CurrentViewer, DbSession
from supervisor_console.escalation_views import staff_names
from supervisor_console.templating import templates

router = APIRouter()
PAGE_SIZE = 200


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() else None


@router.get("/console/audit", response_class=HTMLResponse)
async def audit_page(
    request: Request,
    session: DbSession,
    viewer: CurrentViewer,
    conversation: str | None = None,
    staff: str | None = None,
    event: str | None = None,
) -> Response:
    access_audit(viewer.staff)
    conversation_id = _int(conversation)
    code = AuditCode[event] if event is not None and event in AuditCode.__members__ else None
    async with session.begin():
        staff_id = None
        if staff:
            staff_id = await session.scalar(select(Staff.id).where(Staff.username == staff.strip().lower()))
        query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(PAGE_SIZE)
        if conversation_id is not None:
            query = query.where(AuditEvent.conversation_id == conversation_id)
        if staff:
            query = query.where(or_(AuditEvent.actor_id == staff_id, AuditEvent.subject_staff_id == staff_id))
        if code is not None:
            query = query.where(AuditEvent.code == int(code))
        events = list(await session.scalars(query))
        names = await staff_names(session, [e.actor_id for e in events] + [e.subject_staff_id for e in events])
        record_audit(
            session,
            AuditCode.AUDIT_READ,
            actor_id=viewer.staff.id,
            conversation_id=conversation_id,
            subject_staff_id=staff_id,
            data={"count": len(events)},
        )
        usernames = list(await session.scalars(select(Staff.username).order_by(Staff.username)))
    rows: list[dict[str, Any]] = [
        {
            "id": e.id,
            "at": e.created_at,
            "event": AuditCode(e.code).name if e.code in AuditCode._value2member_map_ else str(e.code),
            "actor": names.get(e.actor_id or 0, "the service") if e.actor_id else "the service",
            "conversation_id": e.conversation_id,
            "subject": names.get(e.subject_staff_id or 0, "") if e.subject_staff_id else "",
            "data": ", ".join(f"{k}={v}" for k, v in sorted((e.data or {}).items())),
        }
        for e in events
    ]
    context = {
        "viewer": viewer,
        "rows": rows,
        "codes": [c.name for c in AuditCode],
        "usernames": usernames,
        "filters": {"conversation": conversation_id or "", "staff": staff or "", "event": code.name if code else ""},
        "page_size": PAGE_SIZE,
    }
    return templates().TemplateResponse(request, "audit.html", context)
