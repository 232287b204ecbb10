"""The client's data a teacher may read, each piece through the grant's scope, and the per-person check of the
teacher's sequences for this client."""
from __future__ import annotations

from django.utils import timezone

from lumbar.accounts.scopes import CAMERA, JOURNAL, PRACTICE
from lumbar.journal.models import JournalEntry
from lumbar.journal.progress import impact_measure, pain_measure
from lumbar.practice.measures import RATING_LABELS, STEP_STATUS_LABELS
from lumbar.practice.models import PracticeSession, PracticeStep
from lumbar.practice.summary import session_summary
from lumbar.programmes.builder import ruled_out
from lumbar.programmes.exclusions import check_step
from lumbar.programmes.library import display_name, poses
from lumbar.programmes.models import OwnSequence
from lumbar.programmes.person import profile_for


def shared_practice(grant, recent: int) -> list[dict]:
    sessions = list(grant.rows(PracticeSession.objects.select_related("programme_session"), PRACTICE)[:recent])
    steps = PracticeStep.objects.filter(session__in=sessions).order_by("session", "position")
    by_session = {}
    for step in steps:
        by_session.setdefault(step.session_id, []).append({
            "name": step.pose_name, "status": STEP_STATUS_LABELS.get(step.status, step.status),
            "rating": RATING_LABELS.get(step.rating, ""),
            "camera": step.camera if grant.may_read(CAMERA) else None})
    return [{"session": s, "at": timezone.localtime(s.finished_at), "summary": session_summary(s),
             "steps": by_session.get(s.pk, [])} for s in sessions]


def shared_journal(grant) -> dict:
    return {"pain": pain_measure(grant.client), "impact": impact_measure(grant.client),
            "entries": grant.rows(JournalEntry.objects, JOURNAL).filter(deleted_at__isnull=True)
                            .order_by("-recorded_at")[:10]}


def sequence_checks(teacher, client) -> list[dict]:
    """Each of the teacher's sequences as this client would get it: may it be assigned, and the cautions."""
    profile = profile_for(client)
    checks = []
    for sequence in OwnSequence.objects.filter(owner=teacher):
        refused = ruled_out(profile, sequence.steps)
        cautions = []
        for step in sequence.steps:
            if step.get("pose") in poses():
                found = check_step(profile, step["pose"], step.get("variation"))
                name = display_name(step["pose"], step.get("variation"))
                cautions += [f"{name}: {line}" for line in found.cautions]
        checks.append({"sequence": sequence, "refused": list(refused.values()),
                       "cautions": list(dict.fromkeys(cautions))})
    return checks
