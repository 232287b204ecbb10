from django.conf import settings
from django.db import models

from .stop_rules import ACTION_LABELS


class Screening(models.Model):
    """One completed safety screen: every answer, the outcome, and any clinician clearance."""

    TIERS = [("urgent", "urgent"), ("clinician", "clinician"), ("ok", "ok")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="screenings")
    answers = models.JSONField()
    tier = models.CharField(max_length=10, choices=TIERS)
    reasons = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    # For the clinician tier: the person confirms a clinician cleared them.
    cleared_by = models.CharField(max_length=200, blank=True)
    cleared_on = models.DateField(null=True, blank=True)
    clearance_recorded_at = models.DateTimeField(null=True, blank=True)

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
