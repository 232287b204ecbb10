"""After a password reset the account's counted sign-in failures are gone: the new password works at once."""
import pytest
from axes.models import AccessAttempt
from django.conf import settings

from lumbar.accounts.actions import add_client_by_hand, reset_link

pytestmark = pytest.mark.django_db
NEW = "a-brand-new-long-password"


@pytest.fixture(autouse=True)
def hosted(settings):
    settings.MODE = "hosted"
    settings.SITE_URL = "https://yoga.example.org"
    settings.ALLOWED_HOSTS = ["testserver", "yoga.example.org"]


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_a_reset_password_signs_in_although_the_account_was_throttled(client, teacher):
    omar = add_client_by_hand(teacher, "Omar")
    for number in range(settings.AXES_FAILURE_LIMIT):  # from many addresses: the account itself is paused
        sign_in(client, " OMAR", "wrong-password", address=f"198.51.100.{number}")
    assert sign_in(client, "omar", NEW, address="192.0.2.1").status_code == 429
    form = client.get(reset_link(omar).removeprefix("https://yoga.example.org"), follow=True)
    assert client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}).status_code == 302
    assert not AccessAttempt.objects.filter(username="omar").exists()
    client.logout()
    assert sign_in(client, "Omar", NEW, address="192.0.2.1").status_code == 302


def test_signing_in_elsewhere_keeps_other_accounts_counts(client, teacher, client_user):
    for number in range(3):
        sign_in(client, "clara", "wrong-password", address=f"198.51.100.{number}")
    omar = add_client_by_hand(teacher, "omar")
    form = client.get(reset_link(omar).removeprefix("https://yoga.example.org"), follow=True)
    client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert AccessAttempt.objects.filter(username="clara").count() == 3  # one row per address
