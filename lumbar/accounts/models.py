"""People and who may look at whose data: profiles, teacher-client links, consent and invitations."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .scopes import SCOPE_CHOICES

USER = settings.AUTH_USER_MODEL


class Profile(models.Model):
    """What Lumbar remembers about a person between sessions."""

    CLIENT, TEACHER = "client", "teacher"
    ROLES = [(CLIENT, _("client")), (TEACHER, _("teacher"))]

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(max_length=10, choices=ROLES, default=CLIENT)
    # Asked once before the first rounded rest: None means not asked yet.
    can_kneel = models.BooleanField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Profile of {self.user}"



class Coaching(models.Model):
    """A teacher looks after a client (made by an invitation or by hand). Ending it keeps the history."""

    teacher = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="coached")
    client = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="coaches")
    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["teacher", "client"], name="one_coaching_per_pair")]


class ConsentChange(models.Model):
    """The client gives or withdraws one scope for one teacher. Never edited: the latest row is the answer."""

    client = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="consent_changes")
    teacher = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="consents_received")
    scope = models.CharField(max_length=20, choices=SCOPE_CHOICES)
    given = models.BooleanField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]


class Invitation(models.Model):
    """A single-use, expiring link a teacher gives a client. Only a hash of the secret is stored."""

    teacher = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="invitations")
    name = models.CharField(max_length=150, blank=True)
    email = models.EmailField(blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
