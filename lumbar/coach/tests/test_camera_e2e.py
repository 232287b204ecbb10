"""End-to-end in headless Chromium: the camera coach with a video file as the webcam.

A synthetic clip from ../shared/data (a person doing pelvic tilts, seen from the side, with exact truth)
becomes the fake webcam (ffmpeg -> y4m), cut so that the number of tilts inside the exercise's own window
is known: two tilts while the pose is read out, a still stretch when "Begin" comes, three tilts inside the
exercise, then stillness. The real in-browser BlazePose model runs on it, the landmarks reach the server over
the WebSocket, repetitions and glide scores come back, and nothing that leaves the page carries a picture.

Headless Chromium here has no GPU: WebGL is drawn by SwiftShader (--use-angle=swiftshader
--enable-unsafe-swiftshader), and on such software WebGL the player runs the model's CPU path (WASM with
XNNPACK, pose_model.js `useCpuInference`), about 15 frames a second on 2 cores; its WebGL path would manage
under 1 frame a second there.
"""
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import lumbar.e2e
from lumbar.e2e import (CHROMIUM_ARGS, chromium_path, open_player, serious_accessibility_violations, under_csp,
                        watch_for_errors)

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


@pytest.fixture(scope="module")
def fake_webcam(tmp_path_factory) -> Path:
    """The cut described above as raw y4m (what Chromium's fake capture device reads), 320x240 at 30 fps."""
    target = tmp_path_factory.mktemp("webcam") / "pelvic_tilt_window.y4m"
    still = f"trim=start_frame={STILL_FRAME}:end_frame={STILL_FRAME + 1},setpts=PTS-STARTPTS,loop=loop={{n}}:size=1:start=0,setpts=N/30/TB"
    graph = ";".join([
        f"[0:v]trim=start={READ_OUT[0]}:end={READ_OUT[1]},setpts=PTS-STARTPTS[a]",
        f"[0:v]{still.format(n=round(GAP_S * 30) - 1)}[b]",
        f"[0:v]trim=start={EXERCISE[0]}:end={EXERCISE[1]},setpts=PTS-STARTPTS[c]",
        f"[0:v]{still.format(n=round(TAIL_S * 30) - 1)}[d]",
        "[a][b][c][d]concat=n=4:v=1:a=0,scale=320:240,fps=30,format=yuv420p[out]",
    ])
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(CLIP), "-filter_complex", graph, "-map", "[out]", str(target)],
                   check=True, timeout=120)
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


@pytest.fixture(scope="module")
def real_time_app(tmp_path_factory):
    """The app with the session clock at real speed: the exercise window lasts as long as the webcam's tilts."""
    app, drop = lumbar.e2e.start_app(tmp_path_factory.mktemp("e2e-real-time-app"), time_scale=1)
    yield app
    lumbar.e2e.stop_app(app, drop)


def open_camera_page(browser, app, width=1280, height=800):
    """Like the shared `page` fixture (any page error, console error or third-party request fails the
    test), with the fake webcam, and with everything sent recorded in `page.traffic`."""
    context = browser.new_context(base_url=app.url, viewport={"width": width, "height": height})
    page = under_csp(context.new_page())
    page.errors = watch_for_errors(page, app.url)
    page.traffic = Traffic()
    page.traffic.watch(page)
    return context, page


@pytest.fixture
def camera_page(camera_browser, running_app):
    context, page = open_camera_page(camera_browser, running_app)
    yield page
    context.close()
    assert not page.errors, page.errors


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
    """A picture of the page with `element` of the camera panel in view (for a person to look at)."""
    page.locator(element).evaluate("(node) => node.scrollIntoView({block: 'nearest'})")
    page.screenshot(path=str(SHOTS / f"h7_{name}.png"))


@live_coach
@pytest.mark.parametrize("width,height", [(360, 740), (1280, 800)], ids=["phone", "laptop"])
def test_the_camera_counts_only_inside_the_exercise_and_sums_up_the_step(camera_browser, real_time_app, width, height):
    context, page = open_camera_page(camera_browser, real_time_app, width, height)
    form = "phone" if width < 600 else "laptop"
    open_player(page)
    assert page.evaluate("JSON.parse(document.getElementById('session-plan').textContent).camera_log") is True
    page.keyboard.press("c")
    page.wait_for_function(f"{PANEL}.person === 'full'", timeout=30_000)   # the set-up preview, on this device
    assert page.locator("#camera-view-text").inner_text() == "Your whole body is in the picture."
    assert "Your video stays on this device." in page.locator("#camera-panel").inner_text()
    assert page.traffic.sockets == []  # setting up sends nothing

    page.get_by_role("button", name="Start the session").click()
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '0'")
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STEP} === '1'")
    page.keyboard.press("4")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STEP} === '2' && {PANEL}.phase === 'before'")

    # the pose is read out while the webcam shows two tilts: the picture is live, nothing is counted
    page.wait_for_function(f"{PANEL}.person === 'full'", timeout=30_000)
    assert page.evaluate(STATUS) == "You are in view. The camera starts counting when you hear “Begin”."
    wait_for_webcam(page, BEGIN_AT)
    assert truth_reps(*READ_OUT) == 2
    assert page.evaluate(f"{STEP} === '2' && {PANEL}.phase === 'before'"), "the read-out ended before the test's Begin"
    assert page.traffic.sent == [] and "watching" not in page.evaluate(f"({{...{PANEL}}})")

    # "Begin": a fresh analysis, and the count starts at zero
    page.locator("#start-now-button").click()   # the countdown
    page.locator("#start-now-button").click()   # the exercise
    page.wait_for_function(f"{STATE} === 'running' && {PANEL}.watching === 'pelvic-tilt'")
    assert page.evaluate(f"{PANEL}.reps") == "0"
    assert page.locator("#camera-reps").inner_text() == "None yet"

    wait_for_webcam(page, EXERCISE_AT + 10.5)   # two of the three tilts done
    page.wait_for_function(f"Number({PANEL}.reps) >= 1", timeout=20_000)
    assert re.fullmatch(r"Rep [12]", page.locator("#camera-reps").inner_text())
    assert re.fullmatch(r"(Tilt|Back down): (smooth \d+|mostly smooth \d+|a bit stop-and-go \d+|stop-and-go \d+|not scored)",
                        page.locator("#camera-glide").inner_text())
    assert page.locator("#camera-glide-wrap dt").inner_text() == "Glide of the last half (0 to 100)"
    assert serious_accessibility_violations(page) == []
    shot(page, f"{form}_midstep", "#camera-stats")

    # a pause in the stillness after the tilts: not counting, and the status says so
    wait_for_webcam(page, SKIP_AT - 1.5)
    page.keyboard.press("Space")
    page.wait_for_function(f"{STATE} === 'paused' && {PANEL}.watching === undefined")
    assert page.evaluate(STATUS) == "Paused: the camera is not counting."
    page.keyboard.press("Space")
    page.wait_for_function(f"{STATE} === 'running' && {PANEL}.watching === 'pelvic-tilt'")
    wait_for_webcam(page, SKIP_AT)
    page.locator("#skip-button").click()
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '3'")

    # the step's summary: exactly the tilts inside the window; one line in the results
    expected = truth_reps(*EXERCISE)
    assert expected == 3
    summary = page.locator("#camera-step-summary")
    page.wait_for_function("document.getElementById('camera-results-list').children.length === 1")
    page.wait_for_timeout(3500)  # the coach's own summing-up (at most 3 s) replaces what was seen live
    assert summary.get_attribute("data-reps") == str(expected), summary.inner_text()
    assert re.search(rf"^{expected} repetitions seen, \d glided\. \S", page.locator("#camera-step-summary-text").inner_text())
    lines = page.locator("#camera-results-list li").all_inner_texts()
    assert len(lines) == 1 and lines[0].startswith(f"Pelvic tilt: {expected} repetitions seen, ")
    starts = [json.loads(m) for m in page.traffic.sent if json.loads(m)["type"] == "start"]
    assert len(starts) == 1
    counts = [m["reps"] for m in page.traffic.received if m.get("type") == "update"]
    assert counts[0] == 0 and max(counts) == expected, counts
    assert page.evaluate(STATUS) == "The camera is resting. It watches again for Child's pose."
    assert serious_accessibility_violations(page) == []
    shot(page, f"{form}_summary", "#camera-step-summary")

    # back to the tilts: read out again, nothing counted before a new "Begin"; then on again
    page.locator("#back-button").click()
    page.wait_for_function(f"{STEP} === '2' && {PANEL}.phase === 'before' && {PANEL}.person === 'full'", timeout=30_000)
    assert page.evaluate(STATUS) == "You are in view. The camera starts counting when you hear \u201cBegin\u201d."
    assert page.evaluate(f"{PANEL}.watching") is None
    page.locator("#skip-button").click()
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '3'")
    assert len(page.locator("#camera-results-list li").all_inner_texts()) == 1

    page.get_by_label("Keep these camera results in my practice log").check()
    page.locator("#floor-options button").nth(1).click()
    page.locator("#floor-next").click()
    # the next camera pose: once the picture is live the status never says the camera is starting
    page.wait_for_function(f"{STEP} === '4' && {PANEL}.person === 'full'", timeout=30_000)
    assert page.evaluate(STATUS) == "You are in view. The camera starts counting when you hear “Begin”."
    assert summary.is_visible()  # the last step's summary stays until the next window opens
    page.locator("#skip-button").click()
    page.wait_for_function(f"{STEP} === '5'")
    assert page.evaluate(STATUS) == "The camera is resting: no more poses for it in this session."
    page.locator("#skip-button").click()
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '6'")
    page.keyboard.press("3")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STATE} === 'saved'", timeout=20_000)
    assert page.evaluate(STATUS) == "The session is over, so the camera is off."

    kept = real_time_app.query(
        "import json; from lumbar.practice.models import PracticeStep; "
        "print(json.dumps(PracticeStep.objects.filter(pose_slug='pelvic-tilt').latest('pk').camera))")
    assert kept["reps"] == expected and kept["hold_seen"] is None
    assert all(0 <= g <= 100 for g in kept["glide"])
    assert_no_image_data(page.traffic)
    assert all(url.endswith("/ws/coach/") for url in page.traffic.sockets)
    context.close()
    assert not page.errors, page.errors


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
