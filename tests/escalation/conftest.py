"""Shared fixture: one Triage for the whole session (building it loads every language once)."""

from __future__ import annotations

import pytest

from escalation.triage import Triage, get_triage


@pytest.fixture(scope="session")
def triage() -> Triage:
    return get_triage()
