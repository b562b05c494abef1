"""Every console route, generated from the app's route table: what a caseworker or liaison may not see is a 404
indistinguishable from a missing id."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import select

from core.models import Staff
from tests.supervisor_console.escalation_support import Desk, desk, packet_id_from
from tests.support.console import create_staff, sign_in

MISSING = 999_999
# Pages with no id that only supervisors (or, for the audit, admins) have: to anyone else they do not exist.
SUPERVISOR_ONLY = ("/console/escalations", "/console/partials/pages", "/console/audit")
SHARING = {
    "necessity": "n",
    "proportionality": "p",
    "consent": "given",
    "consent_reason": "asked",
    "lawful_basis": "consent",
}


async def _handed_over(d: Desk, chat_id: int, holder: str, caseworker: str) -> tuple[int, int, int]:
    """A conversation taken by `holder`, escalated at L2 and handed to `caseworker`: (conversation, case, packet)."""
    cid = await d.person_writes("I would like to talk to someone trained", chat_id=chat_id)
    assert (await d.post(holder, f"/console/conversations/{cid}/claim")).status_code == 303
    raised = await d.post(
        holder, f"/console/conversations/{cid}/escalate", level="L2", reason_code="specialist_support"
    )
    assert raised.status_code == 303
    esc = await d.escalation_of(cid)
    assert (await d.post("sup1", f"/console/escalations/{esc.id}/acknowledge")).status_code == 303
    async with d.services.sessionmaker() as session:
        cw_id = await session.scalar(select(Staff.id).where(Staff.username == caseworker))
    response = await d.post(
        "sup1", f"/console/escalations/{esc.id}/handover", caseworker_id=cw_id, summary="Needs support.", **SHARING
    )
    return cid, esc.id, packet_id_from(response)


def _form_for(route: APIRoute, csrf: str) -> dict[str, Any]:
    """Plausible values for every form field, so requests reach the access check rather than stop at validation."""
    form: dict[str, Any] = {"csrf_token": csrf}
    for field in route.dependant.body_params:
        form.setdefault(field.alias, "1")
    return form


def _api_routes(routes: list[Any]) -> list[APIRoute]:
    """The route table, flattened: FastAPI keeps included routers as their own nodes (no prefixes are used here)."""
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            found += _api_routes(route.original_router.routes)
    return found


def _console_routes(app: Any) -> list[APIRoute]:
    return [r for r in _api_routes(app.routes) if r.path.startswith("/console")]


async def _request(client: httpx.AsyncClient, method: str, url: str, form: dict[str, Any]) -> httpx.Response:
    if method == "GET":
        return await client.get(url)
    return await client.request(method, url, data=form)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_forbidden_looks_exactly_like_missing_on_every_route(make_settings):
    settings = make_settings()
    await create_staff(settings, "lia2", role="liaison", display_name="LIA2")
    await create_staff(settings, "cw2", role="caseworker", display_name="CW2")
    async with desk(settings) as d, d.live.client() as lia2, d.live.client() as cw2:
        d.staff["lia2"], d.csrf["lia2"] = lia2, await sign_in(lia2, "lia2")
        d.staff["cw2"], d.csrf["cw2"] = cw2, await sign_in(cw2, "cw2")
        # Someone else's case: lia2 held the conversation, cw2 has the packet.
        other_cid, other_case, other_packet = await _handed_over(d, 6101, "lia2", "cw2")
        # The caseworker's own packet works (so a 404 below is about rights, not a broken page).
        _cid, _case, own_packet = await _handed_over(d, 6102, "lia", "cw")
        assert (await d.get("cw", f"/console/packets/{own_packet}")).status_code == 200
        async with d.services.sessionmaker() as session:
            some_staff = await session.scalar(select(Staff.id).where(Staff.username == "sup2"))
        forbidden = {
            "conversation_id": other_cid,
            "escalation_id": other_case,
            "packet_id": other_packet,
            "staff_id": some_staff,
        }
        # The supervisor reaches every one of these ids, so they exist.
        for url in (f"/console/conversations/{other_cid}", f"/console/escalations/{other_case}",
                    f"/console/packets/{other_packet}"):  # fmt: skip
            assert (await d.get("sup1", url)).status_code == 200, url

        checked = 0
        for route in _console_routes(d.live.app):
            params = re.findall(r"{(\w+)}", route.path)
            for method in sorted(route.methods - {"HEAD"}):
                for who in ("cw", "lia"):
                    client, form = d.staff[who], _form_for(route, d.csrf[who])
                    if not params:
                        if route.path in SUPERVISOR_ONLY:
                            answer = await _request(client, method, route.path, form)
                            assert answer.status_code == 404, (who, method, route.path)
                            checked += 1
                        continue
                    unknown = [p for p in params if p not in forbidden and p != "key"]
                    assert not unknown, f"{route.path}: teach this test an existing-but-forbidden {unknown}"
                    fill_forbidden = {p: forbidden.get(p, "welcome") for p in params}
                    fill_missing = {p: (MISSING if p in forbidden else "welcome") for p in params}
                    denied = await _request(client, method, route.path.format(**fill_forbidden), form)
                    missing = await _request(client, method, route.path.format(**fill_missing), form)
                    label = (who, method, route.path)
                    assert denied.status_code == missing.status_code == 404, (label, denied.status_code, denied.text)
                    assert denied.text == missing.text, label
                    assert denied.headers.get("content-type") == missing.headers.get("content-type"), label
                    checked += 1
        assert checked >= 40, f"only {checked} route checks ran; the route table looks wrong"

        # Nothing the refused requests carried changed anything: the other case is as it was.
        case = await d.get("sup1", f"/console/escalations/{other_case}")
        assert "handed over to a caseworker" in case.text and "<strong>closed</strong>" not in case.text
