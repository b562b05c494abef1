"""Canned replies for the console composer: reviewed texts per language, with variables filled in and checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

import jinja2
import jinja2.meta
from jinja2.sandbox import SandboxedEnvironment

from content.languages import DEFAULT_LANGUAGE, normalise_language

CANNED_DIR: Final = Path(__file__).parent
# The variables the console can fill in; a reply may use any of them and nothing else.
KNOWN_VARIABLES: Final = frozenset({"pseudonym", "liaison_name", "case_owner_name"})
_TITLE = re.compile(r"^\{#\s*title:\s*(.+?)\s*#\}\s*$", re.MULTILINE)
_KEY = re.compile(r"^[a-z][a-z0-9_]{0,40}$")


@dataclass(frozen=True)
class CannedReply:
    key: str
    language: str
    title: str


@dataclass(frozen=True)
class RenderedReply:
    key: str
    language: str
    title: str
    text: str
    warnings: tuple[str, ...]


class CannedLibrary:
    """content/canned/<lang>/<key>.txt; a language without its own version of a key uses the default's."""

    def __init__(self, root: Path = CANNED_DIR) -> None:
        self.root = root
        # Plain text for a chat message (never served as HTML; the console shows it with textContent).
        # Sandboxed: a template can read the variables it is given and nothing else.
        self._env = SandboxedEnvironment(
            loader=jinja2.FileSystemLoader(root),
            autoescape=False,
            undefined=jinja2.Undefined,  # an empty variable renders empty, and is reported as a warning instead
            trim_blocks=True,
            keep_trailing_newline=False,
        )

    def all_keys(self) -> list[str]:
        return sorted(path.stem for path in (self.root / DEFAULT_LANGUAGE).glob("*.txt"))

    def _path(self, key: str, language: str) -> tuple[Path, str]:
        code = normalise_language(language)
        own = self.root / code / f"{key}.txt"
        return (own, code) if own.exists() else (self.root / DEFAULT_LANGUAGE / f"{key}.txt", DEFAULT_LANGUAGE)

    def listing(self, language: str | None) -> list[CannedReply]:
        replies = []
        for key in self.all_keys():
            path, code = self._path(key, language or DEFAULT_LANGUAGE)
            replies.append(CannedReply(key=key, language=code, title=_title(path.read_text(encoding="utf-8"), key)))
        return replies

    def render(self, key: str, language: str | None, variables: dict[str, str | None]) -> RenderedReply | None:
        """The reply in the conversation's language, or None for an unknown key."""
        if not _KEY.match(key) or key not in self.all_keys():
            return None
        path, code = self._path(key, language or DEFAULT_LANGUAGE)
        source = path.read_text(encoding="utf-8")
        used = jinja2.meta.find_undeclared_variables(self._env.parse(source))
        warnings = []
        for name in sorted(used):
            if name not in KNOWN_VARIABLES:
                warnings.append(f"{{{{ {name} }}}} is not a variable the console knows; it would be empty.")
            elif not (variables.get(name) or "").strip():
                warnings.append(f"{{{{ {name} }}}} would be empty here; fill it in before sending.")
        template = self._env.get_template(f"{code}/{key}.txt")
        values = {name: (variables.get(name) or "") for name in KNOWN_VARIABLES}
        text = "\n".join(line.rstrip() for line in template.render(**values).splitlines()).strip()
        return RenderedReply(key=key, language=code, title=_title(source, key), text=text, warnings=tuple(warnings))


def _title(source: str, key: str) -> str:
    match = _TITLE.search(source)
    return match.group(1) if match else key.replace("_", " ")


@cache
def get_canned() -> CannedLibrary:
    return CannedLibrary()
