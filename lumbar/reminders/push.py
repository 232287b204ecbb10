"""Web Push for people who installed Lumbar as an app: the server's VAPID key, and sending the reminders due.

The key pair is made once and kept in the data folder (readable by this account only); browsers subscribe with
its public half. `lumbar send-reminders` (run every few minutes by cron or a systemd timer) sends each person's
reminder once when one of their reminder times has passed since it last looked, to every browser they
subscribed, encrypted for that browser (RFC 8291) and signed (RFC 8292) by pywebpush. A browser the push
service no longer knows (404 or 410) is forgotten.
"""
from __future__ import annotations

import base64
import json
import os
from datetime import timedelta

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import PushSubscription, Reminder
from .schedule import planned_times

KEY_FILE = "vapid_private.pem"
LOOK_BACK = timedelta(minutes=30)  # a reminder older than this when first seen is not sent late


def _key_path():
    return settings.DATA_DIR / KEY_FILE


def vapid():
    from py_vapid import Vapid

    path = _key_path()
    if not path.exists():
        key = Vapid()
        key.generate_keys()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(key.private_pem())
    return Vapid.from_file(str(path))


def public_key() -> str:
    """The application server key a browser subscribes with (base64url, uncompressed P-256 point)."""
    from cryptography.hazmat.primitives import serialization

    raw = vapid().public_key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def due(reminder: Reminder, now) -> bool:
    since = max(reminder.last_push_at or now - LOOK_BACK, now - LOOK_BACK)
    return any(since < moment <= now for moment in planned_times(reminder.weekdays, reminder.at,
                                                               reminder.time_zone, since, weeks=1))


def _contact() -> str:
    """Who runs this server, for the push services (RFC 8292's "sub" claim)."""
    return settings.SITE_URL if settings.SITE_URL.startswith("https://") else "mailto:webmaster@localhost"


def message() -> str:
    return json.dumps({"title": _("Lumbar"), "body": _("Time for your gentle back session, if it suits you."),
                       "url": "/"})


def send_due(now=None) -> tuple[int, int]:
    """Sends every reminder that is due; returns (messages sent, browsers forgotten)."""
    from pywebpush import WebPushException, webpush
    from requests import RequestException

    now = now or timezone.now()
    sent = forgotten = 0
    key = None
    reminders = Reminder.objects.filter(paused=False, user__is_active=True, user__push_subscriptions__isnull=False) \
        .distinct().select_related("user")
    for reminder in reminders:
        if due(reminder, now):
            key = key or vapid()
            for subscription in PushSubscription.objects.filter(user=reminder.user):
                try:
                    with translation.override(reminder.language):
                        text = message()
                    webpush(subscription.info(), text, vapid_private_key=key, ttl=3600, timeout=10,
                            vapid_claims={"sub": _contact()})
                    sent += 1
                except WebPushException as error:
                    if error.response is not None and error.response.status_code in (404, 410):
                        subscription.delete()
                        forgotten += 1
                except RequestException:
                    pass  # the push service is out of reach: this one is missed, the next is tried
        reminder.last_push_at = now
        reminder.save(update_fields=["last_push_at"])
    return sent, forgotten
