from django.conf import settings
from django.db import models

from .screening import TIERS
from .stop_rules import ACTION_LABELS


class Screening(models.Model):
    """One safety screen: the answers, the outcome, any clinician clearance and any routine appointment.

    answers: {id: true | false | "unsure"} (screening.py); parts: each question's own answer ("yes", "no",
    "unsure"). A screening stopped early by an urgent answer keeps the answers given so far (complete=False).
    """

    TIERS = [(tier, tier) for tier in TIERS]
    CLEARED_FOR = [("all", "all exercise"), ("limits", "exercise with limits")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="screenings")
    answers = models.JSONField()
    parts = models.JSONField(default=dict, blank=True)
    complete = models.BooleanField(default=True)
    tier = models.CharField(max_length=10, choices=TIERS)
    reasons = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    # For the clinician tier: the person records that a clinician cleared them, and for what.
    cleared_by = models.CharField(max_length=200, blank=True)
    cleared_on = models.DateField(null=True, blank=True)
    cleared_for = models.CharField(max_length=10, choices=CLEARED_FOR, blank=True)
    clearance_limits = models.TextField(blank=True)
    clearance_recorded_at = models.DateTimeField(null=True, blank=True)
    # For the routine tier: the person records that they have had the routine appointment.
    routine_done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = ["created_at", "pk"]


class Flare(models.Model):
    """A flare the person reported: they are screened again before the next session."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flares")
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)


class SymptomEvent(models.Model):
    """A "something's wrong" report during a session, with the step it happened in and what was decided."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="symptom_events")
    created_at = models.DateTimeField(auto_now_add=True)
    sequence_slug = models.SlugField(max_length=60)
    step_index = models.PositiveSmallIntegerField()
    pose_slug = models.SlugField(max_length=60, blank=True)
    pain = models.PositiveSmallIntegerField()
    sharp_or_shooting = models.BooleanField()
    spreading_to_leg = models.BooleanField()
    urgent_symptoms = models.BooleanField()
    action = models.CharField(max_length=20, choices=list(ACTION_LABELS.items()))

    class Meta:
        ordering = ["-created_at", "-pk"]


class Assessment(models.Model):
    """After an urgent answer or an urgent stop: the person records that a clinician assessed them.

    Sessions stay locked from any urgent answer until one of these is recorded after it, and then a fresh
    screening is needed.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments")
    assessed_by = models.CharField(max_length=200)
    assessed_on = models.DateField()
    exercise_advice = models.TextField()  # what the clinician said about exercise, in the person's words
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class RescreenRequest(models.Model):
    """Something that needs the safety questions answered again before the next session (e.g. resuming)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rescreen_requests")
    reason = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class DirectionStop(models.Model):
    """A direction of movement that spread symptoms down a leg: left out of the whole programme until lifted."""

    SOURCES = [("session", "a session"), ("check", "the direction check")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="direction_stops")
    direction = models.CharField(max_length=20)
    pose_slug = models.SlugField(max_length=60, blank=True)
    source = models.CharField(max_length=10, choices=SOURCES)
    created_at = models.DateTimeField(auto_now_add=True)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_note = models.TextField(blank=True)  # the clinician's advice that lifted it

    class Meta:
        ordering = ["-created_at", "-pk"]
