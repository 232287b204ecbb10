"""Writes about people: roles, teacher-client links, consent and invitations. Each records when."""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from .models import Coaching, ConsentChange, Invitation, Profile
from .scopes import SCOPES

INVITATION_DAYS = 14


class InvitationError(ValueError):
    """An invitation link that cannot be used (unknown, used or expired); the message says which.

    `reason` is "unknown", "used" or "expired", so a page can answer 404 or 410.
    """

    def __init__(self, message: str, reason: str = "unknown"):
        super().__init__(message)
        self.reason = reason


def _used() -> InvitationError:
    return InvitationError(_("This invitation link has been used already. Sign in, or ask for a new one."), "used")


def kneeling_answer(user) -> bool | None:
    """Whether kneeling is comfortable, as the person last said (in the player or the programme's questions).
    The one place this fact is kept; None: not asked yet."""
    account = Profile.objects.filter(user=user).first()
    return None if account is None else account.can_kneel


def record_kneeling(user, can_kneel: bool) -> None:
    Profile.objects.update_or_create(user=user, defaults={"can_kneel": can_kneel})


def make_teacher(user) -> None:
    Profile.objects.update_or_create(user=user, defaults={"role": Profile.TEACHER})


def make_client(user) -> None:
    """A teacher becomes a client again: their clients stay linked but they see nothing until made teacher."""
    Profile.objects.update_or_create(user=user, defaults={"role": Profile.CLIENT})


@transaction.atomic
def start_coaching(teacher, client) -> Coaching:
    coaching, created = Coaching.objects.get_or_create(teacher=teacher, client=client)
    if not created and coaching.ended_at is not None:
        coaching.ended_at = None
        coaching.save(update_fields=["ended_at"])
    return coaching


@transaction.atomic
def end_coaching(teacher, client) -> None:
    """Either side may end it; whatever was shared stops being shared at once."""
    Coaching.objects.filter(teacher=teacher, client=client, ended_at__isnull=True).update(ended_at=timezone.now())
    for scope in SCOPES:
        set_consent(client, teacher, scope, False)


def set_consent(client, teacher, scope: str, given: bool) -> ConsentChange | None:
    """Records a change only when it is one (the history stays readable)."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}")
    latest = ConsentChange.objects.filter(client=client, teacher=teacher, scope=scope).first()
    if (latest.given if latest else False) == given:
        return None
    return ConsentChange.objects.create(client=client, teacher=teacher, scope=scope, given=given)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_invitation(teacher, name: str = "", email: str = "", days: int = INVITATION_DAYS):
    """Returns (invitation, token): the token goes in the link and is never stored."""
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(teacher=teacher, name=name, email=email, token_hash=_hash(token),
                                           expires_at=timezone.now() + timedelta(days=days))
    return invitation, token


def open_invitation(token: str) -> Invitation:
    invitation = Invitation.objects.filter(token_hash=_hash(token or "")).select_related("teacher").first()
    if invitation is None:
        raise InvitationError(_("This invitation link is not known. Ask your teacher for a new one."), "unknown")
    if invitation.used_at is not None:
        raise _used()
    if invitation.expires_at <= timezone.now():
        raise InvitationError(_("This invitation link has expired. Ask your teacher for a new one."), "expired")
    return invitation


@transaction.atomic
def accept_invitation(token: str, username: str, password: str, email: str = ""):
    """Makes the client's account and links them to the teacher; the link cannot be used again.

    The link is claimed by one conditional update before anything is made, so of two submits at the same
    moment exactly one wins (the row is locked on PostgreSQL; SQLite takes its write lock), whatever the
    database. If making the account fails, the claim is rolled back with it.
    """
    invitation = open_invitation(token)
    now = timezone.now()
    claimed = Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(used_at=now)
    if not claimed:
        raise _used()
    user = get_user_model().objects.create_user(username, email=email or invitation.email, password=password)
    Profile.objects.create(user=user)
    start_coaching(invitation.teacher, user)
    Invitation.objects.filter(pk=invitation.pk).update(used_by=user)
    return user


def cancel_invitation(teacher, pk: int) -> bool:
    """A teacher takes back one of their own links that nobody has used yet."""
    deleted, _rows = Invitation.objects.filter(teacher=teacher, pk=pk, used_at__isnull=True).delete()
    return bool(deleted)


def pending_invitations(teacher):
    return Invitation.objects.filter(teacher=teacher, used_at__isnull=True,
                                     expires_at__gt=timezone.now()).order_by("-created_at")


def _account_without_password(username: str, email: str = "", role: str = Profile.CLIENT):
    user = get_user_model().objects.create_user(username, email=email)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    Profile.objects.create(user=user, role=role)
    return user


@transaction.atomic
def add_client_by_hand(teacher, username: str, email: str = ""):
    """A teacher adds someone without a link; they set their own password through a reset link."""
    user = _account_without_password(username, email)
    start_coaching(teacher, user)
    return user


@transaction.atomic
def add_teacher_by_hand(username: str, email: str = ""):
    """The admin adds a teacher; they set their own password through `reset_link`."""
    return _account_without_password(username, email, role=Profile.TEACHER)


@transaction.atomic
def create_site_account(username: str, email: str, password: str, *, admin: bool):
    """`lumbar manage create_site`: the first account (admin and teacher), or one more teacher."""
    users = get_user_model().objects
    user = (users.create_superuser if admin else users.create_user)(username, email=email, password=password)
    Profile.objects.create(user=user, role=Profile.TEACHER)
    return user


def reset_link(user) -> str:
    """An absolute link with which this person chooses a new password (or their first one).

    It works once: choosing a password changes what the token was made from. It lasts
    PASSWORD_RESET_TIMEOUT (Django's default: 3 days). A teacher can hand it over when there is no email.
    """
    path = reverse("accounts:password_reset_confirm", kwargs={
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)})
    return settings.SITE_URL + path
