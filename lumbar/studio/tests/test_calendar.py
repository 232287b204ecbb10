"""Each client's secret, revocable calendar address: her teachers' weekly classes as recurring events."""
import re
from datetime import time, timedelta

import icalendar
import pytest

from lumbar.accounts.actions import end_coaching
from lumbar.studio.models import BookingLink, CalendarKey, ClassTime

pytestmark = pytest.mark.django_db


def _new_address(client) -> str:
    page = client.post("/studio/calendar/", {"action": "new"}).content.decode()
    return re.search(r'id="calendar-address">https?://[^/]+(/studio/calendar/[^<]+\.ics)<', page)[1]


@pytest.fixture
def classes(teacher, stranger_teacher):
    BookingLink.objects.create(teacher=teacher, url="https://book.example.org/tess")
    ClassTime.objects.create(teacher=teacher, weekday=2, starts_at=time(18, 30), minutes=60, title="Gentle back class",
                             place="Church hall")
    ClassTime.objects.create(teacher=teacher, weekday=5, starts_at=time(9), minutes=45, title="Saturday stretch",
                             by_video=True)
    ClassTime.objects.create(teacher=stranger_teacher, weekday=1, starts_at=time(7), minutes=30, title="Sam's class",
                             place="Elsewhere")


def test_the_address_lists_her_teachers_classes_as_weekly_events_in_the_site_zone(client, client_user, classes):
    client.force_login(client_user)
    address = _new_address(client)
    client.logout()  # a calendar app signs in to nothing
    response = client.get(address)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Gentle back class", "Saturday stretch"}
    wednesday = events["Gentle back class"]
    starts = wednesday.decoded("DTSTART")
    assert str(starts.tzinfo) == "Europe/London" and starts.weekday() == 2 and starts.time() == time(18, 30)
    assert wednesday.decoded("DTEND") - starts == timedelta(minutes=60)
    assert wednesday["RRULE"]["FREQ"] == ["WEEKLY"] and wednesday["RRULE"]["BYDAY"] == ["WE"]
    assert str(wednesday["LOCATION"]) == "Church hall" and str(wednesday["URL"]) == "https://book.example.org/tess"
    assert str(events["Saturday stretch"]["LOCATION"]) == "By video call"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_a_new_address_stops_the_old_one_and_stopping_stops_both(client, client_user, classes):
    client.force_login(client_user)
    old = _new_address(client)
    new = _new_address(client)
    assert old != new
    assert client.get(old).status_code == 404 and client.get(new).status_code == 200
    assert CalendarKey.objects.count() == 1 and new.split("/")[-1][:-4] not in CalendarKey.objects.get().key_hash
    client.post("/studio/calendar/", {"action": "stop"})
    assert client.get(new).status_code == 404


def test_made_up_addresses_are_404(client):
    for address in ("/studio/calendar/" + "a" * 43 + ".ics", "/studio/calendar/short.ics",
                    "/studio/calendar/%3Cscript%3E.ics"):
        assert client.get(address).status_code == 404


def test_when_the_coaching_ends_her_calendar_empties(client, client_user, teacher, classes):
    client.force_login(client_user)
    address = _new_address(client)
    end_coaching(teacher, client_user)
    calendar = icalendar.Calendar.from_ical(client.get(address).content)
    assert calendar.walk("VEVENT") == []


def test_the_calendar_page_writes_nothing_when_it_is_only_looked_at(client, client_user, classes):
    client.force_login(client_user)
    page = client.get("/studio/calendar/")
    assert page.status_code == 200 and "Make my calendar address" in page.content.decode()
    assert not CalendarKey.objects.exists()
