"""`liaison rotate-key`: everything stays readable, a second run changes nothing, and the old key can then go."""

from __future__ import annotations

import asyncio
import base64
import os
import secrets
import subprocess
import sys

import pytest
from sqlalchemy import select

from bot.keys import encrypted_columns
from bot.outbox import OutboxWorker
from bot.telegram.client import build_telegram_bot
from bot.telegram.sender import TelegramSender
from content.render import get_catalog
from core.models import Contact, Staff
from core.services import Services, build_services
from core.settings import Settings
from handlers.mydata import export_data
from supervisor_console.totp import decrypt_secret, encrypt_secret
from tests.handlers.person import TelegramPerson, text_of
from tests.support.console import create_staff
from tests.support.live import live_app

TOTP = "JBSWY3DPEHPK3PXP"


def _new_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def _rotate(settings: Settings, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LIAISON_DATABASE_URL": settings.database_url,
        "LIAISON_SECRET_KEY": settings.secret_key.get_secret_value(),  # type: ignore[union-attr]
        "LIAISON_DATA_KEY": settings.data_key.get_secret_value(),  # type: ignore[union-attr]
    }
    return subprocess.run(  # noqa: S603 — our own CLI
        [sys.executable, "-m", "bot", "rotate-key", *extra], env=env, capture_output=True, text=True, timeout=120
    )


async def _key_ids(services: Services) -> set[str]:
    found = set()
    async with services.sessionmaker() as session:
        for table, column in encrypted_columns():
            for (value,) in await session.execute(select(table.c[column]).where(table.c[column].is_not(None))):
                found.add(services.cipher.key_id_of(value))
    return found


async def _everything_readable(services: Services) -> tuple[list[str], str | None]:
    async with services.sessionmaker() as session:
        contact = (await session.scalars(select(Contact))).one()
        data = await export_data(session, services.cipher, contact, "en")
        staff = (await session.scalars(select(Staff))).one()
        totp = decrypt_secret(services.cipher, staff)
    return [m["text"] for c in data["conversations"] for m in c["messages"]], totp


@pytest.mark.parametrize("backend", ["sqlite", "postgres+redis"], indirect=True)
async def test_rotation_keeps_everything_readable_and_lets_the_old_key_go(make_settings, fake_telegram):
    old = make_settings(embedded_worker=False)
    old_key = old.data_key.get_secret_value()  # type: ignore[union-attr]
    new_key = _new_key()
    await create_staff(old, "lena")
    async with live_app(old) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram)
        for text in ("first words", "second words", "third words"):
            await person.say(text)
        async with live.services.sessionmaker() as session, session.begin():
            staff = (await session.scalars(select(Staff))).one()
            staff.totp_secret_enc = encrypt_secret(live.services.cipher, staff.id, TOTP)
        texts_before, _ = await _everything_readable(live.services)
    assert {"first words", "second words", "third words"} <= set(texts_before)

    only_new = make_settings(data_key=f"k2:{new_key}", embedded_worker=False)
    new_only = build_services(only_new)
    try:
        unreadable, no_totp = await _everything_readable(new_only)
        assert set(unreadable) == {None} and no_totp is None, "without rotation, dropping the old key loses all"

        both = make_settings(data_key=f"k2:{new_key},{old_key}")
        first = _rotate(both, "--batch-size", "2")
        assert first.returncode == 0, first.stderr
        assert "messages.body_enc: 4 re-encrypted" in first.stdout  # three messages and the notice
        assert "channel_identities.reply_address_enc: 1 re-encrypted" in first.stdout
        assert "outbox.payload_enc: 1 re-encrypted" in first.stdout and "staff.totp_secret_enc: 1" in first.stdout
        again = _rotate(both)
        assert again.returncode == 0 and "messages.body_enc: 0 re-encrypted" in again.stdout, "a second run: no-op"

        assert await _key_ids(new_only) == {"k2"}
        texts_after, totp = await _everything_readable(new_only)
        assert texts_after == texts_before and totp == TOTP
        bot = build_telegram_bot(only_new)
        async with bot:
            await OutboxWorker(new_only, {"telegram": TelegramSender(bot)}).run_once()
        [notice] = await asyncio.wait_for(person.wait_for_replies(1), timeout=10)
        assert text_of(notice).startswith(get_catalog().render("welcome", "en")), "the reply address still decrypts"
    finally:
        await new_only.aclose()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_value_it_cannot_read_keeps_the_old_key_required(make_settings):
    old = make_settings()
    old_key = old.data_key.get_secret_value()  # type: ignore[union-attr]
    services = build_services(old)
    try:
        await create_staff(old, "mia")
        async with services.sessionmaker() as session, session.begin():
            staff = (await session.scalars(select(Staff))).one()
            staff.totp_secret_enc = services.cipher.encrypt(TOTP, context="sealed-with-an-unknown-context")
    finally:
        await services.aclose()
    result = _rotate(make_settings(data_key=f"k2:{_new_key()},{old_key}"))
    assert result.returncode != 0
    assert "staff.totp_secret_enc: 1 values still use an older key" in result.stderr
