"""Whether the weekly check-in is due: for prompts on other pages (the home page) and the check-in page."""
from __future__ import annotations

from django.utils import timezone

from . import measures
from .models import WeeklyCheckin


def days_since_checkin(user) -> int | None:
    """Whole days since this person's last weekly check-in, or None if they have never done one."""
    last = WeeklyCheckin.objects.owned_by(user).values_list("recorded_at", flat=True).first()
    return None if last is None else (timezone.localdate() - timezone.localdate(last)).days


def weekly_checkin_due(user) -> bool:
    """True when the first check-in (the starting point) or this week's is waiting."""
    if user is None or not user.is_authenticated:
        return False
    return measures.checkin_due(days_since_checkin(user))
