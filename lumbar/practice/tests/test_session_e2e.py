"""End-to-end in headless Chromium: "Glide and rest" from the home page to the saved log.

The app runs with a test-only time acceleration (LUMBAR_TIME_SCALE, see lumbar/e2e.py), so a 12-minute
session takes seconds. Every other part is real: the server, the database, the browser, the player.
"""
import re
import time

from lumbar.e2e import open_player, serious_accessibility_violations

STATE = "document.body.dataset.playerState"
STEP = "document.getElementById('player').dataset.stepIndex"
LATEST_LOG = """
import json
from lumbar.practice.models import PracticeSession
s = PracticeSession.objects.order_by("-pk").first()
print(json.dumps({"floor": [s.floor_before, s.floor_after], "pain": [s.pain_before, s.pain_after],
                  "completed": s.completed, "steps": [[x.pose_slug, x.status] for x in s.steps.all()]}))
"""


def wait_for(page, condition: str, timeout=60_000):
    page.wait_for_function(condition, timeout=timeout)


def test_glide_and_rest_start_to_finish_saves_what_was_entered(page, running_app):
    open_player(page)
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Start the session").click()

    wait_for(page, f"{STATE} === 'input' && {STEP} === '0'")
    assert page.get_by_role("heading", name="Floor-space check (before)").is_visible()
    page.get_by_role("button", name="Only fingers fit under").click()
    page.locator("#floor-next").click()

    wait_for(page, f"{STEP} === '1'")
    page.locator("#pain-options button[data-value='6']").click()
    page.locator("#pain-next").click()

    wait_for(page, f"{STEP} === '2' && {STATE} === 'running'")
    assert page.get_by_role("heading", name="Pelvic tilt").is_visible()
    assert page.locator("#tempo-guide").is_visible()
    assert re.search(r"Rep \d of 8", page.locator("#player").inner_text())
    assert serious_accessibility_violations(page) == []

    wait_for(page, f"{STATE} === 'input' && {STEP} === '3'")
    page.get_by_role("button", name="Hardly any space").click()
    compare = page.locator("#floor-compare")
    assert compare.is_visible()
    assert "Only fingers fit under" in compare.inner_text() and "Hardly any space" in compare.inner_text()
    page.locator("#floor-next").click()

    wait_for(page, f"{STEP} === '4'")
    assert page.get_by_role("heading", name="Child's pose").is_visible()
    wait_for(page, f"{STATE} === 'input' && {STEP} === '6'")
    page.locator("#pain-options button[data-value='3']").click()
    page.locator("#pain-next").click()

    wait_for(page, f"{STATE} === 'saved'")
    summary = page.locator("#view-summary").inner_text()
    assert "6" in summary and "3" in summary
    log = running_app.query(LATEST_LOG)
    assert log == {"floor": ["fingers", "little"], "pain": [6, 3], "completed": True,
                   "steps": [["pelvic-tilt", "done"], ["childs-pose", "done"], ["relaxation", "done"]]}
    page.get_by_role("link", name="See this session").click()
    assert page.get_by_text("Your pain went from 6 to 3 out of 10.").is_visible()
    page.goto("/")
    assert page.get_by_role("cell", name="6 → 3").count() >= 1


def test_keyboard_only_with_pause_resume_and_skip(page, running_app):
    open_player(page)
    page.keyboard.press("Enter")  # start
    wait_for(page, f"{STATE} === 'input' && {STEP} === '0'")
    page.keyboard.press("1")  # a flat hand slides under easily
    page.keyboard.press("Enter")
    wait_for(page, f"{STEP} === '1'")
    page.keyboard.press("4")
    page.keyboard.press("Enter")

    wait_for(page, f"{STEP} === '2' && {STATE} === 'running'")
    page.keyboard.press("Space")
    wait_for(page, f"{STATE} === 'paused'")
    shown = page.locator("#pose-phase").inner_text(), page.locator("#pose-time").inner_text()
    time.sleep(1.5)  # at this time scale, a minute of session time
    assert page.evaluate(STATE) == "paused"
    assert (page.locator("#pose-phase").inner_text(), page.locator("#pose-time").inner_text()) == shown
    page.keyboard.press("Space")
    wait_for(page, f"{STATE} !== 'paused'")
    assert page.evaluate(STEP) == "2"  # resumed where it was, not reset or moved on

    wait_for(page, f"{STEP} === '3'")
    page.keyboard.press("2")
    page.keyboard.press("Enter")
    wait_for(page, f"{STEP} === '4'")
    page.keyboard.press("ArrowRight")  # skip the rounded rest
    wait_for(page, f"{STEP} === '5'")
    page.keyboard.press("ArrowLeft")  # back to it, then skip it again
    wait_for(page, f"{STEP} === '4'")
    page.keyboard.press("ArrowRight")
    wait_for(page, f"{STATE} === 'input' && {STEP} === '6'", timeout=90_000)
    page.keyboard.press("t")  # 10
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_for(page, f"{STATE} === 'saved'")
    log = running_app.query(LATEST_LOG)
    assert log == {"floor": ["wide", "fingers"], "pain": [4, 8], "completed": True,
                   "steps": [["pelvic-tilt", "done"], ["childs-pose", "skipped"], ["relaxation", "done"]]}


def test_someone_who_cannot_kneel_rests_in_knees_to_chest(page, running_app):
    running_app.query("from lumbar.accounts.models import Profile; Profile.objects.update(can_kneel=None)")
    open_player(page, can_kneel=False)
    assert "Knees to chest" in page.locator("#ready-steps").inner_text()
    assert "Child" not in page.locator("#ready-steps").inner_text()
    running_app.query("from lumbar.accounts.models import Profile; Profile.objects.update(can_kneel=True)")
