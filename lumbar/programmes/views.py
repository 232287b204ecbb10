"""The programme page, the intake, resuming after a pause, rating a finished session, and the direction check."""
from __future__ import annotations

from datetime import date

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lumbar.accounts.access import may_view_done_session, whose_data
from lumbar.accounts.scopes import PRACTICE
from lumbar.accounts.actions import kneeling_answer
from lumbar.content.vocabulary import CONDITIONS
from lumbar.practice.measures import RATING_LABELS
from lumbar.practice.summary import session_summary
from lumbar.safety.gate import screening_state

from . import actions, forms
from .direction_check import RESPONSES, check_sessions, describe
from .display import changelog_groups, left_out_rows, rated_poses, step_rows
from .library import display_name
from .models import DoneSession, Programme
from .profile import MOVEMENTS
from .today import READY, programme_today

INTAKE_KEY = "programme_intake"


@login_required
@whose_data()
def programme(request, grant):
    today = programme_today(grant.client)
    if today["status"] == "none":
        return render(request, "programmes/welcome.html")
    record = today["programme"]
    last = record.done_sessions.order_by("-pk").first()
    return render(request, "programmes/programme.html", {
        **today, "ready": today["status"] == READY, "safety": screening_state(grant.client),
        **(_paused_context(record, ResumeForm()) if today["status"] == "paused" else {}),
        "left_out": left_out_rows(today["profile"]),
        "changes": changelog_groups(record.changes.all()),
        "to_rate": last if last and not last.ratings and actions.ratings_open(last) else None,
    })


# --- the intake, three short screens -------------------------------------------------------------

def _saved_answers(user):
    record = Programme.objects.filter(user=user).first()
    return forms.initial_answers(record.profile if record else None, kneeling_answer(user)), record


def _intake_page(request, screen: int, answers: dict, problems: dict, record, status=200):
    fields, title = forms.SCREENS[screen]
    movement_answers = {m: "eases" if m in answers.get("eases", []) else
                        "aggravates" if m in answers.get("aggravates", []) else "neither" for m in MOVEMENTS}
    summary = [(field, forms.FIELD_LABELS.get(field, ""), message)
               for field, messages_ in problems.items() for message in messages_]
    return render(request, "programmes/intake.html", {
        "screen": screen, "screens": len(forms.SCREENS), "title": title, "answers": answers,
        "problems": problems, "summary": summary, "editing": record is not None,
        "conditions": list(CONDITIONS.items()), "movements": [(code, label, movement_answers[code])
                                                            for code, label in MOVEMENTS.items()],
        "movement_answers": list(forms.MOVEMENT_ANSWERS.items()), "poses": forms.pose_choices(),
        "minutes_hint": forms.minutes_hint(), "days": range(1, 8),
        "minutes_value": answers.get("minutes", ""),
    }, status=status)


@login_required
@whose_data()
def intake(request, grant, screen: int = 1):
    if screen not in forms.SCREENS:
        raise Http404("No such screen")
    saved, record = _saved_answers(grant.client)
    if request.method == "GET":
        if screen == 1 and "keep" not in request.GET or INTAKE_KEY not in request.session:
            request.session[INTAKE_KEY] = saved
        return _intake_page(request, screen, request.session[INTAKE_KEY], {}, record)
    answers, problems = forms.read_screen(screen, request.POST, request.session.get(INTAKE_KEY, saved))
    request.session[INTAKE_KEY] = answers
    if request.POST.get("go") == "back" and screen > 1:
        return redirect(f"{reverse('programmes:intake-screen', args=[screen - 1])}?keep=1")
    direction_check = record.profile.get("direction_check") if record else None
    profile, found = forms.check_answers(answers, direction_check)
    for field, messages_ in found.items():
        problems.setdefault(field, []).extend(m for m in messages_ if m not in problems.get(field, []))
    last = screen == len(forms.SCREENS)
    here = forms.screen_problems(screen, problems)
    if here:
        return _intake_page(request, screen, answers, here, record, status=400)
    if not last:
        return redirect(f"{reverse('programmes:intake-screen', args=[screen + 1])}?keep=1")
    if problems:  # a problem on an earlier screen: show it there
        first = min(forms.screen_of(field) for field in problems)
        return _intake_page(request, first, answers, forms.screen_problems(first, problems), record, status=400)
    actions.save_profile(grant.client, profile)
    del request.session[INTAKE_KEY]
    messages.success(request, _("Your answers are saved. Here is your programme.") if record is None
                     else _("Your answers are saved. Your sessions now follow them."))
    return redirect("programmes:programme")


# --- after a pause ---------------------------------------------------------------------------------

class ResumeForm(django_forms.Form):
    """Going on after a pause: a clinician must have been contacted (a required yes); who and when are optional."""

    contacted = django_forms.BooleanField(
        label=gettext_lazy("I have talked to my doctor or a physio about my back since the pause."),
        error_messages={"required": gettext_lazy(
            "Talked to a doctor or physio: please do that first, then tick this box. Your programme stays "
            "paused until then.")})
    who = django_forms.CharField(label=gettext_lazy("Who did you talk to? (optional)"), required=False, max_length=120,
                                 error_messages={"max_length": gettext_lazy(
                                     "Who: please keep it under 120 characters.")})
    when = django_forms.DateField(
        label=gettext_lazy("When? (optional)"), required=False, widget=django_forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": gettext_lazy("When: enter a date, for example 2026-03-04.")})

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when and when > timezone.localdate():
            raise django_forms.ValidationError(_("When: that date is in the future."))
        if when and when.year < 2000:
            raise django_forms.ValidationError(_("When: that date is too long ago; please check the year."))
        return when


def _paused_context(record, form) -> dict:
    """Why the programme paused (the changelog's latest pause entry) and the form to go on."""
    pause = record.changes.filter(change="pause").order_by("-created_at", "-pk").first()
    return {"pause_text": pause.text if pause else "", "resume_form": form}


@login_required
@whose_data()
def resume(request, grant):
    """GET: the form to go on after a pause. POST: goes on, once a clinician was contacted; the safety
    questions are asked again before the next session."""
    record = grant.rows(Programme.objects, PRACTICE).first()
    if record is None:
        return redirect("programmes:intake")
    if not record.get_state().paused:
        return redirect("programmes:programme")
    form = ResumeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        entries = actions.resume_programme(grant.client, True, form.cleaned_data["who"], form.cleaned_data["when"])
        for entry in entries:
            messages.success(request, entry["text"])
        messages.info(request, _("Before your next session, please answer the safety questions again."))
        return redirect("programmes:programme")
    return render(request, "programmes/resume.html", {**_paused_context(record, form)},
                  status=400 if request.method == "POST" else 200)


# --- a finished session: how each pose felt ----------------------------------------------------------

def _done_or_404(user, pk) -> DoneSession:
    done = DoneSession.objects.select_related("programme", "practice").filter(pk=pk).first()
    if done is None or not may_view_done_session(user, done):
        raise Http404("No such session")
    return done


@login_required
@whose_data()
def done_session(request, grant, pk: int):
    done = _done_or_404(grant.client, pk)
    rows = rated_poses(done.session)
    problems = []
    if request.method == "POST":
        ratings, problems = forms.read_ratings(request.POST, [row["pose"] for row in rows])
        if not problems:
            try:
                changes = actions.rate_session(grant.client, done, ratings)
            except actions.StaleSession as error:
                messages.error(request, str(error))
                return redirect("programmes:done", pk=done.pk)
            messages.success(request, _("Thank you: your ratings are saved."))
            for change in changes:
                messages.info(request, change.text)
            return redirect(reverse("programmes:programme") + "#changes")
    chosen = dict(done.ratings)
    if request.method == "POST":
        chosen = {row["pose"]: request.POST.get(f"rating-{row['pose']}", "") for row in rows}
    return render(request, "programmes/done.html", {
        "done": done, "rows": [{**row, "chosen": chosen.get(row["pose"], "")} for row in rows],
        "ratings": list(RATING_LABELS.items()), "open": actions.ratings_open(done), "problems": problems,
        "summary": session_summary(done.practice) if done.practice else [],
        "changes": done.changes.all(),
    }, status=400 if problems else 200)


# --- the direction check -----------------------------------------------------------------------------

def _check_views(record, today: date) -> list[dict]:
    profile = record.get_profile()
    answers = dict(profile.direction_check)
    views = []
    for check in check_sessions(profile):
        direction, other = check["direction"], next(d for d in ("flexion", "extension") if d != check["direction"])
        other_today = record.check_days.get(other) == today.isoformat()
        answer = answers.get(direction)
        views.append({
            **check, "name": display_name(check["pose"]), "rows": step_rows(check["steps"]), "answer": answer,
            "answer_label": RESPONSES.get(answer, ""), "answered_on": record.check_days.get(direction),
            "wait": other_today, "effect": describe(direction, answer, answers) if answer else "",
            "title": _("Rounding the lower back") if direction == "flexion" else _("Arching the lower back"),
        })
    return views


@login_required
@whose_data()
def direction_check(request, grant):
    record = grant.rows(Programme.objects, PRACTICE).first()
    if record is None:
        return redirect("programmes:intake")
    return render(request, "programmes/direction_check.html", {
        "checks": _check_views(record, timezone.localdate()), "responses": list(RESPONSES.items()),
        "safety": screening_state(grant.client)})


@login_required
@whose_data()
@require_POST
def answer_check(request, grant, direction: str):
    record = grant.rows(Programme.objects, PRACTICE).first()
    if record is None:
        return redirect("programmes:intake")
    check = next((c for c in _check_views(record, timezone.localdate()) if c["direction"] == direction), None)
    response = request.POST.get("response", "")
    if check is None or not check["available"]:
        raise Http404("No such check")
    if check["wait"]:
        messages.error(request, _("You did the other half of the check today. Do this half on another day, so "
                                  "one does not colour the other."))
    elif response not in RESPONSES:
        messages.error(request, _("How did it go: choose one of the four answers."))
    else:
        for sentence in actions.record_direction_check(grant.client, direction, response):
            messages.success(request, sentence)
    return redirect(reverse("programmes:check") + f"#check-{direction}")
