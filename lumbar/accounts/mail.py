"""Email for accounts: the settings built from LUMBAR_SMTP_URL, and the two messages Lumbar sends itself.

Without LUMBAR_SMTP_URL nothing is sent: teachers hand links over themselves, and "Forgot your password?"
tells people to ask their teacher. settings.py can import `email_settings` (nothing else is imported then).
"""
from __future__ import annotations

import logging
import smtplib
from urllib.parse import unquote, urlsplit

from django.conf import settings

log = logging.getLogger(__name__)

SCHEMES = {  # scheme: (default port, STARTTLS, implicit TLS)
    "smtp": (587, True, False),
    "smtps": (465, False, True),
    "smtp+plain": (25, False, False),  # only for a mail relay on this machine
}


def email_settings(environ) -> dict:
    """Django's EMAIL_* settings from LUMBAR_SMTP_URL and LUMBAR_EMAIL_FROM (merged into settings.py).

    LUMBAR_SMTP_URL: smtp://USER:PASSWORD@HOST:PORT (STARTTLS, port 587 by default), smtps://... (TLS from the
    start, 465) or smtp+plain://HOST:25 (no encryption: a relay on this machine). Characters such as @ or :
    in the user name or password are written %40, %3A. A URL that cannot be read stops start-up with a message.
    """
    url = (environ.get("LUMBAR_SMTP_URL") or "").strip()
    site_host = urlsplit(environ.get("SITE_URL") or "http://localhost").hostname or "localhost"
    sender = (environ.get("LUMBAR_EMAIL_FROM") or "").strip() or f"Lumbar <lumbar@{site_host}>"
    if not url:
        return {"LUMBAR_EMAIL_ENABLED": False, "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
                "DEFAULT_FROM_EMAIL": sender, "SERVER_EMAIL": sender}
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise SystemExit(f"LUMBAR_SMTP_URL must start with smtp://, smtps:// or smtp+plain://, not {url.split(':')[0]!r}")
    try:
        port = parts.port
    except ValueError:
        raise SystemExit("LUMBAR_SMTP_URL has a port that is not a number from 1 to 65535") from None
    if not parts.hostname:
        raise SystemExit("LUMBAR_SMTP_URL has no mail server name, e.g. smtp://user:password@mail.example.org:587")
    default_port, starttls, tls = SCHEMES[parts.scheme]
    return {
        "LUMBAR_EMAIL_ENABLED": True,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or default_port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": starttls,
        "EMAIL_USE_SSL": tls,
        "EMAIL_TIMEOUT": 10,
        "DEFAULT_FROM_EMAIL": sender,
        "SERVER_EMAIL": sender,
    }


def email_enabled() -> bool:
    return bool(getattr(settings, "LUMBAR_EMAIL_ENABLED", False))


def _send(to: str, template: str, context: dict) -> bool:
    """Sends one plain-text message; False (and a log line) when it could not be sent, never an exception."""
    from django.core.mail import send_mail
    from django.template.loader import render_to_string

    if not (email_enabled() and to):
        return False
    text = render_to_string(template, context)
    subject, _, body = text.partition("\n")
    try:
        send_mail(subject.strip(), body.lstrip("\n"), None, [to])
    except (smtplib.SMTPException, OSError) as error:
        log.warning("could not send %s to a person: %s", template, error)
        return False
    return True


def send_invitation(invitation, link: str) -> bool:
    return _send(invitation.email, "accounts/email/invitation.txt",
                 {"invitation": invitation, "teacher": invitation.teacher, "link": link,
                  "invitation_days": round((invitation.expires_at - invitation.created_at).total_seconds() / 86400)})


def send_set_password(user, teacher, link: str) -> bool:
    return _send(user.email, "accounts/email/set_password.txt", {"user": user, "teacher": teacher, "link": link})
