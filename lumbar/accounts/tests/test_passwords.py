"""Changing a password, resetting one by email, and the reset link a teacher hands over."""
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from lumbar.accounts.actions import add_client_by_hand, reset_link

pytestmark = pytest.mark.django_db
NEW = "slow-rounded-rests-help"


@pytest.fixture(autouse=True)
def hosted(settings):
    settings.MODE = "hosted"
    settings.SITE_URL = "https://yoga.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "yoga.example.org"]


def test_a_signed_in_person_changes_their_password(client, client_user):
    assert client.get("/accounts/password/").status_code == 302  # signed out: to the sign-in page
    client.force_login(client_user)
    assert client.get("/accounts/password/").status_code == 200
    wrong = client.post("/accounts/password/", {"old_password": "nope", "new_password1": NEW, "new_password2": NEW})
    assert wrong.status_code == 200 and "incorrectly" in wrong.content.decode()
    done = client.post("/accounts/password/", {
        "old_password": "a-long-test-password", "new_password1": NEW, "new_password2": NEW}, follow=True)
    assert "Password changed" in done.content.decode()
    client_user.refresh_from_db()
    assert client_user.check_password(NEW)


def test_without_email_forgot_password_says_ask_your_teacher(client, client_user):
    client_user.email = "clara@example.org"
    client_user.save()
    page = client.get("/accounts/password/reset/")
    assert page.status_code == 200 and "ask your teacher" in page.content.decode()
    client.post("/accounts/password/reset/", {"email": "clara@example.org"})
    assert not mail.outbox


def test_with_email_a_reset_link_is_sent_and_works_once(client, client_user, settings):
    settings.LUMBAR_EMAIL_ENABLED = True
    client_user.email = "clara@example.org"
    client_user.save()
    page = client.get("/accounts/password/reset/")
    assert "Send me the link" in page.content.decode()
    sent = client.post("/accounts/password/reset/", {"email": "clara@example.org"})
    assert sent.status_code == 302 and sent.url == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1 and "clara" in mail.outbox[0].body
    path = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(path, follow=True)
    done = client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}, follow=True)
    assert "Password saved" in done.content.decode()
    client.logout()
    again = client.get(path, follow=True)
    assert "does not work any more" in again.content.decode()
    # an unknown email gets the same page and no message (nobody learns who has an account)
    assert client.post("/accounts/password/reset/", {"email": "who@example.org"}).status_code == 302
    assert len(mail.outbox) == 1


def test_reset_link_is_absolute_lets_the_person_choose_a_password_and_works_once(client, teacher):
    omar = add_client_by_hand(teacher, "omar")
    link = reset_link(omar)
    assert link.startswith("https://yoga.example.org/accounts/password/reset/")
    form = client.get(link.removeprefix("https://yoga.example.org"), follow=True)
    assert "For the account omar" in form.content.decode()
    weak = client.post(form.redirect_chain[-1][0], {"new_password1": "omar", "new_password2": "omar"})
    assert weak.status_code == 200 and "too short" in weak.content.decode()
    client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    omar.refresh_from_db()
    assert omar.check_password(NEW)
    client.logout()
    assert "does not work any more" in client.get(link.removeprefix("https://yoga.example.org"),
                                                  follow=True).content.decode()


def test_a_made_up_reset_link_gets_a_clear_page_not_an_error(client):
    page = client.get("/accounts/password/reset/MQ/not-a-token/", follow=True)
    assert page.status_code == 200 and "does not work any more" in page.content.decode()
    page = client.get("/accounts/password/reset/%C2%B2%C2%B2/x-y/", follow=True)
    assert page.status_code == 200


def test_in_local_mode_the_password_pages_say_there_are_no_passwords(client, settings, client_user):
    settings.MODE = "local"
    for url in ("/accounts/password/", "/accounts/password/reset/", "/accounts/password/reset/sent/",
                "/accounts/password/reset/MQ/abc-def/", "/accounts/password/reset/done/"):
        page = client.get(url)
        assert page.status_code == 200 and "no passwords" in page.content.decode(), url
    assert get_user_model().objects.get(username="local")  # the local person, signed in as usual
