"""Settings refuse placeholder or malformed secrets outside the demo, and the demo makes its own."""

from __future__ import annotations

import base64

import pytest

from core.settings import Settings

GOOD_KEY = "k1:" + base64.urlsafe_b64encode(b"\x01" * 32).decode()
GOOD_SECRET = "s" * 40


def test_missing_secrets_are_refused_outside_the_demo(monkeypatch: pytest.MonkeyPatch):
    for name in ("LIAISON_SECRET_KEY", "LIAISON_DATA_KEY", "LIAISON_DEMO"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ValueError, match="SECRET_KEY"):
        Settings()


@pytest.mark.parametrize("placeholder", ["changethis", "secret", "", "  ChangeMe "])
def test_placeholder_secrets_are_refused(placeholder: str):
    with pytest.raises(ValueError):
        Settings(secret_key=placeholder, data_key=GOOD_KEY)


def test_placeholder_webhook_secret_is_refused():
    with pytest.raises(ValueError, match="TELEGRAM_WEBHOOK_SECRET"):
        Settings(secret_key=GOOD_SECRET, data_key=GOOD_KEY, telegram_webhook_secret="changethis")


@pytest.mark.parametrize("bad", ["nokeyid", "k1:not-base64!!", "k1:" + base64.urlsafe_b64encode(b"short").decode()])
def test_malformed_data_keys_fail_at_start_up(bad: str):
    with pytest.raises(ValueError, match="DATA_KEY"):
        Settings(secret_key=GOOD_SECRET, data_key=bad)


def test_environment_prefix_and_secret_types(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LIAISON_SECRET_KEY", GOOD_SECRET)
    monkeypatch.setenv("LIAISON_DATA_KEY", GOOD_KEY)
    monkeypatch.setenv("LIAISON_PORT", "9000")
    settings = Settings()
    assert settings.port == 9000
    assert GOOD_SECRET not in repr(settings), "secrets never show in reprs or logs"


def test_demo_generates_and_keeps_its_secrets(tmp_path):
    path = tmp_path / "demo.json"
    first = Settings(demo=True, demo_secrets_file=path, secret_key=None, data_key=None)
    second = Settings(demo=True, demo_secrets_file=path, secret_key=None, data_key=None)
    assert first.data_keys == second.data_keys, "the demo database stays readable across runs"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
