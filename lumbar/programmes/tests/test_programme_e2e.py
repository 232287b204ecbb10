"""End-to-end in headless Chromium: the intake, the first generated session played to the end in the player
and saved, a rating, and the programme page showing what that changed for the next session.

The app runs with a test-only time acceleration (lumbar/e2e.py), so a session takes seconds.
"""
import json

from lumbar.e2e import answer_safety_questions, serious_accessibility_violations

STATE = "document.body.dataset.playerState"
STEP = "document.getElementById('player').dataset.stepIndex"
FRESH = """
from lumbar.programmes.models import OwnSequence, Programme
from lumbar.safety.models import DirectionStop
Programme.objects.all().delete(); OwnSequence.objects.all().delete(); DirectionStop.objects.all().delete()
"""
LATEST = """
import json
from lumbar.practice.models import PracticeSession
s = PracticeSession.objects.order_by("-pk").first()
print(json.dumps({"slug": s.sequence_slug, "completed": s.completed, "pain": [s.pain_before, s.pain_after],
                  "steps": [[x.pose_slug, x.status] for x in s.steps.all()]}))
"""
MORNING_AFTER = """
from django.utils import timezone
from lumbar.journal.models import MorningCheckin
from lumbar.practice.models import PracticeSession
from lumbar.accounts.middleware import local_user
s = PracticeSession.objects.order_by("-pk").first()
MorningCheckin.objects.update_or_create(user=local_user(), session_day=timezone.localdate(s.finished_at),
    defaults={"direction": "same", "points": 0, "answered_at": timezone.now()})
from lumbar.programmes.actions import count_morning
count_morning(local_user())  # as the check-in page does when the answer is given
"""
SEQUENCE = "from lumbar.programmes.models import OwnSequence; import json; " \
           "print(json.dumps([s['pose'] for s in OwnSequence.objects.get().steps]))"


def play_to_the_end(page) -> str:
    """Answers every check-in (pain 3, the first floor-space answer) until the log is saved."""
    while True:
        page.wait_for_function(f"['input', 'saved', 'error'].includes({STATE})", timeout=120_000)
        state = page.evaluate(STATE)
        if state != "input":
            return state
        index = page.evaluate(STEP)
        if page.locator("#view-pain").is_visible():
            page.locator("#pain-options button[data-value='3']").click()
            page.locator("#pain-next").click()
        else:
            page.locator("#floor-options button").first.click()
            page.locator("#floor-next").click()
        page.wait_for_function(f"{STEP} !== '{index}' || {STATE} !== 'input'")


def test_intake_first_session_rating_and_the_change_it_makes(page, running_app):
    running_app.query(FRESH)
    answer_safety_questions(page)
    page.goto("/programme/")
    page.get_by_role("link", name="Set up my programme").click()

    page.get_by_label("How many minutes would you like each session to last?").fill("10")
    page.get_by_role("group", name="How many days a week").get_by_label("3", exact=True).check()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Next").click()
    page.get_by_label("How old are you?").fill("45")
    page.get_by_role("group", name="Can you get down to the floor").get_by_label("Yes").check()
    page.get_by_role("group", name="Is kneeling comfortable").get_by_label("Yes").check()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Next").click()
    page.get_by_role("group", name="Sitting").get_by_label("Makes it worse").check()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Save and see my programme").click()

    page.wait_for_url("**/programme/")
    assert page.get_by_role("heading", name="Next: session 1 of 36").is_visible()
    today = page.locator("section[aria-labelledby=today-title]").inner_text()
    # week 1 starts small (first_week.py): the first session is the core, six slow tilts and a rounded rest
    assert "Pelvic tilt" in today and "6 repetitions" in today and "Why this pose:" in today
    assert "Bridge" not in today and "Week 1 starts small and builds up." in page.locator("main").inner_text()
    assert serious_accessibility_violations(page) == []
    page.get_by_role("link", name="Start this session").click()
    page.wait_for_url("**/programme/play/")
    page.wait_for_function(f"{STATE} === 'ready'")
    assert "Child" in page.locator("#ready-steps").inner_text()
    page.get_by_role("button", name="Start the session").click()
    assert play_to_the_end(page) == "saved"
    log = running_app.query(LATEST)
    assert log["slug"] == "programme" and log["completed"] and log["pain"] == [3, 3]
    assert ["childs-pose", "done"] in log["steps"] and all(status == "done" for _, status in log["steps"])

    page.get_by_role("link", name="See this session").click()
    page.wait_for_url("**/programme/done/*/")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("group", name="Pelvic tilt").get_by_label("Easy").check()
    page.get_by_role("button", name="Save how it felt").click()
    page.wait_for_url("**/programme/#changes")
    assert page.get_by_text("Thank you: your ratings are saved.").is_visible()

    running_app.query(MORNING_AFTER)  # the next morning's check-in: about the same as usual
    page.reload()
    # nothing felt hard and the morning was usual: one more pose, on top of the second session's own one
    change = "One more pose in your sessions: Reclined cobbler, because this morning was the same as usual."
    assert page.get_by_text(change).is_visible()
    assert page.get_by_role("heading", name="Next: session 2 of 36").is_visible()
    assert page.locator(".session-poses li", has=page.get_by_role("heading", name="Reclined cobbler",
                                                                   exact=True)).count() == 1


def test_the_builder_reorders_by_keyboard_and_mouse_and_saves(page, running_app):
    running_app.query(FRESH)
    answer_safety_questions(page)
    page.goto("/programme/sequences/new/")
    page.get_by_label("Title").fill("Evening")
    for name in ("Pelvic tilt", "Bridge", "Relaxation"):
        page.get_by_label("Pose to add").select_option(label=name)
        page.get_by_role("button", name="Add this pose").click()
        page.wait_for_load_state()
    assert serious_accessibility_violations(page) == []
    rows = page.locator("#steps li[data-step]")
    assert rows.count() == 3

    page.wait_for_function("document.querySelector('#steps .grip').draggable === true")  # the script is on
    rows.nth(0).get_by_role("button", name="Move down").click()  # moved in place, no page load
    assert [rows.nth(i).locator(".step-name").inner_text() for i in range(3)] == ["Bridge", "Pelvic tilt",
                                                                                 "Relaxation"]
    assert rows.nth(1).get_by_role("button", name="Move down").get_attribute("value") == "down-1"
    assert "Pelvic tilt: now step 2 of 3" in page.locator("#reorder-status").inner_text()

    page.evaluate("document.getElementById('steps').scrollIntoView()")
    grip, top = rows.nth(2).locator(".grip").bounding_box(), rows.nth(0).bounding_box()
    page.mouse.move(grip["x"] + grip["width"] / 2, grip["y"] + grip["height"] / 2)
    page.mouse.down()
    page.mouse.move(top["x"] + 40, top["y"] + 8, steps=8)
    page.mouse.up()
    assert [rows.nth(i).locator(".step-name").inner_text() for i in range(3)] == ["Relaxation", "Bridge",
                                                                                 "Pelvic tilt"]
    page.get_by_role("button", name="Save the sequence").last.click()
    page.wait_for_url("**/programme/sequences/")
    assert json.loads(json.dumps(running_app.query(SEQUENCE))) == ["relaxation", "bridge", "pelvic-tilt"]
    assert serious_accessibility_violations(page) == []
