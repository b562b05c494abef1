"""Emergency contacts for a person's area, in their language, from a reviewed data file."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

from content.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, normalise_language

DIRECTORY_FILE: Final = Path(__file__).parent / "directory" / "emergency.toml"
DEFAULT_AREA: Final = "default"
# People say "UK"; ISO 3166 says "GB".
_AREA_ALIASES: Final = {"UK": "GB"}


@dataclass(frozen=True, slots=True)
class EmergencyContact:
    """One number to call, with its name, opening hours and an optional note, already localised."""

    name: str
    phone: str
    hours: str
    note: str | None = None


def _localised(value: Any, lang: str, field: str) -> str:
    if not isinstance(value, dict) or not isinstance(value.get(DEFAULT_LANGUAGE), str):
        raise ValueError(f"emergency directory: {field} needs at least an {DEFAULT_LANGUAGE!r} text")
    text = value.get(lang, value[DEFAULT_LANGUAGE])
    return str(text)


@cache
def _areas() -> dict[str, list[dict[str, Any]]]:
    with DIRECTORY_FILE.open("rb") as handle:
        areas: dict[str, list[dict[str, Any]]] = tomllib.load(handle)["areas"]
    # Fail on first use rather than in front of someone in danger with an empty list.
    if not areas.get(DEFAULT_AREA):
        raise ValueError("emergency directory: the default area must list at least one number")
    return areas


def _contact(entry: dict[str, Any], lang: str) -> EmergencyContact:
    note = entry.get("note")
    return EmergencyContact(
        name=_localised(entry.get("name"), lang, "name"),
        phone=str(entry["phone"]),
        hours=_localised(entry.get("hours"), lang, "hours"),
        note=None if note is None else _localised(note, lang, "note"),
    )


def emergency_contacts(lang: str, area: str | None = None) -> list[EmergencyContact]:
    """Numbers for an area (ISO 3166 code), else the international default set, named in `lang`.

    The language only changes the wording: a number is never hidden because of the language someone writes in.
    """
    code = normalise_language(lang)
    key = (area or "").strip().upper()
    entries = _areas().get(_AREA_ALIASES.get(key, key)) or _areas()[DEFAULT_AREA]
    return [_contact(entry, code) for entry in entries]


def known_areas() -> list[str]:
    """Area codes with their own entries, for the console and tests."""
    return sorted(area for area in _areas() if area != DEFAULT_AREA)


def missing_translations() -> list[str]:
    """Entries lacking a text in some supported language, so reviewers can see what falls back to English."""
    gaps = []
    for area, entries in _areas().items():
        for index, entry in enumerate(entries):
            for field in ("name", "hours", "note"):
                texts = entry.get(field) or {}
                if field == "note" and not texts:
                    continue
                gaps += [f"{area}[{index}].{field}.{lang}" for lang in SUPPORTED_LANGUAGES if lang not in texts]
    return gaps
