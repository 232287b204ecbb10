"""A teacher invites a client by link or adds them by hand; the client makes their account from the link."""
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from lumbar.accounts.access import clients_of, is_teacher
from lumbar.accounts.actions import InvitationError, accept_invitation, create_invitation
from lumbar.accounts.models import Invitation

pytestmark = pytest.mark.django_db
PASSWORD = "gentle-tilts-every-day"


@pytest.fixture(autouse=True)
def hosted(settings):
    settings.MODE = "hosted"
    settings.SITE_URL = "https://yoga.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "yoga.example.org"]


def _link_on(page) -> str:
    return re.search(r'value="(https://yoga\.example\.org/accounts/invite/[^"]+)"', page.content.decode()).group(1)


def _sign_up(client, link, username="nina", password=PASSWORD, **extra):
    return client.post(link.removeprefix("https://yoga.example.org"),
                       {"username": username, "password1": password, "password2": password, **extra})


# --- the teacher's page -----------------------------------------------------------------------------------

def test_only_teachers_have_the_invitations_page(client, client_user, teacher, admin):
    assert client.get("/accounts/invitations/").status_code == 302  # signed out: to the sign-in page
    for person in (client_user, admin):
        client.force_login(person)
        assert client.get("/accounts/invitations/").status_code == 404
        assert client.post("/accounts/invitations/new/", {"name": "Nina"}).status_code == 404
        assert client.post("/accounts/invitations/add-client/", {"username": "nina"}).status_code == 404
    assert not Invitation.objects.exists()
    client.force_login(teacher)
    assert client.get("/accounts/invitations/").status_code == 200


def test_a_teacher_makes_a_link_sees_it_once_and_it_is_listed_until_used(client, teacher):
    client.force_login(teacher)
    page = client.post("/accounts/invitations/new/", {"name": "Nina", "email": ""})
    assert page.status_code == 200
    link = _link_on(page)
    assert "Copy the link" in page.content.decode() and "Nina" in page.content.decode()
    assert "It works once, for 14 days." in page.content.decode()
    listing = client.get("/accounts/invitations/").content.decode()
    assert "Nina" in listing and link not in listing  # the secret is shown once, never stored
    assert "/accounts/invite/" not in listing
    assert not mail.outbox  # no email set up: nothing sent


def test_the_link_is_emailed_when_email_is_set_up(client, teacher, settings):
    settings.LUMBAR_EMAIL_ENABLED = True
    client.force_login(teacher)
    page = client.post("/accounts/invitations/new/", {"name": "Nina", "email": "nina@example.org"})
    link = _link_on(page)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nina@example.org"]
    assert link in mail.outbox[0].body and "tess invited you" in mail.outbox[0].subject
    assert "works once, for 14 days" in mail.outbox[0].body
    assert "We sent it to nina@example.org" in page.content.decode()


def test_bad_invitation_input_gets_400_naming_the_field(client, teacher):
    client.force_login(teacher)
    page = client.post("/accounts/invitations/new/", {"name": "", "email": "not an email"})
    assert page.status_code == 400
    text = page.content.decode()
    assert "This field is required" in text and "valid email" in text
    assert client.get("/accounts/invitations/new/").status_code == 405  # writes are POST only


def test_a_teacher_takes_back_a_link_and_it_stops_working(client, teacher, stranger_teacher):
    invitation, token = create_invitation(teacher, "Nina")
    client.force_login(stranger_teacher)
    assert client.post(f"/accounts/invitations/{invitation.pk}/cancel/").status_code == 404
    client.force_login(teacher)
    assert client.post(f"/accounts/invitations/{invitation.pk}/cancel/").status_code == 302
    client.logout()
    assert client.get(f"/accounts/invite/{token}/").status_code == 404


def test_adding_a_client_by_hand_gives_a_set_password_link(client, teacher):
    client.force_login(teacher)
    page = client.post("/accounts/invitations/add-client/", {"username": "omar", "email": ""})
    assert page.status_code == 200
    omar = get_user_model().objects.get(username="omar")
    assert not omar.has_usable_password() and omar in clients_of(teacher)
    link = re.search(r'value="https://yoga\.example\.org(/accounts/password/reset/[^"]+)"', page.content.decode())
    client.logout()
    form = client.get(link.group(1), follow=True)
    assert "Choose a password" in form.content.decode()
    done = client.post(form.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD},
                       follow=True)
    assert done.status_code == 200 and done.wsgi_request.user == omar  # signed in with the new password
    omar.refresh_from_db()
    assert omar.check_password(PASSWORD)


def test_a_taken_user_name_is_refused_in_any_capitals(client, teacher, client_user):
    client.force_login(teacher)
    page = client.post("/accounts/invitations/add-client/", {"username": "CLARA"})
    assert page.status_code == 400 and "is taken" in page.content.decode()


# --- the client's side of the link ------------------------------------------------------------------------

def test_the_invited_client_sees_who_invited_them_signs_up_and_is_signed_in(client, teacher):
    invitation, token = create_invitation(teacher, "Nina", "nina@example.org")
    page = client.get(f"/accounts/invite/{token}/")
    assert page.status_code == 200 and "tess invited you" in page.content.decode()
    assert 'value="nina@example.org"' in page.content.decode()
    response = client.post(f"/accounts/invite/{token}/", {
        "username": "nina", "email": "nina@example.org", "password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302 and response.url == "/"
    nina = get_user_model().objects.get(username="nina")
    assert client.get("/").wsgi_request.user == nina
    assert nina in clients_of(teacher) and not is_teacher(nina)
    invitation.refresh_from_db()
    assert invitation.used_by == nina


def test_a_weak_password_or_two_different_ones_are_refused_with_the_reason(client, teacher):
    _, token = create_invitation(teacher, "Nina")
    weak = _sign_up(client, f"/accounts/invite/{token}/", password="nina")
    assert weak.status_code == 400
    assert "too short" in weak.content.decode() or "too common" in weak.content.decode() or \
        "too similar" in weak.content.decode()
    different = client.post(f"/accounts/invite/{token}/", {
        "username": "nina", "password1": PASSWORD, "password2": PASSWORD + "x"})
    assert different.status_code == 400 and "not the same" in different.content.decode()
    assert not get_user_model().objects.filter(username="nina").exists()
    assert client.get(f"/accounts/invite/{token}/").status_code == 200  # still usable


def test_used_expired_and_unknown_links_say_which(client, teacher):
    _, used = create_invitation(teacher, "Nina")
    accept_invitation(used, "nina", PASSWORD)
    page = client.get(f"/accounts/invite/{used}/")
    assert page.status_code == 410 and "used already" in page.content.decode()
    expired, old = create_invitation(teacher, "Omar")
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    page = client.get(f"/accounts/invite/{old}/")
    assert page.status_code == 410 and "expired" in page.content.decode()
    page = _sign_up(client, f"/accounts/invite/{old}/", username="omar")
    assert page.status_code == 410 and not get_user_model().objects.filter(username="omar").exists()
    page = client.get("/accounts/invite/no-such-link/")
    assert page.status_code == 404 and "not known" in page.content.decode()


def test_the_second_of_two_submits_gets_used_and_makes_nothing(client, teacher):
    _, token = create_invitation(teacher, "Nina")
    assert _sign_up(client, f"/accounts/invite/{token}/").status_code == 302
    client.logout()
    second = _sign_up(client, f"/accounts/invite/{token}/", username="nina2")
    assert second.status_code == 410 and "used already" in second.content.decode()
    assert not get_user_model().objects.filter(username="nina2").exists()
    with pytest.raises(InvitationError) as error:
        accept_invitation(token, "nina3", PASSWORD)
    assert error.value.reason == "used"


def test_a_link_that_was_claimed_between_opening_and_saving_is_not_used_twice(teacher, monkeypatch):
    """accept_invitation claims the link in one conditional update, whatever open_invitation saw."""
    from lumbar.accounts import actions

    invitation, token = create_invitation(teacher, "Nina")
    seen = actions.open_invitation(token)  # both submits saw it unused ...
    accept_invitation(token, "nina", PASSWORD)  # ... the first one won
    monkeypatch.setattr(actions, "open_invitation", lambda _token: seen)
    with pytest.raises(InvitationError):
        accept_invitation(token, "nina2", PASSWORD)
    assert not get_user_model().objects.filter(username="nina2").exists()


def test_someone_signed_in_is_told_to_sign_out_first(client, teacher, client_user):
    _, token = create_invitation(teacher, "Nina")
    client.force_login(client_user)
    page = client.get(f"/accounts/invite/{token}/")
    assert page.status_code == 200 and "sign out first" in page.content.decode()
    assert client.post(f"/accounts/invite/{token}/", {"username": "x"}).status_code == 200
    assert not get_user_model().objects.filter(username="x").exists()


def test_in_local_mode_the_invitation_pages_say_they_are_not_needed(client, settings, teacher):
    settings.MODE = "local"
    _, token = create_invitation(teacher, "Nina")
    for url in (f"/accounts/invite/{token}/", "/accounts/invitations/", "/accounts/people/"):
        page = client.get(url)
        assert page.status_code == 200 and "Not needed on this computer" in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_two_submits_at_the_same_moment_make_one_account(teacher, monkeypatch):
    """Real concurrency needs a server database: on PostgreSQL both threads open the link, then race."""
    import threading

    from django.db import connection

    from lumbar.accounts import actions

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database is not shared between threads")
    _, token = create_invitation(teacher, "Nina")
    barrier, opened = threading.Barrier(2, timeout=10), actions.open_invitation
    results = []

    def open_then_wait(value):
        invitation = opened(value)
        barrier.wait()
        return invitation

    monkeypatch.setattr(actions, "open_invitation", open_then_wait)

    def submit(name):
        try:
            results.append(accept_invitation(token, name, PASSWORD).username)
        except InvitationError as error:
            results.append(error.reason)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(name,)) for name in ("nina", "nina2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results)[-1] == "used" and len(results) == 2
    assert get_user_model().objects.filter(username__in=["nina", "nina2"]).count() == 1


def test_odd_addresses_and_oversized_input_get_4xx(client, admin, teacher):
    client.force_login(admin)
    assert client.post("/accounts/people/" + "9" * 30 + "/role/", {"role": "teacher"}).status_code == 404
    client.force_login(teacher)
    assert client.post("/accounts/invitations/" + "9" * 30 + "/cancel/").status_code == 404
    assert client.get("/accounts/invite/" + "²" * 300 + "/").status_code == 404
    assert client.post("/accounts/invitations/new/", {"name": "x" * 5000, "email": "a@b.c"}).status_code == 400
    assert client.post("/accounts/invitations/add-client/", {"username": "x" * 151}).status_code == 400
