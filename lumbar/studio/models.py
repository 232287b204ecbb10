"""A teacher's own material: photos and videos of poses, a booking link, weekly class times, and each client's
secret calendar address."""
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL

WEEKDAYS = [(0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")), (4, _("Friday")),
            (5, _("Saturday")), (6, _("Sunday"))]


def material_path(material, filename: str) -> str:
    """Stored under a random name in the teacher's own folder; the uploaded name is kept only for display."""
    return f"studio/{material.teacher_id}/{uuid.uuid4().hex}{PurePosixPath(filename).suffix}"


class Material(models.Model):
    """A photo or short video of one pose (or one version of it), shown to the teacher and their clients only."""

    PHOTO, VIDEO = "photo", "video"
    KINDS = [(PHOTO, _("photo")), (VIDEO, _("video"))]

    teacher = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="studio_material")
    pose = models.SlugField(max_length=60)
    variation = models.SlugField(max_length=60, blank=True)  # "" = the pose itself, any version
    kind = models.CharField(max_length=10, choices=KINDS)
    content_type = models.CharField(max_length=40)  # from the file's first bytes, never from its name
    file = models.FileField(upload_to=material_path, max_length=200)
    original_name = models.CharField(max_length=200, blank=True)
    size = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pose", "variation"]
        constraints = [models.UniqueConstraint(fields=["teacher", "pose", "variation"], name="one_material_per_pose")]


class BookingLink(models.Model):
    """Where the teacher's clients book a class or a one-to-one (https only)."""

    teacher = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="booking_link")
    url = models.URLField(max_length=500)
    updated_at = models.DateTimeField(auto_now=True)


class ClassTime(models.Model):
    """A class the teacher holds every week, at the site's time zone (settings.TIME_ZONE)."""

    teacher = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="class_times")
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    starts_at = models.TimeField()
    minutes = models.PositiveSmallIntegerField(validators=[MinValueValidator(5), MaxValueValidator(480)])
    title = models.CharField(max_length=100)
    place = models.CharField(max_length=200, blank=True)
    by_video = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["weekday", "starts_at", "pk"]


class CalendarKey(models.Model):
    """A client's secret calendar address. Only a hash of the secret is stored; a new one replaces the old."""

    client = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="calendar_key")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
