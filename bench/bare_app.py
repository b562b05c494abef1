"""The baseline for bench/ingest.py: a FastAPI route that only inserts the update as a row, same driver."""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator

from fastapi import FastAPI, Request, Response
from sqlalchemy import BigInteger, Column, MetaData, Table, Text

from core.db import make_engine

metadata = MetaData()
bare_updates = Table(
    "bench_bare_updates",
    metadata,
    Column("id", BigInteger().with_variant(Text, "sqlite"), primary_key=True),
    Column("body", Text),
)


def create_bare_app() -> FastAPI:
    url = os.environ["BENCH_DATABASE_URL"]

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(url)
        async with engine.begin() as connection:
            await connection.run_sync(metadata.drop_all)
            await connection.run_sync(metadata.create_all)
        app.state.engine = engine
        yield
        await engine.dispose()

    app = FastAPI(lifespan=lifespan)

    @app.post("/webhooks/telegram")
    async def insert(request: Request) -> Response:
        body = await request.body()
        data = await request.json()
        async with request.app.state.engine.begin() as connection:
            await connection.execute(bare_updates.insert().values(id=data["update_id"], body=body.decode()))
        return Response(status_code=200)

    return app
