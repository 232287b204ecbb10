"""Every role against every URL: whose data each person may see and change (design.md's four named people).

Clara is a client who shares her practice log (only) with Tess, her teacher. Sam is a teacher who does not look
after her; Ada runs the site. Each of Clara's records carries a marker; the test asks every URL as every person
and checks the status and that Clara's markers reach only Clara, and Tess only where Clara shared. A URL added
without an entry here fails the test.
"""
import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from lumbar.accounts.actions import create_invitation, set_consent
from lumbar.accounts.scopes import PRACTICE

pytestmark = pytest.mark.django_db
ROLES = ("anonymous", "clara", "tess", "sam", "ada")
NOTE, SEQUENCE_TITLE = "MARKER-CLARA-JOURNAL", "MARKER-CLARA-SEQUENCE"

# GET status per role (anonymous, clara, tess, sam, ada). "in": a redirect to sign-in. A 3-digit string
# prefix such as "302" means any redirect. The marker rule is checked on every 200 separately.
L = "in"
MATRIX = {
    # name: (path built from the world, expected GET per role)
    "practice:home": ("/", (L, 200, 200, 200, 200)),
    "practice:about": ("/about/", (200, 200, 200, 200, 200)),
    "course:index": ("/learn/", (L, 200, 200, 200, 200)),
    "course:welcome": ("/learn/welcome/", (L, 200, 200, 200, 200)),
    "course:flare": ("/learn/flare/", (L, 200, 200, 200, 200)),
    "course:lesson": ("/learn/how-back-pain-works/", (L, 200, 200, 200, 200)),
    "journal:walking": ("/journal/walking/", (L, 200, 200, 200, 200)),
    "javascript-catalog": ("/jsi18n/", (200, 200, 200, 200, 200)),
    "offline:service-worker": ("/service-worker.js", (200, 200, 200, 200, 200)),
    "offline:manifest": ("/manifest.webmanifest", (200, 200, 200, 200, 200)),
    "offline:offline": ("/offline/", (200, 200, 200, 200, 200)),
    "set_language": ("/i18n/setlang/", ("302", "302", "302", "302", "302")),
    "practice:start": ("/session/glide-and-rest/", (L, "302", "302", "302", "302")),
    "practice:play": ("/session/glide-and-rest/play/", (L, 200, "302", "302", "302")),
    "practice:log": ("/session/glide-and-rest/log/", (L, 405, 405, 405, 405)),
    "practice:session": ("/history/{session}/", (L, 200, 200, 404, 404)),
    "content:library": ("/poses/", (200, 200, 200, 200, 200)),
    "content:pose": ("/poses/cobra/", (200, 200, 200, 200, 200)),
    "exports:your_data": ("/accounts/data/", (L, 200, 200, 200, 200)),
    "exports:download": ("/accounts/data/download/", (L, 200, 200, 200, 200)),
    "exports:delete": ("/accounts/data/delete/", (405, 405, 405, 405, 405)),
    "exports:deleted": ("/accounts/data/deleted/", (200, 200, 200, 200, 200)),
    "accounts:login": ("/accounts/login/", (200, 200, 200, 200, 200)),
    "accounts:logout": ("/accounts/logout/", (405, 405, 405, 405, 405)),
    "accounts:invitations": ("/accounts/invitations/", (L, 404, 200, 200, 404)),
    "accounts:invitation_create": ("/accounts/invitations/new/", (L, 405, 405, 405, 405)),
    "accounts:client_add": ("/accounts/invitations/add-client/", (L, 405, 405, 405, 405)),
    "accounts:invitation_cancel": ("/accounts/invitations/{invitation}/cancel/", (L, 405, 405, 405, 405)),
    "accounts:invite": ("/accounts/invite/{token}/", (200, 200, 200, 200, 200)),
    "accounts:people": ("/accounts/people/", (L, 404, 404, 404, 200)),
    "accounts:teacher_add": ("/accounts/people/add-teacher/", (L, 405, 405, 405, 405)),
    "accounts:person_role": ("/accounts/people/{clara}/role/", (L, 405, 405, 405, 405)),
    "accounts:password_change": ("/accounts/password/", (L, 200, 200, 200, 200)),
    "accounts:password_change_done": ("/accounts/password/done/", (L, 200, 200, 200, 200)),
    "accounts:password_reset": ("/accounts/password/reset/", (200, 200, 200, 200, 200)),
    "accounts:password_reset_done": ("/accounts/password/reset/sent/", (200, 200, 200, 200, 200)),
    "accounts:password_reset_confirm": ("/accounts/password/reset/MQ/set-password/", (200, 200, 200, 200, 200)),
    "accounts:password_reset_complete": ("/accounts/password/reset/done/", (200, 200, 200, 200, 200)),
    "accounts:oidc_authentication_init": ("/accounts/oidc/start/", (404, 404, 404, 404, 404)),
    "accounts:oidc_authentication_callback": ("/accounts/oidc/callback/", (404, 404, 404, 404, 404)),
    "safety:gate": ("/safety/", (L, 200, 200, 200, 200)),
    "safety:screening": ("/safety/screening/1/", (L, 200, 200, 200, 200)),
    "safety:result": ("/safety/result/{screening}/", (L, 200, 404, 404, 404)),
    "safety:assessment": ("/safety/assessment/", (L, 405, 405, 405, 405)),
    "safety:clearance": ("/safety/clearance/", (L, 405, 405, 405, 405)),
    "safety:routine-done": ("/safety/routine-done/", (L, 405, 405, 405, 405)),
    "safety:flare": ("/safety/flare/", (L, 200, 200, 200, 200)),
    "safety:directions": ("/safety/directions/", (L, 200, 200, 200, 200)),
    "safety:symptoms": ("/safety/symptoms/", (L, 405, 405, 405, 405)),
    "journal:timeline": ("/journal/", (L, 200, 200, 200, 200)),
    "journal:new": ("/journal/new/", (L, 200, 200, 200, 200)),
    "journal:edit": ("/journal/{entry}/edit/", (L, 200, 404, 404, 404)),
    "journal:delete": ("/journal/{entry}/delete/", (L, 405, 405, 405, 405)),
    "journal:restore": ("/journal/{entry}/restore/", (L, 405, 405, 405, 405)),
    "journal:progress": ("/journal/progress/", (L, 200, 200, 200, 200)),
    "journal:checkin": ("/journal/check-in/", (L, 200, 200, 200, 200)),
    "journal:activities": ("/journal/activities/", (L, 200, 200, 200, 200)),
    "journal:morning_waiting": ("/journal/morning/", (L, 200, 200, 200, 200)),
    "journal:morning": ("/journal/morning/{today}/", (L, 404, 404, 404, 404)),
    "programmes:programme": ("/programme/", (L, 200, 200, 200, 200)),
    "programmes:intake": ("/programme/intake/", (L, 200, 200, 200, 200)),
    "programmes:intake-screen": ("/programme/intake/2/", (L, 200, 200, 200, 200)),
    "programmes:resume": ("/programme/resume/", (L, "302", "302", "302", "302")),
    "programmes:play": ("/programme/play/", (L, 200, "302", "302", "302")),
    "programmes:log": ("/programme/log/1/", (L, 405, 405, 405, 405)),
    "programmes:done": ("/programme/done/{done}/", (L, 200, 404, 404, 404)),
    "programmes:check": ("/programme/check/", (L, 200, "302", "302", "302")),
    "programmes:check-answer": ("/programme/check/flexion/", (L, 405, 405, 405, 405)),
    "programmes:check-play": ("/programme/check/flexion/play/", (L, 200, "302", "302", "302")),
    "programmes:check-log": ("/programme/check/flexion/log/", (L, 405, 405, 405, 405)),
    "programmes:sequences": ("/programme/sequences/", (L, 200, 200, 200, 200)),
    "programmes:sequence-new": ("/programme/sequences/new/", (L, 200, 200, 200, 200)),
    "programmes:sequence-edit": ("/programme/sequences/{sequence}/", (L, 200, 404, 404, 404)),
    "programmes:sequence-delete": ("/programme/sequences/{sequence}/delete/", (L, 200, 404, 404, 404)),
    "programmes:sequence-play": ("/programme/sequences/{sequence}/play/", (L, 200, "302", "302", "302")),
    "programmes:sequence-log": ("/programme/sequences/{sequence}/log/", (L, 405, 405, 405, 405)),
    "teaching:clients": ("/clients/", (L, 404, 200, 200, 404)),
    "teaching:sharing": ("/clients/sharing/", (L, 200, 200, 200, 200)),
    "teaching:sharing-change": ("/clients/sharing/{tess}/", (L, 405, 405, 405, 405)),
    "teaching:client": ("/clients/{clara}/", (L, 404, 200, 404, 404)),
    "teaching:assign": ("/clients/{clara}/assign/", (L, 405, 405, 405, 405)),
    "teaching:adjust": ("/clients/{clara}/programme/", (L, 404, "302", 404, 404)),
    "teaching:reset-link": ("/clients/{clara}/reset-link/", (L, 405, 405, 405, 405)),
    "studio:studio": ("/studio/", (L, 404, 200, 200, 404)),
    "studio:upload": ("/studio/material/", (L, 404, 405, 405, 404)),
    "studio:material": ("/studio/material/{material}/", (404, 200, 200, 404, 404)),
    "studio:material-delete": ("/studio/material/{material}/delete/", (405, 405, 405, 405, 405)),
    "studio:booking": ("/studio/booking/", (405, 405, 405, 405, 405)),
    "studio:class-add": ("/studio/classes/", (405, 405, 405, 405, 405)),
    "studio:class-delete": ("/studio/classes/{class_time}/delete/", (405, 405, 405, 405, 405)),
    "studio:calendar": ("/studio/calendar/", (L, 200, 200, 200, 200)),
    "studio:calendar-feed": ("/studio/calendar/{calendar_key}.ics", (200, 200, 200, 200, 200)),
    "reminders:reminders": ("/reminders/", (L, 200, 200, 200, 200)),
    "reminders:push": ("/reminders/push/", (L, 405, 405, 405, 405)),
    "reports:preview": ("/report/", (L, 200, 200, 200, 200)),
    "reports:pdf": ("/report/report.pdf?notes=1", (L, 200, 200, 200, 200)),
    "reminders:feed": ("/reminders/calendar/{reminder_key}.ics", (200, 200, 200, 200, 200)),
}
# Where Tess may see Clara's markers: the pages of the practice log Clara shared with her.
TESS_SEES = {"practice:session", "teaching:client", "teaching:clients"}
CLARA_ONLY_MARKERS = (NOTE, SEQUENCE_TITLE)


def _names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _names(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


@pytest.fixture
def world(content, client_user, teacher, stranger_teacher, admin, tmp_path, settings):
    from django.core.files.base import ContentFile

    from lumbar.journal.models import JournalEntry
    from lumbar.practice.models import PracticeSession
    from lumbar.programmes.models import OwnSequence
    from lumbar.programmes.tests.web import play_and_save, set_up
    from lumbar.safety.actions import record_screening
    from lumbar.safety.screening import IDS
    from lumbar.studio.actions import new_calendar_key
    from lumbar.studio.models import ClassTime, Material

    settings.MEDIA_ROOT = tmp_path
    clara = client_user
    screening = record_screening(clara, {qid: False for qid in IDS})
    set_up(clara, days_per_week=3)
    browser = Client()
    browser.force_login(clara)
    play_and_save(browser)
    session = PracticeSession.objects.get(user=clara)
    entry = JournalEntry.objects.create(user=clara, recorded_at=timezone.now(), pain=4, notes=NOTE)
    sequence = OwnSequence.objects.create(owner=clara, title=SEQUENCE_TITLE, steps=[
        {"type": "pose", "pose": "constructive-rest", "variation": None, "seconds": 60}])
    set_consent(clara, teacher, PRACTICE, True)
    material = Material(teacher=teacher, pose="cobra", kind="photo", content_type="image/png", size=4)
    material.file.save("m.png", ContentFile(b"\x89PNG"), save=True)
    class_time = ClassTime.objects.create(teacher=teacher, weekday=0, starts_at="18:00", minutes=60, title="Floor")
    invitation, token = create_invitation(teacher, name="Nina")
    return {
        "people": {"clara": clara, "tess": teacher, "sam": stranger_teacher, "ada": admin},
        "ids": {"session": session.pk, "entry": entry.pk, "sequence": sequence.pk, "screening": screening.pk,
                "done": clara.programme.done_sessions.get().pk, "clara": clara.pk, "tess": teacher.pk,
                "material": material.pk, "class_time": class_time.pk, "invitation": invitation.pk, "token": token,
                "calendar_key": new_calendar_key(clara), "reminder_key": _reminder_key(clara), "today": timezone.localdate().isoformat()},
    }


def _reminder_key(person) -> str:
    from datetime import time

    from lumbar.reminders.actions import new_feed_key, save_reminder

    return new_feed_key(save_reminder(person, [0, 3], time(18, 0), "Europe/Madrid"))


def _matches(response, expected) -> bool:
    if expected == L:
        return response.status_code == 302 and response.url.startswith("/accounts/login/")
    if isinstance(expected, str):
        return str(response.status_code).startswith(expected[:1]) and response.status_code != 404
    return response.status_code == expected


def test_every_url_has_an_entry():
    missing = sorted(set(_names(get_resolver().url_patterns)) - set(MATRIX))
    assert not missing, f"add these URLs to the access matrix: {missing}"


@override_settings(MODE="hosted")
def test_every_role_against_every_url(world):
    failures = []
    for name, (path, expected) in MATRIX.items():
        url = path.format(**world["ids"])
        for role, want in zip(ROLES, expected):
            browser = Client(raise_request_exception=False)
            if role != "anonymous":
                browser.force_login(world["people"][role])
            with CaptureQueriesContext(connection) as queries:
                response = browser.get(url)
            if not _matches(response, want):
                failures.append(f"{role} GET {url}: {response.status_code} (expected {want})")
            writes = [q["sql"][:80] for q in queries if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
                      and "django_session" not in q["sql"] and "axes_" not in q["sql"]]
            if writes:
                failures.append(f"{role} GET {url} wrote: {writes}")
            body = response.content.decode(errors="replace") if response.status_code == 200 and not getattr(
                response, "streaming", False) else ""
            if role != "clara" and not (role == "tess" and name in TESS_SEES):
                leaked = [m for m in CLARA_ONLY_MARKERS if m in body]
                if leaked:
                    failures.append(f"{role} GET {url} shows Clara's {leaked}")
    assert not failures, "\n".join(failures)


# Writes on Clara's data, asked by everyone who is not Clara: each must be refused and change nothing.
WRITES = {
    "journal:edit": ("/journal/{entry}/edit/", {"pain": "1", "recorded_at": "2026-12-01T09:00", "notes": "x"}),
    "journal:delete": ("/journal/{entry}/delete/", {}),
    "journal:restore": ("/journal/{entry}/restore/", {}),
    "programmes:sequence-edit": ("/programme/sequences/{sequence}/", {"title": "x", "action": "save"}),
    "programmes:sequence-delete": ("/programme/sequences/{sequence}/delete/", {}),
    "programmes:done": ("/programme/done/{done}/", {"rating-cat-cow": "hurt"}),
    "teaching:assign": ("/clients/{clara}/assign/", {"sequence": "{sequence}"}),
    "teaching:adjust": ("/clients/{clara}/programme/", {"minutes": "10", "days_per_week": "1"}),
    "teaching:reset-link": ("/clients/{clara}/reset-link/", {}),
    "accounts:person_role": ("/accounts/people/{clara}/role/", {"role": "teacher"}),
}
# Tess looks after Clara: she may assign to her, adjust her programme and hand her a password link. Ada runs
# the site: she may make Clara a teacher (a role, not health data).
MAY = {("tess", "teaching:assign"), ("tess", "teaching:adjust"), ("tess", "teaching:reset-link"),
       ("ada", "accounts:person_role")}


def _snapshot(clara):
    from lumbar.journal.models import JournalEntry
    from lumbar.programmes.models import DoneSession, OwnSequence, Programme

    return (list(JournalEntry.objects.filter(user=clara).values()), list(OwnSequence.objects.filter(owner=clara).values()),
            list(DoneSession.objects.filter(programme__user=clara).values("ratings")),
            Programme.objects.get(user=clara).profile, clara.password, clara.profile.role)


@override_settings(MODE="hosted")
def test_nobody_but_clara_changes_her_data(world):
    clara = world["people"]["clara"]
    failures = []
    for name, (path, data) in WRITES.items():
        url = path.format(**world["ids"])
        form = {key: value.format(**world["ids"]) for key, value in data.items()}
        for role in ("anonymous", "tess", "sam", "ada"):
            if (role, name) in MAY:
                continue
            before = _snapshot(get_user_model().objects.get(pk=clara.pk))
            browser = Client(raise_request_exception=False)
            if role != "anonymous":
                browser.force_login(world["people"][role])
            response = browser.post(url, form)
            refused = response.status_code in (403, 404, 405) or (
                role == "anonymous" and response.status_code == 302 and response.url.startswith("/accounts/login/"))
            if not refused:
                failures.append(f"{role} POST {url}: {response.status_code}")
            if _snapshot(get_user_model().objects.get(pk=clara.pk)) != before:
                failures.append(f"{role} POST {url} changed Clara's data")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db(transaction=True)  # each handshake ends the thread's connection; PostgreSQL must reopen it
@override_settings(MODE="hosted")
def test_the_coach_socket_opens_only_for_someone_signed_in(world):
    from lumbar.coach.tests.test_socket_hardening import handshake

    origin = "http://127.0.0.1:8000"
    cookies = {}
    for role in ("clara", "tess", "sam", "ada"):
        browser = Client()
        browser.force_login(world["people"][role])
        cookies[role] = browser.cookies["sessionid"].value
    with override_settings(SITE_URL=origin):
        assert handshake(origin)[0] is False
        for role, cookie in cookies.items():
            assert handshake(origin, cookie)[0] is True, role
