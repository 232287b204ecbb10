"""Sign-in throttling: the parts of django-axes that Lumbar decides (settings.py holds the limits).

- The address counted is the connection's own (REMOTE_ADDR). `lumbar serve` sets it from X-Forwarded-For only
  when the connection comes from LUMBAR_TRUSTED_PROXY, so a visitor cannot pick an address by sending a header.
- The account counted is the name as typed, without surrounding spaces and in one case, so "Clara" and
  "clara " count against the same account.
- A throttled person sees the sign-in page with a kind message and how long to wait, with status 429.
"""
from __future__ import annotations

import math

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Max, Q
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

USERNAME_FIELD = "username"


def client_address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def attempted_username(request, credentials=None) -> str | None:
    value = (credentials or {}).get(USERNAME_FIELD)
    if value is None:
        value = request.POST.get(USERNAME_FIELD) if hasattr(request, "POST") else None
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().casefold()[:255]


def minutes_to_wait(request, credentials=None) -> int:
    """Whole minutes until the most recent counted failure for this account or address is forgotten."""
    match = Q(ip_address=client_address(request))
    username = attempted_username(request, credentials)
    if username:
        match |= Q(username=username)
    latest = AccessAttempt.objects.filter(match).aggregate(latest=Max("attempt_time"))["latest"]
    if latest is None:
        return math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    left = (latest + settings.AXES_COOLOFF_TIME - timezone.now()).total_seconds()
    return max(1, math.ceil(left / 60))


def _password_reset_url() -> str | None:
    try:
        return reverse("accounts:password_reset")
    except NoReverseMatch:
        return None


def lockout_response(request, original_response=None, credentials=None):
    """The sign-in page again, saying why it refuses and for how long (status 429, Retry-After)."""
    minutes = minutes_to_wait(request, credentials)
    form = AuthenticationForm(request, initial={USERNAME_FIELD: request.POST.get(USERNAME_FIELD, "")[:150]})
    response = render(request, "accounts/lockout.html",
                      {"form": form, "minutes": minutes, "password_reset_url": _password_reset_url()}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
