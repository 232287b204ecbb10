from django.conf import settings
from django.db import models


class Reminder(models.Model):
    """When a person wants to be reminded to practise: days of the week and a time, in their own time zone."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder")
    weekdays = models.JSONField(default=list)  # 0 = Monday ... 6 = Sunday, sorted
    at = models.TimeField()
    time_zone = models.CharField(max_length=64)  # an IANA name, e.g. Europe/Madrid
    paused = models.BooleanField(default=False)
    language = models.CharField(max_length=10, default="en")  # the words of the calendar and the messages
    feed_key_hash = models.CharField(max_length=64, blank=True, db_index=True)  # sha256 of the calendar secret
    last_push_at = models.DateTimeField(null=True, blank=True)  # when `lumbar send-reminders` last looked
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Reminder for {self.user}"


class PushSubscription(models.Model):
    """One browser (an installed app) that asked for reminders by Web Push: where to send them and the keys to
    encrypt them with, as the browser's PushManager gave them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions")
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def info(self) -> dict:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}
