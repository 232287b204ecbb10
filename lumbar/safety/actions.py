"""Writes for the safety app. They take users and objects, never the request."""
from django.utils import timezone

from .models import Flare, Screening, SymptomEvent
from .screening import outcome
from .stop_rules import SymptomReport, decide


def record_screening(user, answers: dict[str, bool]) -> Screening:
    result = outcome(answers)
    return Screening.objects.create(user=user, answers=answers, tier=result.tier, reasons=result.reasons)


def record_clearance(screening: Screening, cleared_by: str, cleared_on) -> Screening:
    screening.cleared_by = cleared_by
    screening.cleared_on = cleared_on
    screening.clearance_recorded_at = timezone.now()
    screening.save(update_fields=["cleared_by", "cleared_on", "clearance_recorded_at"])
    return screening


def record_flare(user, note: str = "") -> Flare:
    return Flare.objects.create(user=user, note=note)


def record_symptoms(user, *, sequence_slug: str, step_index: int, pose_slug: str, report: SymptomReport) -> SymptomEvent:
    """Decides what happens next by the stop rules and logs the event with the step it happened in."""
    return SymptomEvent.objects.create(
        user=user, sequence_slug=sequence_slug, step_index=step_index, pose_slug=pose_slug, pain=report.pain,
        sharp_or_shooting=report.sharp_or_shooting, spreading_to_leg=report.spreading_to_leg,
        urgent_symptoms=report.urgent_symptoms, action=decide(report),
    )
