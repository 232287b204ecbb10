"""Playing in the session player: today's programme session, a half of the direction check, a hand-made sequence.

Every route that plays or logs a session is behind the safety gate (screening_required), and every plan is
built for the person by the one per-person decision (person.profile_for, exclusions, sequence_rules). Each has
its own log endpoint, which checks the player's log against the same plan and saves it whole or not at all.
"""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbar.accounts.access import may_view_sequence, whose_data
from lumbar.accounts.scopes import PRACTICE
from lumbar.offline.idempotency import idempotent
from lumbar.practice.forms import LogError, parse_practice_log
from lumbar.practice.language import language_switch
from lumbar.practice.plan import plan_for_steps, poses_done_before
from lumbar.safety.gate import screening_required

from . import actions
from .adaptation import next_session
from .builder import ruled_out
from .direction_check import check_sessions
from .models import OwnSequence, Programme
from .person import profile_for
from .player_steps import sequence_steps

PAIN_BEFORE, PAIN_AFTER, SUMMARY = ({"type": "pain", "moment": "before"}, {"type": "pain", "moment": "after"},
                                    {"type": "summary"})


def _player(request, plan):
    return render(request, "practice/player.html", {"plan": plan, "language_switch": language_switch()})


def _save(request, plan_at, save):
    """Parses the log against the plan as it was when the session started (plan_at(started_at)), then
    save(log, plan) -> (saved pk, the page to show it)."""
    try:
        log, plan = parse_practice_log(request.body, plan_at)
    except LogError as error:
        return JsonResponse({"error": str(error)}, status=400)
    try:
        pk, url = save(log, plan)
    except actions.StaleSession as error:
        return JsonResponse({"error": str(error)}, status=409)
    return JsonResponse({"saved": pk, "url": url}, status=201)


# --- today's programme session -----------------------------------------------------------------------

def _programme_plan(user, number: int, session: dict, at=None, done_before=frozenset()) -> dict:
    title = _("Your programme: week %(week)s, day %(day)s") % {"week": session["week"], "day": session["day"]}
    return plan_for_steps(slug="programme", title=title, steps=sequence_steps(session),
                          profile=profile_for(user, at), log_url=reverse("programmes:log", args=[number]),
                          done_before=done_before)


@login_required
@whose_data()
@screening_required
def play_programme(request, grant):
    record = grant.rows(Programme.objects, PRACTICE).first()
    if record is None:
        return redirect("programmes:intake")
    state = record.get_state()
    session = next_session(state, profile_for(grant.client))
    if session is None:
        return redirect("programmes:programme")
    return _player(request, _programme_plan(grant.client, state.position + 1, session,
                                            done_before=poses_done_before(grant)))


@login_required
@whose_data()
@require_POST
@screening_required
@idempotent
def log_programme(request, grant, number: int):
    record = grant.rows(Programme.objects, PRACTICE).first()
    if record is None:
        return JsonResponse({"error": _("There is no programme to save this session to.")}, status=404)
    state = record.get_state()
    if state.paused or number != state.position + 1:
        return JsonResponse({"error": _("This session was already saved, or the programme moved on since it "
                                        "started.")}, status=409)

    def plan_at(at):  # the session as it was when it started
        return _programme_plan(grant.client, number, next_session(state, profile_for(grant.client, at)), at)

    def save(log, plan):
        done = actions.record_programme_session(grant.client, number, plan, log)
        return done.practice_id, reverse("programmes:done", args=[done.pk])

    return _save(request, plan_at, save)


# --- the direction check -----------------------------------------------------------------------------

def _check(user, direction: str):
    if not Programme.objects.filter(user=user).exists():
        return None
    return next((c for c in check_sessions(profile_for(user)) if c["direction"] == direction and c["available"]),
                None)


def _check_plan(user, check, at=None, done_before=frozenset()) -> dict:
    title = _("Direction check: rounding") if check["direction"] == "flexion" else _("Direction check: arching")
    return plan_for_steps(slug=f"direction-check-{check['direction']}", title=title,
                          steps=[PAIN_BEFORE, *check["steps"], PAIN_AFTER, SUMMARY], profile=profile_for(user, at),
                          log_url=reverse("programmes:check-log", args=[check["direction"]]), done_before=done_before)


@login_required
@whose_data()
@screening_required
def play_check(request, grant, direction: str):
    check = _check(grant.client, direction)
    if check is None:
        return redirect("programmes:check")
    return _player(request, _check_plan(grant.client, check, done_before=poses_done_before(grant)))


@login_required
@whose_data()
@require_POST
@screening_required
@idempotent
def log_check(request, grant, direction: str):
    check = _check(grant.client, direction)
    if check is None:
        return JsonResponse({"error": _("There is no direction check called %(name)r.") % {"name": direction}},
                            status=404)
    def save(log, plan):
        practice = actions.record_played(grant.client, actions.Played(plan["sequence"], plan["title"]), plan, log)
        return practice.pk, reverse("programmes:check") + f"#check-{direction}"

    return _save(request, lambda at: _check_plan(grant.client, check, at), save)


# --- a hand-made sequence ----------------------------------------------------------------------------

def _own(user, pk: int):
    sequence = OwnSequence.objects.filter(pk=pk).first()
    return sequence if sequence is not None and may_view_sequence(user, sequence) else None


def _sequence_plan(user, sequence, at=None, done_before=frozenset()) -> dict:
    return plan_for_steps(slug=sequence.slug, title=sequence.title, steps=[PAIN_BEFORE, *sequence.steps, PAIN_AFTER,
                                                                           SUMMARY],
                          profile=profile_for(user, at),
                          log_url=reverse("programmes:sequence-log", args=[sequence.pk]), done_before=done_before)


def sequence_ruled_out(user, sequence, at=None) -> dict[int, str]:
    """Steps of a saved sequence that this person may not do now (their answers may have changed since)."""
    return ruled_out(profile_for(user, at), sequence.steps)


@login_required
@whose_data()
@screening_required
def play_sequence(request, grant, pk: int):
    sequence = _own(grant.client, pk)
    if sequence is None:
        raise Http404("No such sequence")
    if sequence_ruled_out(grant.client, sequence):
        return redirect(reverse("programmes:sequence-edit", args=[pk]) + "?check=1")
    return _player(request, _sequence_plan(grant.client, sequence, done_before=poses_done_before(grant)))


@login_required
@whose_data()
@require_POST
@screening_required
@idempotent
def log_sequence(request, grant, pk: int):
    sequence = _own(grant.client, pk)
    if sequence is None:
        return JsonResponse({"error": _("There is no sequence with that number.")}, status=404)
    if sequence_ruled_out(grant.client, sequence):
        return JsonResponse({"error": _("This sequence has poses your answers now rule out; it cannot be "
                                        "logged.")}, status=409)
    def save(log, plan):
        practice = actions.record_played(grant.client, actions.Played(sequence.slug, sequence.title), plan, log)
        return practice.pk, reverse("practice:session", args=[practice.pk])

    return _save(request, lambda at: _sequence_plan(grant.client, sequence, at), save)
