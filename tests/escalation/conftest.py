"""Shared fixtures: one Triage for the whole session (building it loads every language once), and the
Ukrainian lexicon read alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from escalation.lexicon import load_language, load_manifest
from escalation.lexmatch import LanguageMatcher
from escalation.normalize import normalize
from escalation.triage import Triage, get_triage


@pytest.fixture(scope="session")
def triage() -> Triage:
    return get_triage()


@pytest.fixture(scope="session")
def uk_concepts() -> Callable[[str], set[str]]:
    """The concepts the Ukrainian lexicon alone finds in a text: Cyrillic is read by the Russian one too, so
    this shows the evidence is Ukrainian (a test using it fails without the uk tables, whatever ru.toml holds)."""
    manifest = load_manifest()
    matcher = LanguageMatcher(load_language("uk", manifest), manifest)
    return lambda text: {hit.concept for hit in matcher.hits(normalize(text))[0]}
