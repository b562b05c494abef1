"""The console's Jinja2 environment: autoescaped, strict, with a few display filters."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from core.clock import utcnow

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
HTMX_FILE = "vendor/htmx-2.0.11.min.js"


def _waited(since: datetime | None) -> str:
    if since is None:
        return "—"
    seconds = max(0, int((utcnow() - since).total_seconds()))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60} min"
    return f"{seconds // 86400} d"


def _clock(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "—"


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    # Autoescape everywhere: every byte a member of the public wrote reaches a page only as text.
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=StrictUndefined)
    env.filters["waited"] = _waited
    env.filters["clock"] = _clock
    env.globals["htmx_file"] = HTMX_FILE
    return Jinja2Templates(env=env)
