"""End-to-end in headless Chromium, at phone and laptop width: a person picks reminder days, a time and a time
zone, makes their private calendar address, and the feed a calendar app fetches from it parses with the
icalendar library into their programme's next sessions, in order, at that local time, each with an alarm."""
import urllib.request

import pytest
from icalendar import Calendar

from lumbar.e2e import serious_accessibility_violations

SEED = """
from lumbar.accounts.middleware import local_user
from lumbar.programmes.tests.web import set_up
set_up(local_user(), minutes=20, days_per_week=2)
"""


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """An app of its own, with a programme of two sessions a week."""
    from lumbar.e2e import start_app, stop_app

    running, drop = start_app(tmp_path_factory.mktemp("reminders-app"))
    running.query(SEED)
    yield running
    stop_app(running, drop)


@pytest.mark.parametrize("width", [360, 1280])
def test_a_person_sets_reminders_and_their_calendar_holds_the_planned_sessions(browser, app, width):
    from lumbar.e2e import under_csp

    context = browser.new_context(base_url=app.url, viewport={"width": width, "height": 800})
    page = under_csp(context.new_page())
    page.goto("/reminders/")
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        page.get_by_label(day).set_checked(day in ("Tuesday", "Friday"))
    page.get_by_label("Time", exact=True).fill("07:45")
    page.get_by_label("Your time zone").select_option("America/Bogota")
    page.get_by_role("button", name="Save days and time").click()
    assert "Saved." in page.get_by_role("status").first.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Make").click()
    address = page.locator("#calendar-address").inner_text()
    with urllib.request.urlopen(address) as answer:  # as a calendar app fetches it, with no sign-in
        calendar = Calendar.from_ical(answer.read())
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    total, position = app.query("""
import json
from lumbar.accounts.middleware import local_user
from lumbar.programmes.models import Programme
from lumbar.programmes.generator import schedule
p = Programme.objects.get(user=local_user())
print(json.dumps([len(schedule(p.get_profile())), p.get_state().position]))
""")
    assert len(events) == 8  # four weeks of Tuesdays and Fridays
    for number, event in enumerate(events, start=position + 1):
        starts = event.decoded("dtstart")
        assert starts.strftime("%a %H:%M") in ("Tue 07:45", "Fri 07:45") and starts.utcoffset().total_seconds() == -18000
        assert f"Session {number} of {total}" in str(event["summary"])
        assert any(c.name == "VALARM" for c in event.subcomponents)
    context.close()
