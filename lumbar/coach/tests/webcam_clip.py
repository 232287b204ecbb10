"""A synthetic clip as the webcam, for the camera coach's browser tests (their fixtures: conftest.py).

A clip from ../shared/data (a person doing pelvic tilts, seen from the side, with exact truth) becomes the
fake webcam (ffmpeg -> y4m), cut so that the number of tilts inside the exercise's own window is known: two
tilts while the pose is read out, a still stretch when "Begin" comes, three tilts inside the exercise, then
stillness. Here: the cut's times, the marks that need it, what the page sends (Traffic) and the checks on it.
"""
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from lumbar.e2e import under_csp, watch_for_errors

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "synthetic"
CLIP = SHARED / "pelvic_tilt.mp4"
TRUTH = SHARED / "pelvic_tilt_truth.json"
# The fake webcam, cut from the clip (seconds of the clip): its stretch READ_OUT (two tilts, played while the
# pose is read out), GAP_S lying still (frame STILL_FRAME: "Begin" comes here), its stretch EXERCISE (three
# tilts, inside the exercise's window), then TAIL_S lying still. Chromium loops the file.
READ_OUT = (0.0, 9.3)
GAP_S = 8.0
EXERCISE = (9.3, 24.5)
TAIL_S = 12.0
STILL_FRAME = 15
BEGIN_AT = READ_OUT[1] + 3.0                                        # webcam time to press "Start now" at
EXERCISE_AT = READ_OUT[1] + GAP_S                                   # webcam time the EXERCISE stretch starts
SKIP_AT = EXERCISE_AT + EXERCISE[1] - EXERCISE[0] + 2.5             # ... and to end the step at
SHOTS = Path(os.environ.get("TMPDIR", "/tmp"))
STATE = "document.body.dataset.playerState"
STEP = "document.getElementById('player').dataset.stepIndex"
PANEL = "document.getElementById('camera-panel').dataset"
CAMERA_ARGS = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
               "--use-angle=swiftshader", "--enable-unsafe-swiftshader"]
IMAGE_SIGNS = [b"data:image", b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"RIFF", b"webp", b"image/"]
LONG_BASE64 = re.compile(rb"[A-Za-z0-9+/]{120,}={0,2}")

needs_clip = [
    pytest.mark.skipif(not CLIP.exists(), reason=f"needs the shared synthetic clips ({CLIP}); see shared/data/README.md"),
    pytest.mark.skipif(not shutil.which("ffmpeg"), reason="needs ffmpeg to turn the clip into a fake webcam (apt-get install ffmpeg)"),
]


def _websocket_library() -> bool:
    try:
        import websockets  # noqa: F401
    except ImportError:
        try:
            import wsproto  # noqa: F401
        except ImportError:
            return False
    return True


needs_live_coach = [*needs_clip, pytest.mark.skipif(
    not _websocket_library(), reason="uvicorn serves WebSockets only with the 'websockets' (or 'wsproto') package installed")]


def live_coach(test):
    for mark in needs_live_coach:
        test = mark(test)
    return test


def truth_reps(low: float, high: float) -> int:
    """How many of the clip's tilts lie wholly between its seconds `low` and `high` (from the truth file)."""
    reps = json.loads(TRUTH.read_text())["reps"]
    return sum(1 for rep in reps if low <= rep["start"] and rep["end"] <= high)


class Traffic:
    """Everything the page sends: request bodies and WebSocket frames, and what came back on the socket."""

    def __init__(self):
        self.bodies: list[tuple[str, bytes]] = []
        self.sent: list[str | bytes] = []
        self.received: list[dict] = []
        self.sockets: list[str] = []

    def watch(self, page):
        page.on("request", lambda request: self.bodies.append((request.url, request.post_data_buffer or b"")))
        page.on("websocket", self.on_socket)

    def on_socket(self, socket):
        self.sockets.append(socket.url)
        socket.on("framesent", lambda payload: self.sent.append(payload))
        socket.on("framereceived", lambda payload: self.received.append(json.loads(payload)))


def open_camera_page(browser, app, width=1280, height=800):
    """Like the shared `page` fixture (any page error, console error or third-party request fails the
    test), with the fake webcam, and with everything sent recorded in `page.traffic`."""
    context = browser.new_context(base_url=app.url, viewport={"width": width, "height": height})
    page = under_csp(context.new_page())
    page.errors = watch_for_errors(page, app.url)
    page.traffic = Traffic()
    page.traffic.watch(page)
    return context, page


def assert_no_image_data(traffic: Traffic):
    for url, body in traffic.bodies:
        assert not any(sign in body for sign in IMAGE_SIGNS), f"image data in a request to {url}"
        assert not LONG_BASE64.search(body), f"a base64 blob in a request to {url}"
    assert traffic.sent, "nothing was sent over the WebSocket"
    for payload in traffic.sent:
        assert isinstance(payload, str), "a binary WebSocket frame was sent"
        raw = payload.encode()
        assert not any(sign in raw for sign in IMAGE_SIGNS) and not LONG_BASE64.search(raw), payload[:200]
        message = json.loads(payload)
        assert message["type"] in ("start", "frames", "finish")
        if message["type"] == "start":
            assert set(message) <= {"type", "exercise", "fps", "aspect", "tempo"}
        if message["type"] == "frames":
            assert set(message) == {"type", "frames"} and 1 <= len(message["frames"]) <= 30
            for frame in message["frames"]:
                assert set(frame) == {"t", "landmarks", "back"} and isinstance(frame["t"], (int, float))
                assert frame["back"] is None or (isinstance(frame["back"], (int, float)) and abs(frame["back"]) <= 10)
                points = frame["landmarks"]
                assert points is None or (len(points) == 33 and all(
                    len(p) == 4 and all(isinstance(v, (int, float)) for v in p) for p in points))


WEBCAM_TIME = "document.getElementById('camera-video').currentTime"
STATUS = "document.getElementById('camera-status').textContent"


def wait_for_webcam(page, seconds: float):
    page.wait_for_function(f"{WEBCAM_TIME} >= {seconds}", timeout=int(seconds * 1000) + 60_000, polling=100)


def shot(page, name: str, element: str) -> None:
    """A picture of the page with `element` in view, as SHOTS/NAME.png (for a person to look at)."""
    page.locator(element).evaluate("(node) => node.scrollIntoView({block: 'nearest'})")
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def frames_sent(traffic: Traffic) -> list[dict]:
    """Every frame the page sent over the coach's socket, in order."""
    messages = [json.loads(m) for m in traffic.sent]
    return [frame for m in messages if m["type"] == "frames" for frame in m["frames"]]
