"""LUMBAR_SMTP_URL becomes Django's EMAIL_* settings; without it nothing is sent."""
import pytest
from django.core import mail

from lumbar.accounts.mail import email_settings, send_invitation


def test_without_a_url_email_is_off_and_the_sender_names_the_site():
    built = email_settings({"SITE_URL": "https://yoga.example.org"})
    assert built["LUMBAR_EMAIL_ENABLED"] is False
    assert built["EMAIL_BACKEND"].endswith("dummy.EmailBackend")
    assert built["DEFAULT_FROM_EMAIL"] == "Lumbar <lumbar@yoga.example.org>"


@pytest.mark.parametrize("url, host, port, tls, ssl", [
    ("smtp://mail.example.org", "mail.example.org", 587, True, False),
    ("smtps://mail.example.org", "mail.example.org", 465, False, True),
    ("smtp+plain://localhost:25", "localhost", 25, False, False),
    ("smtp://mail.example.org:2525", "mail.example.org", 2525, True, False),
])
def test_the_scheme_chooses_the_encryption_and_default_port(url, host, port, tls, ssl):
    built = email_settings({"LUMBAR_SMTP_URL": url})
    assert built["LUMBAR_EMAIL_ENABLED"] is True
    assert (built["EMAIL_HOST"], built["EMAIL_PORT"], built["EMAIL_USE_TLS"], built["EMAIL_USE_SSL"]) == (
        host, port, tls, ssl)


def test_user_and_password_may_hold_escaped_characters_and_the_sender_can_be_set():
    built = email_settings({"LUMBAR_SMTP_URL": "smtp://tess%40clinic.org:p%3Ass%2Fw@mail.example.org",
                            "LUMBAR_EMAIL_FROM": "Tess's yoga <tess@clinic.org>"})
    assert built["EMAIL_HOST_USER"] == "tess@clinic.org" and built["EMAIL_HOST_PASSWORD"] == "p:ss/w"
    assert built["DEFAULT_FROM_EMAIL"] == built["SERVER_EMAIL"] == "Tess's yoga <tess@clinic.org>"


@pytest.mark.parametrize("url, words", [
    ("http://mail.example.org", "must start with smtp://"),
    ("smtp://mail.example.org:99999", "port"),
    ("smtp://mail.example.org:abc", "port"),
    ("smtp://", "no mail server"),
])
def test_a_url_that_cannot_be_read_stops_start_up_with_a_message(url, words):
    with pytest.raises(SystemExit) as stop:
        email_settings({"LUMBAR_SMTP_URL": url})
    assert words in str(stop.value)


def test_a_mail_server_that_fails_does_not_break_the_page(settings, monkeypatch, db):
    settings.LUMBAR_EMAIL_ENABLED = True

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no server")

    monkeypatch.setattr("django.core.mail.send_mail", refuse)

    from datetime import datetime, timedelta

    class Invitation:
        email, name = "nina@example.org", "Nina"
        created_at = datetime(2026, 1, 1)
        expires_at = created_at + timedelta(days=14)
        teacher = type("Teacher", (), {"username": "tess", "get_full_name": lambda self: ""})()

    assert send_invitation(Invitation(), "https://yoga.example.org/accounts/invite/x/") is False
    assert not mail.outbox
