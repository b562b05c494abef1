"""What a person writes, and how to reach them, never reaches a log line at any level."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import subprocess
import sys

import httpx
import pytest

from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import load_update
from tests.handlers.person import HEADERS, TelegramPerson
from tests.support.live import free_port, live_app

CHAT_ID = 7290011873


async def _whole_story(person: TelegramPerson) -> None:
    """Every path a person's words take: notice, consent, urgent triage, commands, export, stop, erasure."""
    canary = person.canary  # type: ignore[attr-defined]
    steps = [
        f"Hello {canary}, I need a lawyer",
        "consent:yes",
        f"I want to kill myself tonight {canary}",
        "/mydata",
        "/stop",
        f"Back again {canary}",
        "/forget",
        "cmd:forget:confirm",
    ]
    for step in steps:
        await (person.tap(step) if step in ("consent:yes", "cmd:forget:confirm") else person.say(step))
        await person.settle()
    [export] = [r for r in person.received() if "document" in r]
    assert canary in export["document"].content.decode(), "the canary did travel through the whole service"


@pytest.mark.parametrize("backend", ["sqlite", "postgres+redis"], indirect=True)
async def test_a_canary_never_appears_in_captured_logs(make_settings, fake_telegram, caplog):
    caplog.set_level(logging.DEBUG)
    canary = f"CANARY-{secrets.token_hex(8)}"
    async with live_app(make_settings(log_level="DEBUG")) as live, live.client() as client:
        person = TelegramPerson(client, fake_telegram, chat_id=CHAT_ID)
        person.canary = canary  # type: ignore[attr-defined]
        await _whole_story(person)
        duplicate = load_update("text_message", chat_id=CHAT_ID, text=canary)
        for _ in range(2):  # a re-delivery is logged; it must not carry the text either
            await client.post("/webhooks/telegram", json=duplicate, headers=HEADERS)
        await asyncio.sleep(0.2)  # let the worker log whatever it logs after the last delivery
    captured = caplog.text + "".join(repr(record.__dict__) for record in caplog.records)
    # The capture is proven by a line the story always logs, not by whichever library happens to log at DEBUG.
    assert "inbound_duplicate" in caplog.text, "logging was captured at all"
    assert canary not in captured
    assert str(CHAT_ID) not in captured


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_canary_never_reaches_the_output_of_liaison_serve(make_settings, fake_telegram):
    settings = make_settings()
    canary = f"CANARY-{secrets.token_hex(8)}"
    port = free_port()
    env = {
        **os.environ,
        "LIAISON_DATABASE_URL": settings.database_url,
        "LIAISON_SECRET_KEY": settings.secret_key.get_secret_value(),  # type: ignore[union-attr]
        "LIAISON_DATA_KEY": settings.data_key.get_secret_value(),  # type: ignore[union-attr]
        "LIAISON_TELEGRAM_TOKEN": fake_telegram.token,
        "LIAISON_TELEGRAM_API_URL": fake_telegram.api_url,
        "LIAISON_TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "LIAISON_LOG_LEVEL": "DEBUG",
        "PTB_TIMEDELTA": "1",
    }
    process = subprocess.Popen(  # noqa: S603 — our own CLI
        [sys.executable, "-m", "bot", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            for _ in range(600):
                try:
                    if (await client.get("/healthz")).status_code == 200:
                        break
                except httpx.TransportError:
                    await asyncio.sleep(0.05)
            person = TelegramPerson(client, fake_telegram, chat_id=CHAT_ID)
            person.canary = canary  # type: ignore[attr-defined]
            await _whole_story(person)
            duplicate = load_update("text_message", chat_id=CHAT_ID, text=canary)
            for _ in range(2):  # a re-delivery is logged; it must not carry the text either
                await client.post("/webhooks/telegram", json=duplicate, headers=HEADERS)
    finally:
        process.terminate()
        out, err = process.communicate(timeout=20)
    output = (out + err).decode(errors="replace")
    assert "inbound_duplicate" in output, "the process logged at all"
    assert canary not in output
    assert str(CHAT_ID) not in output
