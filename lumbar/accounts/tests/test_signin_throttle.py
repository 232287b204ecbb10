"""Sign-in throttling (per account and per address, in the database), and how passwords are checked and kept."""
from datetime import timedelta
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("hosted")]
LOGIN = "/accounts/login/"
PASSWORD = "a-long-test-password"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def hosted():
    with override_settings(MODE="hosted"):
        yield


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, times, username="clara", address="203.0.113.7"):
    for _ in range(times):
        response = sign_in(client, username, "wrong-password", address)
        if response.status_code == 429:
            return response
        assert response.status_code == 200  # the form again, with its error
    return response


def test_a_wrong_password_shows_the_form_again_until_the_limit(client, client_user):
    response = fail(client, LIMIT - 1)
    assert response.status_code == 200 and b"Too many tries" not in response.content
    assert sign_in(client, "clara", PASSWORD).status_code == 302  # still allowed below the limit


def test_at_the_limit_the_sign_in_page_says_kindly_how_long_to_wait(client, client_user):
    response = fail(client, LIMIT)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Too many tries" in text and "Please wait 15 minutes" in text
    assert 'href="/accounts/password/reset/"' in text  # the way out: a new password
    assert '<form method="post"' in text  # still the sign-in page
    assert response["Retry-After"] == str(15 * 60)


def test_a_throttled_account_is_refused_before_any_password_is_hashed(client, client_user):
    fail(client, LIMIT)
    with mock.patch.object(ModelBackend, "authenticate", autospec=True) as backend, \
            mock.patch("django.contrib.auth.hashers.Argon2PasswordHasher.verify") as verify:
        for _ in range(5):
            assert sign_in(client, "clara", PASSWORD).status_code == 429
    backend.assert_not_called()
    verify.assert_not_called()


def test_refused_tries_do_not_extend_the_wait_or_write(client, client_user):
    fail(client, LIMIT)
    before = list(AccessAttempt.objects.values_list("failures_since_start", "attempt_time"))
    fail(client, 5)
    assert list(AccessAttempt.objects.values_list("failures_since_start", "attempt_time")) == before


def test_per_address_many_names_from_one_address_pause_that_address_only(client, client_user):
    for number in range(LIMIT):
        sign_in(client, f"guess{number}", "wrong-password", address="198.51.100.1")
    assert sign_in(client, "clara", PASSWORD, address="198.51.100.1").status_code == 429
    assert sign_in(client, "clara", PASSWORD, address="198.51.100.2").status_code == 302


def test_per_account_one_name_from_many_addresses_pauses_that_account(client, client_user, stranger):
    for number in range(LIMIT):
        sign_in(client, "clara", "wrong-password", address=f"192.0.2.{number + 1}")
    assert sign_in(client, "clara", PASSWORD, address="192.0.2.200").status_code == 429
    assert sign_in(client, "stranger", PASSWORD, address="192.0.2.200").status_code == 302


def test_the_same_name_in_another_case_or_with_spaces_counts_against_the_same_account(client, client_user):
    for number, name in enumerate(["Clara", " clara", "CLARA ", "clara"] * 3):
        sign_in(client, name, "wrong-password", address=f"192.0.2.{number + 1}")
    assert sign_in(client, "clara", PASSWORD, address="192.0.2.222").status_code == 429


def test_after_the_wait_the_right_password_works_again(client, client_user):
    fail(client, LIMIT)
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))
    assert sign_in(client, "clara", PASSWORD).status_code == 302


def test_the_message_counts_down_the_minutes_left(client, client_user):
    fail(client, LIMIT)
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=14, seconds=30))
    response = sign_in(client, "clara", PASSWORD)
    assert response.status_code == 429 and "Please wait 1 minute and" in response.content.decode()


def test_the_address_counted_is_the_connection_not_a_header(client, client_user):
    for _ in range(LIMIT):
        client.post(LOGIN, {"username": "clara", "password": "nope"}, REMOTE_ADDR="198.51.100.9",
                    HTTP_X_FORWARDED_FOR="10.9.9.9", HTTP_X_REAL_IP="10.9.9.9")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.9"}


# --- passwords ---

@pytest.mark.parametrize("password,problem", [
    ("1", "too short"), ("short-pw", "too short"), ("password123", "too common"), ("3141592653589", "entirely numeric"),
])
def test_weak_passwords_are_refused_with_the_reason(password, problem):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert any(problem in message for message in refused.value.messages)


def test_a_password_like_the_name_is_refused():
    user = get_user_model()(username="margaretsmith", email="margaret.smith@example.org")
    with pytest.raises(ValidationError, match="too similar"):
        validate_password("margaretsmith1", user)


def test_a_good_password_passes():
    validate_password("slow tilts before child's pose")


def test_new_passwords_are_hashed_with_argon2id(client_user):
    assert client_user.password.startswith("argon2$argon2id$")


def test_an_older_pbkdf2_hash_still_signs_in_and_is_upgraded(client, client_user):
    old = make_password(PASSWORD, hasher="pbkdf2_sha256")
    get_user_model().objects.filter(pk=client_user.pk).update(password=old)
    assert check_password(PASSWORD, old)
    assert sign_in(client, "clara", PASSWORD).status_code == 302
    client_user.refresh_from_db()
    assert client_user.password.startswith("argon2$")
