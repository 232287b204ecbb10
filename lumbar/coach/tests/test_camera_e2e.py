"""End-to-end in headless Chromium: the camera coach with a video file as the webcam.

A synthetic clip becomes the fake webcam, cut so that the number of tilts inside the exercise's own window is
known (webcam_clip.py; fixtures in conftest.py). The real in-browser BlazePose model runs on it, the landmarks reach the server over
the WebSocket, repetitions and glide scores come back, and nothing that leaves the page carries a picture.

Headless Chromium here has no GPU: WebGL is drawn by SwiftShader (--use-angle=swiftshader
--enable-unsafe-swiftshader), and on such software WebGL the player runs the model's CPU path (WASM with
XNNPACK, pose_model.js `useCpuInference`), about 15 frames a second on 2 cores; its WebGL path would manage
under 1 frame a second there.
"""
import json
import re

import pytest

from lumbar.coach.tests.webcam_clip import (BEGIN_AT, EXERCISE, EXERCISE_AT, PANEL, READ_OUT, SKIP_AT, STATE,
                                            STATUS, STEP, assert_no_image_data, live_coach, open_camera_page,
                                            shot, truth_reps, wait_for_webcam)
from lumbar.e2e import open_player, serious_accessibility_violations

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
    shot(page, f"camera_coach_{form}_midstep", "#camera-stats")

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
    shot(page, f"camera_coach_{form}_summary", "#camera-step-summary")

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
