"""Exactly once: a write sent with an Idempotency-Key header is done once; sending it again (a retry, a queued
copy sent when the network returns, two at the same moment) gets the first answer back, marked
`Idempotent-Replayed: true`, and writes nothing. The key is the client's: one per logical write.

The write and its saved answer are one transaction, so a failure leaves nothing behind and the retry does the
write. A second request with the same key waits for the first (the unique key) and then gets its answer. The same
key with a different request is refused (422), and a malformed key too (400).
"""
from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from functools import wraps

from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import SavedReply

HEADER = "Idempotency-Key"
KEY = re.compile(r"[A-Za-z0-9_-]{16,100}")
KEPT_FOR = timedelta(days=30)


def _fingerprint(request) -> str:
    return hashlib.sha256(b"\n".join([request.method.encode(), request.path.encode(), request.body])).hexdigest()


def _replay(reply: SavedReply) -> HttpResponse:
    response = HttpResponse(reply.body, status=reply.status, content_type=reply.content_type)
    response["Idempotent-Replayed"] = "true"
    return response


def idempotent(view):
    """For views the client may retry (signed-in, POST). Without the header the view runs as before."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if not KEY.fullmatch(key):
            return JsonResponse({"error": _("The Idempotency-Key header must be 16 to 100 letters, digits, - or _.")},
                                status=400)
        fingerprint = _fingerprint(request)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    reply = SavedReply.objects.create(user=request.user, key=key, fingerprint=fingerprint, status=0,
                                                      content_type="", body="")
            except IntegrityError:
                earlier = SavedReply.objects.get(user=request.user, key=key)
                if earlier.fingerprint != fingerprint:
                    return JsonResponse({"error": _("This Idempotency-Key was already used for a different request.")},
                                        status=422)
                return _replay(earlier)
            response = view(request, *args, **kwargs)
            if response.status_code >= 500 or getattr(response, "streaming", False):
                transaction.set_rollback(True)
                return response
            reply.status, reply.content_type = response.status_code, response.get("Content-Type", "")
            reply.body = response.content.decode(response.charset or "utf-8")
            reply.save(update_fields=["status", "content_type", "body"])
            SavedReply.objects.filter(user=request.user, created_at__lt=timezone.now() - KEPT_FOR).delete()
        return response
    return wrapper
