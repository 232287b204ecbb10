"""HTTP through Django; the coach's WebSocket through Channels, signed in by the same session cookie and
opened only from this site's own pages (lumbar.coach.routing.SiteOriginOnly).

Forwarded headers (client address, https) are believed only from LUMBAR_TRUSTED_PROXY: `lumbar serve` sets
uvicorn's proxy_headers and forwarded_allow_ips from it (lumbar/serving.py).
"""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lumbar.settings")
http = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from lumbar.coach.routing import SiteOriginOnly, websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter({
    "http": http,
    "websocket": SiteOriginOnly(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
})
