"""Every "may this viewer see or change this?" question is answered here, and only here.

Two questions are kept apart: *whose* data a page shows (the client) and *who is asking* (the viewer).
A view asks `grant_for(viewer, client)` (or uses the `whose_data` decorator) and gets back a `Grant`: the
scopes the viewer may read and what they may change. The person themselves may read and change all of it;
a teacher who looks after the client reads only the scopes the client has consented to, and may assign
programmes and sequences; anyone else, an admin included, sees nothing of a person's health data.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth import get_user_model
from django.http import Http404

from .scopes import ACCOUNT, ASSIGN, SCOPES


@dataclass(frozen=True)
class Grant:
    viewer: object
    client: object
    read: frozenset = frozenset()
    change: frozenset = frozenset()

    @property
    def is_self(self) -> bool:
        return self.viewer is not None and self.client is not None and self.viewer.pk == self.client.pk

    def may_read(self, scope: str) -> bool:
        return scope in self.read

    def may_change(self, what: str) -> bool:
        return what in self.change

    def rows(self, queryset, scope: str, field: str = "user"):
        """The rows of one of the client's tables in `scope`: all of them if readable, none otherwise."""
        if not self.may_read(scope):
            return queryset.none()
        return queryset.filter(**{field: self.client})


NOTHING = Grant(None, None)


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def is_teacher(user) -> bool:
    from .models import Profile

    return _signed_in(user) and Profile.objects.filter(user=user, role=Profile.TEACHER).exists()


def is_admin(user) -> bool:
    """Runs the site: makes teachers, sees who has an account. Reads nobody's health data for that."""
    return _signed_in(user) and user.is_superuser


def looks_after(teacher, client) -> bool:
    from .models import Coaching

    return (_signed_in(teacher) and teacher.pk != client.pk and is_teacher(teacher)
            and Coaching.objects.filter(teacher=teacher, client=client, ended_at__isnull=True).exists())


def consented_scopes(client, teacher) -> frozenset:
    """The scopes this client shares with this teacher now: the latest change per scope decides."""
    from .models import ConsentChange

    latest = {}
    for scope, given in ConsentChange.objects.filter(client=client, teacher=teacher).values_list("scope", "given"):
        latest.setdefault(scope, given)  # newest first
    return frozenset(scope for scope, given in latest.items() if given and scope in SCOPES)


def grant_for(viewer, client) -> Grant:
    if not _signed_in(viewer) or client is None:
        return NOTHING
    if viewer.pk == client.pk:
        return Grant(viewer, client, read=SCOPES, change=SCOPES | {ACCOUNT, ASSIGN})
    if looks_after(viewer, client):
        return Grant(viewer, client, read=consented_scopes(client, viewer), change=frozenset({ASSIGN}))
    return Grant(viewer, client)


def own(request) -> Grant:
    """The signed-in person's grant on their own data."""
    return grant_for(request.user, request.user)


def clients_of(teacher):
    """The people this teacher looks after now."""
    if not is_teacher(teacher):
        return get_user_model().objects.none()
    return get_user_model().objects.filter(coaches__teacher=teacher, coaches__ended_at__isnull=True).order_by(
        "username")


def whose_data(*, read: str | None = None, change: str | None = None):
    """View decorator: the view is called as view(request, grant, ...).

    With a `client` URL argument the client is that person (a teacher's view of a client); without one it is
    the viewer. Anything the grant does not allow is answered 404, so a stranger cannot even learn that a
    person exists.
    """
    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, client=None, **kwargs):
            if not _signed_in(request.user):
                raise Http404("Not found")
            person = request.user if client is None else get_user_model().objects.filter(pk=client).first()
            grant = grant_for(request.user, person)
            if person is None or (read and not grant.may_read(read)) or (change and not grant.may_change(change)):
                raise Http404("Not found")
            return view(request, grant, *args, **kwargs)
        return wrapper
    return decorate


# --- single objects ---------------------------------------------------------------------------------------

def owned_rows(queryset, viewer, field: str = "user"):
    """The rows of a table that are the viewer's own (their journal, a teacher's material, classes, sequences)."""
    if not _signed_in(viewer):
        return queryset.none()
    return queryset.filter(**{field: viewer})


def may_view_done_session(viewer, done_session) -> bool:
    """The page of a finished programme session is where its ratings are given: the person's own only."""
    return grant_for(viewer, done_session.programme.user).is_self


def visible_sequences(queryset, viewer):
    """The hand-made sequences this viewer may see and play: their own, and those their teachers assigned them."""
    if not _signed_in(viewer):
        return queryset.none()
    from django.db.models import Q

    return queryset.filter(Q(owner=viewer) | Q(
        assignments__client=viewer, assignments__ended_at__isnull=True,
        assignments__teacher__coached__client=viewer, assignments__teacher__coached__ended_at__isnull=True,
    )).distinct()


def may_view_sequence(viewer, sequence) -> bool:
    return visible_sequences(type(sequence).objects.filter(pk=sequence.pk), viewer).exists()


def may_change_sequence(viewer, sequence) -> bool:
    """Editing and deleting stay with the owner, also once a sequence is assigned to clients."""
    return _signed_in(viewer) and sequence.owner_id == viewer.pk


# --- a teacher's material and classes (lumbar/studio) ---

def teachers_of(person):
    """The teachers who look after this person now (an ended coaching, or a teacher no longer one, is not)."""
    from .models import Profile

    users = get_user_model().objects
    if not _signed_in(person):
        return users.none()
    return users.filter(coached__client=person, coached__ended_at__isnull=True,
                        profile__role=Profile.TEACHER).exclude(pk=person.pk).distinct().order_by("username")


def visible_material(queryset, viewer):
    """The material this viewer may see: their own, if they teach, and that of the teachers looking after them."""
    from django.db.models import Q

    if not _signed_in(viewer):
        return queryset.none()
    allowed = Q(teacher__in=teachers_of(viewer))
    if is_teacher(viewer):
        allowed |= Q(teacher=viewer)
    return queryset.filter(allowed)


def may_view_material(viewer, material) -> bool:
    return visible_material(type(material).objects.filter(pk=material.pk), viewer).exists()
