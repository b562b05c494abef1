"""Typed settings from `LIAISON_*` environment variables that refuse unsafe values outside the demo."""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Self

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Values people paste from examples; a production start with one of them must stop, not run.
PLACEHOLDER_SECRETS = frozenset({"", "changethis", "change-me", "changeme", "secret", "password", "test", "xxx"})
DEFAULT_TELEGRAM_API_URL = "https://api.telegram.org"
DEFAULT_WHATSAPP_API_URL = "https://graph.facebook.com"


class SettingsError(ValueError):
    """A setting is missing or unsafe; the message says which and why."""


class Settings(BaseSettings):
    """Everything the service reads from its environment, validated once at start-up."""

    model_config = SettingsConfigDict(env_prefix="LIAISON_", extra="ignore")

    demo: bool = False
    database_url: str = "sqlite+aiosqlite:///var/liaison.db"
    redis_url: str | None = None
    redis_prefix: str = "liaison"
    secret_key: SecretStr | None = None
    data_key: SecretStr | None = None
    telegram_token: SecretStr | None = None
    telegram_api_url: str = DEFAULT_TELEGRAM_API_URL
    telegram_webhook_secret: SecretStr | None = None
    whatsapp_app_secret: SecretStr | None = None
    whatsapp_verify_token: SecretStr | None = None
    whatsapp_access_token: SecretStr | None = None
    whatsapp_phone_number_id: str | None = None
    whatsapp_api_url: str = DEFAULT_WHATSAPP_API_URL
    public_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    # The worker runs inside `serve` in the embedded mode; a scaled deployment turns it off and runs `liaison worker`.
    embedded_worker: bool = True
    retention_days: int = 30
    # Queue policy (escalation/priority.py): SLA minutes per level, e.g. {"critical": 5, "high": 30, "normal": 1440},
    # and the aging bound no waiting conversation may pass. Unset values keep the documented defaults.
    queue_sla_minutes: dict[str, float] = {}
    queue_aging_bound_minutes: float | None = None
    max_body_bytes: int = 256 * 1024
    outbox_max_attempts: int = 12
    demo_secrets_file: Path = Path("var/demo-secrets.json")
    cookie_secure: bool = True
    # Supervisors, caseworkers and admins always need a second factor; liaisons only when this is on.
    totp_required_for_liaisons: bool = False
    # Failed sign-ins allowed per account and per client address within the window before sign-in pauses.
    login_max_failures_per_account: int = 5
    login_max_failures_per_address: int = 20
    login_window_seconds: int = 900
    log_level: str = "INFO"

    @model_validator(mode="after")
    def _fill_and_refuse_placeholders(self) -> Self:
        if self.demo:
            self._fill_demo_secrets()
        for name in ("secret_key", "data_key"):
            value = getattr(self, name)
            if value is None or value.get_secret_value().strip().lower() in PLACEHOLDER_SECRETS:
                raise SettingsError(f"LIAISON_{name.upper()} must be set to a real secret outside the demo")
        if len(self.secret_key.get_secret_value()) < 32:  # type: ignore[union-attr]
            raise SettingsError("LIAISON_SECRET_KEY must be at least 32 characters")
        for name in ("telegram_webhook_secret", "whatsapp_app_secret", "whatsapp_verify_token"):
            value = getattr(self, name)
            if value is not None and value.get_secret_value().strip().lower() in PLACEHOLDER_SECRETS:
                raise SettingsError(f"LIAISON_{name.upper()} is a placeholder; set a real secret or leave it unset")
        self.data_keys  # noqa: B018 — parse now so a malformed key fails at start-up, not at the first message
        return self

    def _fill_demo_secrets(self) -> None:
        """In the demo, keep generated secrets in a local file so the SQLite data stays readable across runs."""
        path = self.demo_secrets_file
        stored: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
        changed = False
        makers: dict[str, Callable[[], str]] = {"secret_key": _new_secret_key, "data_key": _new_data_key}
        for name, make in makers.items():
            if getattr(self, name) is None:
                if name not in stored:
                    stored[name] = make()
                    changed = True
                object.__setattr__(self, name, SecretStr(stored[name]))
        if changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(stored))
            path.chmod(0o600)

    @cached_property
    def data_keys(self) -> dict[str, bytes]:
        """`LIAISON_DATA_KEY` as `id:base64key[,id:base64key…]`; the first is current, the rest still decrypt."""
        assert self.data_key is not None
        keys: dict[str, bytes] = {}
        for part in self.data_key.get_secret_value().split(","):
            key_id, sep, encoded = part.strip().partition(":")
            if not sep or not key_id:
                raise SettingsError("LIAISON_DATA_KEY must look like 'k1:<base64 of 32 bytes>[,k0:<…>]'")
            try:
                raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
            except ValueError as exc:
                raise SettingsError(f"LIAISON_DATA_KEY key '{key_id}' is not base64") from exc
            if len(raw) != 32:
                raise SettingsError(f"LIAISON_DATA_KEY key '{key_id}' must be 32 bytes (AES-256)")
            keys[key_id] = raw
        return keys

    @property
    def current_key_id(self) -> str:
        return next(iter(self.data_keys))

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def telegram_enabled(self) -> bool:
        return self.telegram_token is not None


def _new_secret_key() -> str:
    return secrets.token_urlsafe(48)


def _new_data_key() -> str:
    return "k1:" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment; keyword overrides win (used by tests and the CLI)."""
    return Settings(**overrides)  # type: ignore[arg-type]
