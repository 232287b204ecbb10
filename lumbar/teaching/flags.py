"""What a teacher sees about each client on the clients page, read only through the client's grant.

Each figure comes from the scope the client shared; a scope not shared shows as "not shared", never as a
zero. Flags are sorted by need: urgent symptoms first, then anything that stops practice, then a pose that
hurt twice, then two weeks without practice.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from lumbar.accounts.scopes import JOURNAL, PRACTICE, SCREENING

QUIET_DAYS = 14  # no practice for this long is a flag
HURT_WINDOW_DAYS = 28  # "a pose that hurt twice" counts taps within this many days
URGENT, STOPPED, HURT, QUIET = 0, 1, 2, 3  # need, most first


@dataclass
class ClientRow:
    client: object
    grant: object
    sessions_this_week: int | None = None  # None: practice log not shared
    pain: str | None = None  # the same sentence the client reads on their progress page
    impact: str | None = None
    flags: list = field(default_factory=list)  # [(need, text)]

    @property
    def need(self) -> int:
        return min((need for need, _text in self.flags), default=99)


def _practice_flags(grant) -> tuple[int, list]:
    from lumbar.practice.models import PracticeSession, PracticeStep
    from lumbar.programmes.library import display_name
    from lumbar.programmes.models import Programme

    now = timezone.now()
    sessions = grant.rows(PracticeSession.objects, PRACTICE)
    week = sessions.filter(finished_at__gte=now - timedelta(days=7)).count()
    flags = []
    last = sessions.first()
    if last is None or last.finished_at < now - timedelta(days=QUIET_DAYS):
        flags.append((QUIET, _("No practice for two weeks or more.")))
    programme = grant.rows(Programme.objects, PRACTICE).first()
    if programme is not None and programme.get_state().paused:
        flags.append((STOPPED, _("The programme is paused: pain got worse week on week.")))
    hurt = Counter(PracticeStep.objects.filter(
        session__in=sessions.filter(finished_at__gte=now - timedelta(days=HURT_WINDOW_DAYS)), rating="hurt",
    ).values_list("pose_slug", flat=True))
    for pose, times in sorted(hurt.items()):
        if times >= 2 and pose:
            flags.append((HURT, _("%(pose)s hurt %(times)s times in the last four weeks.")
                          % {"pose": display_name(pose), "times": times}))
    return week, flags


def screening_flags(grant) -> list:
    from lumbar.safety.gate import CLEARANCE, PAUSED, URGENT_STATE, screening_state

    state = screening_state(grant.client)
    return {
        URGENT_STATE: [(URGENT, _("Urgent symptoms were reported: sessions are locked until a clinician has "
                                  "seen them."))],
        CLEARANCE: [(STOPPED, _("The safety questions asked for a clinician's OK before practice."))],
        PAUSED: [(STOPPED, _("Sessions are paused until the safety questions are answered again."))],
    }.get(state, [])


def client_row(grant) -> ClientRow:
    from lumbar.journal.progress import impact_measure, pain_measure

    row = ClientRow(grant.client, grant)
    if grant.may_read(PRACTICE):
        row.sessions_this_week, flags = _practice_flags(grant)
        row.flags += flags
    if grant.may_read(JOURNAL):
        pain, impact = pain_measure(grant.client), impact_measure(grant.client)
        row.pain, row.impact = pain.sentence, impact.sentence
        if pain.verdict is not None and pain.verdict.is_worse:
            row.flags.append((STOPPED, _("Pain is worse: %(label)s.") % {"label": pain.verdict.label}))
    if grant.may_read(SCREENING):
        row.flags += screening_flags(grant)
    row.flags.sort()
    return row


def rows_by_need(grants) -> list[ClientRow]:
    return sorted((client_row(grant) for grant in grants), key=lambda row: (row.need, row.client.username))
