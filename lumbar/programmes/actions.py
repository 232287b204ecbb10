"""Writes that touch several objects. They take users and objects, never the request.

The rules are the pure modules' (adaptation.py, direction_check.py); these functions load the stored JSON,
call them, and store what they return together with the changelog, all or nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lumbar.accounts.actions import kneeling_answer, record_kneeling
from lumbar.journal.models import MorningCheckin
from lumbar.journal.weekly import pain_weeks
from lumbar.practice.actions import record_practice
from lumbar.practice.measures import RATINGS
from lumbar.practice.models import PracticeStep
from lumbar.safety.actions import record_direction_stop, require_rescreen

from .adaptation import FeedbackError, adapt, next_session, resume
from .direction_check import record_check
from .directions import CHECK_POSES
from .models import ChangeEntry, DoneSession, OwnSequence, Programme
from .person import profile_for
from .profile import parse_profile
from .state import ProgrammeState



@dataclass(frozen=True)
class Played:
    """What the practice log needs to name a session that is not a stored content sequence."""

    slug: str
    title: str


class StaleSession(ValueError):
    """The session a log or rating is for is no longer the one the programme is waiting for."""


def _store_entries(programme, entries: list[dict], done_session=None) -> None:
    ChangeEntry.objects.bulk_create(
        ChangeEntry(programme=programme, done_session=done_session, session=entry["session"],
                    pose=entry["pose"] or "", change=entry["change"], text=entry["text"])
        for entry in entries)


@transaction.atomic
def save_profile(user, profile) -> Programme:
    """Creates or updates the person's programme from checked answers; kneeling is kept in step with the
    answer the session player uses (accounts.actions.kneeling_answer)."""
    programme = Programme.objects.select_for_update().filter(user=user).first()
    if programme is None:
        programme = Programme.objects.create(user=user, profile=profile.to_dict(), state=ProgrammeState().to_dict())
    elif programme.profile != profile.to_dict():
        programme.profile = profile.to_dict()
        programme.save(update_fields=["profile", "updated_at"])
        state = programme.get_state()
        _store_entries(programme, [{"session": state.position + 1, "pose": None, "change": "answers",
                                    "text": _("Your answers changed, so your sessions are now built from the new "
                                              "answers.")}])
    if kneeling_answer(user) != profile.kneeling:
        record_kneeling(user, profile.kneeling)
    return programme


def ratings_from_log(plan: dict, log) -> dict[str, str]:
    """pose slug -> rating, from the ratings the player sent with the log (the worse one if a pose came twice).

    Ratings reach adapt() in one place, _adapt_session: from the player's log here (record_programme_session)
    and from the done page (rate_session), so "it hurt" has the same effect whichever way it was given."""
    ratings: dict[str, str] = {}
    for result in log.steps:
        rating = getattr(result, "rating", None)
        if rating:
            slug = plan["steps"][result.index]["pose"]
            if slug not in ratings or RATINGS.index(rating) > RATINGS.index(ratings[slug]):
                ratings[slug] = rating
    return ratings


def _adapt_session(state: ProgrammeState, profile, session: dict, ratings: dict, pain_after, weeks=None):
    """adapt() for a finished session; ratings for poses the session no longer has are dropped, not refused.
    With `weeks` (journal/weekly.py), the week-on-week comparison runs too, whatever check-ins were skipped."""
    known = {step["pose"] for step in session["steps"]}
    feedback = {"ratings": {s: r for s, r in ratings.items() if s in known}, "pain_after": pain_after}
    return adapt(state, profile, {**feedback, "weeks": weeks} if weeks else feedback)


@transaction.atomic
def record_programme_session(user, number: int, plan: dict, log) -> DoneSession:
    """Saves the practice log of programme session `number` and feeds ratings and pain after to adapt()."""
    count_morning(user)  # an answered morning check-in the programme has not followed yet comes first
    programme = Programme.objects.select_for_update().get(user=user)
    profile, state = profile_for(user, log.started_at), programme.get_state()
    session = next_session(state, profile)
    if session is None or number != state.position + 1:
        raise StaleSession(_("This session was already saved, or the programme moved on since it started."))
    practice = record_practice(user, Played("programme", plan["title"]), plan, log)
    ratings = ratings_from_log(plan, log)
    pain_after = log.pain.after
    since = date.fromisoformat(state.resumed_on) if state.resumed_on else None
    new_state, entries = _adapt_session(state, profile, session, ratings, pain_after,
                                        pain_weeks(user, timezone.localdate(), since=since))
    done = DoneSession.objects.create(
        programme=programme, practice=practice, number=number, week=session["week"], day=session["day"],
        session=session, profile_before=programme.profile, state_before=programme.state,
        state_after=new_state.to_dict(), ratings=ratings, pain_after=pain_after)
    programme.state = new_state.to_dict()
    programme.save(update_fields=["state", "updated_at"])
    _store_entries(programme, entries, done)
    return done


def ratings_open(done: DoneSession) -> bool:
    """Ratings can still be given or changed: nothing has happened to the programme since this session."""
    programme = done.programme
    latest = programme.done_sessions.order_by("-pk").first()
    return latest == done and not done.morning_counted and programme.state == done.state_after


@transaction.atomic
def rate_session(user, done: DoneSession, ratings: dict[str, str]) -> list[ChangeEntry]:
    """Applies (again) the session's feedback with these ratings, replacing the changes the first one made."""
    programme = Programme.objects.select_for_update().get(pk=done.programme_id, user=user)
    done.refresh_from_db()
    done.programme = programme
    if not ratings_open(done):
        raise StaleSession(_("Ratings for this session are closed: the programme has already moved on from it."))
    state = ProgrammeState.from_dict(done.state_before)
    new_state, entries = _adapt_session(state, parse_profile(done.profile_before), done.session, ratings,
                                        done.pain_after)
    done.changes.all().delete()
    done.ratings, done.state_after = ratings, new_state.to_dict()
    done.save(update_fields=["ratings", "state_after"])
    programme.state = new_state.to_dict()
    programme.save(update_fields=["state", "updated_at"])
    _store_entries(programme, entries, done)
    if done.practice_id:
        for step in PracticeStep.objects.filter(session_id=done.practice_id):
            rating = ratings.get(step.pose_slug, "")
            if step.rating != rating:
                step.rating = rating
                step.save(update_fields=["rating"])
    return list(done.changes.all())


@transaction.atomic
def count_morning(user) -> list[dict]:
    """Feeds the next-morning check-in for the last programme session to adapt(), once, with whether the
    soreness lasted and this week's and last week's pain (journal/weekly.py: the 7 days ending that morning,
    and the 7 before, from the day the programme last resumed). Returns the changelog entries."""
    programme = Programme.objects.select_for_update().filter(user=user).first()
    if programme is None:
        return []
    done = programme.done_sessions.order_by("-pk").select_related("practice").first()
    state = programme.get_state()
    if (done is None or done.morning_counted or done.practice is None or not state.last_session
            or state.last_session["morning_done"] or state.last_session["index"] != done.number - 1):
        return []
    day = timezone.localdate(done.practice.finished_at)
    checkin = MorningCheckin.objects.owned_by(user).filter(session_day=day).first()
    if checkin is None:
        return []
    since = date.fromisoformat(state.resumed_on) if state.resumed_on else None
    weeks = pain_weeks(user, checkin.session_day + timedelta(days=1), since=since)
    try:
        new_state, entries = adapt(state, programme.get_profile(), {"morning": {
            "direction": checkin.direction, "points": checkin.points, "lasting": bool(checkin.lasting)},
            "weeks": weeks})
    except FeedbackError:
        return []
    done.morning_counted = True
    done.save(update_fields=["morning_counted"])
    programme.state = new_state.to_dict()
    programme.save(update_fields=["state", "updated_at"])
    _store_entries(programme, entries, done)
    return entries


class ResumeRefused(ValueError):
    """The programme cannot go on yet; the message says why, in words for the person."""


@transaction.atomic
def resume_programme(user, clinician_contacted: bool, who: str = "", when: date | None = None,
                     today: date | None = None) -> list[dict]:
    """Goes on after a pause: only once the person says a clinician was contacted (who and when, if given, go
    in the changelog). The safety questions are asked again first (the gate holds every session until they
    are answered), then the programme goes on a step lighter."""
    if clinician_contacted is not True:
        raise ResumeRefused(_("Please talk to a clinician (your doctor or a physiotherapist) before you go on."))
    programme = Programme.objects.select_for_update().get(user=user)
    state = programme.get_state()
    if not state.paused:
        return []
    require_rescreen(user, _("Going on with the programme after a pause."))
    new_state, entries = resume(state, today or timezone.localdate(), who, when)
    programme.state = new_state.to_dict()
    programme.save(update_fields=["state", "updated_at"])
    _store_entries(programme, entries)
    return entries


@transaction.atomic
def record_direction_check(user, direction: str, response: str, today=None) -> list[str]:
    """Stores one half of the direction check on the profile; the changelog says what it changed."""
    programme = Programme.objects.select_for_update().get(user=user)
    updated, sentences = record_check(programme.get_profile(), direction, response)
    if response == "spreading":  # out of every session until lifted, like spreading in a session
        record_direction_stop(user, direction, CHECK_POSES[direction], "check")
    programme.profile = updated.to_dict()
    programme.check_days = {**programme.check_days, direction: (today or timezone.localdate()).isoformat()}
    programme.save(update_fields=["profile", "check_days", "updated_at"])
    position = programme.get_state().position
    _store_entries(programme, [{"session": position + 1, "pose": None, "change": "direction-check", "text": text}
                               for text in sentences])
    return sentences


def record_played(user, played: Played, plan: dict, log):
    """A practice log for a session that is not part of the programme's adaptation (a check, a hand-made one)."""
    return record_practice(user, played, plan, log)


def save_sequence(user, sequence: OwnSequence | None, title: str, steps: list[dict]) -> OwnSequence:
    """Saves steps already checked (builder.check_rows, builder.ruled_out): nothing ruled out is stored."""
    if sequence is None:
        return OwnSequence.objects.create(owner=user, title=title, steps=steps)
    sequence.title, sequence.steps = title, steps
    sequence.save(update_fields=["title", "steps", "updated_at"])
    return sequence
