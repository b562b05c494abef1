"""The protocol's rules without the console: the state machine, one owner, deadlines, and paging who is on duty."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from core.clock import Clock
from core.models import Escalation, EscalationTransfer, SupervisorPage
from core.services import build_services
from escalation.holding import do_transfer_owner
from escalation.protocol import (
    LEVELS,
    TRANSITIONS,
    ProtocolRefusedError,
    do_acknowledge,
    do_close,
    do_raise,
)
from escalation.watchdog import page_late_escalations
from tests.escalation.protocol_support import person_writes, staff
from tests.support.console import create_staff

SQLITE = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def test_levels_have_deadlines_and_danger_has_minutes():
    assert set(LEVELS) == {"L1", "L2", "L3", "L4"}
    assert LEVELS["L4"].ack_within <= timedelta(minutes=5)
    assert all(LEVELS["L4"].ack_within < spec.ack_within for code, spec in LEVELS.items() if code != "L4")
    # Every path ends in closed, and nothing leaves closed.
    assert TRANSITIONS["closed"] == () and all(
        "closed" in TRANSITIONS[s] for s in TRANSITIONS if s != "raised" and s != "closed"
    )


@SQLITE
async def test_state_machine_owner_transfers_and_refusals(make_settings):
    settings = make_settings()
    for name, role in (("lia", "liaison"), ("sup1", "supervisor"), ("sup2", "supervisor")):
        await create_staff(settings, name, role=role)
    services = build_services(settings)
    try:
        lia, sup1, sup2 = [await staff(services, n) for n in ("lia", "sup1", "sup2")]
        cid = await person_writes(services, "p1", "hello, I need some advice")
        esc_id = await do_raise(
            services=services, staff=lia, conversation_id=cid, level="L1", reason_code="needs_advice"
        )
        with pytest.raises(ProtocolRefusedError, match="already escalated"):
            await do_raise(services=services, staff=lia, conversation_id=cid, level="L2", reason_code="other")
        with pytest.raises(ProtocolRefusedError, match="Only a supervisor"):
            await do_acknowledge(services=services, staff=lia, escalation_id=esc_id)
        with pytest.raises(ProtocolRefusedError, match="cannot become closed"):
            await do_close(services=services, staff=sup1, escalation_id=esc_id, outcome="advice_given")
        await do_acknowledge(services=services, staff=sup1, escalation_id=esc_id)
        with pytest.raises(ProtocolRefusedError, match="cannot become acknowledged"):
            await do_acknowledge(services=services, staff=sup2, escalation_id=esc_id)
        with pytest.raises(ProtocolRefusedError, match="already own"):
            await do_transfer_owner(
                services=services, staff=sup1, escalation_id=esc_id, to_staff_id=sup1.id, reason_code="shift_end"
            )
        with pytest.raises(ProtocolRefusedError, match="active supervisor"):
            await do_transfer_owner(
                services=services, staff=sup1, escalation_id=esc_id, to_staff_id=lia.id, reason_code="shift_end"
            )
        await do_transfer_owner(
            services=services, staff=sup1, escalation_id=esc_id, to_staff_id=sup2.id, reason_code="shift_end"
        )
        await do_close(services=services, staff=sup2, escalation_id=esc_id, outcome="advice_given")
        async with services.sessionmaker() as session:
            esc = await session.get_one(Escalation, esc_id)
            transfers = list(await session.scalars(select(EscalationTransfer).order_by(EscalationTransfer.id)))
        assert (esc.state, esc.owner_id, esc.outcome) == ("closed", sup2.id, "advice_given")
        assert [(t.kind, t.from_staff_id, t.to_staff_id, t.reason_code) for t in transfers] == [
            ("acknowledge", lia.id, sup1.id, "acknowledged"),
            ("transfer", sup1.id, sup2.id, "shift_end"),
        ]
    finally:
        await services.aclose()


@SQLITE
async def test_watchdog_pages_the_next_supervisor_on_duty_in_turn(make_settings):
    settings = make_settings()
    for name, role in (("lia", "liaison"), ("sup1", "supervisor"), ("sup2", "supervisor"), ("sup3", "supervisor")):
        await create_staff(settings, name, role=role)
    clock = Clock()
    services = build_services(settings, clock=clock)
    try:
        lia = await staff(services, "lia")
        async with services.sessionmaker() as session, session.begin():
            away = await session.get_one(type(lia), (await staff(services, "sup3")).id)
            away.away = True  # away is not on duty
        cid = await person_writes(services, "p2", "can a supervisor look at this")
        esc_id = await do_raise(
            services=services, staff=lia, conversation_id=cid, level="L1", reason_code="needs_advice"
        )
        assert await page_late_escalations(services) == 0, "not late yet"
        clock.advance(LEVELS["L1"].ack_within + timedelta(seconds=1))
        assert await page_late_escalations(services) == 1
        assert await page_late_escalations(services) == 0, "not paged again straight away"
        clock.advance(timedelta(minutes=11))
        assert await page_late_escalations(services) == 1
        clock.advance(timedelta(minutes=11))
        assert await page_late_escalations(services) == 1
        async with services.sessionmaker() as session:
            paged = list(await session.scalars(select(SupervisorPage.staff_id).order_by(SupervisorPage.id)))
        sup1, sup2 = (await staff(services, "sup1")).id, (await staff(services, "sup2")).id
        assert paged == [sup1, sup2, sup1], "round the rota, least recently paged first; the away one never"

        sup1_staff = await staff(services, "sup1")
        await do_acknowledge(services=services, staff=sup1_staff, escalation_id=esc_id)
        clock.advance(timedelta(hours=1))
        assert await page_late_escalations(services) == 0, "an acknowledged case pages nobody"
    finally:
        await services.aclose()
