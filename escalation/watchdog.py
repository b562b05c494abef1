"""Paging supervisors on duty, and the SLA watchdog that pages the next one when an acknowledgement is late."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Final

import structlog
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.audit import AuditCode, record_audit
from core.events import Event
from core.models import Escalation, Staff, SupervisorPage
from core.services import Services

log = structlog.get_logger(__name__)

WATCHDOG_EVERY_SECONDS: Final = 15.0
# How long a late escalation waits between pages: danger is paged again quickly, the rest less often.
REPAGE_AFTER: Final = {
    "L4": timedelta(minutes=2),
    "L1": timedelta(minutes=10),
    "L2": timedelta(minutes=15),
    "L3": timedelta(minutes=30),
}


async def supervisors_on_duty(session: AsyncSession) -> list[Staff]:
    """On duty = an active supervisor not marked away, least recently paged first (never paged first of all)."""
    last_paged = (
        select(SupervisorPage.staff_id, func.max(SupervisorPage.created_at).label("last"))
        .group_by(SupervisorPage.staff_id)
        .subquery()
    )
    rows = await session.execute(
        select(Staff)
        .outerjoin(last_paged, last_paged.c.staff_id == Staff.id)
        .where(Staff.role == "supervisor", Staff.active.is_(True), Staff.away.is_(False))
        .order_by(last_paged.c.last.asc().nulls_first(), Staff.id)
    )
    return list(rows.scalars())


def page(
    session: AsyncSession, escalation: Escalation, supervisors: Sequence[Staff], *, reason_code: str, now: datetime
) -> list[Event]:
    """Page each supervisor in the console: a row they see as a banner, an audit row, a live event."""
    for supervisor in supervisors:
        session.add(
            SupervisorPage(
                escalation_id=escalation.id,
                conversation_id=escalation.conversation_id,
                staff_id=supervisor.id,
                level=escalation.level,
                reason_code=reason_code,
                created_at=now,
            )
        )
        record_audit(
            session,
            AuditCode.SUPERVISOR_PAGED,
            conversation_id=escalation.conversation_id,
            subject_staff_id=supervisor.id,
            data={"escalation_id": escalation.id, "level": escalation.level, "reason_code": reason_code},
        )
    if supervisors:
        escalation.last_paged_at = now
    return [{"type": "supervisor.paged", "conversation_id": escalation.conversation_id, "level": escalation.level}]


async def page_all_on_duty(
    session: AsyncSession, escalation: Escalation, *, reason_code: str, now: datetime
) -> list[Event]:
    return page(session, escalation, await supervisors_on_duty(session), reason_code=reason_code, now=now)


async def _already_paged(session: AsyncSession, escalation_id: int) -> set[int]:
    rows = await session.scalars(select(SupervisorPage.staff_id).where(SupervisorPage.escalation_id == escalation_id))
    return set(rows)


async def page_late_escalations(services: Services) -> int:
    """One sweep: every escalation still waiting for an acknowledgement past its deadline pages someone."""
    now = services.clock.now()
    events: list[Event] = []
    paged = 0
    async with services.sessionmaker() as session, session.begin():
        query = select(Escalation).where(Escalation.state == "raised", Escalation.sla_due_at < now)
        if session.get_bind().dialect.name == "postgresql":
            # Several workers may run the watchdog; each late escalation is paged by one of them.
            query = query.with_for_update(skip_locked=True)
        late = list(await session.scalars(query))
        for escalation in late:
            if escalation.last_paged_at is not None and now - escalation.last_paged_at < REPAGE_AFTER[escalation.level]:
                continue
            on_duty = await supervisors_on_duty(session)
            if escalation.level == "L4":
                chosen = on_duty
            else:
                # Round the rota: the least recently paged supervisor not yet paged for this case, else restart.
                seen = await _already_paged(session, escalation.id)
                fresh = [s for s in on_duty if s.id not in seen]
                chosen = (fresh or on_duty)[:1]
            if not chosen:
                log.warning("escalation_late_nobody_on_duty", escalation_id=escalation.id)
                continue
            events += page(session, escalation, chosen, reason_code="late", now=now)
            paged += len(chosen)
    for event in events:
        await services.bus.publish(event)
    return paged


async def run_watchdog(services: Services, stop: asyncio.Event, *, every: float = WATCHDOG_EVERY_SECONDS) -> None:
    """Sweep until `stop` is set; a failed sweep is logged and retried, never fatal to its process."""
    while not stop.is_set():
        try:
            count = await page_late_escalations(services)
            if count:
                log.info("escalation_pages_sent", count=count)
        except Exception:  # the database blinked: try again next sweep, keep delivery running
            log.exception("escalation_watchdog_failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=every)
