"""The coach's WebSocket route, and who may open it: pages of this site only.

A browser sends the page's origin with every WebSocket handshake; another site's page (which could ride on the
person's session cookie) is refused. Allowed: SITE_URL's exact origin (scheme, host and port) and, in local
mode, http://127.0.0.1, http://localhost and http://[::1] on the port of this very server, never another port.
A handshake without an Origin is refused too. Refusal closes the handshake with code 4403 (HTTP 403).
"""
from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import path

from .consumers import CoachConsumer

websocket_urlpatterns = [path("ws/coach/", CoachConsumer.as_asgi())]
DEFAULT_PORTS = {"http": 80, "https": 443}
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def origin_key(origin: str) -> tuple[str, str, int] | None:
    """("https", "lumbar.example", 443) for an origin or URL; None when it is not an http(s) origin."""
    try:
        parts = urlsplit(origin.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.scheme, parts.hostname.lower(), port or DEFAULT_PORTS[parts.scheme]


def allowed_origins(scope) -> set[tuple[str, str, int]]:
    allowed = {origin_key(settings.SITE_URL)}
    server = scope.get("server")
    if settings.MODE == "local" and server and server[1]:
        allowed |= {("http", name, int(server[1])) for name in LOOPBACK_NAMES}
    return allowed - {None}


def request_origin(scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"origin":
            return value.decode("latin1")
    return None


class SiteOriginOnly:
    """ASGI middleware: lets a WebSocket handshake through only from one of this site's own origins."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        origin = request_origin(scope)
        if scope["type"] == "websocket" and (origin is None or origin_key(origin) not in allowed_origins(scope)):
            message = await receive()
            if message["type"] == "websocket.connect":
                await send({"type": "websocket.close", "code": 4403})
            return
        return await self.application(scope, receive, send)
