"""The languages the service speaks, their names in the picker, and their writing direction."""

from typing import Final

SUPPORTED_LANGUAGES: Final[tuple[str, ...]] = ("en", "ar", "uk", "ru", "fa", "fr", "es")
DEFAULT_LANGUAGE: Final = "en"
RTL_LANGUAGES: Final[frozenset[str]] = frozenset({"ar", "fa"})

# Endonyms: a person looking for their language recognises it in its own script.
LANGUAGE_NAMES: Final[dict[str, str]] = {
    "en": "English",
    "ar": "العربية",
    "uk": "Українська",
    "ru": "Русский",
    "fa": "فارسی / دری",
    "fr": "Français",
    "es": "Español",
}

# Three-letter codes and common slips seen in client settings; Dari ("prs") is served by the Persian content.
_ALIASES: Final[dict[str, str]] = {
    "eng": "en",
    "ara": "ar",
    "ukr": "uk",
    "ua": "uk",
    "rus": "ru",
    "fas": "fa",
    "per": "fa",
    "pes": "fa",
    "prs": "fa",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
}


def normalise_language(code: str | None) -> str:
    """Map a client language tag ("en-GB", "fa_AF", "prs") to a supported code, else the default."""
    if not code:
        return DEFAULT_LANGUAGE
    primary = code.strip().replace("_", "-").split("-", 1)[0].casefold()
    primary = _ALIASES.get(primary, primary)
    return primary if primary in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def text_direction(lang: str) -> str:
    """Return "rtl" or "ltr" for a language tag, after normalisation."""
    return "rtl" if normalise_language(lang) in RTL_LANGUAGES else "ltr"
