"""Web Push: a browser's subscription is checked, and a reminder that falls due reaches a push service, encrypted
for that browser and signed, once; a browser the service forgot is forgotten. The push service here is a real
HTTP server on this machine that decrypts what it gets with the browser's keys."""
import base64
import json
import os
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.test import Client

from lumbar import cli
from lumbar.reminders.models import PushSubscription, Reminder
from lumbar.reminders.push import send_due

pytestmark = pytest.mark.django_db


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class PushService:
    def __init__(self, answer=201):
        self.received, self.answer = [], answer
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                service.received.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(service.answer)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"


@pytest.fixture
def service(settings, tmp_path):
    settings.PUSH_SERVICE_HOSTS = ("127.0.0.1",)
    settings.DATA_DIR = tmp_path
    running = PushService()
    yield running
    running.server.shutdown()


@pytest.fixture
def browser_keys():
    private = ec.generate_private_key(ec.SECP256R1())
    public = private.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    return private, b64(public), os.urandom(16)


@pytest.fixture
def browser(client_user):
    browser = Client()
    browser.force_login(client_user)
    return browser


def subscribe(browser, endpoint, public, auth):
    return browser.post("/reminders/push/", json.dumps({"endpoint": endpoint, "keys": {"p256dh": public,
                                                                                     "auth": b64(auth)}}),
                        content_type="application/json")


def test_a_due_reminder_reaches_the_browser_encrypted_and_signed_once(browser, client_user, service, browser_keys,
                                                                      tmp_path):
    private, public, auth = browser_keys
    assert subscribe(browser, f"{service.url}/push/abc", public, auth).status_code == 201
    now = datetime(2026, 12, 7, 18, 5, tzinfo=timezone.utc)  # a Monday
    Reminder.objects.create(user=client_user, weekdays=[0], at=datetime(2026, 1, 1, 18, 0).time(), time_zone="UTC")
    page = browser.get("/reminders/").content.decode()
    assert 'id="push-section"' in page and "1 device reminds you now." in page
    assert send_due(now) == (1, 0)
    assert send_due(now + timedelta(minutes=5)) == (0, 0)  # sent once
    ((path, headers, body),) = service.received
    assert path == "/push/abc" and headers["content-encoding"] == "aes128gcm" and int(headers["ttl"]) > 0
    assert headers["authorization"].startswith("vapid t=")
    payload = json.loads(http_ece.decrypt(body, private_key=private, auth_secret=auth, version="aes128gcm"))
    assert payload == {"title": "Lumbar", "body": "Time for your gentle back session, if it suits you.", "url": "/"}
    assert (tmp_path / "vapid_private.pem").stat().st_mode & 0o777 == 0o600


def test_nothing_is_sent_when_paused_or_not_yet_due_and_a_forgotten_browser_is_dropped(browser, client_user, service,
                                                                                       browser_keys, capsys):
    private, public, auth = browser_keys
    subscribe(browser, f"{service.url}/push/gone", public, auth)
    reminder = Reminder.objects.create(user=client_user, weekdays=[0], at=datetime(2026, 1, 1, 18, 0).time(),
                                       time_zone="UTC", paused=True)
    assert send_due(datetime(2026, 12, 7, 18, 5, tzinfo=timezone.utc)) == (0, 0)
    reminder.paused = False
    reminder.save()
    assert send_due(datetime(2026, 12, 14, 17, 55, tzinfo=timezone.utc)) == (0, 0)  # 18:00 has not come yet
    service.answer = 410
    assert cli.main(["send-reminders"]) == 0 and "Sent " in capsys.readouterr().out  # the real clock: nothing due
    assert send_due(datetime(2026, 12, 14, 18, 1, tzinfo=timezone.utc)) == (0, 1)
    assert not PushSubscription.objects.exists()


@pytest.mark.parametrize("body, problem", [
    ("not json", "not JSON"),
    ({"endpoint": "https://evil.example/steal", "keys": {}}, "not a browser push service"),
    ({"endpoint": "{url}/x", "keys": {"p256dh": "abc", "auth": "abc"}}, "keys.p256dh must be 65 bytes"),
    ({"endpoint": "{url}/x", "keys": {"p256dh": "{public}", "auth": "***"}}, "keys.auth is not base64url"),
    ({"endpoint": "{url}/x"}, "keys must hold p256dh and auth"),
])
def test_a_bad_subscription_is_refused_naming_the_problem(browser, service, browser_keys, body, problem):
    _private, public, _auth = browser_keys
    text = body if isinstance(body, str) else json.dumps(body).replace("{url}", service.url).replace("{public}", public)
    response = browser.post("/reminders/push/", text, content_type="application/json")
    assert response.status_code == 400 and problem in response.json()["error"]
    assert not PushSubscription.objects.exists()


def test_stopping_on_this_device_removes_the_subscription(browser, service, browser_keys):
    _private, public, auth = browser_keys
    subscribe(browser, f"{service.url}/push/mine", public, auth)
    response = browser.post("/reminders/push/", json.dumps({"endpoint": f"{service.url}/push/mine", "remove": True}),
                            content_type="application/json")
    assert response.status_code == 200 and not PushSubscription.objects.exists()
