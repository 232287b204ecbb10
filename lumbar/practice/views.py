from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from lumbar.accounts.access import grant_for, whose_data
from lumbar.accounts.scopes import CAMERA, PRACTICE
from lumbar.accounts.actions import kneeling_answer, record_kneeling
from lumbar.content.models import Sequence
from lumbar.offline.idempotency import idempotent
from lumbar.programmes.person import profile_for
from lumbar.safety.gate import screening_required
from lumbar.safety.models import SymptomEvent

from .actions import record_practice
from .forms import KneelingForm, LogError, parse_practice_log
from .measures import FLOOR_SPACE
from .models import PracticeSession
from .language import language_switch
from .plan import build_plan, needs_kneeling_answer, poses_done_before
from .summary import session_summary

def _kneeling_unknown(user, sequence) -> bool:
    return kneeling_answer(user) is None and needs_kneeling_answer(sequence)


@login_required
@whose_data()
@screening_required
def start(request, grant, slug):
    """Asks the one-time kneeling question when the sequence needs it, then opens the player."""
    sequence = get_object_or_404(Sequence, slug=slug)
    if request.method == "POST":
        form = KneelingForm(request.POST)
        if form.is_valid():
            record_kneeling(grant.client, form.cleaned_data["can_kneel"])
            return redirect("practice:play", slug=slug)
    elif _kneeling_unknown(grant.client, sequence):
        form = KneelingForm()
    else:
        return redirect("practice:play", slug=slug)
    return render(request, "practice/start.html", {"sequence": sequence, "form": form})


@login_required
@whose_data()
@screening_required
def play(request, grant, slug):
    sequence = get_object_or_404(Sequence, slug=slug)
    if _kneeling_unknown(grant.client, sequence):
        return redirect("practice:start", slug=slug)
    plan = build_plan(sequence, profile_for(grant.client), poses_done_before(grant))
    return render(request, "practice/player.html", {"sequence": sequence, "plan": plan,
                                                    "language_switch": language_switch()})


@login_required
@whose_data()
@require_POST
@screening_required
@idempotent
def log(request, grant, slug):
    """Saves the player's log as JSON. Refused whole, with a message naming the problem, if anything is off."""
    sequence = Sequence.objects.filter(slug=slug).first()
    if sequence is None:
        return JsonResponse({"error": f"There is no session called {slug!r}."}, status=404)
    try:
        entry, plan = parse_practice_log(request.body,
                                         lambda started: build_plan(sequence, profile_for(grant.client, started)))
    except LogError as error:
        return JsonResponse({"error": str(error)}, status=400)
    session = record_practice(grant.client, sequence, plan, entry)
    return JsonResponse({"saved": session.pk, "url": reverse("practice:session", args=[session.pk])}, status=201)


@login_required
def session_detail(request, pk):
    """One session of the practice log: the person's own, or a client's who shares their practice log (camera
    results only if those are shared too)."""
    session = PracticeSession.objects.filter(pk=pk).select_related("user").first()
    grant = grant_for(request.user, session.user if session else None)
    if session is None or not grant.may_read(PRACTICE):
        raise Http404("No such session")
    return render(request, "practice/session.html", {
        "session": session,
        "symptoms": symptoms_during(session),
        "summary": session_summary(session),
        "floor_labels": FLOOR_SPACE,
        "camera_shared": grant.may_read(CAMERA),
    })


def symptoms_during(session):
    """The "something's wrong" reports made while this session ran."""
    return SymptomEvent.objects.filter(
        user=session.user, sequence_slug=session.sequence_slug,
        created_at__range=(session.started_at, session.finished_at),
    ).order_by("created_at")
