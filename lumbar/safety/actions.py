"""Writes for the safety app. They take users and objects, never the request."""
from __future__ import annotations

from django.utils import timezone

from .models import Assessment, DirectionStop, Flare, RescreenRequest, Screening, SymptomEvent
from .screening import IDS, URGENT, answers_from_parts, outcome
from .stop_rules import STOP_DIRECTION, SymptomReport, decide

CHECK_SEQUENCE_PREFIX = "direction-check-"  # the direction check's player sequences (programmes/play_views.py)
# A pose's main direction when it has no list of loaded directions: the directions it moves the lower back into.
MAIN_DIRECTION_LOADS = {"flexion-extension": ("flexion", "extension"), "neutral": ()}


def record_screening(user, answers: dict, parts: dict | None = None) -> Screening:
    """answers: {id: True | False | "unsure"} for every id, or the answers so far when one is urgent."""
    result = outcome(answers)
    complete = all(qid in answers for qid in IDS)
    if not complete and result.tier != URGENT:
        raise ValueError("a screening is recorded with every answer, unless an answer so far is urgent")
    return Screening.objects.create(user=user, answers=answers, parts=parts or {}, complete=complete,
                                    tier=result.tier, reasons=result.reasons)


def record_screening_parts(user, parts: dict) -> Screening:
    """From each question's answer ("yes", "no", "unsure"), as the screening pages collect them."""
    return record_screening(user, answers_from_parts(parts), parts)


def record_clearance(screening: Screening, cleared_by: str, cleared_on, limits: str = "") -> Screening:
    """A clinician cleared the person: for all exercise, or with the limits they typed in."""
    screening.cleared_by = cleared_by
    screening.cleared_on = cleared_on
    screening.cleared_for = "limits" if limits.strip() else "all"
    screening.clearance_limits = limits.strip()
    screening.clearance_recorded_at = timezone.now()
    screening.save(update_fields=["cleared_by", "cleared_on", "cleared_for", "clearance_limits",
                                  "clearance_recorded_at"])
    return screening


def record_assessment(user, assessed_by: str, assessed_on, exercise_advice: str) -> Assessment:
    """A clinician assessed the person after an urgent answer or stop. A fresh screening comes next."""
    return Assessment.objects.create(user=user, assessed_by=assessed_by, assessed_on=assessed_on,
                                     exercise_advice=exercise_advice)


def record_routine_done(screening: Screening) -> Screening:
    screening.routine_done_at = timezone.now()
    screening.save(update_fields=["routine_done_at"])
    return screening


def record_flare(user, note: str = "") -> Flare:
    return Flare.objects.create(user=user, note=note)


def require_rescreen(user, reason: str) -> RescreenRequest:
    """The safety questions are answered again before the next session (e.g. when a paused programme resumes)."""
    return RescreenRequest.objects.create(user=user, reason=reason[:200])


def loaded_directions(pose_slug: str) -> list[str]:
    """Every lower-back direction a pose loads (its `loads`), else those of its main direction."""
    from lumbar.programmes.library import poses

    pose = poses().get(pose_slug)
    if pose is None:
        return []
    loads = getattr(pose, "loads", None)
    if loads is not None:
        return list(loads)
    return list(MAIN_DIRECTION_LOADS.get(pose.direction, (pose.direction,)))


def record_symptoms(user, *, sequence_slug: str, step_index: int, pose_slug: str, report: SymptomReport) -> SymptomEvent:
    """Decides what happens next by the stop rules and logs the event with the step it happened in.

    Spreading leg symptoms stop every direction the pose loads for the whole programme, until lifted.
    """
    event = SymptomEvent.objects.create(
        user=user, sequence_slug=sequence_slug, step_index=step_index, pose_slug=pose_slug, pain=report.pain,
        sharp_or_shooting=report.sharp_or_shooting, spreading_to_leg=report.spreading_to_leg,
        urgent_symptoms=report.urgent_symptoms, action=decide(report),
    )
    if event.action == STOP_DIRECTION:
        source = "check" if sequence_slug.startswith(CHECK_SEQUENCE_PREFIX) else "session"
        for direction in loaded_directions(pose_slug):
            record_direction_stop(user, direction, pose_slug, source)
    return event


def record_direction_stop(user, direction: str, pose_slug: str, source: str) -> DirectionStop:
    """Leaves a direction out of every session until lifted: symptoms spread during a pose or the direction
    check (clinical.md section 5)."""
    return DirectionStop.objects.create(user=user, direction=direction, pose_slug=pose_slug, source=source)


def lift_direction_stop(user, direction: str, note: str) -> int:
    """Lifts every stop on this direction after a clinician's advice (the note says what they advised)."""
    if not note.strip():
        raise ValueError("a note about the clinician's advice is needed to lift a stopped direction")
    return DirectionStop.objects.filter(user=user, direction=direction, lifted_at__isnull=True) \
        .update(lifted_at=timezone.now(), lifted_note=note.strip())
