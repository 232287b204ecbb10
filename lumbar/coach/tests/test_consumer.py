"""The live coach's WebSocket: only landmarks in, counts and scores out; bad messages named, never fatal."""
import json
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from lumbar.coach.consumers import CoachConsumer
from lumbar.motion.analysis import analyze
from lumbar.motion.landmarks import read_landmarks_file

pytestmark = pytest.mark.django_db
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "synthetic"
NOBODY = None
GOOD_FRAME = {"t": 0.0333, "landmarks": [[0.5, 0.5, 0.0, 0.9]] * 33}


def converse(user, *messages) -> list[dict]:
    """Connects as this user, sends each message in turn and returns each answer (one event loop)."""

    async def run():
        socket = WebsocketCommunicator(CoachConsumer.as_asgi(), "/ws/coach/")
        socket.scope["user"] = user
        connected, code = await socket.connect()
        if not connected:
            return [{"closed": code}]
        answers = []
        for message in messages:
            if isinstance(message, bytes):
                await socket.send_to(bytes_data=message)
            else:
                await socket.send_to(text_data=message if isinstance(message, str) else json.dumps(message))
            answers.append(json.loads(await socket.receive_from(timeout=20)))
        await socket.disconnect()
        return answers

    return async_to_sync(run)()


def test_a_stranger_without_a_session_is_turned_away():
    assert converse(AnonymousUser(), {"type": "start", "exercise": "cat-cow"}) == [{"closed": 4401}]


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/data/synthetic beside the repository")
def test_live_counts_match_the_offline_analysis_of_the_same_landmarks(client_user):
    raw = json.loads((SHARED / "pelvic_tilt_landmarks.json").read_text())
    batches = [{"type": "frames", "frames": raw["frames"][i:i + 3]} for i in range(0, len(raw["frames"]), 3)]
    started, *updates, live = converse(client_user, {"type": "start", "exercise": "pelvic-tilt", "fps": raw["fps"]},
                                       *batches, {"type": "finish"})
    assert started["type"] == "started"
    assert all(u["type"] == "update" for u in updates) and updates[-1]["reps"] >= 1
    offline = analyze(read_landmarks_file(SHARED / "pelvic_tilt_landmarks.json"), "pelvic-tilt").to_dict()
    truth = json.loads((SHARED / "pelvic_tilt_truth.json").read_text())
    assert live["type"] == "result"
    assert len(live["reps"]) == len(offline["reps"]) == len(truth["reps"])



@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/data/synthetic beside the repository")
def test_a_new_start_is_a_fresh_analysis_that_counts_from_zero(client_user):
    """The player starts each exercise window afresh ("Begin"): what came before it is not counted."""
    raw = json.loads((SHARED / "pelvic_tilt_landmarks.json").read_text())
    truth = json.loads((SHARED / "pelvic_tilt_truth.json").read_text())
    cut = 9.3  # lying still between the second and the third tilt
    before = [f for f in raw["frames"] if f["t"] < cut]
    after = [{**f, "t": round(f["t"] - cut + 0.001, 4)} for f in raw["frames"] if f["t"] >= cut]
    batch = lambda frames: [{"type": "frames", "frames": frames[i:i + 3]} for i in range(0, len(frames), 3)]  # noqa: E731
    start = {"type": "start", "exercise": "pelvic-tilt", "fps": raw["fps"]}
    answers = converse(client_user, start, *batch(before), start, *batch(after), {"type": "finish"})
    first = answers[1:1 + len(batch(before))]
    restarted, *second, result = answers[1 + len(first):]
    assert max(u["reps"] for u in first) == sum(1 for r in truth["reps"] if r["end"] < cut) == 2
    assert restarted["type"] == "started" and second[0]["reps"] == 0
    expected = sum(1 for r in truth["reps"] if r["start"] > cut)
    assert second[-1]["reps"] == len(result["reps"]) == expected == 4
    directions = {h["direction"] for u in second for h in u["halves"]}
    assert directions and directions <= {"flatten", "arch"}  # the words the player shows for each half

BAD = [
    (b"\x89PNG", "binary messages are not accepted"),
    ("not json", "the input is not JSON"),
    ("[1, 2]", "message must be a JSON object"),
    ({"type": "video"}, "unknown message type 'video'"),
    ({"type": "frames", "frames": [GOOD_FRAME]}, "send a 'start' message before frames"),
    ({"type": "finish"}, "nothing to finish"),
    ({"type": "start", "exercise": "headstand"}, "unknown exercise 'headstand'"),
    ({"type": "start", "exercise": "cat-cow", "fps": 0}, "fps must be a number from 1 to 120"),
    ({"type": "start", "exercise": "cat-cow", "tempo": "slow"}, "tempo must be a number"),
    ("x" * 300_000, "message too large"),
]


@pytest.mark.parametrize("message,expected", BAD, ids=[e for _, e in BAD])
def test_a_bad_message_is_named_and_the_stream_stays_open(client_user, message, expected):
    answer, after = converse(client_user, message, {"type": "start", "exercise": "child-pose"})
    assert answer["type"] == "error" and expected in answer["error"]
    assert after["type"] == "started"


BAD_FRAMES = [
    ("not a list", "'frames' must be a list of 1 to 30 frames"),
    ([], "'frames' must be a list of 1 to 30 frames"),
    ([GOOD_FRAME] * 31, "'frames' must be a list of 1 to 30 frames"),
    ([{"t": 0.1, "landmarks": [[0.5, 0.5, 0.0, 0.9]] * 32}], "frame 0"),
    ([{"t": 0.1, "landmarks": [[0.5, "NaN", 0.0, 0.9]] * 33}], "frame 0"),
    ([{"t": 0.1, "landmarks": [[0.5, 0.5, 0.0, 1.7]] * 33}], "frame 0"),
    ([{"t": 0.2, "landmarks": NOBODY}, {"t": 0.1, "landmarks": NOBODY}], "frame 1"),
    ([{"landmarks": NOBODY}], "frame 0"),
]


@pytest.mark.parametrize("frames,expected", BAD_FRAMES, ids=[e for _, e in BAD_FRAMES])
def test_malformed_frames_are_refused_naming_the_frame_and_what_is_wrong(client_user, frames, expected):
    _, answer, after = converse(client_user, {"type": "start", "exercise": "pelvic-tilt"},
                                {"type": "frames", "frames": frames},
                                {"type": "frames", "frames": [{"t": 1.0, "landmarks": NOBODY}]})
    assert answer["type"] == "error" and expected in answer["error"]
    assert after["type"] == "update"


def test_a_fault_inside_the_analysis_is_answered_and_the_stream_goes_on(client_user, monkeypatch):
    from lumbar.motion.analysis import MotionAnalyzer

    calls = []
    feed = MotionAnalyzer.feed_frames

    def faulty_once(self, frames):
        calls.append(len(frames))
        if len(calls) == 1:
            raise ValueError("max() arg is an empty sequence")
        return feed(self, frames)

    monkeypatch.setattr(MotionAnalyzer, "feed_frames", faulty_once)
    _, fault, after, result = converse(client_user, {"type": "start", "exercise": "pelvic-tilt"},
                                       {"type": "frames", "frames": [GOOD_FRAME]},
                                       {"type": "frames", "frames": [{"t": 1.0, "landmarks": NOBODY}]},
                                       {"type": "finish"})
    assert fault == {"type": "error", "error": "the coach could not analyse these frames; it carries on with the next ones"}
    assert after["type"] == "update" and result["type"] == "result"
