from django.conf import settings
from django.db import models


class Reminder(models.Model):
    """When a person wants to be reminded to practise: days of the week and a time, in their own time zone."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder")
    weekdays = models.JSONField(default=list)  # 0 = Monday ... 6 = Sunday, sorted
    at = models.TimeField()
    time_zone = models.CharField(max_length=64)  # an IANA name, e.g. Europe/Madrid
    paused = models.BooleanField(default=False)
    feed_key_hash = models.CharField(max_length=64, blank=True, db_index=True)  # sha256 of the calendar secret
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Reminder for {self.user}"
