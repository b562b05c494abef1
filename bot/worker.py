"""`liaison worker`: outbox delivery and retention purge outside the web processes."""

from __future__ import annotations

import asyncio
import contextlib
import signal

import structlog

from bot.app import build_senders, close_senders
from bot.outbox import OutboxWorker
from core.logging import configure_logging
from core.retention import do_purge_expired_bodies
from core.services import Services, build_services
from core.settings import Settings
from escalation.watchdog import run_watchdog

log = structlog.get_logger(__name__)
PURGE_EVERY_SECONDS = 3600.0


async def run_purge_once(settings: Settings) -> int:
    services = build_services(settings)
    try:
        return await purge_with(services)
    finally:
        await services.aclose()


async def purge_with(services: Services) -> int:
    async with services.sessionmaker() as session, session.begin():
        return await do_purge_expired_bodies(
            session, now=services.clock.now(), retention_days=services.settings.retention_days
        )


async def purge_periodically(services: Services, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            purged = await purge_with(services)
            if purged:
                log.info("retention_purged", count=purged)
        except Exception:  # a failed purge is retried next hour; delivery must not stop for it
            log.exception("retention_purge_failed")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=PURGE_EVERY_SECONDS)


async def run_worker(settings: Settings) -> None:
    configure_logging(settings.log_level)
    services = build_services(settings)
    await services.bus.start()
    telegram_bot = None
    if settings.telegram_enabled:
        from bot.telegram.client import build_telegram_bot

        telegram_bot = build_telegram_bot(settings)
        with contextlib.suppress(Exception):
            await telegram_bot.initialize()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    senders = build_senders(services, telegram_bot)
    worker = OutboxWorker(services, senders)
    try:
        await asyncio.gather(worker.run(stop), purge_periodically(services, stop), run_watchdog(services, stop))
    finally:
        if telegram_bot is not None:
            await telegram_bot.shutdown()
        await close_senders(senders)
        await services.aclose()
