from django.conf import settings
from django.db import models


class WelcomeSeen(models.Model):
    """The person pressed Start on the welcome page (a page load never records it)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="welcome_seen")
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Welcome seen {self.seen_at:%Y-%m-%d}"
