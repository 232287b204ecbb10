"""A teacher's clients: the list sorted by need, one client's shared data, and what the teacher assigns.

Every page asks the access gate for the client's grant (accounts/access.py): a scope the client has not
shared is shown as not shared; a person the teacher does not look after is 404.
"""
from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbar.accounts.access import clients_of, grant_for, is_teacher, owned_rows, whose_data
from lumbar.accounts.scopes import ASSIGN, CAMERA, JOURNAL, PRACTICE, SCOPE_CHOICES, SCREENING
from lumbar.programmes.models import OwnSequence, Programme, SequenceAssignment

from . import actions
from .flags import client_row, rows_by_need, screening_flags
from .forms import AdjustForm
from .shared import sequence_checks, shared_journal, shared_practice

RECENT = 20


def _teacher_of(view):
    """The grant must be a teacher's on a client they look after (the person themselves gets their own pages)."""
    @wraps(view)
    def wrapper(request, grant, *args, **kwargs):
        if grant.is_self or not grant.may_change(ASSIGN):
            raise Http404("Not found")
        return view(request, grant, *args, **kwargs)
    return wrapper


@login_required
def clients(request):
    if not is_teacher(request.user):
        raise Http404("Not found")
    grants = [grant_for(request.user, client) for client in clients_of(request.user)]
    return render(request, "teaching/clients.html", {"rows": rows_by_need(grants)})


@login_required
@whose_data(change=ASSIGN)
@_teacher_of
def client_detail(request, grant):
    client = grant.client
    programme = grant.rows(Programme.objects, PRACTICE).first()
    return render(request, "teaching/client.html", {
        "grant": grant, "client": client, "row": client_row(grant),
        "scopes": [(code, label, grant.may_read(code)) for code, label in SCOPE_CHOICES],
        "practice": shared_practice(grant, RECENT) if grant.may_read(PRACTICE) else None,
        "camera": grant.may_read(CAMERA),
        "journal": shared_journal(grant) if grant.may_read(JOURNAL) else None,
        "screening": screening_flags(grant) if grant.may_read(SCREENING) else None,
        "sequences": sequence_checks(request.user, client),
        "assigned": owned_rows(SequenceAssignment.objects, request.user, "teacher")
                    .filter(client=client, ended_at__isnull=True).select_related("sequence"),
        "form": AdjustForm.for_programme(programme),
    })


@login_required
@require_POST
@whose_data(change=ASSIGN)
@_teacher_of
def assign(request, grant):
    raw = request.POST.get("sequence", "")
    wanted = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 12 else None
    sequence = owned_rows(OwnSequence.objects, request.user, "owner").filter(pk=wanted).first() if wanted else None
    if sequence is None:
        messages.error(request, _("Choose one of your own sequences."))
    elif request.POST.get("action") == "end":
        actions.end_assignment(request.user, grant.client, sequence)
        messages.success(request, _("%(title)s is no longer assigned.") % {"title": sequence.title})
    else:
        try:
            actions.assign_sequence(request.user, grant.client, sequence)
            messages.success(request, _("Assigned: %(title)s.") % {"title": sequence.title})
        except actions.AssignRefused as refusal:
            messages.error(request, str(refusal))
    return redirect("teaching:client", client=grant.client.pk)


@login_required
@whose_data(change=ASSIGN)
@_teacher_of
def adjust(request, grant):
    if request.method != "POST":
        return redirect("teaching:client", client=grant.client.pk)
    form = AdjustForm(request.POST)
    if form.is_valid():
        try:
            actions.adjust_programme(request.user, grant.client, form.cleaned_data["minutes"],
                                     form.cleaned_data["days_per_week"], form.cleaned_data["leave_out"])
            messages.success(request, _("The programme is changed. Your client sees why in their changelog."))
            return redirect("teaching:client", client=grant.client.pk)
        except actions.AssignRefused as refusal:
            form.add_error(None, str(refusal))
    return render(request, "teaching/adjust.html", {"client": grant.client, "form": form}, status=400)


@login_required
@require_POST
@whose_data(change=ASSIGN)
@_teacher_of
def reset_link(request, grant):
    from lumbar.accounts.actions import reset_link as make_link

    return render(request, "teaching/reset_link.html", {"client": grant.client, "link": make_link(grant.client)})
