"""What is stored for a person's programme: their answers, where they are, what changed, and their own sequences.

The rules live in the pure modules beside this one; these rows only hold their JSON:
  Programme.profile   Profile.to_dict() (profile.py)
  Programme.state     ProgrammeState.to_dict() (state.py)
  DoneSession         one programme session that was played and saved, with the state before and after it, so
                      ratings given after the session can be applied again until the next morning is counted
  ChangeEntry         one line of the changelog ("what changed and why")
  OwnSequence         a sequence made by hand, steps in the sequence step format (content/schema.py PoseStep)
"""
from django.conf import settings
from django.db import models

from lumbar.practice.models import PracticeSession

from .profile import parse_profile
from .state import ProgrammeState


class Programme(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme")
    profile = models.JSONField()
    state = models.JSONField()
    # direction -> ISO date the direction check was answered (the two halves are done on separate days)
    check_days = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Programme of {self.user}"

    def get_profile(self):
        return parse_profile(self.profile)

    def get_state(self) -> ProgrammeState:
        return ProgrammeState.from_dict(self.state)


class DoneSession(models.Model):
    """A programme session the person played and saved (the practice log is in `practice`)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="done_sessions")
    practice = models.OneToOneField(PracticeSession, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="programme_session")
    number = models.PositiveSmallIntegerField()  # 1 = the programme's first session
    week = models.PositiveSmallIntegerField()
    day = models.PositiveSmallIntegerField()
    session = models.JSONField()  # the session as played (adaptation.next_session)
    profile_before = models.JSONField()
    state_before = models.JSONField()
    state_after = models.JSONField()
    ratings = models.JSONField(default=dict, blank=True)  # pose slug -> easy | about-right | hard | hurt
    pain_after = models.PositiveSmallIntegerField(null=True, blank=True)
    morning_counted = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number", "-pk"]

    def __str__(self) -> str:
        return f"Session {self.number} (week {self.week}, day {self.day})"


class ChangeEntry(models.Model):
    """One change the programme made, in plain words (adaptation.py's changelog entries, and a few of ours)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="changes")
    done_session = models.ForeignKey(DoneSession, on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="changes")
    session = models.PositiveSmallIntegerField()  # the first session it applies to, from 1
    pose = models.SlugField(max_length=60, blank=True)
    change = models.SlugField(max_length=30)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "change entries"

    def __str__(self) -> str:
        return self.text


class OwnSequence(models.Model):
    """A sequence someone put together from the library. Who may see it is decided in accounts/access.py."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="own_sequences")
    title = models.CharField(max_length=120)
    steps = models.JSONField(default=list)  # [{"type": "pose", "pose", "variation", "reps", "seconds"}]
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def slug(self) -> str:
        """How the practice log and symptom reports name this sequence."""
        return f"own-sequence-{self.pk}"


class SequenceAssignment(models.Model):
    """A teacher gives one of their own sequences to a client they look after; the client can then play it."""

    sequence = models.ForeignKey(OwnSequence, on_delete=models.CASCADE, related_name="assignments")
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    client = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="assigned_sequences")
    assigned_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
