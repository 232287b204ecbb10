"""Where a person is on their way in, so the home page can show one clear next step. Reads only.

  welcome          the welcome page not yet passed (Start not pressed, and no screening or session yet)
  safety           the safety questions are not clear (not answered, out of date, or locked)
  first-session    no session done yet: the first core session (about 8 minutes)
  programme-offer  a session done and no programme yet: the programme is offered
  today            the programme's session today, or the core session
"""
from __future__ import annotations

from lumbar.accounts.scopes import PRACTICE, SCREENING
from lumbar.content.models import Sequence
from lumbar.practice.models import PracticeSession
from lumbar.programmes.today import NONE as NO_PROGRAMME
from lumbar.safety.gate import CLEAR
from lumbar.safety.models import Screening

from .models import WelcomeSeen

WELCOME, SAFETY, FIRST_SESSION, PROGRAMME_OFFER, TODAY = (
    "welcome", "safety", "first-session", "programme-offer", "today")
FIRST_SEQUENCE, CORE_SEQUENCE = "first-session", "glide-and-rest"


def welcome_seen(grant) -> bool:
    """Start was pressed on the welcome page, or the person is already past it (answered or practised)."""
    return (WelcomeSeen.objects.filter(user=grant.client).exists()
            or grant.rows(Screening.objects, SCREENING).exists()
            or grant.rows(PracticeSession.objects, PRACTICE).exists())


def next_step(grant, safety: str, programme_status: str) -> str:
    """`safety`: gate.screening_state; `programme_status`: today.programme_today()["status"]."""
    if not welcome_seen(grant):
        return WELCOME
    if safety != CLEAR:
        return SAFETY
    if not grant.rows(PracticeSession.objects, PRACTICE).exists():
        return FIRST_SESSION
    if programme_status == NO_PROGRAMME:
        return PROGRAMME_OFFER
    return TODAY


def first_sequence() -> Sequence | None:
    """The first visit's session; the core session until the first-session file is loaded."""
    return (Sequence.objects.filter(slug=FIRST_SEQUENCE).first()
            or Sequence.objects.filter(slug=CORE_SEQUENCE).first())
