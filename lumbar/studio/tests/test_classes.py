"""The booking link and weekly classes: set on the studio page, shown to the teacher's clients on their home page."""
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from lumbar.accounts.actions import end_coaching
from lumbar.studio.models import BookingLink, ClassTime
from lumbar.studio.schedule import next_occurrences

pytestmark = pytest.mark.django_db

CLASS = {"title": "Gentle back class", "weekday": "2", "starts_at": "18:30", "minutes": "60", "place": "Church hall"}


def test_only_an_https_booking_link_is_kept(client, teacher):
    client.force_login(teacher)
    for bad in ("http://book.example.org", "javascript:alert(1)", "book.example.org", "https://"):
        response = client.post("/studio/booking/", {"url": bad})
        assert response.status_code == 400, bad
        assert "Enter a full address starting with https://" in response.content.decode()
    assert not BookingLink.objects.exists()
    assert client.post("/studio/booking/", {"url": "https://book.example.org/tess"}).status_code == 302
    assert BookingLink.objects.get().url == "https://book.example.org/tess"
    client.post("/studio/booking/", {"url": ""})
    assert not BookingLink.objects.exists()


def test_a_class_needs_a_place_or_video_and_sensible_times(client, teacher):
    client.force_login(teacher)
    response = client.post("/studio/classes/", {**CLASS, "place": ""})
    assert response.status_code == 400 and "Say where the class is, or tick “By video call”." in response.content.decode()
    for field, value in (("minutes", "0"), ("minutes", "600"), ("weekday", "7"), ("starts_at", "25:00"), ("title", "")):
        assert client.post("/studio/classes/", {**CLASS, field: value}).status_code == 400, field
    assert not ClassTime.objects.exists()
    assert client.post("/studio/classes/", {**CLASS, "place": "", "by_video": "on"}).status_code == 302
    assert client.post("/studio/classes/", CLASS).status_code == 302
    page = client.get("/studio/").content.decode()
    assert "Wednesdays at 18:30, 60 minutes" in page and "Church hall" in page and "By video call" in page


def test_only_the_owner_deletes_a_class_and_others_cannot_post_to_the_studio(client, teacher, stranger_teacher, client_user):
    class_time = ClassTime.objects.create(teacher=teacher, weekday=1, starts_at=time(9), minutes=45, title="Morning")
    client.force_login(stranger_teacher)
    assert client.post(f"/studio/classes/{class_time.pk}/delete/").status_code == 404
    client.force_login(client_user)
    assert client.post("/studio/classes/", CLASS).status_code == 404
    assert client.post("/studio/booking/", {"url": "https://x.example.org"}).status_code == 404
    client.force_login(teacher)
    assert client.post(f"/studio/classes/{class_time.pk}/delete/").status_code == 302
    assert not ClassTime.objects.exists()


def test_her_clients_see_your_teacher_with_the_booking_link_and_next_classes(client, content, teacher, client_user,
                                                                             stranger):
    teacher.first_name, teacher.last_name = "Tess", "Teacher"
    teacher.save()
    BookingLink.objects.create(teacher=teacher, url="https://book.example.org/tess")
    ClassTime.objects.create(teacher=teacher, weekday=2, starts_at=time(18, 30), minutes=60, title="Gentle back class",
                             place="Church hall")
    client.force_login(client_user)
    page = client.get("/").content.decode()
    assert "Your teacher" in page and "Tess Teacher" in page
    assert 'href="https://book.example.org/tess"' in page and "Gentle back class" in page and "Wednesday" in page
    assert "/studio/calendar/" in page
    client.force_login(stranger)
    assert "Your teacher" not in client.get("/").content.decode()
    end_coaching(teacher, client_user)
    client.force_login(client_user)
    assert "Tess Teacher" not in client.get("/").content.decode()


def test_a_teacher_sees_a_link_to_her_studio_on_the_home_page(client, content, teacher):
    client.force_login(teacher)
    assert 'href="/studio/"' in client.get("/").content.decode()


def test_next_classes_come_soonest_first_and_a_class_under_way_still_counts(teacher):
    zone = ZoneInfo("Europe/London")
    monday = ClassTime(teacher=teacher, weekday=0, starts_at=time(9), minutes=60, title="Mon")
    wednesday = ClassTime(teacher=teacher, weekday=2, starts_at=time(18, 30), minutes=60, title="Wed")
    now = datetime(2026, 3, 2, 9, 30, tzinfo=zone)  # a Monday, half-way through the Monday class
    found = next_occurrences([wednesday, monday], now)
    assert [(o.class_time.title, o.starts) for o in found] == [
        ("Mon", datetime(2026, 3, 2, 9, 0, tzinfo=zone)), ("Wed", datetime(2026, 3, 4, 18, 30, tzinfo=zone))]
    later = next_occurrences([monday], datetime(2026, 3, 2, 10, 0, tzinfo=zone))
    assert later[0].starts == datetime(2026, 3, 9, 9, 0, tzinfo=zone)
