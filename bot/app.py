"""The ASGI app factory: builds every long-lived object at start-up, none at import time."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping
from typing import Any

import structlog
from fastapi import FastAPI

from bot.headers import SecurityHeadersMiddleware
from bot.health import router as health_router
from bot.outbox import OutboxWorker
from bot.telegram.webhook import router as telegram_router
from bot.webchat.routes import router as webchat_router
from bot.webchat.routes import static_files as webchat_static
from bot.webchat.sender import WebChatSender
from bot.whatsapp.webhook import router as whatsapp_router
from core.channels import ChannelSender
from core.clock import Clock
from core.logging import configure_logging
from core.services import Services, build_services
from core.settings import Settings, load_settings
from escalation.name_finder import warm as warm_name_finder
from escalation.triage import get_triage
from supervisor_console.app import mount_console

log = structlog.get_logger(__name__)


def build_senders(services: Services, telegram_bot: Any | None) -> dict[str, ChannelSender]:
    senders: dict[str, ChannelSender] = {"webchat": WebChatSender()}
    if telegram_bot is not None:
        from bot.telegram.sender import TelegramSender

        senders["telegram"] = TelegramSender(telegram_bot)
    if services.settings.whatsapp_access_token is not None and services.settings.whatsapp_phone_number_id:
        from bot.whatsapp.sender import build_whatsapp_sender

        senders["whatsapp"] = build_whatsapp_sender(services.settings)
    return senders


async def close_senders(senders: Mapping[str, ChannelSender]) -> None:
    """Senders that hold connections (WhatsApp's HTTP client) close them; the others have nothing to close."""
    for sender in senders.values():
        close = getattr(sender, "aclose", None)
        if close is not None:
            await close()


def create_app(
    settings: Settings | None = None, *, clock: Clock | None = None, telegram_polling: bool = False
) -> FastAPI:
    settings = settings or load_settings()
    configure_logging(settings.log_level)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services = build_services(settings, clock=clock)
        app.state.services = services
        # Load the triage lexicons and the name tables of the note pseudonymiser before accepting traffic, off the
        # event loop: built lazily, they would stall every request for seconds the first time they are needed.
        await asyncio.gather(asyncio.to_thread(get_triage), asyncio.to_thread(warm_name_finder))
        await attach_queue_index(services)
        await services.bus.start()
        telegram_bot = await _start_telegram(settings)
        app.state.telegram_bot = telegram_bot
        app.state.senders = build_senders(services, telegram_bot)
        stop = asyncio.Event()
        tasks: list[asyncio.Task[None]] = []
        if settings.embedded_worker:
            worker = OutboxWorker(services, app.state.senders)
            tasks.append(asyncio.create_task(worker.run(stop), name="outbox-worker"))
            from escalation.watchdog import run_watchdog

            tasks.append(asyncio.create_task(run_watchdog(services, stop), name="escalation-watchdog"))
        if telegram_polling and telegram_bot is not None:
            from bot.telegram.polling import poll_updates

            tasks.append(asyncio.create_task(poll_updates(app.state, stop), name="telegram-polling"))
        try:
            yield
        finally:
            stop.set()
            services.outbox_wakeup.set()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            if telegram_bot is not None:
                await telegram_bot.shutdown()
            await close_senders(app.state.senders)
            await services.aclose()

    app = FastAPI(title="Liaison Desk", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(SecurityHeadersMiddleware)
    app.include_router(health_router)
    app.include_router(telegram_router)
    app.include_router(whatsapp_router)
    app.include_router(webchat_router)
    app.mount("/chat/static", webchat_static, name="chat-static")
    mount_console(app)
    return app


async def attach_queue_index(services: Services) -> None:
    """With Redis, claim-next is served by a sorted-set index rebuilt from the database (the truth) at start-up."""
    if services.redis is None:
        return
    from escalation.queue import policy_from_settings, rebuild_index
    from escalation.queue_index import RedisQueueIndex

    # The hash tag keeps every queue key in one Redis Cluster slot, as the index's Lua scripts need.
    settings = services.settings
    policy = policy_from_settings(settings.queue_sla_minutes, settings.queue_aging_bound_minutes)
    index = RedisQueueIndex(services.redis, f"{services.redis_prefix}:{{queue}}", policy)
    async with services.sessionmaker() as session, session.begin():
        await rebuild_index(session, index)
    services.queue_index = index


async def _start_telegram(settings: Settings) -> Any | None:
    if not settings.telegram_enabled:
        return None
    from bot.telegram.client import build_telegram_bot

    bot = build_telegram_bot(settings)
    try:
        await bot.initialize()
    except Exception:  # Telegram unreachable at start-up: webhooks still land; sends retry from the outbox
        log.warning("telegram_initialize_failed")
    if settings.public_url and settings.telegram_webhook_secret is not None:
        await register_webhook(bot, settings)
    return bot


async def register_webhook(bot: Any, settings: Settings) -> None:
    assert settings.public_url is not None and settings.telegram_webhook_secret is not None
    await bot.set_webhook(
        url=settings.public_url.rstrip("/") + "/webhooks/telegram",
        secret_token=settings.telegram_webhook_secret.get_secret_value(),
        allowed_updates=["message", "callback_query"],
    )


def senders_for(app: FastAPI) -> Mapping[str, ChannelSender]:
    senders: Mapping[str, ChannelSender] = app.state.senders
    return senders
