"""End-to-end in headless Chromium: the session without the camera coach's help.

With the camera refused the session runs exactly as it does without one and says why, calmly. These use
the shared browser (no fake webcam); the fake-webcam tests are in test_camera_e2e.py (one Playwright per
module: the two browsers cannot be open at once).
"""
import re

from lumbar.e2e import open_player, serious_accessibility_violations

STATE = "document.body.dataset.playerState"
STEP = "document.getElementById('player').dataset.stepIndex"
PANEL = "document.getElementById('camera-panel').dataset"


def test_log_entries_carry_camera_results_only_when_given(page, running_app):
    page.goto("/about/")
    built = page.evaluate("""async () => {
        const {buildLog} = await import('/static/lumbar/player/log.js');
        const state = {startedAt: '2026-01-01T09:00:00Z', completed: true, floor: {before: null, after: null},
                       pain: {before: 3, after: 2},
                       results: new Map([[2, {status: 'done', seconds: 64}], [4, {status: 'done', seconds: 60}]])};
        const camera = new Map([[2, {reps: 6, glide: [90, 85], hold_seen: null}]]);
        return [buildLog(state), buildLog(state, camera)];
    }""")
    assert all("camera" not in step for step in built[0]["steps"])
    assert built[1]["steps"] == [{"index": 2, "status": "done", "seconds": 64, "camera": {"reps": 6, "glide": [90, 85], "hold_seen": None}},
                                 {"index": 4, "status": "done", "seconds": 60}]


REFUSE_CAMERA = """
    localStorage.setItem('lumbar.player.camera', '1');
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
"""


def test_a_refused_camera_leaves_the_session_as_it_was(page, running_app):
    page.add_init_script(REFUSE_CAMERA)
    open_player(page)
    panel = page.locator("#camera-panel")
    page.wait_for_function(f"{PANEL}.failure === 'refused'")
    assert "The camera was not allowed, so the session carries on by the clock." in panel.inner_text()
    assert page.locator("#camera-switch").inner_text().startswith("Turn the camera on")
    assert page.evaluate("localStorage.getItem('lumbar.player.camera')") == "0"  # not asked again at every pose
    assert serious_accessibility_violations(page) == []

    page.keyboard.press("Enter")
    page.wait_for_function(f"{STEP} === '0'")
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STEP} === '1'")
    page.keyboard.press("4")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STEP} === '2' && {STATE} === 'running'")
    assert re.search(r"Rep \d of 8", page.locator("#player").inner_text())
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '3'", timeout=30_000)
    page.keyboard.press("2")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '6'", timeout=30_000)
    page.keyboard.press("3")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STATE} === 'saved'")
    log = running_app.query("""
import json
from lumbar.practice.models import PracticeSession
s = PracticeSession.objects.order_by("-pk").first()
print(json.dumps([[x.pose_slug, x.status] for x in s.steps.all()]))
""")
    assert log == [["pelvic-tilt", "done"], ["childs-pose", "done"], ["relaxation", "done"]]
