from django.db import models
from django.urls import reverse


class Pose(models.Model):
    """A pose from the library. `data` holds the whole validated content file (see schema.Pose)."""

    uuid = models.UUIDField(unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    position = models.CharField(max_length=20, db_index=True)
    direction = models.CharField(max_length=20, db_index=True)
    kind = models.CharField(max_length=20)
    data = models.JSONField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("content:pose", args=[self.slug])


class Sequence(models.Model):
    """A sequence the session player plays. `data` holds the validated file (see schema.Sequence)."""

    uuid = models.UUIDField(unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=200)
    data = models.JSONField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.title
