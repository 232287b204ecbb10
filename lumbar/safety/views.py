import json
import re

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbar.accounts.access import whose_data
from lumbar.accounts.scopes import SCREENING

from lumbar.content.vocabulary import DIRECTIONS
from lumbar.offline.idempotency import idempotent

from . import actions
from .facts import stopped_directions
from .forms import AssessmentForm, ClearanceForm, FlareForm, LiftDirectionForm, ScreeningPageForm
from .gate import CLEARANCE, URGENT_STATE, last_urgent_at, screening_state
from .models import DirectionStop, Screening
from .screening import (BY_ID, DO_NOT_DRIVE, IDS_BY_KEY, NEW_QUESTION_OF, PAGES, ROUTINE, URGENT, answers_from_parts,
                        needs_answer, outcome)
from .stop_rules import MESSAGES, STOP_SESSION, SymptomReport

SESSION_KEY = "screening_parts"


def _latest(user):
    return Screening.objects.filter(user=user).first()


def _urgent_context(user, screening=None) -> dict:
    """What the urgent page says: the person's urgent symptoms when they came from the questions, else the list."""
    if screening is None:
        latest_urgent = Screening.objects.filter(user=user, tier=URGENT).first()
        if latest_urgent is not None and latest_urgent.created_at == last_urgent_at(user):
            screening = latest_urgent
    items = [BY_ID[r] for r in screening.reasons if BY_ID[r].tier == URGENT] if screening else []
    return {"urgent_items": items, "do_not_drive": not items or any(i.id in DO_NOT_DRIVE for i in items)}


@login_required
@whose_data()
def gate(request, grant):
    state = screening_state(grant.client)
    latest = _latest(grant.client)
    context = {"state": state, "latest": latest, "stopped": sorted(stopped_directions(grant.client))}
    if state == URGENT_STATE:
        return render(request, "safety/urgent.html", {**context, **_urgent_context(grant.client),
                                                      "form": AssessmentForm()})
    if state == CLEARANCE:
        context["form"] = ClearanceForm()
    return render(request, "safety/gate.html", context)


def _first_unanswered_page(parts) -> int | None:
    for number, page in enumerate(PAGES, 1):
        if any(q.key not in parts and needs_answer(q, parts) for q in page.questions):
            return number
    return None


@login_required
@whose_data()
def screening_page(request, grant, page: int):
    if not 1 <= page <= len(PAGES):
        raise Http404("No such page of questions")
    parts = request.session.get(SESSION_KEY, {})
    this = PAGES[page - 1]
    if request.method == "POST":
        form = ScreeningPageForm(this, request.POST)
        if form.is_valid():
            for question in this.questions:
                parts.pop(question.key, None)
            parts.update(form.cleaned_data)
            request.session[SESSION_KEY] = parts
            if outcome(answers_from_parts(parts)).tier == URGENT:  # advice at once: the rest can wait
                return _finish(request, grant, parts)
            if page < len(PAGES):
                return redirect("safety:screening", page=page + 1)
            missing = _first_unanswered_page(parts)
            if missing is not None:  # e.g. an earlier page was skipped by typing the address
                return redirect("safety:screening", page=missing)
            return _finish(request, grant, parts)
    else:
        form = ScreeningPageForm(this, initial={q.key: parts[q.key] for q in this.questions if q.key in parts})
    rows = [{"field": form[q.key], "items": IDS_BY_KEY[q.key], "follow_up_of": NEW_QUESTION_OF.get(q.key)}
            for q in this.questions]
    return render(request, "safety/screening.html", {"form": form, "rows": rows, "page": page, "pages": len(PAGES),
                                                     "this": this}, status=400 if form.errors else 200)


def _finish(request, grant, parts):
    screening = actions.record_screening_parts(grant.client, parts)
    del request.session[SESSION_KEY]
    return redirect("safety:result", pk=screening.pk)


def _own_screening(grant, pk):
    screening = grant.rows(Screening.objects, SCREENING).filter(pk=pk).first()
    if screening is None:
        raise Http404("No such screening")
    return screening


@login_required
@whose_data()
def result(request, grant, pk):
    screening = _own_screening(grant, pk)
    state = screening_state(grant.client)
    if screening.tier == URGENT:
        return render(request, "safety/urgent.html", {
            "state": state, **_urgent_context(grant.client, screening),
            "form": AssessmentForm() if state == URGENT_STATE else None})
    return render(request, "safety/result.html", {
        "screening": screening, "reasons": [BY_ID[r] for r in screening.reasons], "state": state,
    })


@login_required
@whose_data()
@require_POST
def assessment(request, grant):
    if screening_state(grant.client) != URGENT_STATE:
        return redirect("safety:gate")
    form = AssessmentForm(request.POST)
    if form.is_valid():
        actions.record_assessment(grant.client, **form.cleaned_data)
        return redirect("safety:gate")
    return render(request, "safety/urgent.html", {"state": URGENT_STATE, **_urgent_context(grant.client),
                                                  "form": form}, status=400)


@login_required
@whose_data()
@require_POST
def clearance(request, grant):
    latest = _latest(grant.client)
    if latest is None or screening_state(grant.client) != CLEARANCE:
        return redirect("safety:gate")
    form = ClearanceForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        actions.record_clearance(latest, data["cleared_by"], data["cleared_on"], data["limits"])
        return redirect("practice:home")
    return render(request, "safety/gate.html", {"state": CLEARANCE, "latest": latest, "form": form}, status=400)


@login_required
@whose_data()
@require_POST
def routine_done(request, grant):
    """The person has had the routine appointment the routine tier advised: the reminder goes."""
    latest = _latest(grant.client)
    if latest is not None and latest.tier == ROUTINE and latest.routine_done_at is None:
        actions.record_routine_done(latest)
    return redirect("practice:home")


@login_required
@whose_data()
def flare(request, grant):
    form = FlareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.record_flare(grant.client, form.cleaned_data["note"])
        return redirect("safety:gate")
    return render(request, "safety/flare.html", {"form": form})


@login_required
@whose_data()
def directions(request, grant):
    """Directions of movement stopped because symptoms spread down a leg; each can be lifted with a note."""
    stops = grant.rows(DirectionStop.objects, SCREENING)
    active = sorted(stopped_directions(grant.client))
    labels = [(d, DIRECTIONS.get(d, d)) for d in active]
    form, failed = LiftDirectionForm(), None
    if request.method == "POST":
        direction = request.POST.get("direction", "")
        if direction not in active:
            return render(request, "safety/directions.html", {
                "active": labels, "stops": stops, "form": form,
                "problem": _("“%(direction)s” is not a stopped direction.") % {"direction": direction}}, status=400)
        form = LiftDirectionForm(request.POST)
        if form.is_valid():
            actions.lift_direction_stop(grant.client, direction, form.cleaned_data["note"])
            return redirect("safety:directions")
        failed = direction
    return render(request, "safety/directions.html", {"active": labels, "stops": stops, "form": form,
                                                      "failed": failed}, status=400 if failed else 200)


MAX_STEP_INDEX = 32767  # the largest small integer every database keeps (the column's type)
NOT_IN_A_NAME = re.compile(r"[^-a-zA-Z0-9_]")


def _name(text: str) -> str:
    """A sequence or pose name as stored with a report: the player sends slugs; anything else (a NUL byte that
    PostgreSQL refuses, a lone surrogate that cannot be written) is dropped, never the report: an urgent report
    is always taken."""
    return NOT_IN_A_NAME.sub("", text[:200])[:60]


def _symptom_report(data) -> tuple[dict, SymptomReport]:
    """Checks the player's symptom report; raises ValueError naming the field that is wrong."""
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    fields = {"sequence": str, "step_index": int, "pose": str, "pain": int, "sharp_or_shooting": bool,
              "spreading_to_leg": bool, "urgent_symptoms": bool}
    for name, kind in fields.items():
        value = data.get(name)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ValueError(f"{name} is missing or not a {kind.__name__}")
    if not 0 <= data["pain"] <= 10:
        raise ValueError("pain must be from 0 to 10")
    if data["step_index"] < 0:
        raise ValueError("step_index must not be negative")
    if data["step_index"] > MAX_STEP_INDEX:
        raise ValueError(f"step_index must be at most {MAX_STEP_INDEX}")
    start = data.get("pain_at_start")
    if start is not None and (not isinstance(start, int) or isinstance(start, bool) or not 0 <= start <= 10):
        raise ValueError("pain_at_start must be from 0 to 10, or null")
    return data, SymptomReport(data["pain"], data["sharp_or_shooting"], data["spreading_to_leg"],
                               data["urgent_symptoms"], start)


@login_required
@whose_data()
@require_POST
@idempotent
def symptoms(request, grant):
    """The player's "something's wrong" report: decides by the stop rules, logs it, says what to do.

    Never behind the safety gate: an urgent report is always taken.
    """
    try:
        data, report = _symptom_report(json.loads(request.body or b"null"))
    except (ValueError, RecursionError) as error:
        return JsonResponse({"error": f"The report was not understood: {error}."}, status=400)
    event = actions.record_symptoms(grant.client, sequence_slug=_name(data["sequence"]),
                                    step_index=data["step_index"], pose_slug=_name(data["pose"]), report=report)
    answer = {"action": event.action, "message": str(MESSAGES[event.action])}
    if event.action == STOP_SESSION:
        answer["urgent_url"] = reverse("safety:gate")
    return JsonResponse(answer, status=201)
