"""Whether a person may start or continue a session now. Every route into a session asks this."""
from __future__ import annotations

from datetime import timedelta
from functools import wraps

from django.shortcuts import redirect
from django.utils import timezone

from .models import Flare, Screening, SymptomEvent
from .screening import CLINICIAN, SCREEN_AGAIN_AFTER_DAYS, URGENT
from .stop_rules import STOP_SESSION

CLEAR, NEEDED, URGENT_STATE, CLEARANCE = "clear", "needed", "urgent", "clearance"


def screening_state(user) -> str:
    """clear | needed (no current screening) | urgent | clearance (clinician tier not yet cleared)."""
    latest = Screening.objects.filter(user=user).first()
    if latest is None:
        return NEEDED
    if latest.tier == URGENT:
        return URGENT_STATE  # until a later screening is clear
    if latest.created_at < timezone.now() - timedelta(days=SCREEN_AGAIN_AFTER_DAYS):
        return NEEDED
    if Flare.objects.filter(user=user, created_at__gt=latest.created_at).exists():
        return NEEDED
    if SymptomEvent.objects.filter(user=user, action=STOP_SESSION, created_at__gt=latest.created_at).exists():
        return NEEDED
    if latest.tier == CLINICIAN and latest.clearance_recorded_at is None:
        return CLEARANCE
    return CLEAR


def screening_required(view):
    """Sends anyone without a current, clear screening to the screening gate instead of the session."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if request.user.is_authenticated and screening_state(request.user) != CLEAR:
            return redirect("safety:gate")
        return view(request, *args, **kwargs)

    return guarded
