"""End-to-end in headless Chromium: screening outcomes decide whether a session can start."""
from datetime import date

import pytest

from lumbar.e2e import answer_safety_questions, record_assessment, serious_accessibility_violations

START = "Start the session"


@pytest.mark.parametrize("width,height", [(360, 740), (1280, 800)], ids=["phone", "laptop"])
def test_a_bladder_answer_on_the_first_screen_gives_urgent_advice_at_once_and_locks_until_assessed(page, width,
                                                                                                   height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto("/safety/screening/1/")
    for fieldset in page.locator("fieldset.question").all():
        key = fieldset.get_attribute("data-key")
        fieldset.get_by_label("Yes" if key in ("bladder-leak", "bladder-new") else "No", exact=True).check()
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/safety/result/*/")
    heading = page.get_by_role("heading", name="Please get medical help now", level=1)
    assert heading.is_visible() and heading.bounding_box()["y"] < height
    alert = page.get_by_role("alert")
    assert "your local emergency number" in alert.inner_text()
    assert "a new change in how your bladder works" in alert.inner_text()
    assert "probably" not in page.inner_text("main").lower()
    for box in (alert.bounding_box(), page.locator("#id_exercise_advice").bounding_box()):
        assert box["x"] >= 0 and box["x"] + box["width"] <= width  # the advice and the form fit the screen
    assert serious_accessibility_violations(page) == []

    page.goto("/")
    assert page.get_by_role("link", name=START).count() == 0
    answer_safety_questions(page)  # all no again: still locked
    page.goto("/")
    assert page.get_by_role("link", name=START).count() == 0
    page.goto("/session/glide-and-rest/")
    assert page.url.endswith("/safety/")

    assert record_assessment(page, "Gentle exercise is fine")
    page.goto("/")
    assert page.get_by_role("link", name=START).count() == 0  # a fresh screening first
    answer_safety_questions(page)
    page.goto("/")
    page.get_by_role("link", name=START).click()
    assert "/session/glide-and-rest/" in page.url


def test_long_lasting_pain_alone_can_start_a_session_with_a_routine_reminder(page):
    record_assessment(page)
    answer_safety_questions(page, yes={"B14"})
    assert page.get_by_role("heading", name="You can start, and please book a routine appointment").is_visible()
    page.goto("/")
    assert page.get_by_role("heading", name="Book a routine appointment").is_visible()
    page.get_by_role("button", name="I have had this appointment").click()
    page.wait_for_url("**/")
    assert page.get_by_role("heading", name="Book a routine appointment").count() == 0
    page.get_by_role("link", name=START).click()
    assert "/session/glide-and-rest/" in page.url


def test_a_clinician_answer_unlocks_only_after_clearance(page):
    record_assessment(page)
    answer_safety_questions(page, yes={"B9"})
    assert page.get_by_role("heading", name="Please see a clinician soon").is_visible()
    page.goto("/session/glide-and-rest/")
    assert page.url.endswith("/safety/")
    assert serious_accessibility_violations(page) == []
    page.get_by_label("Who cleared you?").fill("My physiotherapist")
    page.get_by_label("When?").fill(date.today().isoformat())
    page.get_by_label("Exercise, with some limits").check()
    page.get_by_label("A clinician has checked my symptoms").check()
    page.get_by_role("button", name="Record the clearance").click()
    assert page.get_by_text("Please write down the limits").is_visible()
    page.get_by_label("If there are limits").fill("No forward folds for a month")
    page.get_by_label("A clinician has checked my symptoms").check()
    page.get_by_role("button", name="Record the clearance").click()
    page.wait_for_url("**/")
    page.get_by_role("link", name=START).click()
    assert "/session/glide-and-rest/" in page.url


def test_the_safety_questions_have_no_serious_accessibility_violations(page):
    page.goto("/safety/screening/1/")
    assert serious_accessibility_violations(page) == []
    page.locator("form button[type=submit]").click()
    assert page.get_by_text("Please answer every question").is_visible()
    assert serious_accessibility_violations(page) == []
