"""The admin's list of people: who has an account and who teaches; several teachers per site."""
import re

import pytest
from django.contrib.auth import get_user_model

from lumbar.accounts.access import is_teacher

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def hosted(settings):
    settings.MODE = "hosted"
    settings.SITE_URL = "https://yoga.example.org"


def test_only_the_admin_has_the_people_page(client, client_user, teacher, admin):
    for person in (client_user, teacher):
        client.force_login(person)
        assert client.get("/accounts/people/").status_code == 404
        assert client.post(f"/accounts/people/{client_user.pk}/role/", {"role": "teacher"}).status_code == 404
        assert client.post("/accounts/people/add-teacher/", {"username": "tom"}).status_code == 404
    assert not is_teacher(client_user)
    client.force_login(admin)
    page = client.get("/accounts/people/")
    assert page.status_code == 200
    text = page.content.decode()
    assert all(name in text for name in ("clara", "tess", "ada"))
    assert "Make clara a teacher" in text and "Make tess a client" in text


def test_the_people_page_shows_no_health_data(client, admin, client_user):
    from django.utils import timezone

    from lumbar.journal.models import JournalEntry

    JournalEntry.objects.create(user=client_user, recorded_at=timezone.now(), pain=7,
                                notes="Sore after gardening", medication="ibuprofen")
    client.force_login(admin)
    text = client.get("/accounts/people/").content.decode()
    assert "clara" in text
    assert "Sore after gardening" not in text and "ibuprofen" not in text and ">7<" not in text


def test_the_admin_makes_a_teacher_and_back_with_posts_only(client, admin, client_user):
    client.force_login(admin)
    assert client.get(f"/accounts/people/{client_user.pk}/role/").status_code == 405
    assert client.post(f"/accounts/people/{client_user.pk}/role/", {"role": "teacher"}).status_code == 302
    assert is_teacher(client_user)
    assert client.post(f"/accounts/people/{client_user.pk}/role/", {"role": "client"}).status_code == 302
    assert not is_teacher(client_user)
    assert client.post(f"/accounts/people/{client_user.pk}/role/", {"role": "boss"}).status_code == 400
    assert client.post("/accounts/people/999999/role/", {"role": "teacher"}).status_code == 404


def test_the_admin_adds_a_teacher_who_chooses_their_own_password(client, admin):
    client.force_login(admin)
    page = client.post("/accounts/people/add-teacher/", {"username": "tom", "email": ""})
    assert page.status_code == 200
    tom = get_user_model().objects.get(username="tom")
    assert is_teacher(tom) and not tom.has_usable_password() and not tom.is_superuser
    assert re.search(r'value="https://yoga\.example\.org/accounts/password/reset/', page.content.decode())
    bad = client.post("/accounts/people/add-teacher/", {"username": "has space", "email": "x"})
    assert bad.status_code == 400 and "valid" in bad.content.decode()


def test_a_page_number_that_is_not_a_number_shows_the_first_page(client, admin):
    client.force_login(admin)
    assert client.get("/accounts/people/?page=%C2%B2").status_code == 200
    assert client.get("/accounts/people/?page=99999999999999999999").status_code == 200
