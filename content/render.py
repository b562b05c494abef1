"""Reply templates per language, rendered strictly with a fallback to the default language."""

import hashlib
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Final

import jinja2
import jinja2.meta

from content.languages import DEFAULT_LANGUAGE, LANGUAGE_NAMES, SUPPORTED_LANGUAGES, normalise_language

REPLIES_DIR: Final = Path(__file__).parent / "replies"

# Bump whenever any privacy_notice.txt changes: a stored consent names the version the person agreed to,
# and a new version asks again. tests/content pins the text's fingerprint to this value.
NOTICE_VERSION: Final = "2026-11-1"


def format_when(value: object) -> str:
    """Show a timestamp the same way in every language; missing values read as a dash."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        # SQLite hands back naive datetimes; everything the service stores is UTC.
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def language_name(code: object) -> str:
    """The endonym of a language code, for documents the person reads."""
    return LANGUAGE_NAMES[normalise_language(str(code))]


class ReplyCatalog:
    """Every reply the service can send, looked up by key and language."""

    def __init__(self, root: Path = REPLIES_DIR) -> None:
        self.root = root
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(root),
            undefined=jinja2.StrictUndefined,
            # Chat messages are plain text sent without a markup parse mode, so escaping would only
            # corrupt what people wrote ("&" becoming "&amp;"); nothing here is ever served as HTML.
            autoescape=False,  # noqa: S701
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self._env.filters["when"] = format_when
        self._env.filters["language_name"] = language_name

    def render(self, key: str, lang: str, **variables: object) -> str:
        """Render replies/<lang>/<key>.txt, else the default language's; a missing variable raises."""
        code = normalise_language(lang)
        names = [f"{code}/{key}.txt"]
        if code != DEFAULT_LANGUAGE:
            names.append(f"{DEFAULT_LANGUAGE}/{key}.txt")
        template = self._env.select_template(names)
        lines = template.render(**variables).splitlines()
        return "\n".join(line.rstrip() for line in lines).strip()

    def keys(self) -> list[str]:
        """Every reply key, as defined by the default language."""
        return sorted(path.stem for path in (self.root / DEFAULT_LANGUAGE).glob("*.txt"))

    def variables(self, key: str, lang: str) -> set[str]:
        """The variables the template for this key and exact language expects from its caller."""
        source = self.path(key, lang).read_text(encoding="utf-8")
        return jinja2.meta.find_undeclared_variables(self._env.parse(source))

    def path(self, key: str, lang: str) -> Path:
        """Where the template for this key and exact language lives (it may not exist)."""
        return self.root / lang / f"{key}.txt"


@cache
def get_catalog() -> ReplyCatalog:
    """The shared catalog, built on first use rather than at import time."""
    return ReplyCatalog()


def notice_fingerprint(root: Path = REPLIES_DIR) -> str:
    """A digest of the privacy notice in every language, so a text change without a version bump is caught."""
    digest = hashlib.sha256()
    for lang in sorted(SUPPORTED_LANGUAGES):
        digest.update(lang.encode())
        digest.update((root / lang / "privacy_notice.txt").read_bytes())
    return digest.hexdigest()
