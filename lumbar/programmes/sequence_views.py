"""Sequences by hand: list, new, edit, delete. Playing them is in play_views.py."""
from __future__ import annotations

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lumbar.accounts.access import may_change_sequence, visible_sequences, whose_data
from lumbar.safety.gate import screening_state

from . import actions, builder
from .display import step_rows
from .duration import rounded_minutes, step_seconds
from .exclusions import may_do
from .forms import pose_choices
from .models import OwnSequence
from .person import profile_for
from .play_views import sequence_ruled_out

# The buttons a builder page posts: save, add, and up-N / down-N / remove-N for a row N (plain digits).
ACTION = re.compile(r"save|add|(?:up|down|remove)-[0-9]{1,3}", re.ASCII)
AMOUNT_DIGITS = 6  # more than any dose; the builder names the range when an amount is out of it


def _plain_amounts(rows: list[dict]) -> list[dict]:
    """Amounts as the builder reads them: written in any script's digits ("٣") -> "3"; a digit that is no
    number ("²") or thousands of digits -> "" (refused as not a whole number, never a crash)."""
    for row in rows:
        amount = row["amount"]
        if amount.isdigit() and not (amount.isascii() and len(amount) <= AMOUNT_DIGITS):
            row["amount"] = str(int(amount)) if amount.isdecimal() and len(amount) <= AMOUNT_DIGITS else ""
    return rows


def _minutes(steps: list[dict]) -> float:
    return rounded_minutes(sum(step_seconds(s["pose"], s.get("variation"), s.get("reps"), s.get("seconds"))
                               for s in steps))


@login_required
@whose_data()
def sequence_list(request, grant):
    sequences = visible_sequences(OwnSequence.objects.all(), grant.client)
    return render(request, "programmes/sequences.html", {
        "sequences": [{"sequence": s, "rows": step_rows(s.steps), "minutes": _minutes(s.steps),
                       "warnings": list(sequence_ruled_out(grant.client, s).values())} for s in sequences],
        "safety": screening_state(grant.client),
    })


def _changeable(user, pk):
    sequence = OwnSequence.objects.filter(pk=pk).first()
    if sequence is None or not may_change_sequence(user, sequence):
        raise Http404("No such sequence")
    return sequence


def _form_page(request, grant, sequence, title, rows, *, problems=None, focus=None, note="", status=200):
    profile = profile_for(grant.client)
    problems = problems or {}
    summary = [*problems.get("title", []), *problems.get("steps", []),
               *(p for key, found in problems.items() if isinstance(key, int) for p in found)]
    choices = [(slug, name, not may_do(profile, slug).allowed) for slug, name in pose_choices()]
    views = builder.row_views(rows, problems, profile)
    if focus == "row-last" and views:
        views[-1]["focus"] = "field"
    elif focus:
        kind, _sep, number = focus.partition("-")
        if number.isdigit() and int(number) < len(views):
            views[int(number)]["focus"] = kind
    return render(request, "programmes/sequence_form.html", {
        "sequence": sequence, "title": title, "rows": views,
        "problems": problems, "summary": summary, "choices": choices, "focus": focus,
        "note": note, "max_steps": builder.MAX_STEPS,
    }, status=status)


@login_required
@whose_data()
def sequence_new(request, grant):
    return _edit(request, grant, None)


@login_required
@whose_data()
def sequence_edit(request, grant, pk: int):
    return _edit(request, grant, _changeable(grant.client, pk))


def _edit(request, grant, sequence):
    if request.method != "POST":
        rows = builder.rows_from_steps(sequence.steps) if sequence else []
        note = ""
        if sequence and request.GET.get("check") and sequence_ruled_out(grant.client, sequence):
            note = _("Your answers changed since you saved this sequence. Change or remove the poses marked below "
                     "before you play it.")
        return _form_page(request, grant, sequence, sequence.title if sequence else "", rows, note=note)
    title = request.POST.get("title", "").strip()
    rows = _plain_amounts(builder.read_rows(request.POST))
    action = request.POST.get("action", "save")
    if not ACTION.fullmatch(action):
        return _form_page(request, grant, sequence, title, rows, status=400,
                          problems={"steps": [_("That button is not one of this page's: %(action)s.")
                                              % {"action": repr(action[:40])}]})
    if action != "save":
        rows, problem = builder.apply_action(rows, action, request.POST.get("add-pose", ""), profile_for(grant.client))
        kind, _sep, number = action.partition("-")
        focus = None
        if kind in ("up", "down") and number.isdigit():
            moved = int(number) + (-1 if kind == "up" else 1)
            focus = f"{kind}-{max(0, min(moved, len(rows) - 1))}"
        elif kind == "add" and not problem:
            focus = "row-last"
        return _form_page(request, grant, sequence, title, rows, problems={"steps": [problem]} if problem else None,
                          focus=focus)
    steps, problems = builder.check_rows(title, rows)
    if "\x00" in title:  # a NUL character: no database keeps it (PostgreSQL refuses it), nor does a title need it
        problems.setdefault("title", []).append(_("The title cannot contain a NUL character."))
    if not problems:
        problems = {i: [why] for i, why in builder.ruled_out(profile_for(grant.client), steps).items()}
    if problems:
        return _form_page(request, grant, sequence, title, rows, problems=problems, status=400)
    saved = actions.save_sequence(grant.client, sequence, title, steps)
    messages.success(request, _("Saved: %(title)s.") % {"title": saved.title})
    return redirect("programmes:sequences")


@login_required
@whose_data()
def sequence_delete(request, grant, pk: int):
    sequence = _changeable(grant.client, pk)
    if request.method == "POST":
        title = sequence.title
        sequence.delete()
        messages.success(request, _("Deleted: %(title)s.") % {"title": title})
        return redirect("programmes:sequences")
    return render(request, "programmes/sequence_delete.html", {"sequence": sequence})
