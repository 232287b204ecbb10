"""The journal's walking page: the daily goal the person sets, the minutes walked, each day against its goal."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lumbar.accounts.access import whose_data

from . import actions
from .walking import walking_days
from .walking_forms import WalkForm, WalkingGoalForm

GOAL, WALK = "goal", "walk"


def _page(request, grant, goal_form=None, walk_form=None, problem=None, status=200):
    shown = walking_days(grant)
    return render(request, "journal/walking.html", {
        **shown, "problem": problem,
        "goal_form": goal_form or WalkingGoalForm(initial={"goal": shown["goal"]}),
        "walk_form": walk_form or WalkForm(initial={"day": shown["days"][0]["day"].isoformat()}),
    }, status=status)


@login_required
@whose_data()
def walking(request, grant):
    if request.method != "POST":
        return _page(request, grant)
    which = request.POST.get("form", "")
    if which == GOAL:
        form = WalkingGoalForm(request.POST)
        if not form.is_valid():
            return _page(request, grant, goal_form=form, status=400)
        actions.set_walking_goal(grant.client, form.cleaned_data["goal"])
        messages.success(request, _("Saved your daily goal: %(minutes)s minutes.") % {
            "minutes": form.cleaned_data["goal"]})
    elif which == WALK:
        form = WalkForm(request.POST)
        if not form.is_valid():
            return _page(request, grant, walk_form=form, status=400)
        actions.record_walk(grant.client, form.cleaned_data["day"], form.cleaned_data["minutes"])
        messages.success(request, _("Saved: %(minutes)s minutes walked.") % {"minutes": form.cleaned_data["minutes"]})
    else:
        return _page(request, grant, problem=_("The form sent was neither the walking goal nor a walk."), status=400)
    return redirect("journal:walking")
