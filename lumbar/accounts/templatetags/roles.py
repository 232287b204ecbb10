"""Who is asking, for the navigation: the answers come from accounts/access.py."""
from django import template

from lumbar.accounts import access

register = template.Library()


@register.filter
def teaches(user) -> bool:
    return access.is_teacher(user)


@register.filter
def runs_site(user) -> bool:
    return access.is_admin(user)
