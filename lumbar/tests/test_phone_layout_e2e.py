"""Every page a person reaches, at two phone widths (360 and 390 px) and a laptop's (1280 px): no page scrolls
sideways, and axe finds no serious or critical problem. Hosted mode, so a teacher's pages are walked too.

Clara is a client with a little of everything (safety answers, a programme with one session done, a journal
entry, a check-in, a sequence of her own); Tess is her teacher, and Clara shares her practice log with her.
One browser; one page per person and width, taken from page to page.
"""
import pytest

from lumbar.e2e import serious_accessibility_violations, start_app, stop_app, under_csp, watch_for_errors

PASSWORD = "a quiet morning stretch"
WIDTHS = (360, 390, 1280)

WORLD = f"""
import json
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import setup_test_environment
from django.utils import timezone
from lumbar.accounts.actions import make_teacher, set_consent, start_coaching
from lumbar.accounts.scopes import PRACTICE
from lumbar.journal.actions import record_weekly_checkin
from lumbar.journal.models import JournalEntry
from lumbar.practice.models import PracticeSession
from lumbar.programmes.models import OwnSequence
from lumbar.programmes.tests.web import play_and_save, set_up
from lumbar.safety.actions import record_screening
from lumbar.safety.screening import IDS

setup_test_environment()  # the test client's host, for saving one programme session as the player does
people = get_user_model().objects
clara = people.create_user("clara", password={PASSWORD!r})
tess = people.create_user("tess", password={PASSWORD!r})
make_teacher(tess)
start_coaching(tess, clara)
set_consent(clara, tess, PRACTICE, True)
screening = record_screening(clara, {{qid: False for qid in IDS}})
set_up(clara, days_per_week=3)
browser = Client()
browser.force_login(clara)
assert play_and_save(browser).status_code == 201
entry = JournalEntry.objects.create(user=clara, recorded_at=timezone.now(), pain=4,
                                    notes="Stiff after the long drive on Sunday, easier after a walk.")
sequence = OwnSequence.objects.create(owner=clara, title="My evening wind-down", steps=[
    {{"type": "pose", "pose": "constructive-rest", "variation": None, "seconds": 60}}])
print(json.dumps({{"session": PracticeSession.objects.get(user=clara).pk, "entry": entry.pk,
                  "sequence": sequence.pk, "screening": screening.pk, "clara": clara.pk,
                  "done": clara.programme.done_sessions.get().pk}}))
"""

CLIENT_PAGES = (
    "/", "/about/", "/learn/welcome/", "/learn/", "/learn/how-back-pain-works/", "/learn/flare/", "/safety/", "/safety/screening/1/", "/safety/result/{screening}/", "/safety/flare/",
    "/journal/", "/journal/new/", "/journal/{entry}/edit/", "/journal/progress/", "/journal/check-in/",
    "/journal/activities/", "/journal/walking/", "/journal/morning/",
    "/programme/", "/programme/intake/", "/programme/done/{done}/", "/programme/check/",
    "/programme/sequences/", "/programme/sequences/new/", "/programme/sequences/{sequence}/",
    "/poses/", "/poses/cobra/", "/poses/childs-pose/", "/history/{session}/",
    "/accounts/data/", "/clients/sharing/", "/accounts/password/", "/studio/calendar/", "/reminders/", "/report/",
    "/offline/", "/no-such-page/",
)
TEACHER_PAGES = ("/clients/", "/clients/{clara}/", "/accounts/invitations/", "/studio/")
SIGNED_OUT_PAGES = ("/accounts/login/", "/accounts/password/reset/")
PLAYER = "/session/glide-and-rest/play/"

# What sticks out past the right edge, named, so a failure says where to look.
OVERFLOW = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5)
    .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width + 0.5);
  return {scrollWidth: document.documentElement.scrollWidth, width,
          elements: wide.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
            + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
            + ' right=' + Math.round(e.getBoundingClientRect().right))};
}"""


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    app, drop = start_app(tmp_path_factory.mktemp("phone-layout"), mode="hosted")
    ids = app.query(WORLD)
    yield app, ids
    stop_app(app, drop)


@pytest.fixture
def visit(browser, world):
    """visit(username or None, width) -> a page signed in as that person; every page watched for errors."""
    app, _ = world
    opened = []

    def open_as(username, width):
        context = browser.new_context(base_url=app.url, viewport={"width": width, "height": 800})
        page = under_csp(context.new_page())
        opened.append((context, watch_for_errors(page, app.url)))
        if username:
            page.goto("/accounts/login/")
            page.get_by_label("Username").fill(username)
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url("**/")
        return page

    yield open_as
    for context, errors in opened:
        context.close()
        assert not errors, errors


def problems_on(page, path: str, with_axe: bool = True) -> list[str]:
    overflow = page.evaluate(OVERFLOW)
    found = [f"{path}: scrolls sideways: {overflow}"] if overflow else []
    if with_axe:
        found += [f"{path}: {v}" for v in serious_accessibility_violations(page)]
    return found


def walk(page, paths, ids) -> list[str]:
    found = []
    for path in paths:
        url = path.format(**ids)
        response = page.goto(url)
        if response.status >= 500 or (response.status >= 400 and path != "/no-such-page/"):
            found.append(f"{url}: status {response.status}")
        found += problems_on(page, url)
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_width_with_no_serious_accessibility_problem(visit, world, width):
    _, ids = world
    found = walk(visit("clara", width), CLIENT_PAGES, ids)
    found += walk(visit("tess", width), TEACHER_PAGES, ids)
    found += walk(visit(None, width), SIGNED_OUT_PAGES, ids)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_players_ready_screen_fits_the_width(visit, width):
    page = visit("clara", width)
    page.goto(PLAYER)
    page.wait_for_function("document.body.dataset.playerState === 'ready'", timeout=60_000)
    found = problems_on(page, PLAYER)
    assert not found, "\n".join(found)
