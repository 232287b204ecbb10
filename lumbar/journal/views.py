from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lumbar.accounts.access import whose_data
from lumbar.accounts.scopes import JOURNAL, PRACTICE

from lumbar.practice.models import PracticeSession
from lumbar.programmes.actions import count_morning

from . import actions, measures, progress
from .forms import ActivitiesForm, JournalEntryForm, MorningCheckinForm, WeeklyCheckinForm, local_now_for_input
from .models import Activity, JournalEntry, MorningCheckin, WeeklyCheckin
from .morning import (answer_code, answer_label, answerable_day_problem, lasting_code, lasting_label,
                      pending_morning_checkin)
from .prompts import days_since_checkin, weekly_checkin_due
from .vocabulary import FEELINGS, REGIONS, TRIGGERS, labels, leg_note

TIMELINE_PAGE_SIZE = 40


def _entry_view(entry: JournalEntry) -> dict:
    return {
        "kind": "entry", "entry": entry, "at": timezone.localtime(entry.recorded_at),
        "regions": labels(REGIONS, entry.regions), "feelings": labels(FEELINGS, entry.feelings),
        "triggers": labels(TRIGGERS, entry.triggers), "leg_note": leg_note(entry.regions),
    }


@login_required
@whose_data()
def timeline(request, grant):
    """Entries and sessions, newest first, grouped by day; after a delete, an Undo button."""
    entries = grant.rows(JournalEntry.objects, JOURNAL).live()
    sessions = grant.rows(PracticeSession.objects.select_related("programme_session"), PRACTICE)
    items = [_entry_view(entry) for entry in entries]
    items += [{"kind": "session", "session": s, "at": timezone.localtime(s.finished_at)} for s in sessions]
    items.sort(key=lambda item: item["at"], reverse=True)
    page = Paginator(items, TIMELINE_PAGE_SIZE).get_page(request.GET.get("page"))
    days = []
    for item in page:
        if not days or days[-1]["day"] != item["at"].date():
            days.append({"day": item["at"].date(), "items": []})
        days[-1]["items"].append(item)
    undo = None
    deleted = request.GET.get("deleted", "")
    if deleted.isascii() and deleted.isdigit() and len(deleted) <= 18:  # not "²", nor thousands of digits
        undo = grant.rows(JournalEntry.objects, JOURNAL).filter(pk=int(deleted), deleted_at__isnull=False).first()
    return render(request, "journal/timeline.html", {
        "days": days, "page": page, "undo": undo, "today": timezone.localdate(),
        "morning_day": pending_morning_checkin(grant.client),
    })


def _entry_form_page(request, form, entry=None, status=200):
    return render(request, "journal/entry_form.html", {"form": form, "entry": entry}, status=status)


@login_required
@whose_data()
def new_entry(request, grant):
    if request.method == "POST":
        form = JournalEntryForm(request.POST)
        if form.is_valid():
            entry = actions.add_entry(grant.client, form.cleaned_data)
            messages.success(request, _("Saved your journal entry."))
            return redirect(reverse("journal:timeline") + f"#entry-{entry.pk}")
        return _entry_form_page(request, form, status=400)
    return _entry_form_page(request, JournalEntryForm(initial={"recorded_at": local_now_for_input()}))


@login_required
@whose_data()
def edit_entry(request, grant, pk):
    entry = get_object_or_404(grant.rows(JournalEntry.objects, JOURNAL).live(), pk=pk)
    if request.method == "POST":
        form = JournalEntryForm(request.POST, instance=JournalEntry.objects.get(pk=entry.pk))
        if form.is_valid():
            actions.change_entry(grant.client, entry, form.cleaned_data)
            messages.success(request, _("Saved your changes."))
            return redirect(reverse("journal:timeline") + f"#entry-{entry.pk}")
        return _entry_form_page(request, form, entry, status=400)
    form = JournalEntryForm(instance=entry, initial={"recorded_at": timezone.localtime(entry.recorded_at)})
    return _entry_form_page(request, form, entry)


@login_required
@whose_data()
@require_POST
def delete_entry(request, grant, pk):
    entry = get_object_or_404(grant.rows(JournalEntry.objects, JOURNAL).live(), pk=pk)
    actions.delete_entry(grant.client, entry)
    return redirect(reverse("journal:timeline") + f"?deleted={entry.pk}")


@login_required
@whose_data()
@require_POST
def restore_entry(request, grant, pk):
    entry = get_object_or_404(grant.rows(JournalEntry.objects, JOURNAL), pk=pk)
    if entry.deleted_at is None:
        messages.info(request, _("That entry is already in your journal."))
    else:
        actions.restore_entry(grant.client, entry)
        messages.success(request, _("Your entry is back."))
    return redirect(reverse("journal:timeline") + f"#entry-{entry.pk}")


@login_required
@whose_data()
def progress_page(request, grant):
    overall, activity_blocks = progress.activity_measures(grant.client)
    mornings = grant.rows(MorningCheckin.objects, JOURNAL)[:14]
    return render(request, "journal/progress.html", {
        "pain": progress.pain_measure(grant.client),
        "impact": progress.impact_measure(grant.client),
        "activities_overall": overall, "activity_blocks": activity_blocks,
        "checkin_due": weekly_checkin_due(grant.client),
        "mornings": [{"day": m.session_day, "answer": answer_label(m), "lasting": lasting_label(m),
                      "worse": m.direction == m.WORSE}
                     for m in mornings],
    })


@login_required
@whose_data()
def activities(request, grant):
    current = list(grant.rows(Activity.objects, JOURNAL).filter(retired_at__isnull=True))
    names = [activity.name for activity in current]
    if request.method == "POST":
        form = ActivitiesForm(request.POST, current_names=names)
        if form.is_valid():
            actions.save_activities(grant.client, form.cleaned_data["names"])
            messages.success(request, _("Saved your activities."))
            if not grant.rows(WeeklyCheckin.objects, JOURNAL).exists():
                return redirect("journal:checkin")
            return redirect(reverse("journal:progress") + "#activities")
        return render(request, "journal/activities.html", {"form": form, "current": current}, status=400)
    return render(request, "journal/activities.html", {"form": ActivitiesForm(current_names=names), "current": current})


@login_required
@whose_data()
def weekly_checkin(request, grant):
    current = list(grant.rows(Activity.objects, JOURNAL).filter(retired_at__isnull=True))
    if request.method == "POST":
        form = WeeklyCheckinForm(request.POST, activities=current)
        if form.is_valid():
            checkin = actions.record_weekly_checkin(grant.client, form.cleaned_data, form.activity_ratings())
            messages.success(request, _("Saved. Your impact score this week is %(score)s out of 10.") % {
                "score": measures.number(checkin.impact_score)})
            return redirect(reverse("journal:progress") + "#impact")
        status = 400
    else:
        form, status = WeeklyCheckinForm(activities=current), 200
    days_since = days_since_checkin(grant.client)
    return render(request, "journal/checkin.html", {
        "form": form, "days_since": days_since, "is_first": days_since is None,
        "early": days_since is not None and days_since < measures.CHECKIN_EARLY_BEFORE_DAYS,
    }, status=status)


def _morning_page(request, day, form, checkin=None, problem=None, status=200):
    return render(request, "journal/morning.html", {
        "day": day, "form": form, "checkin": checkin, "problem": problem,
        "answer": answer_label(checkin) if checkin else None,
        "lasting": lasting_label(checkin) if checkin else None,
        "response": measures.morning_response(checkin.direction, checkin.points, bool(checkin.lasting))
        if checkin else None,
    }, status=status)


@login_required
@whose_data()
def morning_waiting(request, grant):
    """The pending morning check-in, if there is one."""
    day = pending_morning_checkin(grant.client)
    if day is None:
        return _morning_page(request, None, None)
    return redirect("journal:morning", day=day.isoformat())


@login_required
@whose_data()
def morning(request, grant, day):
    try:
        session_day = date.fromisoformat(day)
    except ValueError:
        problem = _("“%(day)s” is not a date; dates look like 2026-03-04.") % {"day": day}
        return _morning_page(request, None, None, problem=problem, status=400)
    checkin = grant.rows(MorningCheckin.objects, JOURNAL).filter(session_day=session_day).first()
    problem = None if checkin else answerable_day_problem(grant.client, session_day)
    if problem:
        return _morning_page(request, session_day, None, problem=problem, status=404)
    if request.method == "POST":
        form = MorningCheckinForm(request.POST)
        if form.is_valid():
            actions.record_morning_checkin(grant.client, session_day, form.cleaned_data["answer"],
                                           form.cleaned_data["lasting"])
            messages.success(request, _("Thank you: saved your answer about the morning after %(day)s.") % {
                "day": date_format(session_day, "l j F")})
            for change in count_morning(grant.client):  # the programme's next session follows the answer
                messages.info(request, change["text"])
            return redirect("journal:morning", day=session_day.isoformat())
        return _morning_page(request, session_day, form, checkin, status=400)
    form = MorningCheckinForm(initial={"answer": answer_code(checkin), "lasting": lasting_code(checkin)}
                              if checkin else None)
    return _morning_page(request, session_day, form, checkin)
