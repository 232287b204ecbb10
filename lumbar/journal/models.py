from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lumbar.accounts.access import owned_rows

from . import measures


def scale_field(**options):
    """A 0-10 whole number."""
    return models.PositiveSmallIntegerField(
        validators=[MinValueValidator(measures.SCALE_MIN), MaxValueValidator(measures.SCALE_MAX)], **options)


class OwnedQuerySet(models.QuerySet):
    def owned_by(self, user):
        """Only the rows this person may see (the rule lives in accounts/access.py)."""
        return owned_rows(self, user)


class JournalEntryQuerySet(OwnedQuerySet):
    def live(self):
        return self.filter(deleted_at__isnull=True)


class JournalEntry(models.Model):
    """One note about how the back is: several a day are fine. Deleting only marks it, so undo is exact."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_entries")
    recorded_at = models.DateTimeField(_("when"))
    pain = scale_field(verbose_name=_("pain"))
    regions = models.JSONField(_("where"), default=list, blank=True)  # codes from vocabulary.REGIONS
    feelings = models.JSONField(_("what it feels like"), default=list, blank=True)  # vocabulary.FEELINGS
    triggers = models.JSONField(_("what set it off"), default=list, blank=True)  # vocabulary.TRIGGERS
    trigger_notes = models.TextField(_("what set it off, in your words"), blank=True)
    medication = models.TextField(_("medication"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = JournalEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["user", "recorded_at"])]

    def __str__(self) -> str:
        return f"Pain {self.pain} at {self.recorded_at:%Y-%m-%d %H:%M}"


class Activity(models.Model):
    """An activity the person wants back (3-5 at a time). Renaming keeps its ratings; retiring keeps history."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_activities")
    name = models.CharField(_("activity"), max_length=80)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return self.name


class WeeklyCheckin(models.Model):
    """Our three impact questions, answered about the last 7 days, plus that week's activity ratings."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weekly_checkins")
    recorded_at = models.DateTimeField()
    typical_pain = scale_field()
    spoiled_enjoyment = scale_field()
    everyday_tasks = scale_field()

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    @property
    def impact_score(self) -> float:
        return measures.impact_score(self.typical_pain, self.spoiled_enjoyment, self.everyday_tasks)

    def __str__(self) -> str:
        return f"Check-in {self.recorded_at:%Y-%m-%d}"


class ActivityRating(models.Model):
    """How well one activity could be done, at one check-in: 0 can't do it, 10 as before."""

    checkin = models.ForeignKey(WeeklyCheckin, on_delete=models.CASCADE, related_name="ratings")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="ratings")
    rating = scale_field()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["checkin", "activity"], name="one_rating_per_activity")]


class MorningCheckin(models.Model):
    """The morning after a session day: compared with a usual morning, better / same / worse, by how much;
    and whether soreness from the session was still there that morning."""

    BETTER, SAME, WORSE = "better", "same", "worse"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="morning_checkins")
    session_day = models.DateField()  # the day of the session(s) this morning follows
    direction = models.CharField(max_length=6, choices=[(BETTER, BETTER), (SAME, SAME), (WORSE, WORSE)])
    # Points on the 0-10 pain scale, at least this many: 1, 2 (2 to 3) or 4 (4 or more); 0 for "same".
    points = models.PositiveSmallIntegerField(default=0)
    # Soreness from the session still there that morning (clinical.md section 5: "lasting past the next
    # morning" steps back). None: answered before the question was asked.
    lasting = models.BooleanField(null=True, blank=True)
    answered_at = models.DateTimeField()

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-session_day"]
        constraints = [models.UniqueConstraint(fields=["user", "session_day"], name="one_morning_checkin_per_day")]

    @property
    def signed_change(self) -> int:
        """Change in points, negative = better (as pain): -4, -2, -1, 0, 1, 2 or 4."""
        sign = {self.BETTER: -1, self.SAME: 0, self.WORSE: 1}[self.direction]
        return sign * self.points

    def __str__(self) -> str:
        return f"Morning after {self.session_day}: {self.direction} {self.points}"


WALK_GOAL_MAX, WALK_DAY_MAX = 300, 1440  # minutes: a daily goal, and what one day can hold


class WalkingGoal(models.Model):
    """The daily walking goal the person set, in minutes (pacing lesson). The newest one counts; older ones
    stay, so each past day is shown against the goal of its time."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="walking_goals")
    minutes = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(WALK_GOAL_MAX)])
    set_at = models.DateTimeField()

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-set_at", "-pk"]

    def __str__(self) -> str:
        return f"Walking goal {self.minutes} min from {self.set_at:%Y-%m-%d}"


class Walk(models.Model):
    """Minutes walked on one day; several walks on a day add up."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="walks")
    day = models.DateField()
    minutes = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(WALK_DAY_MAX)])
    recorded_at = models.DateTimeField()

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-pk"]
        indexes = [models.Index(fields=["user", "day"])]

    def __str__(self) -> str:
        return f"Walked {self.minutes} min on {self.day}"
