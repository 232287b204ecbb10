from django.conf import settings
from django.db import models

from .measures import FLOOR_SPACE, PAIN_MAX, PAIN_MIN, RATING_LABELS, ROUNDED_FEEL
from django.core.validators import MaxValueValidator, MinValueValidator

pain_field = lambda: models.PositiveSmallIntegerField(  # noqa: E731
    null=True, blank=True, validators=[MinValueValidator(PAIN_MIN), MaxValueValidator(PAIN_MAX)]
)


class PracticeSession(models.Model):
    """One guided session someone did, with what they entered and which steps they did or skipped."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="practice_sessions")
    sequence_slug = models.SlugField(max_length=60)
    sequence_title = models.CharField(max_length=200)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    completed = models.BooleanField(default=False)
    floor_before = models.CharField(max_length=10, choices=list(FLOOR_SPACE.items()), blank=True)
    floor_after = models.CharField(max_length=10, choices=list(FLOOR_SPACE.items()), blank=True)
    pain_before = pain_field()
    pain_after = pain_field()
    # the seed's question after the rounded rest (measures.ROUNDED_QUESTION); "" = not asked or not answered
    rounded_feel = models.CharField(max_length=10, choices=list(ROUNDED_FEEL.items()), blank=True, default="")

    class Meta:
        ordering = ["-finished_at"]

    def __str__(self) -> str:
        return f"{self.sequence_title} on {self.finished_at:%Y-%m-%d}"

    @property
    def title(self) -> str:
        """The session's name in the reader's language: a programme session by its week and day, one of
        Lumbar's sequences by its translated title, a person's own sequence by the name they gave it."""
        from django.core.exceptions import ObjectDoesNotExist
        from django.utils.translation import gettext

        from lumbar.programmes.display import programme_session_title

        try:
            done = self.programme_session
        except ObjectDoesNotExist:
            return gettext(self.sequence_title) if self.sequence_title else ""
        return programme_session_title(done.week, done.day)


class PracticeStep(models.Model):
    DONE, SKIPPED, STOPPED = "done", "skipped", "stopped"  # stopped: ended early because of symptoms

    session = models.ForeignKey(PracticeSession, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    pose_slug = models.SlugField(max_length=60)
    pose_name = models.CharField(max_length=200)
    variation = models.SlugField(max_length=60, blank=True)
    status = models.CharField(max_length=10, choices=[(DONE, DONE), (SKIPPED, SKIPPED), (STOPPED, STOPPED)])
    seconds = models.PositiveIntegerField(default=0)
    # how it felt, when the person said: easy, about-right, hard or hurt ("" = not said)
    rating = models.CharField(max_length=12, choices=list(RATING_LABELS.items()), blank=True)

    camera = models.JSONField(null=True, blank=True)  # {"reps", "glide": [0-100], "hold_seen", "floor_space"} if kept

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["session", "position"], name="one_step_per_position")]
