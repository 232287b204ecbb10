"""What the safety app knows about a person that the rest of Lumbar needs: one place for each fact.

  stopped_directions(user)   directions that spread leg symptoms and have not been lifted (clinical.md section 5)
  lifted_check_stops(user)   directions the direction check stopped, since lifted after a clinician's advice
  screening_conditions(user) conditions the latest screening carries into the programme (clinical.md section 3)
  clearance_limits(user)     the limits a clinician set when clearing the person, as they typed them, or ""
Reads only.
"""
from __future__ import annotations

from .models import DirectionStop, Screening
from .screening import NO

# Screening answers that carry a condition into the programme: a yes or not sure to any of these parts.
# B8 (thin bones or long-term steroid tablets), B11 (pregnant, or a recent birth), B12 (hip precautions).
CARRIED_CONDITIONS = {
    "osteoporosis": ("thin-bones", "steroids"),
    "pregnancy": ("pregnant", "birth"),
    "posterior-hip-replacement": ("hip-precautions",),
}
# Screenings recorded from ids alone (no parts): B8 and B11 carry their condition; B12 may be other surgery.
CARRIED_BY_ID = {"osteoporosis": "B8", "pregnancy": "B11"}


def stopped_directions(user, before=None) -> frozenset[str]:
    """`before`: only stops made before this moment."""
    stops = DirectionStop.objects.filter(user=user, lifted_at__isnull=True)
    if before is not None:
        stops = stops.filter(created_at__lt=before)
    return frozenset(stops.values_list("direction", flat=True))


def lifted_check_stops(user) -> frozenset[str]:
    """Directions the direction check stopped whose stop has been lifted, with none still standing."""
    stops = DirectionStop.objects.filter(user=user, source="check")
    standing = set(stops.filter(lifted_at__isnull=True).values_list("direction", flat=True))
    return frozenset(set(stops.filter(lifted_at__isnull=False).values_list("direction", flat=True)) - standing)


def screening_conditions(user) -> frozenset[str]:
    latest = Screening.objects.filter(user=user).first()
    if latest is None:
        return frozenset()
    by_parts = {condition for condition, keys in CARRIED_CONDITIONS.items()
                if any(latest.parts.get(key, NO) != NO for key in keys)}
    by_id = {condition for condition, qid in CARRIED_BY_ID.items() if latest.answers.get(qid, False) is not False}
    return frozenset(by_parts | by_id)


def clearance_limits(user) -> str:
    """From the most recent clearance: it stands until a clinician clears the person again."""
    cleared = Screening.objects.filter(user=user, clearance_recorded_at__isnull=False) \
        .order_by("-clearance_recorded_at", "-pk").first()
    return cleared.clearance_limits if cleared is not None and cleared.cleared_for == "limits" else ""
