"""The course on other apps' pages: what the player's summary offers next."""
from django import template

from lumbar.accounts.access import own

from ..after_session import what_next

register = template.Library()


@register.inclusion_tag("course/_what_next.html")
def after_session(plan, request):
    """For the player's summary (practice/_after_session.html): the programme offer and the next lesson."""
    return {**what_next(own(request)), "plan": plan}
