"""The client's side: which teacher may see what. Given and withdrawn by the client only, one scope at a time,
each change kept with its time."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbar.accounts.access import consented_scopes, whose_data
from lumbar.accounts.actions import end_coaching, set_consent
from lumbar.accounts.models import Coaching, ConsentChange
from lumbar.accounts.scopes import ACCOUNT, SCOPE_CHOICES, SCOPES


@login_required
@whose_data(change=ACCOUNT)
def sharing(request, grant):
    teachers = []
    for coaching in Coaching.objects.filter(client=grant.client, ended_at__isnull=True).select_related("teacher"):
        shared = consented_scopes(grant.client, coaching.teacher)
        teachers.append({"teacher": coaching.teacher, "scopes": [(code, label, code in shared)
                                                                 for code, label in SCOPE_CHOICES]})
    history = ConsentChange.objects.filter(client=grant.client).select_related("teacher")[:30]
    return render(request, "teaching/sharing.html", {"teachers": teachers, "history": history})


@login_required
@require_POST
@whose_data(change=ACCOUNT)
def change_sharing(request, grant, teacher: int):
    who = get_user_model().objects.filter(pk=teacher).first()  # a number out of the database's range: None
    if who is None or not Coaching.objects.filter(client=grant.client, teacher=who, ended_at__isnull=True).exists():
        raise Http404("Not found")
    if request.POST.get("action") == "leave":
        end_coaching(who, grant.client)
        messages.success(request, _("%(teacher)s no longer looks after you and sees nothing of yours.")
                         % {"teacher": who.get_username()})
        return redirect("teaching:sharing")
    wanted = set(request.POST.getlist("scope"))
    unknown = wanted - SCOPES
    if unknown:
        messages.error(request, _("Unknown choice: %(names)s.") % {"names": ", ".join(sorted(unknown))[:200]})
        return redirect("teaching:sharing")
    for scope in sorted(SCOPES):
        set_consent(grant.client, who, scope, scope in wanted)
    messages.success(request, _("Saved. %(teacher)s now sees only what is ticked.") % {"teacher": who.get_username()})
    return redirect("teaching:sharing")
