"""What a teacher changes for a client: sequences assigned and adjustments to the programme.

Each write asks the access gate (may this teacher assign to this client?) and the per-person safety decision
(may this client do these poses?); a refusal says why in words the teacher can act on.
"""
from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbar.accounts.access import grant_for
from lumbar.accounts.scopes import ASSIGN
from lumbar.programmes.actions import save_profile
from lumbar.programmes.builder import ruled_out
from lumbar.programmes.library import display_name
from lumbar.programmes.models import ChangeEntry, Programme, SequenceAssignment
from lumbar.programmes.person import profile_for
from lumbar.programmes.profile import ProfileError, parse_profile


class AssignRefused(ValueError):
    """The teacher may not assign this; the message says why."""


def _may_assign(teacher, client) -> None:
    if not grant_for(teacher, client).may_change(ASSIGN):
        raise AssignRefused(_("You can only assign to clients you look after."))


@transaction.atomic
def assign_sequence(teacher, client, sequence) -> SequenceAssignment:
    _may_assign(teacher, client)
    if sequence.owner_id != teacher.pk:
        raise AssignRefused(_("You can only assign sequences you made."))
    problems = ruled_out(profile_for(client), sequence.steps)
    if problems:
        raise AssignRefused(_("Not assigned, because of this client's answers: %(why)s")
                            % {"why": " ".join(problems.values())})
    assignment = SequenceAssignment.objects.filter(sequence=sequence, client=client, ended_at__isnull=True).first()
    return assignment or SequenceAssignment.objects.create(sequence=sequence, teacher=teacher, client=client)


@transaction.atomic
def end_assignment(teacher, client, sequence) -> None:
    _may_assign(teacher, client)
    SequenceAssignment.objects.filter(sequence=sequence, client=client, teacher=teacher,
                                      ended_at__isnull=True).update(ended_at=timezone.now())


@transaction.atomic
def adjust_programme(teacher, client, minutes, days_per_week, leave_out: list[str]) -> Programme:
    """Sets the client's minutes, days and poses left out (the rest of their answers stay theirs). Poses the
    client may not do are left out by the programme's own rules whatever the teacher picks."""
    _may_assign(teacher, client)
    record = Programme.objects.select_for_update().filter(user=client).first()
    answers = dict(record.profile) if record else {}
    answers.update(minutes=minutes, days_per_week=days_per_week, exclude=sorted(set(leave_out)))
    try:
        profile = parse_profile(answers)
    except ProfileError as error:
        raise AssignRefused("; ".join(f"{field}: {message}" for field, message in error.problems)) from None
    programme = save_profile(client, profile)
    left = ", ".join(display_name(slug) for slug in profile.exclude) or _("none")
    ChangeEntry.objects.create(
        programme=programme, session=programme.get_state().position + 1, change="teacher",
        text=_("Your teacher %(teacher)s set your sessions to %(minutes)s minutes, %(days)s days a week. Poses "
               "left out by your teacher: %(left)s.") % {"teacher": teacher.get_username(), "minutes": minutes,
                                                        "days": days_per_week, "left": left})
    return programme
