"""Lets other pages show the journal's prompts with one include, without changing their views."""
from django import template

from ..morning import pending_morning_checkin
from ..prompts import weekly_checkin_due

register = template.Library()


@register.simple_tag(takes_context=True)
def pending_morning_day(context):
    """The session day whose next-morning check-in is waiting, or None."""
    request = context.get("request")
    return pending_morning_checkin(getattr(request, "user", None))


@register.simple_tag(takes_context=True)
def weekly_checkin_is_due(context):
    """True when the person has never checked in, or last did a week or more ago."""
    request = context.get("request")
    return weekly_checkin_due(getattr(request, "user", None))
