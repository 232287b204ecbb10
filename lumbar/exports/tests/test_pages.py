"""Your data (/accounts/data/): the person downloads everything about them, or deletes their account and data."""
import json
import os

import pytest
from django.contrib.auth import get_user_model
from django.http import Http404
from django.test import RequestFactory, override_settings

from lumbar.exports import views

from .conftest import everything

pytestmark = pytest.mark.django_db
PAGE, DOWNLOAD, DELETE = "/accounts/data/", "/accounts/data/download/", "/accounts/data/delete/"


def rows_not_of(username: str) -> list[dict]:
    """Rows that are not this person's and do not mention them."""
    from lumbar.exports.person import person_rows

    rows = everything()
    theirs = person_rows(rows, username)
    return [row for row in rows if row not in theirs and [username] not in row["fields"].values()]


@pytest.fixture
def hosted(settings):
    settings.MODE = "hosted"


def test_the_page_offers_the_download_and_the_deletion(world, client, hosted):
    client.force_login(world.clara)
    page = client.get(PAGE)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Download everything about me" in text and "Delete my account and data" in text
    assert 'type="password"' in text and 'autocomplete="current-password"' in text


def test_the_download_is_her_own_backup_and_writes_nothing(world, client, hosted):
    client.force_login(world.clara)
    before = everything()
    response = client.get(DOWNLOAD)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="lumbar-clara-')
    assert response["Cache-Control"] == "no-store"
    doc = json.loads(response.content)
    assert doc["scope"] == "person" and doc["person"] == "clara"
    assert [row["fields"]["username"] for row in doc["rows"] if row["model"] == "auth.user"] == ["clara"]
    assert "Sam's own" not in response.content.decode()
    assert everything() == before


def test_a_teacher_downloading_gets_only_their_own_data(world, client, hosted):
    client.force_login(world.tess)
    doc = json.loads(client.get(DOWNLOAD).content)
    assert doc["person"] == "tess" and not any(row["model"] == "journal.journalentry" for row in doc["rows"])


@pytest.mark.parametrize("view", [views.your_data, views.download])
def test_nobody_reaches_another_persons_data_page(world, view):
    """Not her teacher, not a stranger teacher, not the admin: 404, as for a page that does not exist."""
    for viewer in (world.tess, world.sam, world.ada):
        request = RequestFactory().get(PAGE)
        request.user = viewer
        with pytest.raises(Http404):
            view(request, client=world.clara.pk)


def test_a_teacher_asking_for_a_clients_page_by_address_gets_404(world, client, hosted):
    client.force_login(world.tess)
    assert client.get(f"{PAGE}{world.clara.pk}/").status_code == 404
    assert client.get(f"{DOWNLOAD}?client={world.clara.pk}").json()["person"] == "tess"


def test_signed_out_visitors_are_sent_to_sign_in(world, client, hosted):
    for url in (PAGE, DOWNLOAD):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert client.post(DELETE, {"confirm": "x"}).status_code == 302
    assert get_user_model().objects.filter(username="clara").exists()


def test_a_wrong_password_deletes_nothing(world, client, hosted):
    client.force_login(world.clara)
    before = everything()
    response = client.post(DELETE, {"confirm": "not-my-password"})
    assert response.status_code == 400
    assert "That is not your password. Nothing was deleted." in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert everything() == before
    assert client.get(DELETE).status_code == 405


def test_deleting_removes_her_and_her_data_signs_her_out_and_leaves_everyone_else(world, client, hosted):
    from lumbar.accounts.models import Invitation
    from lumbar.programmes.models import OwnSequence

    others = rows_not_of("clara")
    client.force_login(world.clara)
    response = client.post(DELETE, {"confirm": "a-long-test-password"}, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/data/deleted/"
    assert "Your data was deleted" in response.content.decode()
    assert not get_user_model().objects.filter(username="clara").exists()
    assert not any("clara" in json.dumps(row) for row in everything())
    assert [row for row in others if row not in everything()] == []
    assert OwnSequence.objects.filter(owner=world.tess).exists()  # her teacher's sequence stays
    assert Invitation.objects.filter(name="Clara", used_by__isnull=True).exists()  # Tess's, without the link
    assert client.get(PAGE).status_code == 302  # signed out


def test_a_teacher_leaving_takes_their_material_files_with_them(world, client, hosted, uploads,
                                                              django_capture_on_commit_callbacks):
    from lumbar.studio.models import Material

    stored = Material.objects.get().file.path
    client.force_login(world.tess)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(DELETE, {"confirm": "a-long-test-password"}).status_code == 302
    assert not Material.objects.exists() and not os.path.exists(stored)
    assert get_user_model().objects.filter(username="clara").exists()


def test_without_a_password_the_person_types_their_username(world, client, hosted):
    from lumbar.accounts.actions import add_client_by_hand

    pat = add_client_by_hand(world.tess, "pat")
    client.force_login(pat)
    assert "Type your username, pat, to confirm" in client.get(PAGE).content.decode()
    assert client.post(DELETE, {"confirm": "pam"}).status_code == 400
    assert client.post(DELETE, {"confirm": "pat"}).status_code == 302
    assert not get_user_model().objects.filter(username="pat").exists()


@override_settings(MODE="local")
def test_on_this_computer_deleting_wipes_the_data_and_lumbar_starts_fresh(world, client):
    from lumbar.accounts.middleware import local_user
    from lumbar.safety.actions import record_flare

    record_flare(local_user(), "on my laptop")
    others = rows_not_of("local")
    page = client.get(PAGE).content.decode()
    assert "starts fresh" in page and 'type="checkbox"' in page
    assert client.post(DELETE, {}).status_code == 400  # not ticked: nothing happens
    response = client.post(DELETE, {"confirm": "on"}, follow=True)
    assert "Lumbar starts fresh from here" in response.content.decode()
    fresh = get_user_model().objects.get(username="local")
    from lumbar.safety.models import Flare

    assert not Flare.objects.filter(user=fresh).exists()
    assert all(row in everything() for row in others)
