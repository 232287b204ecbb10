"""Content-Security-Policy and Permissions-Policy on every response (HSTS comes from Django's SecurityMiddleware).

A small middleware of our own rather than django-csp: Lumbar's policy is one fixed string (no inline scripts or
styles anywhere, so no nonces or per-view policies are needed), and Permissions-Policy needs its own
middleware anyway; a library would add settings to learn and nothing to use.

- Scripts, styles, images, media and connections come from this site only. The in-browser pose model
  (MediaPipe's WebAssembly, served from /static/vendor/mediapipe-pose/) needs 'wasm-unsafe-eval', which
  allows compiling WebAssembly and nothing else (no eval of JavaScript). Data reaches scripts through
  json_script blocks (type application/json), which are data, not script.
- The coach's WebSocket is same-origin: 'self' covers ws:/wss: of this site in current browsers, and SITE_URL's
  own ws(s) origin is named too for browsers that predate that rule.
- The camera is allowed only on the session player pages (URL names "play" and "...-play"); microphone,
  location and the other powerful features are off everywhere.
"""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin

OFF_EVERYWHERE = ("accelerometer", "display-capture", "geolocation", "gyroscope", "magnetometer", "microphone",
                  "midi", "payment", "usb")


@lru_cache(maxsize=8)
def content_security_policy(site_url: str) -> str:
    site = urlsplit(site_url)
    socket_origin = f"{'wss' if site.scheme == 'https' else 'ws'}://{site.netloc}"
    directives = {
        "default-src": "'self'",
        "script-src": "'self' 'wasm-unsafe-eval'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "media-src": "'self'",
        "connect-src": f"'self' {socket_origin}",
        "font-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'none'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def permissions_policy(camera: bool) -> str:
    features = [f"{name}=()" for name in OFF_EVERYWHERE]
    features.append("camera=(self)" if camera else "camera=()")
    return ", ".join(sorted(features))


def is_player_page(request) -> bool:
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match else None
    return bool(name) and (name == "play" or name.endswith("-play"))


class PolicyHeadersMiddleware(MiddlewareMixin):
    policies = {camera: permissions_policy(camera) for camera in (False, True)}

    def process_response(self, request, response):
        response.setdefault("Content-Security-Policy", content_security_policy(settings.SITE_URL))
        player = is_player_page(request)
        response.setdefault("Permissions-Policy", self.policies[player])
        if player and response.status_code == 200:
            response["X-Lumbar-Offline"] = "keep"  # the service worker keeps it, so the session plays offline
        return response
