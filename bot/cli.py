"""The `liaison` command: serve, worker, migrate, staff, triage, purge, rotate-key, demo-seed."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from bot.keys import RotationReport
    from core.settings import Settings

app = typer.Typer(
    help="Liaison Desk: a chat helpdesk for information and safeguarding services.",
    no_args_is_help=True,
    add_completion=False,
)
staff_app = typer.Typer(help="Manage staff accounts.", no_args_is_help=True)
app.add_typer(staff_app, name="staff")

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def _settings() -> Settings:
    from pydantic import ValidationError

    from core.settings import SettingsError, load_settings

    try:
        return load_settings()
    except ValidationError as exc:
        _fail("; ".join(str(error["msg"]).removeprefix("Value error, ") for error in exc.errors()))
    except SettingsError as exc:
        _fail(str(exc))


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on (LIAISON_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (LIAISON_PORT).")] = None,
    telegram_polling: Annotated[
        bool, typer.Option("--telegram-polling", help="Use getUpdates instead of a webhook.")
    ] = False,
) -> None:
    """Serve webhooks, the web chat and the console (and, in the embedded mode, deliver replies)."""
    import uvicorn

    from bot.app import create_app

    settings = _settings()
    application = create_app(settings, telegram_polling=telegram_polling)
    typer.echo(
        f"Liaison Desk on http://{host or settings.host}:{port or settings.port}  (console: /console, chat: /chat)"
    )
    uvicorn.run(
        application, host=host or settings.host, port=port or settings.port, log_level="warning", proxy_headers=True
    )


@app.command()
def worker() -> None:
    """Deliver the outbox (for scaled deployments where `serve` runs with LIAISON_EMBEDDED_WORKER=false)."""
    from bot.worker import run_worker

    asyncio.run(run_worker(_settings()))


@app.command()
def migrate() -> None:
    """Bring the database schema up to date."""
    from bot.migrations import upgrade_to_head

    settings = _settings()
    upgrade_to_head(settings.database_url)
    typer.echo("database is up to date")


@staff_app.command("add")
def staff_add(
    role: Annotated[str, typer.Option(help="liaison, supervisor, caseworker or admin")],
    username: Annotated[str, typer.Option(help="Login name (normalised: trimmed, case-insensitive).")],
    display_name: Annotated[str | None, typer.Option(help="Name colleagues see.")] = None,
    languages: Annotated[str, typer.Option(help="Languages the person reads, comma-separated.")] = "en",
) -> None:
    """Add a staff account; the password is read from standard input."""
    from bot.staff import StaffError, add_staff

    password = sys.stdin.readline().rstrip("\n")
    try:
        created = asyncio.run(
            add_staff(
                _settings(),
                role=role,
                username=username,
                password=password,
                display_name=display_name,
                languages=languages.split(","),
            )
        )
    except StaffError as exc:
        _fail(str(exc))
    typer.echo(f"added {created}")


@app.command()
def triage() -> None:
    """Assess JSON lines from stdin ({"text": ..., "lang": ...}); one JSON line per input on stdout."""
    from escalation.triage import assess_lines

    for line in assess_lines(sys.stdin):
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


@app.command()
def purge() -> None:
    """Erase message bodies past the retention period (also done by the worker)."""
    from bot.worker import run_purge_once

    purged = asyncio.run(run_purge_once(_settings()))
    typer.echo(f"purged {purged} message bodies")


@app.command("rotate-key")
def rotate_key(
    batch_size: Annotated[int, typer.Option(min=1, help="Rows per transaction.")] = 500,
) -> None:
    """Re-encrypt every stored value with the first key of LIAISON_DATA_KEY; safe to run again."""
    from bot.keys import rotate_data_key
    from core.services import build_services

    async def run() -> RotationReport:
        services = build_services(_settings())
        try:
            return await rotate_data_key(services, batch_size=batch_size)
        finally:
            await services.aclose()

    report = asyncio.run(run())
    for name, count in report.rotated.items():
        typer.echo(f"{name}: {count} re-encrypted")
    if not report.complete:
        for name, count in report.remaining.items():
            if count:
                typer.echo(f"{name}: {count} values still use an older key", err=True)
        _fail("keep the older keys in LIAISON_DATA_KEY until this reports nothing left")
    typer.echo(f"every value now uses key {report.key_id}; older keys can be removed from LIAISON_DATA_KEY")


@app.command("demo-seed")
def demo_seed() -> None:
    """Create the demo supervisor (one-time password printed once) and a few sample conversations."""
    from bot.demo import seed_demo

    for line in asyncio.run(seed_demo(_settings())):
        typer.echo(line)
