"""End-to-end in headless Chromium: the camera coach with a video file as the webcam.

A synthetic clip from ../shared/data (a person doing pelvic tilts, seen from the side) becomes the fake
webcam (ffmpeg -> y4m). The real in-browser BlazePose model runs on it, the landmarks reach the server over
the WebSocket, repetitions and glide scores come back, and nothing that leaves the page carries a picture.

Headless Chromium here has no GPU: WebGL is drawn by SwiftShader (--use-angle=swiftshader
--enable-unsafe-swiftshader), and on such software WebGL the player runs the model's CPU path (WASM with
XNNPACK, pose_model.js `useCpuInference`), about 15 frames a second on 2 cores; its WebGL path would manage
under 1 frame a second there.
"""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lumbar.e2e import (CHROMIUM_ARGS, chromium_path, open_player, serious_accessibility_violations, under_csp,
                        watch_for_errors)

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "synthetic"
CLIP = SHARED / "pelvic_tilt.mp4"
CLIP_SECONDS = 10   # two smooth tilts (the first ends at 4.6 s); Chromium loops the file
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


@pytest.fixture(scope="module")
def fake_webcam(tmp_path_factory) -> Path:
    """The first seconds of the clip as raw y4m (what Chromium's fake capture device reads), 320x240 at 30 fps."""
    target = tmp_path_factory.mktemp("webcam") / "pelvic_tilt.y4m"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(CLIP), "-t", str(CLIP_SECONDS),
                    "-vf", "scale=320:240,fps=30", "-pix_fmt", "yuv420p", str(target)], check=True, timeout=60)
    return target


@pytest.fixture(scope="module")
def camera_browser(fake_webcam):
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=path, args=[*CHROMIUM_ARGS, *CAMERA_ARGS, f"--use-file-for-fake-video-capture={fake_webcam}"])
        yield launched
        launched.close()


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


@pytest.fixture
def camera_page(camera_browser, running_app):
    """Like the shared `page` fixture (any page error, console error or third-party request fails the
    test), with the fake webcam, and with everything sent recorded in `page.traffic`."""
    context = camera_browser.new_context(base_url=running_app.url, viewport={"width": 1280, "height": 800})
    page = under_csp(context.new_page())
    errors = watch_for_errors(page, running_app.url)
    page.traffic = Traffic()
    page.traffic.watch(page)
    yield page
    context.close()
    assert not errors, errors


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
                assert set(frame) == {"t", "landmarks"} and isinstance(frame["t"], (int, float))
                points = frame["landmarks"]
                assert points is None or (len(points) == 33 and all(
                    len(p) == 4 and all(isinstance(v, (int, float)) for v in p) for p in points))


@live_coach
def test_the_camera_counts_tilts_from_landmarks_alone(camera_page, running_app):
    page = camera_page
    open_player(page)
    assert page.evaluate("JSON.parse(document.getElementById('session-plan').textContent).camera_log") is True
    page.keyboard.press("c")
    page.wait_for_function(f"{PANEL}.person === 'full'", timeout=30_000)   # the set-up preview, on this device
    assert page.locator("#camera-view-text").inner_text() == "Your whole body is in the picture."
    assert "Your video stays on this device." in page.locator("#camera-panel").inner_text()
    assert page.traffic.sockets == []  # setting up sends nothing
    assert serious_accessibility_violations(page) == []

    page.get_by_role("button", name="Start the session").click()
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '0'")
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STEP} === '1'")
    page.keyboard.press("4")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STEP} === '2'")
    # the test clock runs 40 times faster than the clip: pause the session; the camera keeps watching
    page.keyboard.press("Space")
    page.wait_for_function(f"{STATE} === 'paused' && {PANEL}.watching === 'pelvic-tilt'")
    page.wait_for_function(f"Number({PANEL}.reps) >= 1", timeout=40_000)
    updates = [m for m in page.traffic.received if m.get("type") == "update"]
    assert any(u["person_found"] for u in updates)
    assert max(u["reps"] for u in updates) >= 1
    assert any(isinstance(h["glide"], int) for u in updates for h in u["halves"])
    assert "Repetitions seen" in page.locator("#camera-stats").inner_text()
    assert serious_accessibility_violations(page) == []

    page.keyboard.press("Space")
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '3'", timeout=30_000)
    results = page.locator("#camera-results")
    assert re.search(r"Pelvic tilt: \d+ repetitions seen", results.inner_text())
    page.get_by_label("Keep these camera results in my practice log").check()
    page.locator("#floor-options button").nth(1).click()
    page.locator("#floor-next").click()
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '6'", timeout=30_000)
    page.keyboard.press("3")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STATE} === 'saved'", timeout=20_000)

    kept = running_app.query(
        "import json; from lumbar.practice.models import PracticeStep; "
        "print(json.dumps(PracticeStep.objects.filter(pose_slug='pelvic-tilt').latest('pk').camera))")
    assert kept["reps"] >= 1 and kept["hold_seen"] is None
    assert all(0 <= g <= 100 for g in kept["glide"])
    assert_no_image_data(page.traffic)
    assert all(url.endswith("/ws/coach/") for url in page.traffic.sockets)


@live_coach
def test_a_dropped_connection_is_said_once_and_the_session_runs_by_the_clock(camera_page, running_app):
    page = camera_page
    page.add_init_script("""
        window.__captions = [];  // every line captioned (each is also spoken where a voice exists)
        document.addEventListener('DOMContentLoaded', () => {
          const caption = document.getElementById('caption');  // the player's caption line
          if (!caption) return;
          new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach(
            (node) => window.__captions.push(node.textContent)))).observe(caption, {childList: true});
        });
    """)
    page.route_web_socket("**/ws/coach/", lambda socket: socket.close())
    open_player(page)
    page.keyboard.press("c")
    page.wait_for_function(f"{PANEL}.person === 'full'", timeout=30_000)
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STEP} === '0'")
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STEP} === '1'")
    page.keyboard.press("4")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{PANEL}.failure === 'socket'", timeout=20_000)
    assert "lost its connection" in page.locator("#camera-status").inner_text()
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '3'", timeout=30_000)  # by the clock
    page.keyboard.press("2")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '6'", timeout=30_000)  # child's pose too
    captions = page.evaluate("window.__captions")
    assert captions.count("The camera is not available. No problem: the session carries on by the clock.") == 1
