"""The real app on a real port, in the test's event loop, with its lifespan run as in production."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn
from fastapi import FastAPI

from bot.app import create_app
from core.clock import Clock
from core.services import Services
from core.settings import Settings

_START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveApp:
    app: FastAPI
    base_url: str

    @property
    def services(self) -> Services:
        services: Services = self.app.state.services
        return services

    def client(self, **kwargs: Any) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=self.base_url, timeout=20, **kwargs)


@contextlib.asynccontextmanager
async def live_app(settings: Settings, *, clock: Clock | None = None, **app_options: Any) -> AsyncIterator[LiveApp]:
    app = create_app(settings, clock=clock, **app_options)
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", lifespan="on", timeout_graceful_shutdown=2
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    # the lifespan builds the triage before serving (seconds, more on a loaded machine): wait for it,
    # never hand the test a port nobody listens on yet
    loop = asyncio.get_running_loop()
    deadline = loop.time() + _START_TIMEOUT
    while not (server.started or task.done()) and loop.time() < deadline:
        await asyncio.sleep(0.01)
    if task.done():
        task.result()
        raise RuntimeError("server did not start")
    if not server.started:
        server.should_exit = True
        await asyncio.wait_for(task, timeout=15)
        raise RuntimeError(f"server did not start within {_START_TIMEOUT} s")
    try:
        yield LiveApp(app=app, base_url=f"http://127.0.0.1:{port}")
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, timeout=15)
