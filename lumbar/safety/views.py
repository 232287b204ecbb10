import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import actions
from .forms import ClearanceForm, FlareForm, ScreeningPageForm
from .gate import CLEARANCE, screening_state
from .models import Screening
from .screening import BY_ID, IDS, Outcome
from .stop_rules import MESSAGES, STOP_SESSION, SymptomReport

# A few questions per screen; the urgent (Tier A) ones first.
PAGES = [IDS[0:5], IDS[5:8], IDS[8:12], IDS[12:16], IDS[16:20], IDS[20:22]]
SESSION_KEY = "screening_answers"


@login_required
def gate(request):
    state = screening_state(request.user)
    latest = Screening.objects.filter(user=request.user).first()
    return render(request, "safety/gate.html", {"state": state, "latest": latest,
                                                "form": ClearanceForm() if state == CLEARANCE else None})


@login_required
def screening_page(request, page: int):
    if not 1 <= page <= len(PAGES):
        raise Http404("No such page of questions")
    answers = request.session.get(SESSION_KEY, {})
    ids = PAGES[page - 1]
    if request.method == "POST":
        form = ScreeningPageForm(ids, request.POST)
        if form.is_valid():
            answers.update(form.cleaned_data)
            request.session[SESSION_KEY] = answers
            if page < len(PAGES):
                return redirect("safety:screening", page=page + 1)
            missing = [qid for qid in IDS if qid not in answers]
            if missing:  # e.g. an earlier page was skipped by typing the address
                return redirect("safety:screening", page=next(i for i, p in enumerate(PAGES, 1) if missing[0] in p))
            screening = actions.record_screening(request.user, {qid: answers[qid] for qid in IDS})
            del request.session[SESSION_KEY]
            return redirect("safety:result", pk=screening.pk)
    else:
        initial = {qid: ("yes" if answers[qid] else "no") for qid in ids if qid in answers}
        form = ScreeningPageForm(ids, initial=initial)
    return render(request, "safety/screening.html", {
        "form": form, "page": page, "pages": len(PAGES), "new_in_two_weeks": all(BY_ID[q].new_in_two_weeks for q in ids),
    })


def _own_screening(request, pk):
    screening = Screening.objects.filter(pk=pk, user=request.user).first()
    if screening is None:
        raise Http404("No such screening")
    return screening


@login_required
def result(request, pk):
    screening = _own_screening(request, pk)
    outcome = Outcome(screening.tier, screening.reasons)
    return render(request, "safety/result.html", {
        "screening": screening, "outcome": outcome, "reasons": [BY_ID[r] for r in screening.reasons],
        "state": screening_state(request.user), "form": ClearanceForm(),
    })


@login_required
@require_POST
def clearance(request):
    latest = Screening.objects.filter(user=request.user).first()
    if latest is None or screening_state(request.user) != CLEARANCE:
        return redirect("safety:gate")
    form = ClearanceForm(request.POST)
    if form.is_valid():
        actions.record_clearance(latest, form.cleaned_data["cleared_by"], form.cleaned_data["cleared_on"])
        return redirect("practice:home")
    return render(request, "safety/gate.html", {"state": CLEARANCE, "latest": latest, "form": form})


@login_required
def flare(request):
    form = FlareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.record_flare(request.user, form.cleaned_data["note"])
        return redirect("safety:gate")
    return render(request, "safety/flare.html", {"form": form})


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
    start = data.get("pain_at_start")
    if start is not None and (not isinstance(start, int) or isinstance(start, bool) or not 0 <= start <= 10):
        raise ValueError("pain_at_start must be from 0 to 10, or null")
    return data, SymptomReport(data["pain"], data["sharp_or_shooting"], data["spreading_to_leg"],
                               data["urgent_symptoms"], start)


@login_required
@require_POST
def symptoms(request):
    """The player's "something's wrong" report: decides by the stop rules, logs it, says what to do."""
    try:
        data, report = _symptom_report(json.loads(request.body or b"null"))
    except (ValueError, json.JSONDecodeError) as error:
        return JsonResponse({"error": f"The report was not understood: {error}."}, status=400)
    event = actions.record_symptoms(request.user, sequence_slug=data["sequence"][:60], step_index=data["step_index"],
                                    pose_slug=data["pose"][:60], report=report)
    answer = {"action": event.action, "message": str(MESSAGES[event.action])}
    if event.action == STOP_SESSION:
        answer["urgent_url"] = reverse("safety:gate")
    return JsonResponse(answer, status=201)


