"""The coach socket under hostile input: who may open it (exact origins only), and messages that must not end it."""
import json

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.test import override_settings

from lumbar.asgi import application
from lumbar.coach.tests.test_consumer import GOOD_FRAME, converse

pytestmark = pytest.mark.django_db
START = {"type": "start", "exercise": "pelvic-tilt", "fps": 30}
NEXT = {"type": "frames", "frames": [{**GOOD_FRAME, "t": 5.0}]}


def frames_with_x(number: str, t: float = 0.1) -> str:
    other = ", [0.5, 0.5, 0, 0.9]" * 32
    return f'{{"type": "frames", "frames": [{{"t": {t}, "landmarks": [[{number}, 0.5, 0, 0.9]{other}]}}]}}'


HOSTILE = [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"type": "frames", "frames": [[[[[[[[1]]]]]]]]}', "nested too deeply"),
    (frames_with_x("1e309"), "x must be a finite number"),
    (frames_with_x("-1e309"), "x must be a finite number"),
    (frames_with_x("NaN"), "x must be a finite number"),
    (frames_with_x(str(10 ** 400)), "a number in these frames is too large"),
    (frames_with_x("1" * 5000), "has too many digits"),
    ('{"type": "frames", "frames": [{"t": 1e309, "landmarks": null}]}', "t must be a finite number"),
    ('{"type": "start", "exercise": "cat-cow", "fps": %d}' % 10 ** 30, "fps must be a number from 1 to 120"),
    ('{"type": "start", "exercise": "cat-cow", "tempo": 1e309}', "tempo must be a number"),
    ('{"type": "start", "type": "finish"}', "duplicated key"),
]


@pytest.mark.parametrize("message,expected", HOSTILE, ids=[e for _, e in HOSTILE])
def test_hostile_message_gets_an_error_and_the_stream_carries_on(client_user, message, expected):
    started, answer, after = converse(client_user, START, message, NEXT)
    assert started["type"] == "started"
    assert answer["type"] == "error" and expected in answer["error"], answer
    assert after["type"] == "update", after


# --- who may open the socket ---

def handshake(origin, cookie=None, server=("127.0.0.1", 8000)) -> tuple[bool, int | None]:
    """Opens /ws/coach/ through the whole ASGI application; (connected, close code)."""

    async def run():
        headers = [(b"origin", origin.encode())] if origin is not None else []
        if cookie:
            headers.append((b"cookie", f"sessionid={cookie}".encode()))
        socket = WebsocketCommunicator(application, "/ws/coach/", headers=headers)
        if server:
            socket.scope["server"] = server
        connected, code = await socket.connect()
        if connected:
            await socket.disconnect()
        return connected, code

    return async_to_sync(run)()


@pytest.fixture
def session(client, client_user):
    client.force_login(client_user)
    return client.cookies["sessionid"].value


@override_settings(MODE="hosted", SITE_URL="https://lumbar.example.org")
@pytest.mark.parametrize("origin", [
    "https://lumbar.example.org", "https://LUMBAR.example.org", "https://lumbar.example.org:443"])
def test_hosted_accepts_exactly_the_site_origin(session, origin):
    assert handshake(origin, session) == (True, None)


@override_settings(MODE="hosted", SITE_URL="https://lumbar.example.org")
@pytest.mark.parametrize("origin", [
    "http://lumbar.example.org", "https://lumbar.example.org:8443", "https://evil.example.org",
    "https://lumbar.example.org.evil.example", "http://127.0.0.1:8000", "http://localhost:8000", "null", "", None])
def test_hosted_refuses_every_other_origin(session, origin):
    assert handshake(origin, session) == (False, 4403)


@override_settings(MODE="local", SITE_URL="http://127.0.0.1:8000")
@pytest.mark.parametrize("origin", ["http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"])
def test_local_accepts_this_server_on_loopback(session, origin):
    assert handshake(origin, session) == (True, None)


@override_settings(MODE="local", SITE_URL="http://127.0.0.1:8000")
@pytest.mark.parametrize("origin", [
    "http://localhost:3000", "http://127.0.0.1:8001", "https://127.0.0.1:8000", "http://192.168.1.20:8000",
    "http://evil.example:8000"])
def test_local_refuses_other_ports_and_hosts(session, origin):
    assert handshake(origin, session) == (False, 4403)


@override_settings(MODE="local", SITE_URL="http://127.0.0.1:8000")
def test_local_loopback_names_follow_the_port_this_server_listens_on(session):
    assert handshake("http://localhost:9100", session, server=("127.0.0.1", 9100)) == (True, None)
    assert handshake("http://localhost:9100", session, server=("127.0.0.1", 8000)) == (False, 4403)


@override_settings(MODE="hosted", SITE_URL="https://lumbar.example.org")
def test_right_origin_without_a_session_is_still_turned_away(db):
    assert handshake("https://lumbar.example.org") == (False, 4401)


def test_a_full_stream_still_works_through_the_whole_application(session):
    async def run():
        socket = WebsocketCommunicator(application, "/ws/coach/", headers=[
            (b"origin", b"http://127.0.0.1:8000"), (b"cookie", f"sessionid={session}".encode())])
        socket.scope["server"] = ("127.0.0.1", 8000)
        assert (await socket.connect())[0]
        await socket.send_to(text_data=json.dumps(START))
        started = json.loads(await socket.receive_from(timeout=20))
        await socket.send_to(text_data="[" * 50_000)
        error = json.loads(await socket.receive_from(timeout=20))
        await socket.send_to(text_data=json.dumps(NEXT))
        update = json.loads(await socket.receive_from(timeout=20))
        await socket.disconnect()
        return started, error, update

    started, error, update = async_to_sync(run)()
    assert (started["type"], error["type"], update["type"]) == ("started", "error", "update")
