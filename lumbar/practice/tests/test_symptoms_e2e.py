"""End-to-end in headless Chromium: "Something's wrong" during "Glide and rest".

The report goes to the real server, which decides by the stop rules (lumbar/safety/stop_rules.py) and logs
it; the player acts on the answer. Steps of the sequence: 0 floor-space before, 1 pain before, 2 pelvic
tilts (flexion-extension), 3 floor-space after, 4 child's pose (flexion), 5 relaxation (neutral), 6 pain
after, 7 summary.
"""
import re
import time


from lumbar.e2e import open_player, serious_accessibility_violations

from .test_session_e2e import LATEST_LOG, STATE, STEP, wait_for

DIALOG_OPEN = "document.getElementById('symptom-dialog').open"
DIALOG_CLOSED = f"!{DIALOG_OPEN}"
RESTING = "document.getElementById('player').dataset.rest === 'true'"
POSE_NAME = "document.getElementById('pose-name').textContent"
LATEST_EVENT = """
import json
from lumbar.safety.models import SymptomEvent
e = SymptomEvent.objects.order_by("-pk").first()
print(json.dumps({"action": e.action, "step_index": e.step_index, "pose": e.pose_slug, "pain": e.pain,
                  "sharp": e.sharp_or_shooting, "leg": e.spreading_to_leg, "urgent": e.urgent_symptoms,
                  "sequence": e.sequence_slug}))
"""
EVENT_COUNT = "from lumbar.safety.models import SymptomEvent; print(SymptomEvent.objects.count())"


def start_and_reach_the_tilts(page, pain_before=3):
    """Starts the session, answers the two check-ins, and waits for the pelvic tilts to begin."""
    page.get_by_role("button", name="Start the session").click()
    wait_for(page, f"{STATE} === 'input' && {STEP} === '0'")
    page.get_by_role("button", name="Only fingers fit under").click()
    page.locator("#floor-next").click()
    wait_for(page, f"{STATE} === 'input' && {STEP} === '1'")
    page.locator(f"#pain-options button[data-value='{pain_before}']").click()
    page.locator("#pain-next").click()
    wait_for(page, f"{STEP} === '2' && ({STATE} === 'countdown' || {STATE} === 'running')")


def open_report(page):
    """Presses "Something's wrong"; returns the phase of the pose it paused (prep, countdown, reps, ...)."""
    page.get_by_role("button", name="Something's wrong").click()
    wait_for(page, DIALOG_OPEN)
    assert page.evaluate(STATE) == "paused"
    return page.evaluate("document.getElementById('view-pose').dataset.phase")


def answer(page, pain, sharp=False, leg=False, urgent=False):
    dialog = page.locator("#symptom-dialog")
    dialog.locator(f"#symptom-pain-options button[data-value='{pain}']").click()
    for question, value in (("sharp_or_shooting", sharp), ("spreading_to_leg", leg), ("urgent_symptoms", urgent)):
        dialog.locator(f"[data-question='{question}'] button[data-value='{'yes' if value else 'no'}']").click()


def report(page, pain, **answers):
    open_report(page)
    answer(page, pain, **answers)
    page.locator("#symptom-send").click()
    wait_for(page, DIALOG_CLOSED)


def finish_session(page, pain_after=2):
    """From wherever the session is, answers the later check-ins until the log is saved."""
    wait_for(page, f"{STATE} === 'input' && {STEP} === '3'")
    page.get_by_role("button", name="Hardly any space").click()
    page.locator("#floor-next").click()
    wait_for(page, f"{STATE} === 'input' && {STEP} === '6'", timeout=90_000)
    page.locator(f"#pain-options button[data-value='{pain_after}']").click()
    page.locator("#pain-next").click()
    wait_for(page, f"{STATE} === 'saved'")


def test_pain_7_stops_the_pose_rests_and_carries_on(page, running_app):
    open_player(page)
    start_and_reach_the_tilts(page)
    report(page, 7)

    # the tilts stop and the rest pose plays (it is not a step of the plan)
    wait_for(page, f"{RESTING} && {POSE_NAME} === 'Constructive rest'")
    assert page.evaluate(STEP) == "2"
    assert "stop this pose" in page.locator("#symptom-notice").inner_text()
    assert running_app.query(LATEST_EVENT) == {
        "action": "stop-pose", "step_index": 2, "pose": "pelvic-tilt", "pain": 7, "sharp": False, "leg": False,
        "urgent": False, "sequence": "glide-and-rest"}

    # then the session carries on with the next step
    finish_session(page)
    log = running_app.query(LATEST_LOG)
    assert log == {"floor": ["fingers", "little"], "pain": [3, 2], "completed": True,
                   "steps": [["pelvic-tilt", "stopped"], ["childs-pose", "done"], ["relaxation", "done"]]}

    page.get_by_role("link", name="See this session").click()
    page.wait_for_url("**/history/*/")
    assert page.get_by_role("heading", name="Symptoms you reported").is_visible()
    reported = page.locator("ul.symptoms").inner_text()
    assert "step 3 (pelvic-tilt): pain 7/10" in reported and "stopped the pose and rested" in reported
    assert page.get_by_role("cell", name="Stopped because of symptoms").is_visible()


def test_urgent_symptoms_stop_the_session_and_screening_is_needed_again(page, running_app):
    open_player(page)
    start_and_reach_the_tilts(page, pain_before=4)
    report(page, 5, urgent=True)

    wait_for(page, f"{STATE} === 'saved'")
    assert page.evaluate("document.getElementById('player').dataset.stopped") == "urgent"
    advice = page.locator("#urgent-advice")
    assert advice.is_visible()
    assert "Stop the session now" in advice.inner_text()
    assert page.get_by_role("heading", name="Please get medical help now").is_visible()
    link = page.get_by_role("link", name="Go to the safety check")
    assert link.is_visible() and link.get_attribute("href") == "/safety/"
    assert page.locator("#summary-title").inner_text() == "Session stopped"
    # nothing resumes it: the controls are gone and the keys do nothing
    assert not page.get_by_role("button", name="Something's wrong").is_visible()
    for key in ("Space", "Enter", "w", "ArrowRight"):
        page.keyboard.press(key)
    assert page.evaluate(STATE) == "saved" and page.evaluate(DIALOG_CLOSED)

    log = running_app.query(LATEST_LOG)
    assert log == {"floor": ["fingers", ""], "pain": [4, None], "completed": False,
                   "steps": [["pelvic-tilt", "stopped"]]}
    assert running_app.query(LATEST_EVENT)["action"] == "stop-session"

    page.goto("/session/glide-and-rest/")
    assert page.url.endswith("/safety/")
    assert page.get_by_role("heading", name="Sessions are locked until a clinician has checked you").is_visible()


def test_keyboard_only_report_with_continue(page, running_app):
    open_player(page)
    events_before = running_app.query(EVENT_COUNT)  # before the clock runs: a query takes a second or two
    page.keyboard.press("Enter")  # start
    wait_for(page, f"{STATE} === 'input' && {STEP} === '0'")
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    wait_for(page, f"{STATE} === 'input' && {STEP} === '1'")
    page.keyboard.press("4")
    page.keyboard.press("Enter")
    wait_for(page, f"{STEP} === '2' && ({STATE} === 'countdown' || {STATE} === 'running')")

    # W opens the dialog with the focus inside; Tab stays inside; Escape cancels and the session resumes
    page.keyboard.press("w")
    wait_for(page, DIALOG_OPEN)
    assert page.evaluate(STATE) == "paused"
    assert page.evaluate("document.activeElement.closest('#symptom-dialog') !== null")
    for _ in range(25):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('#symptom-dialog') !== null")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.closest('#symptom-dialog') !== null")
    page.keyboard.press("Escape")
    wait_for(page, f"{DIALOG_CLOSED} && {STATE} !== 'paused'")
    assert page.evaluate(STEP) in ("2", "3")  # resumed, not sent back (at 40x the tilts may just have ended)

    # again, answered by keys: pain 2, then N for each question; the focus lands on Send, Enter sends
    page.keyboard.press("w")
    wait_for(page, DIALOG_OPEN)
    page.keyboard.press("Enter")  # nothing answered yet: refused, with the questions marked
    assert page.locator("#symptom-error").inner_text().startswith("Please answer every question")
    assert page.locator(".symptom-question.is-missing").count() == 4
    page.keyboard.press("2")
    for _ in range(3):
        page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == "symptom-send"
    assert page.locator("#symptom-pain-options button[aria-pressed='true']").inner_text() == "2"
    assert page.locator("#symptom-dialog button[data-value='no'][aria-pressed='true']").count() == 3
    page.keyboard.press("Enter")
    wait_for(page, f"{DIALOG_CLOSED} && {STATE} !== 'paused'")
    assert page.evaluate(STEP) in ("2", "3")  # resumed where it was (the tilts may just have ended)
    assert "Carry on gently" in page.locator("#symptom-notice").inner_text()
    assert running_app.query(EVENT_COUNT) == events_before + 1
    assert running_app.query(LATEST_EVENT)["action"] == "continue"

    wait_for(page, f"{STATE} === 'input' && {STEP} === '3'")
    page.keyboard.press("2")
    page.keyboard.press("Enter")
    wait_for(page, f"{STATE} === 'input' && {STEP} === '6'", timeout=90_000)
    page.keyboard.press("3")
    page.keyboard.press("Enter")
    wait_for(page, f"{STATE} === 'saved'")
    assert running_app.query(LATEST_LOG)["steps"] == [
        ["pelvic-tilt", "done"], ["childs-pose", "done"], ["relaxation", "done"]]


def test_the_open_dialog_is_accessible(page, running_app):
    open_player(page)
    start_and_reach_the_tilts(page)
    assert page.get_by_role("button", name="Something's wrong").get_attribute("aria-keyshortcuts") == "W"
    open_report(page)
    assert page.get_by_role("dialog", name="Something's wrong?").is_visible()
    assert serious_accessibility_violations(page) == []
    page.locator("#symptom-send").click()  # with the unanswered questions marked
    assert page.locator(".symptom-question.is-missing").count() == 4
    assert serious_accessibility_violations(page) == []
    page.keyboard.press("Escape")
    wait_for(page, f"{DIALOG_CLOSED} && {STATE} !== 'paused'")
    page.keyboard.press("h")
    assert "Something's wrong" in page.locator("#help-dialog").inner_text()


def test_a_refused_send_keeps_the_session_paused_and_a_send_with_no_network_waits_on_the_device(page, running_app):
    open_player(page)
    start_and_reach_the_tilts(page)
    open_report(page)
    answer(page, 1)

    page.route("**/safety/symptoms/", lambda route: route.fulfill(
        status=400, content_type="application/json", body='{"error": "The report was not understood: test."}'))
    page.locator("#symptom-send").click()
    wait_for(page, "document.getElementById('symptom-dialog').dataset.state === 'failed'")
    assert page.locator("#symptom-error").inner_text() == "The report was not understood: test."
    assert page.get_by_role("button", name="Send again").is_visible()
    shown = page.locator("#pose-phase").inner_text(), page.locator("#pose-time").inner_text()
    time.sleep(1.5)  # at this time scale, a minute of session time: nothing moves on
    assert page.evaluate(STATE) == "paused" and page.evaluate(STEP) == "2"
    assert (page.locator("#pose-phase").inner_text(), page.locator("#pose-time").inner_text()) == shown

    # closing the dialog after a refusal does not carry on either
    page.keyboard.press("Escape")
    wait_for(page, DIALOG_CLOSED)
    time.sleep(0.5)
    assert page.evaluate(STATE) == "paused"

    # no network: the report is kept on this device, the pose stops for a rest (the safe side), and the report
    # arrives once when the network is back
    page.unroute("**/safety/symptoms/")
    page.route("**/safety/symptoms/", lambda route: route.abort())
    open_report(page)
    answer(page, 1)
    before = running_app.query(EVENT_COUNT)
    page.locator("#symptom-send").click()
    wait_for(page, f"{DIALOG_CLOSED} && {RESTING}")
    assert "kept on this device" in page.locator("#symptom-notice").inner_text()
    page.unroute("**/safety/symptoms/")
    wait_for(page, "['[]', null].includes(localStorage.getItem('lumbar-outbox'))", timeout=30_000)
    assert running_app.query(EVENT_COUNT) == before + 1


def test_pain_4_switches_to_the_easier_version_with_half_the_repetitions(page, running_app):
    open_player(page)
    start_and_reach_the_tilts(page, pain_before=2)
    phase = open_report(page)
    # "Rep 4 of 8" while paused: 3 done, 5 left
    reps_left = 8 - (int(page.locator("#pose-time").inner_text().split()[1]) - 1) if phase == "reps" else 8
    answer(page, 4)
    page.locator("#symptom-send").click()
    wait_for(page, f"{DIALOG_CLOSED} && {POSE_NAME} === 'Tiny tilts'")
    assert "barely visible" in page.locator("#pose-steps").inner_text()
    assert "ease off" in page.locator("#symptom-notice").inner_text()
    wait_for(page, f"{STATE} === 'running' && {STEP} === '2'")
    # half the repetitions left (8 when reported before the first one), at least 1
    assert page.locator("#pose-time").inner_text().endswith(f" of {max(1, reps_left // 2)}")
    assert running_app.query(LATEST_EVENT)["action"] == "ease"
    finish_session(page)
    assert running_app.query(LATEST_LOG)["steps"] == [
        ["pelvic-tilt", "done"], ["childs-pose", "done"], ["relaxation", "done"]]


def test_leg_symptoms_stop_that_direction_for_the_rest_of_the_session(page, running_app):
    open_player(page)
    start_and_reach_the_tilts(page)
    report(page, 3, leg=True)
    wait_for(page, f"{RESTING} && {POSE_NAME} === 'Constructive rest'")
    notice = page.locator("#symptom-notice").inner_text()
    assert "Leaving out for the rest of this session: Child's pose." in notice
    assert running_app.query(LATEST_EVENT)["action"] == "stop-direction"

    # the rounded (flexion) rest is passed over; the neutral closing rest still plays
    wait_for(page, f"{STATE} === 'input' && {STEP} === '3'")
    page.get_by_role("button", name="Hardly any space").click()
    page.locator("#floor-next").click()
    wait_for(page, f"{STEP} !== '3'")
    assert page.evaluate(STEP) == "5"
    wait_for(page, f"{STATE} === 'input' && {STEP} === '6'", timeout=90_000)
    page.keyboard.press("ArrowLeft")  # back from the pain check to the closing rest
    wait_for(page, f"{STEP} === '5'")
    page.keyboard.press("ArrowLeft")  # and back again: past the left-out pose, to the floor-space check
    wait_for(page, f"{STATE} === 'input' && {STEP} === '3'")
    page.keyboard.press("Enter")
    wait_for(page, f"{STATE} === 'input' && {STEP} === '6'", timeout=90_000)
    page.keyboard.press("2")
    page.keyboard.press("Enter")
    wait_for(page, f"{STATE} === 'saved'")
    assert running_app.query(LATEST_LOG)["steps"] == [
        ["pelvic-tilt", "stopped"], ["childs-pose", "stopped"], ["relaxation", "done"]]

    # the stop outlasts the session: the next core session leaves out every pose that moves the back that way
    page.goto("/session/glide-and-rest/play/")
    page.wait_for_function(f"{STATE} === 'ready'")
    ready = page.locator("#ready-steps").inner_text()
    assert "Pelvic tilt" not in ready and "Child's pose" not in ready and "Relaxation" in ready
    # until the person lifts it, after a clinician's advice
    page.goto("/safety/directions/")
    while page.get_by_role("button", name=re.compile("^Lift the stop")).count():
        page.get_by_label("What did your clinician or teacher advise?").first.fill("My physio says tilts are fine")
        page.get_by_role("button", name=re.compile("^Lift the stop")).first.click()
        page.wait_for_load_state()
    assert page.get_by_text("No movements are left out.").is_visible()
    page.goto("/session/glide-and-rest/play/")
    page.wait_for_function(f"{STATE} === 'ready'")
    assert "Pelvic tilt" in page.locator("#ready-steps").inner_text()
