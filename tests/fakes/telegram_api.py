"""A local HTTP server speaking the Telegram Bot API, for PTB to talk to in tests."""

from __future__ import annotations

import asyncio
import copy
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.fixtures import fixture_names, load_update

__all__ = ["Call", "FakeTelegramAPI", "UploadedFile", "fixture_names", "load_update", "parse_params"]

_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: chat not found",
    403: "Forbidden: bot was blocked by the user",
    500: "Internal Server Error",
    502: "Bad Gateway",
}

# PTB JSON-dumps every non-str value into form fields, so "42" may be an int or a text; these stay text.
_STRING_FIELDS = frozenset(
    {
        "text", "caption", "parse_mode", "url", "secret_token", "callback_query_id", "inline_message_id",
        "action", "ip_address", "business_connection_id", "message_effect_id", "emoji", "query",
        "document", "photo", "audio", "video", "voice", "sticker", "animation", "video_note", "thumbnail",
    }
)  # fmt: skip


@dataclass(frozen=True)
class UploadedFile:
    """A file PTB sent as a multipart part."""

    filename: str
    content: bytes
    content_type: str


@dataclass
class Call:
    """One request the fake received; status stays None while a long poll is still waiting."""

    method: str
    params: dict[str, Any]
    status: int | None = None
    response: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass
class _Failure:
    status: int
    description: str
    retry_after: int | None


@dataclass
class _State:
    calls: list[Call] = field(default_factory=list)
    failures: dict[str, list[_Failure]] = field(default_factory=dict)
    updates: list[dict[str, Any]] = field(default_factory=list)
    webhook: dict[str, Any] = field(default_factory=dict)
    next_message_id: int = 1


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver listens with a backlog of 5; PTB's pool opens up to 16 connections at once, and on a loaded
    # machine the accept thread can fall behind, so a burst would sit out SYN retransmits (a second or more each).
    request_queue_size = 128
    fake: FakeTelegramAPI


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.1 lets PTB's httpx pool reuse connections, which keeps each call cheap.
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        self._serve(b"")

    def do_POST(self) -> None:
        self._serve(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def _serve(self, body: bytes) -> None:
        status, payload = self.server.fake._handle(self.path, self.headers.get("Content-Type", ""), body)
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # pytest output should show the test's story, not an access log


def _decode_form_value(name: str, value: str) -> Any:
    if name in _STRING_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # e.g. chat_id="@channel"


def _disposition_param(header: str, key: str) -> str | None:
    match = re.search(rf'(?:^|;)\s*{key}="((?:[^"\\]|\\.)*)"', header)
    if match is None:
        return None
    # httpx escapes '"' as %22 and '\' as '\\' (HTML5 form encoding); undo just those.
    return match.group(1).replace("%22", '"').replace("\\\\", "\\")


def _parse_multipart(body: bytes, content_type: str) -> dict[str, Any]:
    boundary = re.search(r'boundary="?([^";]+)"?', content_type)
    if boundary is None:
        raise ValueError("multipart body without boundary")
    params: dict[str, Any] = {}
    for chunk in body.split(b"--" + boundary.group(1).encode())[1:]:
        if chunk.startswith(b"--"):
            break  # the closing delimiter
        head, _, content = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        headers = {}
        for line in head.decode().split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disposition = headers.get("content-disposition", "")
        name = _disposition_param(disposition, "name") or ""
        filename = _disposition_param(disposition, "filename")
        content = content.removesuffix(b"\r\n")
        if filename is None:
            params[name] = _decode_form_value(name, content.decode())
        else:
            content_type_of_part = headers.get("content-type", "application/octet-stream")
            params[name] = UploadedFile(filename, content, content_type_of_part)
    return params


def parse_params(query: str, content_type: str, body: bytes) -> dict[str, Any]:
    """Read Bot API parameters from a query string and a JSON, urlencoded or multipart body."""
    params: dict[str, Any] = {k: _decode_form_value(k, v) for k, v in parse_qsl(query)}
    media_type = content_type.split(";")[0].strip().lower()
    if media_type == "application/json" and body:
        params.update(json.loads(body))
    elif media_type == "application/x-www-form-urlencoded":
        params.update({k: _decode_form_value(k, v) for k, v in parse_qsl(body.decode())})
    elif media_type == "multipart/form-data":
        params.update(_parse_multipart(body, content_type))
    return params


class FakeTelegramAPI:
    """Answers PTB like api.telegram.org would, records every call and can be told to fail."""

    def __init__(self, token: str = "123456:TEST-token") -> None:  # noqa: S107 - a fake's token
        self.token = token
        # Long polls are capped so a test that forgets to push an update costs a second, not a minute.
        self.long_poll_cap = 1.0
        self.bot_user: dict[str, Any] = {
            "id": int(token.split(":")[0]) if token.split(":")[0].isdigit() else 123456,
            "is_bot": True,
            "first_name": "Liaison Desk",
            "username": "liaison_desk_test_bot",
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self._lock = threading.Lock()
        self._update_pushed = threading.Condition(self._lock)
        self._state = _State()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._methods: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getme": lambda _: self.bot_user,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "sendmessage": lambda p: self._message(p, text=p.get("text")),
            "sendchataction": lambda _: True,
            "senddocument": self._send_document,
            "answercallbackquery": lambda _: True,
            "editmessagetext": lambda p: self._edited(p, text=p.get("text")),
            "editmessagereplymarkup": lambda p: self._edited(p),
            "getupdates": self._get_updates,
        }

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self) -> FakeTelegramAPI:
        server = _Server(("127.0.0.1", 0), _Handler)  # binds and listens before returning
        server.fake = self
        self._server = server
        self._stopping.clear()
        # a short poll interval keeps stop() from idling half a second in shutdown()
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-telegram", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._stopping.set()
        with self._lock:
            self._update_pushed.notify_all()  # release long polls so shutdown does not wait on them
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> FakeTelegramAPI:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def api_url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeTelegramAPI is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def base_url(self) -> str:
        return f"{self.api_url}/bot"

    # -- inspection and control ------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._state.calls)

    @property
    def webhook(self) -> dict[str, Any]:
        """The parameters of the last successful setWebhook, or {} after deleteWebhook."""
        with self._lock:
            return dict(self._state.webhook)

    def sent_messages(self, chat_id: int | None = None) -> list[dict[str, Any]]:
        return [
            dict(c.params)
            for c in self.calls
            if c.method == "sendMessage" and c.ok and (chat_id is None or c.params.get("chat_id") == chat_id)
        ]

    def fail_next(
        self,
        method: str,
        *,
        status: int,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        if status == 429:
            retry_after = 1 if retry_after is None else retry_after
            description = description or f"Too Many Requests: retry after {retry_after}"
        description = description or _DEFAULT_DESCRIPTIONS.get(status, "Internal Server Error")
        with self._lock:
            queue = self._state.failures.setdefault(method.lower(), [])
            queue.extend(_Failure(status, description, retry_after) for _ in range(times))

    def push_update(self, update: dict[str, Any]) -> None:
        with self._lock:
            self._state.updates.append(copy.deepcopy(update))
            self._update_pushed.notify_all()

    async def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while True:
            matching = [c for c in self.calls if c.method == method and c.ok]
            if len(matching) >= count:
                return matching
            if time.monotonic() >= deadline:
                seen = [f"{c.method}:{c.status}" for c in self.calls]
                raise AssertionError(
                    f"expected {count} successful {method} call(s) within {timeout}s, "
                    f"got {len(matching)}; calls seen: {seen}"
                )
            await asyncio.sleep(0.01)

    def reset(self) -> None:
        """Forget calls, queued failures, updates and the webhook; the server keeps running."""
        with self._lock:
            self._state = _State()
            self.long_poll_cap = 1.0

    # -- request handling (runs in the server's threads) -----------------------------------------

    def _handle(self, path: str, content_type: str, body: bytes) -> tuple[int, dict[str, Any]]:
        url = urlsplit(path)
        match = re.fullmatch(r"/bot([^/]+)/([A-Za-z]+)", unquote(url.path))
        if match is None:
            return 404, _error(404, "Not Found")
        try:
            params = parse_params(url.query, content_type, body)
        except ValueError:
            params = {}
        call = Call(match.group(2), params)
        with self._lock:
            self._state.calls.append(call)
        status, payload = self._answer(match.group(1), call)
        with self._lock:
            call.status, call.response = status, payload
        return status, payload

    def _answer(self, token: str, call: Call) -> tuple[int, dict[str, Any]]:
        if token != self.token:
            return 401, _error(401, "Unauthorized")
        name = call.method.lower()  # the Bot API treats method names case-insensitively
        handler = self._methods.get(name)
        if handler is None:
            return 404, _error(404, "Not Found: method not found")
        with self._lock:
            queue = self._state.failures.get(name)
            failure = queue.pop(0) if queue else None
        if failure is not None:
            extra = {"parameters": {"retry_after": failure.retry_after}} if failure.retry_after else {}
            return failure.status, _error(failure.status, failure.description) | extra
        return 200, {"ok": True, "result": handler(call.params)}

    def _set_webhook(self, params: dict[str, Any]) -> bool:
        with self._lock:
            self._state.webhook = dict(params)
            if params.get("drop_pending_updates"):
                self._state.updates.clear()
        return True

    def _delete_webhook(self, params: dict[str, Any]) -> bool:
        with self._lock:
            self._state.webhook = {}
            if params.get("drop_pending_updates"):
                self._state.updates.clear()
        return True

    def _get_webhook_info(self, _: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            hook, pending = self._state.webhook, len(self._state.updates)
        info: dict[str, Any] = {
            "url": hook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": pending,
        }
        if hook:
            info["max_connections"] = hook.get("max_connections", 40)
            if "allowed_updates" in hook:
                info["allowed_updates"] = hook["allowed_updates"]
        return info

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset, limit = params.get("offset"), params.get("limit") or 100
        wait = min(float(params.get("timeout") or 0), self.long_poll_cap)
        with self._lock:
            if offset is not None:
                self._prune_confirmed(int(offset))
            if not self._state.updates and wait > 0 and not self._stopping.is_set():
                self._update_pushed.wait(wait)
                if offset is not None:
                    self._prune_confirmed(int(offset))
            return copy.deepcopy(self._state.updates[: int(limit)])

    def _prune_confirmed(self, offset: int) -> None:
        updates = self._state.updates
        if offset < 0:  # Telegram: a negative offset keeps only the last -offset updates
            self._state.updates = updates[offset:]
        else:
            self._state.updates = [u for u in updates if u["update_id"] >= offset]

    def _message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        with self._lock:
            message_id = self._state.next_message_id
            self._state.next_message_id += 1
        return self._message_object(params, message_id, **content)

    def _edited(self, params: dict[str, Any], **content: Any) -> dict[str, Any] | bool:
        if "inline_message_id" in params:
            return True  # Telegram answers edits of inline messages with a bare true
        return self._message_object(params, int(params["message_id"]), edit_date=int(time.time()), **content)

    def _message_object(self, params: dict[str, Any], message_id: int, **content: Any) -> dict[str, Any]:
        chat_id = params.get("chat_id")
        message: dict[str, Any] = {
            "message_id": message_id,
            "from": self.bot_user,
            # a "@username" chat id still needs a numeric id in the answer; any stable one will do
            "chat": {"id": chat_id if isinstance(chat_id, int) else -1001000000001, "type": "private"},
            "date": int(time.time()),
        }
        message.update({k: v for k, v in content.items() if v is not None})
        for key in ("entities", "caption", "reply_markup"):
            if key in params:
                message[key] = params[key]
        return message

    def _send_document(self, params: dict[str, Any]) -> dict[str, Any]:
        document = params.get("document")
        filename = document.filename if isinstance(document, UploadedFile) else "document"
        with self._lock:
            unique = f"doc{self._state.next_message_id}"
        file: dict[str, Any] = {
            "file_id": f"BQACAgQAAx{unique}",
            "file_unique_id": f"AgAD{unique}",
            "file_name": filename,
        }
        if isinstance(document, UploadedFile):
            file |= {"mime_type": document.content_type, "file_size": len(document.content)}
        return self._message(params, document=file)


def _error(code: int, description: str) -> dict[str, Any]:
    return {"ok": False, "error_code": code, "description": description}
