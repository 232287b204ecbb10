"""Template tags for safety text shown on other apps' pages: the emergency number, the routine reminder and a
clinician's limits."""
from django import template
from django.conf import settings
from django.utils.translation import gettext as _

from lumbar.safety.facts import clearance_limits
from lumbar.safety.models import Screening
from lumbar.safety.screening import BY_ID, ROUTINE

register = template.Library()


@register.simple_tag
def emergency_number() -> str:
    """The number from LUMBAR_EMERGENCY_NUMBER, or "your local emergency number"."""
    return settings.EMERGENCY_NUMBER or _("your local emergency number")


@register.inclusion_tag("safety/_routine_reminder.html", takes_context=True)
def routine_reminder(context):
    """The home page's reminder to book a routine appointment, until the person records it was done."""
    user = context["request"].user
    latest = Screening.objects.filter(user=user).first() if user.is_authenticated else None
    due = latest is not None and latest.tier == ROUTINE and latest.routine_done_at is None
    return {"due": due, "reasons": [BY_ID[r] for r in latest.reasons] if due else [], "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("safety/_clinician_limits.html", takes_context=True)
def clinician_limits(context):
    """The limits a clinician gave when clearing the person, shown before every session."""
    user = context["request"].user
    return {"limits": clearance_limits(user) if user.is_authenticated else ""}
