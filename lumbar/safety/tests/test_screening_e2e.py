"""End-to-end in headless Chromium: screening outcomes decide whether a session can start."""
from datetime import date

from lumbar.e2e import answer_safety_questions, serious_accessibility_violations


def test_an_urgent_answer_blocks_every_way_into_a_session(page):
    answer_safety_questions(page, yes={"A1"})
    assert page.get_by_role("heading", name="Please get medical help now").is_visible()
    assert serious_accessibility_violations(page) == []
    for path in ("/session/glide-and-rest/", "/session/glide-and-rest/play/"):
        page.goto(path)
        assert page.url.endswith("/safety/")
        assert page.get_by_role("heading", name="Sessions are paused for your safety").is_visible()
    page.goto("/")
    assert page.get_by_role("link", name="Start the session").count() == 0


def test_a_clinician_answer_unlocks_only_after_clearance(page):
    answer_safety_questions(page, yes={"B9"})
    assert page.get_by_role("heading", name="Please see a clinician soon").is_visible()
    page.goto("/session/glide-and-rest/")
    assert page.url.endswith("/safety/")
    assert serious_accessibility_violations(page) == []
    page.get_by_label("Who cleared you?").fill("My physiotherapist")
    page.get_by_label("When?").fill(date.today().isoformat())
    page.get_by_role("button", name="Record the clearance").click()
    assert page.get_by_text("This field is required.").is_visible()  # the confirmation box was not ticked
    page.get_by_label("A clinician has checked my symptoms").check()
    page.get_by_role("button", name="Record the clearance").click()
    page.wait_for_url("**/")
    page.get_by_role("link", name="Start the session").click()
    assert "/session/glide-and-rest/" in page.url


def test_the_safety_questions_have_no_serious_accessibility_violations(page):
    page.goto("/safety/screening/1/")
    assert serious_accessibility_violations(page) == []
    page.locator("form button[type=submit]").click()
    assert page.get_by_text("Please answer every question").is_visible()
    assert serious_accessibility_violations(page) == []
