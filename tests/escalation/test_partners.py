"""The partner directory: readiness follows the due-diligence checklist and the review date."""

from __future__ import annotations

from datetime import date

from escalation.partners import BASE_CHECKLIST, PSYCHOSOCIAL_CHECKLIST, load_partners, parse_partner

TODAY = date(2026, 11, 23)


def test_demo_directory_has_ready_incomplete_and_overdue_partners_all_marked_demo():
    partners = load_partners()
    assert all(p.demo and "(demo)" in p.name for p in partners.values())
    assert partners["demo-harbour-counselling"].ready(TODAY)
    assert partners["demo-northside-legal"].problems(TODAY) == ["digital security policy is not confirmed"]
    assert partners["demo-lantern-exit"].problems(TODAY) == ["the checklist was due for review on 2026-05-01"]
    assert partners["demo-lantern-exit"].problem_code(TODAY) == "review_overdue"
    assert partners["demo-northside-legal"].problem_code(TODAY) == "checklist_incomplete"


def test_psychosocial_services_also_need_ethics_and_aftercare():
    confirmed = {"confirmed": True, "by": "A. Reviewer", "on": "2026-10-01"}
    base = {key: confirmed for key, _label in BASE_CHECKLIST}
    raw = {"slug": "x", "name": "X", "psychosocial": True, "checklist": base, "review": {"by": "2027-01-01"}}
    partner = parse_partner(raw)
    assert partner.problems(TODAY) == [f"{label} is not confirmed" for _key, label in PSYCHOSOCIAL_CHECKLIST]
    assert parse_partner({**raw, "psychosocial": False}).ready(TODAY)


def test_confirmation_needs_who_and_when_and_a_review_date():
    raw = {"slug": "y", "name": "Y", "checklist": {key: {"confirmed": True} for key, _ in BASE_CHECKLIST}}
    partner = parse_partner(raw)
    assert "case management protocol has no record of who confirmed it and when" in partner.problems(TODAY)
    assert any("due for review on 1970-01-01" in problem for problem in partner.problems(TODAY))
