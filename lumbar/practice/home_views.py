"""The home page (one clear next step for where the person is, the rest below) and the "what to expect" page."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from lumbar.accounts.access import whose_data
from lumbar.accounts.scopes import JOURNAL, PRACTICE
from lumbar.content.models import Sequence
from lumbar.course.first_visit import CORE_SEQUENCE, first_sequence, next_step
from lumbar.course.lessons import lessons
from lumbar.journal.walking import walking_days
from lumbar.programmes.today import programme_today
from lumbar.safety.gate import screening_state

from .models import PracticeSession

TODAYS_SEQUENCE = CORE_SEQUENCE


def about(request):
    return render(request, "practice/about.html")


@login_required
@whose_data()
def home(request, grant):
    sequence = get_object_or_404(Sequence, slug=TODAYS_SEQUENCE)
    history = grant.rows(PracticeSession.objects.select_related("programme_session"), PRACTICE)[:30]
    safety, programme = screening_state(grant.client), programme_today(grant.client)
    walking = walking_days(grant, days=1) if grant.may_read(JOURNAL) else None
    return render(request, "practice/home.html", {
        "sequence": sequence, "first": first_sequence(), "history": history, "safety": safety,
        "programme": programme, "step": next_step(grant, safety, programme["status"]),
        "lesson_count": len(lessons()), "walking": walking})
