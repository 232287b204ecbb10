"""Who may see a teacher's material and class times: the teacher, and the clients they look after now.

To be moved into lumbar/accounts/access.py (the one module that answers "may this viewer see this?").
"""
from django.contrib.auth import get_user_model
from django.db.models import Q

from lumbar.accounts.access import is_teacher
from lumbar.accounts.models import Profile


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def teachers_of(person):
    """The teachers who look after this person now (an ended coaching, or a teacher no longer one, is not)."""
    users = get_user_model().objects
    if not _signed_in(person):
        return users.none()
    return users.filter(coached__client=person, coached__ended_at__isnull=True,
                        profile__role=Profile.TEACHER).exclude(pk=person.pk).distinct().order_by("username")


def visible_material(queryset, viewer):
    """The material this viewer may see: their own, if they teach, and that of the teachers looking after them."""
    if not _signed_in(viewer):
        return queryset.none()
    allowed = Q(teacher__in=teachers_of(viewer))
    if is_teacher(viewer):
        allowed |= Q(teacher=viewer)
    return queryset.filter(allowed)


def may_view_material(viewer, material) -> bool:
    return visible_material(type(material).objects.filter(pk=material.pk), viewer).exists()
