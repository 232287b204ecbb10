from django.conf import settings
from django.db import models


class SavedReply(models.Model):
    """The answer to one write a client may send again (a retry after a dropped connection, a queue sent when the
    network returns): the same Idempotency-Key gets this answer back instead of a second write."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_replies")
    key = models.CharField(max_length=100)
    fingerprint = models.CharField(max_length=64)  # sha256 of the method, path and body
    status = models.PositiveSmallIntegerField()
    content_type = models.CharField(max_length=100)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_reply_per_key")]
