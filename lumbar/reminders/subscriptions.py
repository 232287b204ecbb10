"""A browser's Web Push subscription, checked strictly before Lumbar will ever send to it.

Lumbar only sends to the browsers' own push services (PUSH_SERVICE_HOSTS, by host name ending), over https, so a
subscription cannot make the server call anywhere else.
"""
from __future__ import annotations

import base64
import binascii
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from lumbar.strict_json import InputError, read_json

PUSH_SERVICE_HOSTS = ("fcm.googleapis.com", "push.services.mozilla.com", "push.apple.com", "notify.windows.com")


class SubscriptionError(ValueError):
    """str() names what was wrong."""


def _key(value, name: str, size: int) -> str:
    if not isinstance(value, str):
        raise SubscriptionError(_("keys.%(name)s must be text.") % {"name": name})
    try:
        standard = value.replace("-", "+").replace("_", "/")
        raw = base64.b64decode(standard + "=" * (-len(standard) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise SubscriptionError(_("keys.%(name)s is not base64url.") % {"name": name}) from None
    if len(raw) != size:
        raise SubscriptionError(_("keys.%(name)s must be %(size)s bytes, not %(got)s.")
                                % {"name": name, "size": size, "got": len(raw)})
    return value


def _allowed(url: str) -> bool:
    parts = urlsplit(url)
    hosts = getattr(settings, "PUSH_SERVICE_HOSTS", PUSH_SERVICE_HOSTS)
    host = parts.hostname or ""
    secure = parts.scheme == "https" or (parts.scheme == "http" and host in ("127.0.0.1", "localhost"))
    return secure and any(host == allowed or host.endswith("." + allowed) for allowed in hosts)


def parse(body: bytes) -> tuple[str, dict | None]:
    """(endpoint, keys) for a subscription, or (endpoint, None) to remove one."""
    try:
        data = read_json(body, limit=4096, depth=3)
    except InputError as error:
        raise SubscriptionError(str(error)) from None
    if not isinstance(data, dict) or not isinstance(data.get("endpoint"), str):
        raise SubscriptionError(_("Send a JSON object with the endpoint the browser gave."))
    endpoint = data["endpoint"]
    if len(endpoint) > 1000 or not _allowed(endpoint):
        raise SubscriptionError(_("The endpoint is not a browser push service Lumbar sends to."))
    if data.get("remove") is True:
        return endpoint, None
    keys = data.get("keys")
    if not isinstance(keys, dict):
        raise SubscriptionError(_("keys must hold p256dh and auth."))
    return endpoint, {"p256dh": _key(keys.get("p256dh"), "p256dh", 65), "auth": _key(keys.get("auth"), "auth", 16)}
