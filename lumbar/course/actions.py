"""Writes. They take users, never the request."""
from django.utils import timezone

from .models import WelcomeSeen


def record_welcome_seen(user) -> WelcomeSeen:
    """Once per person: pressing Start again keeps the first time."""
    seen, _created = WelcomeSeen.objects.get_or_create(user=user, defaults={"seen_at": timezone.now()})
    return seen
