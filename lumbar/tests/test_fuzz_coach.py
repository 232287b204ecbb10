"""The coach socket under a seeded fuzz: every message, however wrong, gets one answer; a bad one an error
naming the problem; the socket never closes, and a good start and good frames still work after them."""
from __future__ import annotations

import json
import random

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator

from lumbar.coach.consumers import CoachConsumer

from .fuzz_inputs import JSON_TOKENS, hostile_json

pytestmark = pytest.mark.django_db
SEED = 20261125
START = {"type": "start", "exercise": "pelvic-tilt", "fps": 30, "aspect": 1.333, "tempo": 4}
POINT = [0.5, 0.5, 0.0, 0.9]
CHECK_EVERY = 20


def frames(t: float, count: int = 1) -> dict:
    return {"type": "frames", "frames": [{"t": t + i / 30, "landmarks": [list(POINT) for _ in range(33)]}
                                         for i in range(count)]}


def random_messages(rng: random.Random, count: int) -> list:
    """Frames with a hostile token at random places, wrong types, too many frames, binary data."""
    made = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.6:
            text = json.dumps(frames(1.0, rng.randint(1, 3)))
            tokens = iter(rng.choice(JSON_TOKENS) for _ in range(4))
            numbers = text.split("0.5")
            for i in rng.sample(range(1, len(numbers)), 2):
                numbers[i] = next(tokens) + numbers[i]
            made.append("0.5".join(numbers).replace("0.50.5", "0.5"))
        elif roll < 0.7:
            made.append(json.dumps(frames(1.0, rng.choice([0, 31, 200]))))
        elif roll < 0.8:
            made.append(rng.choice([b"\x00\x01", b"\xff" * 100, b""]))
        elif roll < 0.9:
            made.append(json.dumps({"type": rng.choice(["frames", "start", "finish", "", None, 1, ["start"]]),
                                    "frames": rng.choice([None, {}, "x", [None], [[]], [{"t": "0"}]])}))
        else:
            made.append(json.dumps({**START, rng.choice(list(START)): json.loads(rng.choice(JSON_TOKENS[:12])
                                                                                if rng.random() < 0.5 else "null")}))
    return made


def hostile_messages() -> list:
    rng = random.Random(SEED)
    hostile = [body.decode() if body.isascii() else body
               for body in hostile_json(START, rng) + hostile_json(frames(1.0), rng, per_path=2)]
    return hostile + random_messages(rng, 1200)


class Closed(Exception):
    """The consumer raised, so Channels ended the socket."""


async def _opened(user) -> WebsocketCommunicator:
    socket = WebsocketCommunicator(CoachConsumer.as_asgi(), "/ws/coach/")
    socket.scope["user"] = user
    connected, _code = await socket.connect()
    assert connected
    return socket


async def _say(socket, message, timeout: float = 20) -> dict:
    if isinstance(message, bytes):  # sent as ASGI events, so empty frames go too
        await socket.send_input({"type": "websocket.receive", "bytes": message})
    else:
        text = message if isinstance(message, str) else json.dumps(message)
        await socket.send_input({"type": "websocket.receive", "text": text})
    try:
        answer = await socket.receive_output(timeout=timeout)
    except Exception as error:
        raise Closed(f"{type(error).__name__}: {error}") from None
    if answer["type"] != "websocket.send":
        raise Closed(str(answer))
    return json.loads(answer["text"])


def converse(user, hostile: list, timeout: float = 20) -> tuple[list[str], int]:
    """Sends every message on one socket (a new one if it ends, which is a problem); (problems, answered).
    Every CHECK_EVERY messages a good start and good frames must still work."""
    problems, answered = [], 0

    async def run():
        nonlocal answered
        socket = await _opened(user)
        for number, message in enumerate(hostile):
            try:
                if number % CHECK_EVERY == 0:
                    started, update = await _say(socket, START), await _say(socket, frames(1.0, 2))
                    if started["type"] != "started" or update["type"] != "update":
                        problems.append(f"after message {number}: {started} {update}")
                answer = await _say(socket, message, timeout)
            except Closed as closed:
                problems.append(f"the socket ended after {str(message)[:120]!r}: {closed}")
                socket = await _opened(user)
                continue
            answered += 1
            if answer["type"] not in ("error", "update", "started", "result") or (
                    answer["type"] == "error" and not answer.get("error")):
                problems.append(f"{str(message)[:120]!r} -> {answer}")
        final = await _say(socket, START), await _say(socket, frames(1.0, 2))
        if [a["type"] for a in final] != ["started", "update"]:
            problems.append(f"at the end: {final}")
        await socket.disconnect()

    async_to_sync(run)()
    return problems, answered


def test_hostile_messages_each_get_an_answer_and_never_end_the_socket(client_user):
    hostile = hostile_messages()
    problems, answered = converse(client_user, hostile)
    print(f"coach socket fuzz: {answered} hostile messages answered")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
    assert answered == len(hostile) > 1500


def test_a_list_or_object_as_type_or_exercise_gets_an_error_not_the_end_of_the_socket(client_user):
    problems, _answered = converse(client_user, ['{"type": []}', '{"type": "start", "exercise": {}}'], timeout=1)
    assert not problems, problems


@pytest.mark.parametrize("number,expected", [
    (10 ** 400, "y: a number in these frames is too large"), (1e300, "y must be between -100 and 100"),
    (-150, "y must be between -100 and 100"), (float("nan"), "y must be a finite number")])
def test_a_landmark_far_outside_the_picture_is_named_not_an_overflow(number, expected):
    from lumbar.motion.landmarks import LandmarksError, parse_document, parse_landmarks

    points = [list(POINT) for _ in range(33)]
    points[3][1] = number
    with pytest.raises(LandmarksError, match=expected.replace("(", r"\(")):
        parse_landmarks(points, "frame 0")
    with pytest.raises(LandmarksError, match="fps is too large"):
        parse_document({"fps": 10 ** 400, "frames": [{"t": 0, "landmarks": None}]})
