"""The installable app: its manifest, its service worker (at the site's root, so it covers every page) and the
page shown when there is no network and no kept copy."""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

SOURCE = Path(__file__).with_name("service-worker.js")
STATIC = Path(settings.BASE_DIR) / "static" / "lumbar"
THEME = "#1c6b70"


@lru_cache(maxsize=1)
def shell() -> tuple[list[str], str]:
    """The player's scripts and the site's styles, kept at install, and a version that changes with any of them."""
    files = sorted(path for path in STATIC.rglob("*") if path.suffix in (".js", ".css"))
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + path.read_bytes())
    urls = [static(f"lumbar/{path.relative_to(STATIC).as_posix()}") for path in files]
    return urls, digest.hexdigest()[:16]


@cache_control(no_cache=True)
def service_worker(request):
    urls, version = shell()
    script = (SOURCE.read_text(encoding="utf-8").replace("__VERSION__", version)
              .replace("__SHELL__", json.dumps(urls)).replace("__OFFLINE__", reverse("offline:offline")))
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


def manifest(request):
    return JsonResponse({
        "name": "Lumbar", "short_name": "Lumbar",
        "description": _("Gentle yoga for lower back pain: slow tilts, rounded rests, guided by voice."),
        "lang": request.LANGUAGE_CODE, "start_url": "/", "scope": "/", "display": "standalone",
        "background_color": "#ffffff", "theme_color": THEME,
        "icons": [{"src": static(f"offline/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png",
                   "purpose": "any"} for size in (192, 512)]
        + [{"src": static("offline/icon.svg"), "sizes": "any", "type": "image/svg+xml"}],
    }, content_type="application/manifest+json")


def offline(request):
    return render(request, "offline/offline.html")
