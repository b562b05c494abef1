"""Read models for the escalation pages: decrypted, shaped for templates, reached only after an access check."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.crypto import DecryptionError
from core.models import (
    BreakApproval,
    Contact,
    Conversation,
    Escalation,
    EscalationTransfer,
    HandoverPacket,
    Message,
    Referral,
    SharingRecord,
    Staff,
    SupervisorPage,
)
from core.models.escalation import OPEN_STATES
from core.outbox import read_body
from core.services import Services
from escalation.packets import CONTACT_ROUTES, LAWFUL_BASES
from escalation.partners import load_partners
from escalation.protocol import LEVELS, OUTCOMES, RAISE_REASONS, TRANSFER_REASONS, unseal
from escalation.referrals import BREAK_BASES

STATE_LABELS = {
    "raised": "raised — waiting for a supervisor",
    "acknowledged": "acknowledged",
    "in_progress": "in progress",
    "handed_over": "handed over to a caseworker",
    "referred": "referred to a partner",
    "closed": "closed",
}


async def staff_names(session: AsyncSession, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await session.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(wanted)))
    return {row[0]: row[1] for row in rows}


def _safe(services: Services, conversation_id: int, token: bytes | None) -> str:
    try:
        return unseal(services.cipher, conversation_id, token)
    except DecryptionError:
        return "[unreadable: key not available]"


async def escalation_rows(session: AsyncSession, services: Services, *, open_only: bool) -> list[dict[str, Any]]:
    query = (
        select(Escalation, Conversation, Contact)
        .join(Conversation, Conversation.id == Escalation.conversation_id)
        .join(Contact, Contact.id == Conversation.contact_id)
    )
    if open_only:
        query = query.where(Escalation.state.in_(OPEN_STATES)).order_by(Escalation.level.desc(), Escalation.sla_due_at)
    else:
        query = query.where(Escalation.state == "closed").order_by(Escalation.closed_at.desc()).limit(30)
    rows = (await session.execute(query)).all()
    names = await staff_names(session, [r[0].owner_id for r in rows])
    now = services.clock.now()
    return [
        {
            "id": esc.id,
            "level": esc.level,
            "level_label": LEVELS[esc.level].label,
            "state": esc.state,
            "state_label": STATE_LABELS[esc.state],
            "pseudonym": contact.pseudonym,
            "conversation_id": conv.id,
            "owner": names.get(esc.owner_id or 0, "nobody yet"),
            "sla_due_at": esc.sla_due_at,
            "late": esc.state == "raised" and esc.sla_due_at < now,
            "outcome": OUTCOMES.get(esc.outcome or "", ""),
            "categories": list(esc.categories or []),
        }
        for esc, conv, contact in rows
    ]


async def my_pages(session: AsyncSession, staff: Staff) -> list[dict[str, Any]]:
    rows = (
        await session.execute(
            select(SupervisorPage, Contact.pseudonym)
            .join(Conversation, Conversation.id == SupervisorPage.conversation_id)
            .join(Contact, Contact.id == Conversation.contact_id)
            .where(SupervisorPage.staff_id == staff.id, SupervisorPage.seen_at.is_(None))
            .order_by(SupervisorPage.id.desc())
            .limit(20)
        )
    ).all()
    return [
        {
            "escalation_id": page.escalation_id,
            "level": page.level,
            "late": page.reason_code == "late",
            "pseudonym": pseudonym,
            "created_at": page.created_at,
        }
        for page, pseudonym in rows
    ]


async def selectable_messages(
    session: AsyncSession, services: Services, conversation: Conversation, selected: Iterable[int]
) -> list[dict[str, Any]]:
    """The person's and the service's messages, for choosing what goes into a packet (the liaison's selection)."""
    chosen = set(selected)
    rows = await session.scalars(
        select(Message)
        .where(
            Message.conversation_id == conversation.id,
            # The person's words and staff replies; automatic notices (welcome, numbers) add nothing to a packet.
            (Message.direction == "in") | ((Message.direction == "out") & Message.author_id.is_not(None)),
        )
        .order_by(Message.id.desc())
        .limit(60)
    )
    shown = []
    for message in reversed(list(rows)):
        text = "[erased]" if message.body_enc is None else (read_body(services.cipher, message) or "[unreadable]")
        shown.append(
            {
                "id": message.id,
                "who": "Person" if message.direction == "in" else "Service",
                "created_at": message.created_at,
                "text": text if len(text) <= 280 else text[:279] + "…",
                "checked": message.id in chosen,
            }
        )
    return shown


async def _staff_choices(session: AsyncSession, roles: tuple[str, ...]) -> list[dict[str, Any]]:
    rows = await session.scalars(
        select(Staff).where(Staff.role.in_(roles), Staff.active.is_(True)).order_by(Staff.display_name)
    )
    return [{"id": s.id, "name": s.display_name, "role": s.role, "away": s.away} for s in rows]


def partner_choices(today: Any) -> list[dict[str, Any]]:
    return [
        {
            "slug": p.slug,
            "name": p.name,
            "kind": p.kind,
            "demo": p.demo,
            "languages": ", ".join(p.languages),
            "areas": ", ".join(p.areas),
            "categories": ", ".join(p.categories),
            "hours": p.hours,
            "review_by": p.review_by,
            "problems": p.problems(today),
        }
        for p in load_partners().values()
    ]


async def escalation_detail(
    session: AsyncSession, services: Services, viewer: Staff, escalation: Escalation
) -> dict[str, Any]:
    conversation = await session.get_one(Conversation, escalation.conversation_id)
    contact = await session.get_one(Contact, conversation.contact_id)
    cid = conversation.id
    transfers = list(
        await session.scalars(
            select(EscalationTransfer)
            .where(EscalationTransfer.escalation_id == escalation.id)
            .order_by(EscalationTransfer.id)
        )
    )
    records = list(
        await session.scalars(
            select(SharingRecord).where(SharingRecord.escalation_id == escalation.id).order_by(SharingRecord.id)
        )
    )
    packets = list(
        await session.scalars(
            select(HandoverPacket).where(HandoverPacket.escalation_id == escalation.id).order_by(HandoverPacket.id)
        )
    )
    referrals = list(await session.scalars(select(Referral).where(Referral.escalation_id == escalation.id)))
    approvals = list(
        await session.scalars(
            select(BreakApproval).where(BreakApproval.escalation_id == escalation.id).order_by(BreakApproval.id)
        )
    )
    ids: list[int | None] = [escalation.owner_id, escalation.raised_by_id, escalation.caseworker_id]
    ids += [escalation.returned_to_id, conversation.assignee_id]
    ids += [t.from_staff_id for t in transfers] + [t.to_staff_id for t in transfers]
    ids += [t.by_staff_id for t in transfers] + [r.recorded_by_id for r in records]
    ids += [a.supervisor_id for a in approvals] + [p.caseworker_id for p in packets]
    names = await staff_names(session, ids)

    def name(staff_id: int | None, empty: str = "—") -> str:
        return names.get(staff_id, "former staff") if staff_id is not None else empty

    now: datetime = services.clock.now()
    supervisor = viewer.role == "supervisor"
    state = escalation.state
    open_case = state != "closed"
    working = state in ("acknowledged", "in_progress")
    detail: dict[str, Any] = {
        "id": escalation.id,
        "level": escalation.level,
        "level_label": LEVELS[escalation.level].label,
        "state": state,
        "state_label": STATE_LABELS[state],
        "reason_label": RAISE_REASONS.get(escalation.reason_code, escalation.reason_code),
        "reason": _safe(services, cid, escalation.reason_enc),
        "summary": _safe(services, cid, escalation.summary_enc),
        "raised_by": "triage (critical message)" if escalation.raised_by_triage else name(escalation.raised_by_id),
        "owner": name(escalation.owner_id, "nobody yet — waiting for a supervisor"),
        "caseworker": name(escalation.caseworker_id, ""),
        "holder": name(conversation.assignee_id, "nobody (relay only)"),
        "returned_to": name(escalation.returned_to_id, ""),
        "created_at": escalation.created_at,
        "sla_due_at": escalation.sla_due_at,
        "late": state == "raised" and escalation.sla_due_at < now,
        "acknowledged_at": escalation.acknowledged_at,
        "outcome": OUTCOMES.get(escalation.outcome or "", ""),
        "break_recorded_at": escalation.break_recorded_at,
        "conversation_id": cid,
        "pseudonym": contact.pseudonym,
        "language": conversation.language or contact.language or "—",
        "area": contact.area or "—",
        "categories": list(escalation.categories or []),
        "transfers": [
            {
                "kind": t.kind,
                "from": name(t.from_staff_id),
                "to": name(t.to_staff_id),
                "by": name(t.by_staff_id),
                "reason": TRANSFER_REASONS.get(t.reason_code, t.reason_code.replace("_", " ")),
                "at": t.created_at,
            }
            for t in transfers
        ],
        "records": [
            {
                "recipient": r.recipient,
                "necessity": _safe(services, cid, r.necessity_enc),
                "proportionality": _safe(services, cid, r.proportionality_enc),
                "consent": r.consent.replace("_", " "),
                "consent_reason": _safe(services, cid, r.consent_reason_enc),
                "lawful_basis": LAWFUL_BASES.get(r.lawful_basis, r.lawful_basis),
                "by": name(r.recorded_by_id),
                "at": r.created_at,
            }
            for r in records
        ],
        "packets": [
            {
                "id": p.id,
                "recipient": p.recipient,
                "to": name(p.caseworker_id) if p.caseworker_id else p.partner_slug,
                "at": p.created_at,
            }
            for p in packets
        ],
        "referrals": [
            {
                "partner": r.partner_slug,
                "basis": r.basis,
                "packet_id": r.packet_id,
                "at": r.created_at,
                "review_by": r.partner_review_by,
            }
            for r in referrals
        ],
        "approvals": [
            {
                "by": name(a.supervisor_id),
                "lawful_basis": LAWFUL_BASES.get(a.lawful_basis, a.lawful_basis),
                "reason": _safe(services, cid, a.reason_enc),
                "at": a.created_at,
            }
            for a in approvals
        ],
        "can_ack": supervisor and state == "raised",
        "can_takeover": supervisor
        and state in ("raised", "acknowledged", "in_progress")
        and conversation.status not in ("stopped", "closed")
        and conversation.assignee_id != viewer.id,
        "can_return": supervisor
        and working
        and escalation.returned_to_id is not None
        and conversation.assignee_id != escalation.returned_to_id,
        "can_reassign": supervisor and working,
        "can_transfer": supervisor and state in ("acknowledged", "in_progress", "referred"),
        "can_close": supervisor and open_case and state != "raised",
        "can_handover": supervisor and working and escalation.level == "L2",
        "can_refer": supervisor and working and escalation.level == "L3",
        "can_approve_break": supervisor and open_case and viewer.id not in {a.supervisor_id for a in approvals},
        "can_reveal": supervisor and escalation.break_recorded_at is not None,
    }
    if supervisor:
        detail["outcomes"] = OUTCOMES
        detail["transfer_reasons"] = TRANSFER_REASONS
        detail["lawful_bases"] = LAWFUL_BASES
        detail["break_bases"] = BREAK_BASES
        detail["contact_routes"] = CONTACT_ROUTES
        detail["supervisors"] = [s for s in await _staff_choices(session, ("supervisor",)) if s["id"] != viewer.id]
        detail["holders"] = await _staff_choices(session, ("liaison", "supervisor"))
        detail["caseworkers"] = await _staff_choices(session, ("caseworker",)) if detail["can_handover"] else []
        detail["partners"] = partner_choices(now.date()) if detail["can_refer"] else []
        needs_selection = detail["can_handover"] or detail["can_refer"]
        detail["messages"] = (
            await selectable_messages(session, services, conversation, escalation.selected_message_ids)
            if needs_selection
            else []
        )
    return detail
