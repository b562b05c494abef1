"""Partner services from content/directory/partners/ and their readiness to receive referrals."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Final

PARTNERS_DIR: Final = Path(__file__).resolve().parent.parent / "content" / "directory" / "partners"

# Moonshot's partner due-diligence checklist; psychosocial services add ethics and aftercare.
BASE_CHECKLIST: Final = (
    ("case_management_protocol", "case management protocol"),
    ("risk_escalation_guidelines", "risk escalation guidelines"),
    ("data_security_policy", "data security policy"),
    ("digital_security_policy", "digital security policy"),
    ("me_plan", "monitoring and evaluation plan"),
)
PSYCHOSOCIAL_CHECKLIST: Final = (
    ("code_of_ethics", "code of ethics"),
    ("aftercare_offer", "aftercare or exit offer"),
)


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    confirmed: bool
    by: str
    on: str


@dataclass(frozen=True)
class Partner:
    """A referral service as its file describes it; `problems(today)` says whether it may receive referrals."""

    slug: str
    name: str
    kind: str
    psychosocial: bool
    categories: tuple[str, ...]
    languages: tuple[str, ...]
    areas: tuple[str, ...]
    hours: str
    contact_note: str
    demo: bool
    checklist: tuple[ChecklistItem, ...]
    review_by: date

    def problems(self, today: date) -> list[str]:
        """Why a referral must be refused today; empty when the partner is ready."""
        found = [f"{item.label} is not confirmed" for item in self.checklist if not item.confirmed]
        found += [
            f"{item.label} has no record of who confirmed it and when"
            for item in self.checklist
            if item.confirmed and not (item.by and item.on)
        ]
        if today > self.review_by:
            found.append(f"the checklist was due for review on {self.review_by.isoformat()}")
        return found

    def ready(self, today: date) -> bool:
        return not self.problems(today)

    def problem_code(self, today: date) -> str | None:
        """A short closed-vocabulary reason for the audit trail."""
        if any(not item.confirmed or not (item.by and item.on) for item in self.checklist):
            return "checklist_incomplete"
        if today > self.review_by:
            return "review_overdue"
        return None


def _item(raw: dict[str, Any], key: str, label: str) -> ChecklistItem:
    entry = raw.get(key) or {}
    return ChecklistItem(
        key=key,
        label=label,
        confirmed=bool(entry.get("confirmed", False)),
        by=str(entry.get("by", "")),
        on=str(entry.get("on", "")),
    )


def parse_partner(raw: dict[str, Any]) -> Partner:
    psychosocial = bool(raw.get("psychosocial", False))
    items = BASE_CHECKLIST + (PSYCHOSOCIAL_CHECKLIST if psychosocial else ())
    checklist_raw = raw.get("checklist", {})
    review = raw.get("review", {}).get("by")
    return Partner(
        slug=str(raw["slug"]),
        name=str(raw["name"]),
        kind=str(raw.get("kind", "")),
        psychosocial=psychosocial,
        categories=tuple(raw.get("categories", ())),
        languages=tuple(raw.get("languages", ())),
        areas=tuple(raw.get("areas", ())),
        hours=str(raw.get("hours", "")),
        contact_note=str(raw.get("contact_note", "")),
        demo=bool(raw.get("demo", False)),
        checklist=tuple(_item(checklist_raw, key, label) for key, label in items),
        # A file without a review date is treated as long overdue rather than as forever valid.
        review_by=review if isinstance(review, date) else date.fromisoformat(str(review or "1970-01-01")),
    )


@cache
def load_partners(directory: Path = PARTNERS_DIR) -> dict[str, Partner]:
    partners: dict[str, Partner] = {}
    for path in sorted(directory.glob("*.toml")):
        with path.open("rb") as handle:
            partner = parse_partner(tomllib.load(handle))
        if partner.slug != path.stem:
            raise ValueError(f"partner file {path.name}: slug must equal the file name")
        partners[partner.slug] = partner
    return partners


def get_partner(slug: str) -> Partner | None:
    return load_partners().get(slug)
