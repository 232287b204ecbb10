"""Writes about people: roles, teacher-client links, consent and invitations. Each records when."""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .models import Coaching, ConsentChange, Invitation, Profile
from .scopes import SCOPES

INVITATION_DAYS = 14


class InvitationError(ValueError):
    """An invitation link that cannot be used (unknown, used or expired); the message says which."""


def make_teacher(user) -> None:
    Profile.objects.update_or_create(user=user, defaults={"role": Profile.TEACHER})


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
        raise InvitationError("This invitation link is not known. Ask your teacher for a new one.")
    if invitation.used_at is not None:
        raise InvitationError("This invitation link has been used already. Sign in, or ask for a new one.")
    if invitation.expires_at <= timezone.now():
        raise InvitationError("This invitation link has expired. Ask your teacher for a new one.")
    return invitation


@transaction.atomic
def accept_invitation(token: str, username: str, password: str, email: str = ""):
    """Makes the client's account and links them to the teacher; the link cannot be used again."""
    invitation = open_invitation(token)
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.used_at is not None:
        raise InvitationError("This invitation link has been used already. Sign in, or ask for a new one.")
    user = get_user_model().objects.create_user(username, email=email or locked.email, password=password)
    Profile.objects.create(user=user)
    start_coaching(locked.teacher, user)
    locked.used_at, locked.used_by = timezone.now(), user
    locked.save(update_fields=["used_at", "used_by"])
    return user


@transaction.atomic
def add_client_by_hand(teacher, username: str, email: str = ""):
    """A teacher adds someone without a link; they set their own password through a reset link."""
    user = get_user_model().objects.create_user(username, email=email)
    user.set_unusable_password()
    user.save(update_fields=["password"])
    Profile.objects.create(user=user)
    start_coaching(teacher, user)
    return user
