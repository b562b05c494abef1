"""A local HTTP server speaking the WhatsApp Cloud API (Graph API), and helpers for signed webhook payloads."""

from __future__ import annotations

import asyncio
import base64
import copy
import hashlib
import hmac
import itertools
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "FakeGraphAPI",
    "GraphCall",
    "load_webhook",
    "sign",
    "webhook_fixture_names",
]

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "whatsapp"
ACCESS_TOKEN = "EAAG-test-access-token"
PHONE_NUMBER_ID = "106540352242922"

# The answers Meta gives for the errors the tests switch on: (HTTP status, title, details, transient).
_ERRORS: dict[int, tuple[int, str, str, bool]] = {
    130429: (400, "Rate limit hit", "Cloud API message throughput has been reached.", True),
    131056: (400, "(Business Account, Consumer Account) pair rate limit hit",
             "Too many messages sent from this phone number to the same phone number in a short period.", True),
    131047: (400, "Re-engagement message",
             "Message failed to send because more than 24 hours have passed since the customer last replied "
             "to this number.", False),
    131026: (400, "Message undeliverable", "Message failed to send because the recipient cannot receive it.", False),
    131000: (500, "Something went wrong", "Message failed to send due to an unknown error.", True),
    190: (401, "Invalid OAuth access token", "The access token could not be decrypted.", False),
}  # fmt: skip


@dataclass
class GraphCall:
    """One request the fake received and what it answered."""

    method: str
    path: str
    version: str
    body: dict[str, Any]
    status: int = 0
    response: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def recipient(self) -> str | None:
        return self.body.get("to") or self.body.get("recipient")


@dataclass
class _State:
    calls: list[GraphCall] = field(default_factory=list)
    failures: list[int] = field(default_factory=list)
    closed_windows: set[str] = field(default_factory=set)
    media: dict[str, tuple[str, bytes]] = field(default_factory=dict)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # socketserver's backlog of 5 is smaller than a sender's burst of connections
    fake: FakeGraphAPI


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # lets httpx reuse connections
    server: _Server

    def do_GET(self) -> None:
        self._serve(b"")

    def do_POST(self) -> None:
        self._serve(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

    def _serve(self, body: bytes) -> None:
        status, payload = self.server.fake._handle(
            self.command, self.path, self.headers.get("Authorization", ""), self.headers.get("Content-Type", ""), body
        )
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class FakeGraphAPI:
    """Answers sends like graph.facebook.com would, records them, and can be told to fail.

    Switches: `fail_next(code)` queues Graph error codes (130429 throughput, 131056 pair rate, 131047
    re-engagement, 131026 undeliverable, 131000 server error, 190 bad token); `close_window(address)` makes
    every non-template send to that person fail with 131047, as Meta does 24 hours after their last message.
    """

    def __init__(self, access_token: str = ACCESS_TOKEN, phone_number_id: str = PHONE_NUMBER_ID) -> None:
        self.access_token = access_token
        self.phone_number_id = phone_number_id
        self._lock = threading.Lock()
        self._state = _State()
        self._ids = itertools.count(1)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self) -> FakeGraphAPI:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.fake = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-graph", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> FakeGraphAPI:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def api_url(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeGraphAPI is not started")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # -- inspection and control ------------------------------------------------------------------

    @property
    def calls(self) -> list[GraphCall]:
        with self._lock:
            return list(self._state.calls)

    def sent(self, to: str | None = None, *, type: str | None = None) -> list[dict[str, Any]]:
        """Bodies of the messages the fake accepted, optionally for one recipient or of one type."""
        return [
            copy.deepcopy(c.body)
            for c in self.calls
            if c.ok
            and c.path.endswith("/messages")
            and (to is None or c.recipient == to)
            and (type is None or c.body.get("type") == type)
        ]

    def accepted_ids(self, to: str | None = None) -> list[str]:
        """The wamids the fake gave out for accepted sends, in order."""
        return [
            str(c.response["messages"][0]["id"])
            for c in self.calls
            if c.ok and c.path.endswith("/messages") and (to is None or c.recipient == to)
        ]

    def uploaded(self, media_id: str) -> tuple[str, bytes]:
        with self._lock:
            return self._state.media[media_id]

    def fail_next(self, code: int, *, times: int = 1) -> None:
        if code not in _ERRORS:
            raise ValueError(f"the fake does not know Graph error {code}")
        with self._lock:
            self._state.failures.extend([code] * times)

    def close_window(self, address: str) -> None:
        with self._lock:
            self._state.closed_windows.add(address)

    def reopen_window(self, address: str) -> None:
        with self._lock:
            self._state.closed_windows.discard(address)

    async def wait_for_sent(
        self, count: int = 1, *, to: str | None = None, timeout: float = 10.0
    ) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            sent = self.sent(to)
            if len(sent) >= count:
                return sent
            if time.monotonic() >= deadline:
                seen = [f"{c.path}:{c.status}" for c in self.calls]
                raise AssertionError(f"expected {count} accepted send(s) within {timeout}s; calls seen: {seen}")
            await asyncio.sleep(0.01)

    async def wait_for_calls(self, count: int, timeout: float = 10.0) -> list[GraphCall]:
        """Wait until `count` requests (accepted or refused) have been answered."""
        deadline = time.monotonic() + timeout
        while True:
            calls = [c for c in self.calls if c.status]
            if len(calls) >= count:
                return calls
            if time.monotonic() >= deadline:
                raise AssertionError(f"expected {count} call(s) within {timeout}s, got {len(calls)}")
            await asyncio.sleep(0.01)

    def reset(self) -> None:
        with self._lock:
            self._state = _State()

    # -- request handling (runs in the server's threads) -----------------------------------------

    def _handle(
        self, method: str, raw_path: str, authorization: str, content_type: str, body: bytes
    ) -> tuple[int, dict[str, Any]]:
        path = urlsplit(raw_path).path
        match = re.fullmatch(r"/(v\d+\.\d+)/([^/]+)/(messages|media)", path)
        call = GraphCall(method, path, match.group(1) if match else "", {})
        with self._lock:
            self._state.calls.append(call)
        status, payload = self._answer(method, match, authorization, content_type, body, call)
        with self._lock:
            call.status, call.response = status, payload
        return status, payload

    def _answer(
        self,
        method: str,
        match: re.Match[str] | None,
        authorization: str,
        content_type: str,
        body: bytes,
        call: GraphCall,
    ) -> tuple[int, dict[str, Any]]:
        if match is None or method != "POST":
            return _graph_error(100, "Unsupported request - method type: get", 400)
        if not hmac.compare_digest(authorization, f"Bearer {self.access_token}"):
            return _graph_error(190, "Invalid OAuth access token - Cannot parse access token")
        if match.group(2) != self.phone_number_id:
            return _graph_error(100, "Unsupported post request. Object does not exist", 400)
        if match.group(3) == "media":
            return self._upload(content_type, body)
        try:
            call.body = json.loads(body)
        except ValueError:
            return _graph_error(100, "Invalid parameter", 400)
        problem = _validate(call.body)
        if problem is not None:
            return _graph_error(131009, f"Parameter value is not valid: {problem}", 400)
        with self._lock:
            failure = self._state.failures.pop(0) if self._state.failures else None
            window_closed = call.recipient in self._state.closed_windows
        if failure is None and window_closed and call.body["type"] != "template":
            failure = 131047
        if failure is not None:
            return _known_error(failure)
        # Like Meta's, the id embeds the person's number: the service must hash it before storing it.
        wamid = "wamid." + base64.b64encode(f"{call.recipient}:{next(self._ids):08d}".encode()).decode()
        contact = {"input": call.recipient}
        contact["user_id" if "recipient" in call.body else "wa_id"] = call.recipient
        answer: dict[str, Any] = {"messaging_product": "whatsapp", "contacts": [contact], "messages": [{"id": wamid}]}
        if call.body["type"] == "template":
            answer["messages"][0]["message_status"] = "accepted"
        return 200, answer

    def _upload(self, content_type: str, body: bytes) -> tuple[int, dict[str, Any]]:
        boundary = re.search(r'boundary="?([^";]+)"?', content_type)
        if boundary is None:
            return _graph_error(100, "Invalid parameter", 400)
        for part in body.split(b"--" + boundary.group(1).encode())[1:]:
            head, _, content = part.removeprefix(b"\r\n").partition(b"\r\n\r\n")
            filename = re.search(rb'filename="([^"]*)"', head)
            if filename is not None:
                media_id = f"media-{next(self._ids)}"
                with self._lock:
                    self._state.media[media_id] = (filename.group(1).decode(), content.removesuffix(b"\r\n"))
                return 200, {"id": media_id}
        return _graph_error(100, "The parameter file is required", 400)


def _validate(body: dict[str, Any]) -> str | None:
    """The checks Meta makes that our sender could get wrong."""
    if body.get("messaging_product") != "whatsapp":
        return "messaging_product"
    if not (body.get("to") or body.get("recipient")):
        return "to"
    kind = body.get("type")
    if kind == "text":
        text = body.get("text", {}).get("body", "")
        return None if 0 < len(text) <= 4096 else "text.body"
    if kind == "interactive":
        return _validate_interactive(body.get("interactive", {}))
    if kind == "template":
        template = body.get("template", {})
        return None if template.get("name") and template.get("language", {}).get("code") else "template"
    if kind == "document":
        return None if body.get("document", {}).get("id") else "document.id"
    return "type"


def _validate_interactive(interactive: dict[str, Any]) -> str | None:
    body = interactive.get("body", {}).get("text", "")
    if not 0 < len(body) <= 1024:
        return "interactive.body.text"
    action = interactive.get("action", {})
    if interactive.get("type") == "button":
        buttons = action.get("buttons", [])
        titles = [b["reply"]["title"] for b in buttons]
        if not 1 <= len(buttons) <= 3 or any(not 0 < len(t) <= 20 for t in titles) or len(set(titles)) != len(titles):
            return "interactive.action.buttons"
        return None
    if interactive.get("type") == "list":
        rows = [row for section in action.get("sections", []) for row in section.get("rows", [])]
        if not 0 < len(action.get("button", "")) <= 20 or not 1 <= len(rows) <= 10:
            return "interactive.action"
        if any(not 0 < len(r["title"]) <= 24 or len(r.get("description", "")) > 72 for r in rows):
            return "interactive.action.sections.rows"
        return None
    return "interactive.type"


def _known_error(code: int) -> tuple[int, dict[str, Any]]:
    status, title, details, transient = _ERRORS[code]
    return _graph_error(code, f"(#{code}) {title}", status, details=details, transient=transient)


def _graph_error(
    code: int, message: str, status: int = 401, *, details: str | None = None, transient: bool = False
) -> tuple[int, dict[str, Any]]:
    error: dict[str, Any] = {
        "message": message,
        "type": "OAuthException",
        "code": code,
        "is_transient": transient,
        "fbtrace_id": "AbCdEfGhIjK",
    }
    if details is not None:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details}
    return status, {"error": error}


# -- webhook payloads ----------------------------------------------------------------------------


def webhook_fixture_names() -> list[str]:
    return sorted(p.stem for p in FIXTURES.glob("*.json"))


def sign(secret: str, body: bytes) -> str:
    """The X-Hub-Signature-256 value Meta sends: sha256= and the HMAC of the exact bytes."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


_OVERRIDES = frozenset({"wamid", "wa_id", "user_id", "text", "timestamp", "reply_id", "status_id", "phone_number_id"})


def load_webhook(name: str, **overrides: Any) -> dict[str, Any]:
    """A fresh copy of a recorded webhook payload with the person, ids or text replaced where it carries them.

    `wamid` is an inbound message's id, `status_id` the outbound message a status is about, `reply_id` the id
    of the pressed button or list row; `user_id=None` removes the business-scoped user id.
    """
    unknown = set(overrides) - _OVERRIDES
    if unknown:
        raise TypeError(f"load_webhook() got unknown overrides: {sorted(unknown)}")
    payload: dict[str, Any] = json.loads((FIXTURES / f"{name.removesuffix('.json')}.json").read_text("utf-8"))
    value = payload["entry"][0]["changes"][0]["value"]
    if "phone_number_id" in overrides:
        value["metadata"]["phone_number_id"] = overrides["phone_number_id"]
    people = [*value.get("contacts", []), *value.get("messages", []), *value.get("statuses", [])]
    for person in people:
        _override_person(person, overrides)
    for message in value.get("messages", []):
        if "wamid" in overrides:
            message["id"] = overrides["wamid"]
        if "timestamp" in overrides:
            message["timestamp"] = str(overrides["timestamp"])
        if "text" in overrides and message.get("type") == "text":
            message["text"]["body"] = overrides["text"]
        if "reply_id" in overrides and message.get("type") == "interactive":
            interactive = message["interactive"]
            interactive[interactive["type"]]["id"] = overrides["reply_id"]
    for status in value.get("statuses", []):
        if "status_id" in overrides:
            status["id"] = overrides["status_id"]
        if "timestamp" in overrides:
            status["timestamp"] = str(overrides["timestamp"])
    return payload


def _override_person(item: dict[str, Any], overrides: dict[str, Any]) -> None:
    """Keep wa_id / from / recipient_id and user_id / from_user_id / recipient_user_id consistent."""
    pairs = (("wa_id", "wa_id"), ("from", "wa_id"), ("recipient_id", "wa_id"))
    for key, source in pairs:
        if source in overrides and key in item:
            item[key] = overrides[source]
    for key in ("user_id", "from_user_id", "recipient_user_id"):
        if "user_id" in overrides and key in item:
            if overrides["user_id"] is None:
                del item[key]
            else:
                item[key] = overrides["user_id"]
