"""The home page (today's one next step) and the short "what to expect" page."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from lumbar.accounts.access import whose_data
from lumbar.accounts.scopes import PRACTICE
from lumbar.content.models import Sequence
from lumbar.programmes.today import programme_today
from lumbar.safety.gate import screening_state

from .models import PracticeSession

TODAYS_SEQUENCE = "glide-and-rest"


def about(request):
    return render(request, "practice/about.html")


@login_required
@whose_data()
def home(request, grant):
    sequence = get_object_or_404(Sequence, slug=TODAYS_SEQUENCE)
    history = grant.rows(PracticeSession.objects, PRACTICE)[:30]
    return render(request, "practice/home.html", {
        "sequence": sequence, "history": history, "safety": screening_state(grant.client),
        "programme": programme_today(grant.client)})
