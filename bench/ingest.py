"""Ingest throughput: N recorded Telegram updates against `liaison serve` and against a bare insert-only route.

Usage: .venv/bin/python -m bench.ingest [--n 2000] [--concurrency 32] [--backends sqlite,postgres]
Prints messages/s and ack latency p50/p99 for both, and the ratio ours/bare, per backend.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import platform
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import asyncpg
import httpx

from tests.fakes.telegram_api import FakeTelegramAPI, load_update
from tests.support.live import free_port

SECRET = "bench-webhook-secret-" + secrets.token_hex(8)
POSTGRES_ADMIN = os.environ.get("LIAISON_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")


def updates(n: int, people: int) -> list[dict[str, object]]:
    """Distinct update and message ids; `people` different chats, so some messages open new conversations."""
    out = []
    for i in range(n):
        chat = 8_000_000_000 + (i % people)
        out.append(
            load_update(
                "text_message",
                update_id=10_000 + i,
                message_id=100 + i,
                chat_id=chat,
                text=f"hello, I need information about housing ({i})",
            )
        )
    return out


async def fire(base_url: str, batch: list[dict[str, object]], concurrency: int) -> tuple[float, list[float]]:
    semaphore = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as client:

        async def one(update: dict[str, object]) -> None:
            async with semaphore:
                started = time.perf_counter()
                response = await client.post("/webhooks/telegram", json=update, headers=headers)
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise RuntimeError(f"status {response.status_code}")

        began = time.perf_counter()
        await asyncio.gather(*(one(u) for u in batch))
        elapsed = time.perf_counter() - began
    return len(batch) / elapsed, latencies


def start_server(args: list[str], env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(args, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code in (200, 404):
                return process
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("server did not start")


def migrate(env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "bot", "migrate"]
    subprocess.run(command, env={**os.environ, **env}, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


async def fresh_postgres() -> str:
    name = f"liaison_bench_{secrets.token_hex(4)}"
    connection = await asyncpg.connect(POSTGRES_ADMIN.replace("+asyncpg", ""))
    await connection.execute(f'CREATE DATABASE "{name}"')
    await connection.close()
    return POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"


async def drop_postgres(url: str) -> None:
    connection = await asyncpg.connect(POSTGRES_ADMIN.replace("+asyncpg", ""))
    await connection.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
    await connection.close()


def summarise(name: str, rate: float, latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[int(len(ordered) * 0.99) - 1] * 1000
    return f"  {name:<6} {rate:8.0f} msg/s   p50 {p50:6.1f} ms   p99 {p99:6.1f} ms"


async def run_backend(backend: str, n: int, concurrency: int, fake: FakeTelegramAPI) -> float:
    workdir = Path(tempfile.mkdtemp(prefix="liaison-bench-"))
    if backend == "sqlite":
        ours_url = f"sqlite+aiosqlite:///{workdir / 'ours.db'}"
        bare_url = f"sqlite+aiosqlite:///{workdir / 'bare.db'}"
    else:
        ours_url, bare_url = await fresh_postgres(), await fresh_postgres()
    env = {
        "LIAISON_DATABASE_URL": ours_url,
        "LIAISON_SECRET_KEY": secrets.token_urlsafe(48),
        "LIAISON_DATA_KEY": "k1:" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "LIAISON_TELEGRAM_TOKEN": fake.token,
        "LIAISON_TELEGRAM_API_URL": fake.api_url,
        "LIAISON_TELEGRAM_WEBHOOK_SECRET": SECRET,
        "LIAISON_LOG_LEVEL": "WARNING",
        "PTB_TIMEDELTA": "1",
    }
    try:
        await asyncio.to_thread(migrate, env)
        batch = updates(n + n // 10, people=max(1, n // 10))
        warm, measured = batch[: n // 10], batch[n // 10 :]
        port = free_port()
        ours = await asyncio.to_thread(
            start_server, [sys.executable, "-m", "bot", "serve", "--port", str(port)], env, port
        )
        try:
            await fire(f"http://127.0.0.1:{port}", warm, concurrency)
            our_rate, our_lat = await fire(f"http://127.0.0.1:{port}", measured, concurrency)
        finally:
            ours.terminate()
            ours.wait()
        bare_port = free_port()
        bare = await asyncio.to_thread(
            start_server,
            [
                sys.executable,
                "-m",
                "uvicorn",
                "bench.bare_app:create_bare_app",
                "--factory",
                "--port",
                str(bare_port),
                "--log-level",
                "warning",
            ],
            {"BENCH_DATABASE_URL": bare_url},
            bare_port,
        )
        try:
            await fire(f"http://127.0.0.1:{bare_port}", warm, concurrency)
            bare_rate, bare_lat = await fire(f"http://127.0.0.1:{bare_port}", measured, concurrency)
        finally:
            bare.terminate()
            bare.wait()
    finally:
        if backend == "postgres":
            await drop_postgres(ours_url)
            await drop_postgres(bare_url)
    ratio = our_rate / bare_rate
    print(f"{backend}: {n} updates, concurrency {concurrency}")
    print(summarise("ours", our_rate, our_lat))
    print(summarise("bare", bare_rate, bare_lat))
    print(f"  ratio ours/bare: {ratio:.2f}")
    return ratio


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with FakeTelegramAPI() as fake:
        for backend in args.backends.split(","):
            await run_backend(backend, args.n, args.concurrency, fake)


if __name__ == "__main__":
    asyncio.run(main())
