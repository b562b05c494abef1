"""Database errors never quote the values of a statement, so they cannot carry personal data into a log."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from bot.migrations import upgrade_to_head
from core.db import make_engine, make_sessionmaker
from core.models import Contact


async def test_integrity_error_hides_parameters(tmp_path: Path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}"

    await asyncio.to_thread(upgrade_to_head, url)
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    now = datetime.now(UTC)
    async with sessions() as session, session.begin():
        session.add(Contact(pseudonym="P-SECRET-VALUE", created_at=now, consent_state="none"))
    with pytest.raises(IntegrityError) as caught:
        async with sessions() as session, session.begin():
            session.add(Contact(pseudonym="P-SECRET-VALUE", created_at=now, consent_state="none"))
    await engine.dispose()
    assert "P-SECRET-VALUE" not in str(caught.value)
