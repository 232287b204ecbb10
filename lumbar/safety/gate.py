"""Whether a person may start, play or log a session now. Every route that plays or logs a session asks this.

The states, checked in this order (the first that holds decides):
  urgent     an urgent answer or an urgent stop, and no clinician's assessment recorded since
  paused     the programme is paused (worse week on week): talk to a clinician first
  needed     no screening yet; or it is 4 weeks old; or since it: an assessment, a flare, an urgent stop,
             or a request to screen again (resuming a programme)
  clearance  the latest screening needs a clinician, and no clearance is recorded for it
  clear      sessions are open (the routine tier included: advice and a reminder, no lock)
"""
from __future__ import annotations

from datetime import timedelta
from functools import wraps

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Assessment, Flare, RescreenRequest, Screening, SymptomEvent
from .screening import CLINICIAN, SCREEN_AGAIN_AFTER_DAYS, URGENT
from .stop_rules import STOP_SESSION

CLEAR, NEEDED, URGENT_STATE, CLEARANCE, PAUSED = "clear", "needed", "urgent", "clearance", "paused"


STOPPED_SESSION_LOG_HOURS = 3  # the log of a session stopped for urgent symptoms is still saved this long after


def _before(at) -> dict:
    return {"created_at__lt": at} if at is not None else {}


def last_urgent_at(user, at=None):
    """When the person last gave an urgent answer or stopped a session for urgent symptoms, or None."""
    times = [
        Screening.objects.filter(user=user, tier=URGENT, **_before(at)).values_list("created_at", flat=True).first(),
        SymptomEvent.objects.filter(user=user, action=STOP_SESSION, **_before(at))
        .values_list("created_at", flat=True).first(),
    ]
    times = [t for t in times if t is not None]
    return max(times) if times else None


def programme_paused(user) -> bool:
    from lumbar.programmes.models import Programme

    record = Programme.objects.filter(user=user).only("state").first()
    return bool(record and isinstance(record.state, dict) and record.state.get("paused"))


def screening_state(user, at=None) -> str:
    """clear | needed | urgent | clearance | paused: see the module's docstring. `at`: as it was then."""
    now = at or timezone.now()
    urgent_at = last_urgent_at(user, at)
    if urgent_at is not None and not Assessment.objects.filter(user=user, created_at__gt=urgent_at,
                                                                **_before(at)).exists():
        return URGENT_STATE
    if at is None and programme_paused(user):
        return PAUSED
    latest = Screening.objects.filter(user=user, **_before(at)).first()
    if latest is None or latest.created_at < now - timedelta(days=SCREEN_AGAIN_AFTER_DAYS):
        return NEEDED
    since = {"user": user, "created_at__gt": latest.created_at, **_before(at)}
    if (Assessment.objects.filter(**since).exists() or Flare.objects.filter(**since).exists()
            or RescreenRequest.objects.filter(**since).exists()
            or SymptomEvent.objects.filter(action=STOP_SESSION, **since).exists()):
        return NEEDED
    if latest.tier == CLINICIAN and latest.clearance_recorded_at is None:
        return CLEARANCE
    return CLEAR


def may_log(user) -> bool:
    """Whether a session's log may be saved now: the state is clear, or this is the log of the session that
    an urgent report stopped in the last few hours (nothing answered since), and the state was clear then."""
    state = screening_state(user)
    if state == CLEAR:
        return True
    if state != URGENT_STATE:
        return False
    stop = SymptomEvent.objects.filter(user=user, action=STOP_SESSION).first()
    return (stop is not None and stop.created_at == last_urgent_at(user)
            and stop.created_at > timezone.now() - timedelta(hours=STOPPED_SESSION_LOG_HOURS)
            and not Screening.objects.filter(user=user, created_at__gt=stop.created_at).exists()
            and screening_state(user, at=stop.created_at) == CLEAR)


def screening_required(view):
    """Keeps anyone whose state is not clear out of a session.

    A page (GET) is sent to the safety gate; anything else (the player's JSON log endpoints) gets 403 with a
    plain sentence and the gate's address, except the log of a session an urgent report just stopped.
    """

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            if screening_state(request.user) != CLEAR:
                return redirect("safety:gate")
        elif not may_log(request.user):
            return JsonResponse({"error": _("This session cannot be saved until the safety check is clear. "
                                            "Open the safety check to see why."),
                                 "gate_url": reverse("safety:gate")}, status=403)
        return view(request, *args, **kwargs)

    return guarded
