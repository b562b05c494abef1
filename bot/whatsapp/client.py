"""Building the pywa client from settings (never at import time), pointed at `LIAISON_WHATSAPP_API_URL`."""

from __future__ import annotations

import logging

import httpx
from pywa_async.client import WhatsApp

from core.settings import DEFAULT_WHATSAPP_API_URL, Settings

# Pinned rather than "latest", so a pywa upgrade cannot move us to a Graph API version nobody has tested.
GRAPH_API_VERSION = "26.0"


class RebasedTransport(httpx.AsyncBaseTransport):
    """Sends requests meant for graph.facebook.com to another base URL (a local fake, a proxy).

    pywa writes `https://graph.facebook.com/v<version>` onto the httpx client it is given, so the base URL
    cannot be passed in; swapping the origin at the transport uses only httpx's public extension point.
    """

    def __init__(self, api_url: str, inner: httpx.AsyncBaseTransport | None = None) -> None:
        self._target = httpx.URL(api_url.rstrip("/"))
        self._prefix = self._target.path.rstrip("/")
        self._inner = inner or httpx.AsyncHTTPTransport()

    def rebase(self, url: httpx.URL) -> httpx.URL:
        return url.copy_with(
            scheme=self._target.scheme,
            host=self._target.host,
            port=self._target.port,
            path=self._prefix + url.path,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = self.rebase(request.url)
        # The Host header was set from the original URL and must name the new one.
        headers = [(b"Host", url.netloc)]
        headers += [(name, value) for name, value in request.headers.raw if name.lower() != b"host"]
        rebased = httpx.Request(
            request.method,
            url,
            headers=headers,
            stream=request.stream,
            extensions=request.extensions,
        )
        return await self._inner.handle_async_request(rebased)

    async def aclose(self) -> None:
        await self._inner.aclose()


def build_whatsapp_client(settings: Settings) -> tuple[WhatsApp, httpx.AsyncClient]:
    """The pywa client and the httpx client it sends through (closed at shutdown by its owner)."""
    assert settings.whatsapp_access_token is not None and settings.whatsapp_phone_number_id is not None
    # pywa's debug log prints request and answer bodies, which carry phone numbers and message text.
    logging.getLogger("pywa").setLevel(max(logging.getLogger("pywa").getEffectiveLevel(), logging.INFO))
    transport: httpx.AsyncBaseTransport | None = None
    if settings.whatsapp_api_url.rstrip("/") != DEFAULT_WHATSAPP_API_URL:
        transport = RebasedTransport(settings.whatsapp_api_url)
    session = httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(15.0, connect=5.0),
        limits=httpx.Limits(max_connections=16, max_keepalive_connections=8),
    )
    client = WhatsApp(
        phone_id=settings.whatsapp_phone_number_id,
        token=settings.whatsapp_access_token.get_secret_value(),
        session=session,
        api_version=GRAPH_API_VERSION,
    )
    return client, session
