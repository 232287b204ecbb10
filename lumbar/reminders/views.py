from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbar.accounts.access import whose_data
from lumbar.accounts.scopes import ACCOUNT

from . import actions
from .forms import ReminderForm
from .models import PushSubscription, Reminder
from .schedule import planned_times


@login_required
@whose_data(change=ACCOUNT)
def reminders_page(request, grant):
    """Days and time (GET shows them); POST saves them, pauses or resumes, or makes or stops the calendar
    address. The secret address is shown once, on the page that answers the POST that made it."""
    reminder = Reminder.objects.filter(user=grant.client).first()
    form, key, status = ReminderForm(initial=_initial(reminder)), None, 200
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action == "save":
            form = ReminderForm(request.POST)
            if form.is_valid():
                reminder = actions.save_reminder(grant.client, **form.cleaned_data, language=request.LANGUAGE_CODE)
                messages.success(request, _("Saved. Your reminders follow these days and this time."))
                return redirect("reminders:reminders")
            status = 400
        elif reminder is None:
            messages.error(request, _("Choose your days and time first."))
            return redirect("reminders:reminders")
        elif action in ("pause", "resume"):
            actions.set_paused(reminder, action == "pause")
            messages.success(request, _("Reminders paused. Nothing will remind you until you turn them back on.")
                             if action == "pause" else _("Reminders are on again."))
            return redirect("reminders:reminders")
        elif action == "stop-address":
            actions.stop_feed_key(reminder)
            messages.success(request, _("Your calendar address is stopped. Calendars using it get nothing more."))
            return redirect("reminders:reminders")
        elif action == "new-address":
            key = actions.new_feed_key(reminder)
        else:
            return HttpResponse(_("Unknown action: %(action)s") % {"action": action}, status=400)
    feed = request.build_absolute_uri(reverse("reminders:feed", args=[key])) if key else None
    upcoming = planned_times(reminder.weekdays, reminder.at, reminder.time_zone, timezone.now())[:5] \
        if reminder and not reminder.paused else []
    return render(request, "reminders/reminders.html", {
        "form": form, "reminder": reminder, "feed": feed, "upcoming": upcoming, "push_key": _push_key(),
        "pushing": PushSubscription.objects.filter(user=grant.client).count(),
        "webcal": "webcal://" + feed.split("://", 1)[1] if feed else None}, status=status)


def _initial(reminder):
    if reminder is None:
        return None
    return {"weekdays": reminder.weekdays, "at": reminder.at, "time_zone": reminder.time_zone}


def calendar_feed(request, key):
    """No sign-in: the secret in the address is the permission. An unknown or replaced secret: 404."""
    from .calendar import reminder_calendar  # icalendar is needed only here

    reminder = Reminder.objects.filter(feed_key_hash=actions.hash_key(key)).select_related("user").first()
    if reminder is None or not reminder.user.is_active:
        raise Http404("Not found")
    response = HttpResponse(reminder_calendar(reminder), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-cache"
    response["Referrer-Policy"] = "no-referrer"
    response["Content-Disposition"] = 'inline; filename="lumbar-practice.ics"'
    return response


def _push_key() -> str:
    from .push import public_key  # cryptography is needed only here

    return public_key()


@login_required
@whose_data(change=ACCOUNT)
@require_POST
def push_subscription(request, grant):
    """JSON from the reminders page's script: a browser's PushManager subscription to keep, or to remove."""
    from .subscriptions import SubscriptionError, parse

    try:
        endpoint, keys = parse(request.body)
    except SubscriptionError as error:
        return JsonResponse({"error": str(error)}, status=400)
    if keys is None:
        actions.forget_push(grant.client, endpoint)
        return JsonResponse({"removed": endpoint})
    actions.keep_push(grant.client, endpoint, keys)
    return JsonResponse({"kept": endpoint}, status=201)
