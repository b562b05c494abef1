"""A person on Telegram, driving the real webhook with recorded updates and reading what the fake Bot API got."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.conftest import WEBHOOK_SECRET
from tests.fakes.telegram_api import FakeTelegramAPI, load_update

HEADERS = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
_ids = itertools.count(1)


@dataclass
class TelegramPerson:
    client: httpx.AsyncClient
    fake: FakeTelegramAPI
    chat_id: int = 7001002003
    language_code: str = "en"
    _seen: int = field(default=0)

    async def say(self, text: str) -> httpx.Response:
        n = next(_ids)
        update = load_update(
            "text_message", update_id=900_000 + n, message_id=5000 + n, chat_id=self.chat_id, text=text
        )
        update["message"]["from"]["language_code"] = self.language_code
        return await self._post(update)

    async def tap(self, data: str) -> httpx.Response:
        n = next(_ids)
        update = load_update("callback_query", update_id=900_000 + n, chat_id=self.chat_id, data=data)
        update["callback_query"]["id"] = f"cb{n}{self.chat_id}"
        update["callback_query"]["from"]["language_code"] = self.language_code
        return await self._post(update)

    async def _post(self, update: dict[str, Any]) -> httpx.Response:
        response = await self.client.post("/webhooks/telegram", json=update, headers=HEADERS)
        assert response.status_code == 200, response.text
        return response

    def received(self) -> list[dict[str, Any]]:
        """Everything the bot sent to this chat: messages and documents, in order."""
        calls = [c for c in self.fake.calls if c.method in ("sendMessage", "sendDocument") and c.ok]
        return [c.params for c in calls if c.params.get("chat_id") == self.chat_id]

    async def wait_for_replies(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait until `count` more replies than already read have arrived; returns just those."""
        import asyncio

        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while len(self.received()) < self._seen + count:
            if loop.time() > deadline:
                raise AssertionError(f"expected {count} new replies, got {self.received()[self._seen :]}")
            await asyncio.sleep(0.02)
        new = self.received()[self._seen : self._seen + count]
        self._seen += count
        return new

    async def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait for at least one new reply and then until none has come for `quiet` seconds; returns them all."""
        import asyncio

        await self.wait_for_replies(1, timeout=timeout)
        self._seen -= 1
        seen = len(self.received())
        while True:
            await asyncio.sleep(quiet)
            if len(self.received()) == seen:
                break
            seen = len(self.received())
        new = self.received()[self._seen :]
        self._seen = len(self.received())
        return new


def text_of(params: dict[str, Any]) -> str:
    return str(params.get("text") or params.get("caption") or "")


def buttons_of(params: dict[str, Any]) -> list[str]:
    """Callback data of every inline button on a sent message."""
    markup = params.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]
