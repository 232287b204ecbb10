"""Reminders: the person's days and time, a secret calendar address any calendar app reads, pause and revoke."""
import re

import pytest
from django.test import Client
from icalendar import Calendar

from lumbar.programmes.tests.web import set_up
from lumbar.reminders.models import Reminder

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(client_user):
    browser = Client()
    browser.force_login(client_user)
    return browser


def _address(browser) -> str:
    response = browser.post("/reminders/", {"action": "new-address"})
    assert response.status_code == 200
    return re.search(r'id="calendar-address">([^<]+)<', response.content.decode()).group(1)


def _events(browser, address):
    response = browser.get(address.replace("http://testserver", ""))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return [c for c in Calendar.from_ical(response.content).walk() if c.name == "VEVENT"]


def test_the_calendar_holds_the_programmes_next_sessions_on_the_chosen_days_with_an_alarm(browser, client_user,
                                                                                            content):
    set_up(client_user, minutes=20, days_per_week=2)
    response = browser.post("/reminders/", {"weekdays": ["1", "4"], "at": "07:45", "time_zone": "America/Bogota"})
    assert response.status_code == 302
    events = _events(browser, _address(browser))
    assert len(events) == 8  # four weeks of two days
    for number, event in enumerate(events, start=1):
        starts = event.decoded("dtstart")
        assert starts.strftime("%a %H:%M") in ("Tue 07:45", "Fri 07:45")
        assert starts.utcoffset().total_seconds() == -5 * 3600
        assert f"Session {number} of 24" in str(event["summary"])
        minutes = (event.decoded("dtend") - starts).total_seconds() / 60
        assert f"about {minutes:.0f} minutes" in str(event["summary"])
        alarms = [c for c in event.subcomponents if c.name == "VALARM"]
        assert alarms and alarms[0]["action"] == "DISPLAY"


def test_pausing_empties_the_calendar_and_a_new_address_stops_the_old_one(browser, content):
    browser.post("/reminders/", {"weekdays": ["0"], "at": "18:00", "time_zone": "Europe/Madrid"})
    old = _address(browser)
    assert len(_events(browser, old)) == 4  # the core session every Monday, four weeks ahead
    assert browser.post("/reminders/", {"action": "pause"}).status_code == 302
    assert _events(browser, old) == []
    assert browser.post("/reminders/", {"action": "resume"}).status_code == 302
    new = _address(browser)
    assert browser.get(old.replace("http://testserver", "")).status_code == 404
    assert len(_events(browser, new)) == 4
    browser.post("/reminders/", {"action": "stop-address"})
    assert browser.get(new.replace("http://testserver", "")).status_code == 404


@pytest.mark.parametrize("data, problem", [
    ({"at": "18:00", "time_zone": "Europe/Madrid"}, "Choose at least one day."),
    ({"weekdays": ["9"], "at": "18:00", "time_zone": "Europe/Madrid"}, "9 is not a day of the week."),
    ({"weekdays": ["0"], "at": "six", "time_zone": "Europe/Madrid"}, "Enter a time such as 18:30."),
    ({"weekdays": ["0"], "at": "18:00", "time_zone": "Mars/Olympus"}, "Mars/Olympus is not a time zone we know."),
    ({"action": "explode"}, "Unknown action: explode"),
])
def test_bad_input_is_refused_with_a_message_naming_it_and_keeps_what_was_saved(browser, client_user, data, problem):
    browser.post("/reminders/", {"weekdays": ["2"], "at": "09:00", "time_zone": "Europe/Madrid"})
    response = browser.post("/reminders/", data)
    assert response.status_code == 400 and problem in response.content.decode()
    assert Reminder.objects.get(user=client_user).weekdays == [2]


def test_the_page_shows_the_next_reminders_and_loading_it_writes_nothing(browser, client_user):
    browser.post("/reminders/", {"weekdays": ["0", "2", "4"], "at": "12:15", "time_zone": "Asia/Tokyo"})
    before = Reminder.objects.get(user=client_user).updated_at
    page = browser.get("/reminders/").content.decode()
    assert page.count("12:15</time>") == 5
    assert Reminder.objects.get(user=client_user).updated_at == before


def test_the_calendar_speaks_the_language_the_reminders_were_chosen_in(client_user, content):
    browser = Client(HTTP_ACCEPT_LANGUAGE="es")
    browser.force_login(client_user)
    browser.post("/reminders/", {"weekdays": ["0"], "at": "18:00", "time_zone": "Europe/Madrid"})
    english = Client()
    english.force_login(client_user)
    events = _events(english, _address(browser))
    assert "Lumbar: " in str(events[0]["summary"]) and "minutos" in str(events[0]["summary"])
