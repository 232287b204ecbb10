"""The welcome page (the first visit's first step), the course's lessons, and the flare page."""
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from lumbar.accounts.access import whose_data
from lumbar.content.models import Sequence
from lumbar.safety.gate import CLEAR, screening_state

from .actions import record_welcome_seen
from .first_visit import first_sequence, welcome_seen
from .lessons import FLARE, lesson, lesson_number, lessons

FLARE_SEQUENCE = "flare-ease"


@login_required
@whose_data()
def welcome(request, grant):
    """What Lumbar is and is not, and what happens next. Start (a POST) records it and goes to the questions."""
    if request.method == "POST":
        record_welcome_seen(grant.client)
        return redirect("practice:home" if screening_state(grant.client) == CLEAR else "safety:gate")
    return render(request, "course/welcome.html", {
        "first": first_sequence(), "seen": welcome_seen(grant)})


@login_required
@whose_data()
def course(request, grant):
    return render(request, "course/index.html", {"lessons": [item.shown() for item in lessons()]})


def _lesson_page(request, grant, found):
    context = {"lesson": found.shown(), "previous": lesson_number(found.number - 1),
               "next": lesson_number(found.number + 1), "total": len(lessons())}
    if found.slug == FLARE:
        context.update({"flare": True, "flare_session": Sequence.objects.filter(slug=FLARE_SEQUENCE).first(),
                        "safety": screening_state(grant.client)})
    return render(request, "course/lesson.html", context)


@login_required
@whose_data()
def lesson_page(request, grant, slug):
    found = lesson(slug)
    if found is None:
        raise Http404("No such lesson")
    return _lesson_page(request, grant, found)


@login_required
@whose_data()
def flare(request, grant):
    """The home page's Flare button: the flare plan, a gentle flare session and the re-screen."""
    return _lesson_page(request, grant, lesson(FLARE))
