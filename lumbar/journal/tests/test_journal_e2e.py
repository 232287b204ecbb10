"""End-to-end in headless Chromium: a journal entry made by keyboard, edited, deleted, undone; pages scanned."""
import re

import pytest

from lumbar.e2e import serious_accessibility_violations

SEED_HISTORY = """
from lumbar.accounts.middleware import local_user
from lumbar.journal.tests.world import activities, checkin, entry, session
me = local_user()
for days_ago, pain in [(30, 7), (29, 6), (27, 6), (12, 5), (5, 4), (2, 4)]:
    entry(me, days_ago=days_ago, pain=pain, notes="e2e history")
session(me, days_ago=28, before=6, after=5)
socks, garden, walk = activities(me, "E2E socks", "E2E garden", "E2E walk")
checkin(me, 30, answers=(7, 6, 6), ratings={socks: 2, garden: 4, walk: 5})
checkin(me, 2, answers=(5, 4, 4), ratings={socks: 5, garden: 5, walk: 6})
"""


def seed(running_app, code: str) -> None:
    running_app.query(code)


def press(page, key, times=1):
    for _ in range(times):
        page.keyboard.press(key)


def test_a_person_keeps_a_journal_by_keyboard_edits_deletes_and_undoes(page):
    page.goto("/journal/new/")
    # Pain: arrow keys move along the 0-10 row of radio buttons.
    page.get_by_role("radio", name="0", exact=True).first.focus()
    press(page, "ArrowRight", 6)
    assert page.get_by_role("radio", name="6", exact=True).is_checked()
    # Tab leaves the radio group for the body map; Space ticks a region.
    press(page, "Tab")
    assert page.evaluate("document.activeElement.value") == "lower_back_left"
    press(page, "Tab")
    press(page, "Space")
    press(page, "Tab", 2)
    press(page, "Space")
    assert page.get_by_role("checkbox", name="Centre of the lower back").is_checked()
    assert page.get_by_role("checkbox", name="Left buttock").is_checked()
    assert not page.get_by_role("checkbox", name="Right side of the lower back").is_checked()
    # the drawing shows the ticked region
    fill = page.locator('[data-region="buttock_left"]').evaluate("el => getComputedStyle(el).fillOpacity")
    assert fill == "0.55"
    page.get_by_role("checkbox", name="Stiff").check()
    page.get_by_label("Notes (optional)").fill("Keyboard entry for the end-to-end test.")
    page.get_by_role("button", name="Save entry").focus()
    press(page, "Enter")
    page.wait_for_url(re.compile(r"/journal/#entry-\d+$"))
    entry = page.locator(".entry", has_text="Keyboard entry for the end-to-end test.")
    assert "Pain 6 out of 10" in entry.inner_text()
    assert "Centre of the lower back, Left buttock" in entry.inner_text()

    entry.get_by_role("link", name=re.compile("Edit or delete")).click()
    page.get_by_role("radio", name="3", exact=True).first.check()
    page.get_by_role("checkbox", name="Left buttock").uncheck()
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(re.compile(r"/journal/#entry-\d+$"))
    assert page.get_by_text("Saved your changes.").is_visible()
    entry = page.locator(".entry", has_text="Keyboard entry for the end-to-end test.")
    assert "Pain 3 out of 10" in entry.inner_text() and "Left buttock" not in entry.inner_text()

    entry.get_by_role("link", name=re.compile("Edit or delete")).click()
    page.get_by_role("button", name="Delete this entry").click()
    page.wait_for_url(re.compile(r"/journal/\?deleted=\d+$"))
    assert page.locator(".entry", has_text="Keyboard entry for the end-to-end test.").count() == 0
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Undo").click()
    page.wait_for_url(re.compile(r"/journal/#entry-\d+$"))
    assert page.get_by_text("Your entry is back.").is_visible()
    entry = page.locator(".entry", has_text="Keyboard entry for the end-to-end test.")
    assert "Pain 3 out of 10" in entry.inner_text() and "Centre of the lower back" in entry.inner_text()


def test_a_mistake_is_named_and_the_form_keeps_what_was_typed(page):
    page.goto("/journal/new/")
    page.get_by_label("Notes (optional)").fill("I forgot the pain number")
    page.get_by_role("button", name="Save entry").click()
    alert = page.get_by_role("alert")
    assert "Pain: please choose a number from 0 to 10." in alert.inner_text()
    assert page.get_by_label("Notes (optional)").input_value() == "I forgot the pain number"
    assert serious_accessibility_violations(page) == []


@pytest.mark.parametrize("path", ["/journal/", "/journal/new/", "/journal/progress/", "/journal/check-in/",
                                  "/journal/activities/", "/journal/morning/"])
def test_journal_pages_have_no_serious_accessibility_violations(page, path):
    page.goto(path)
    assert serious_accessibility_violations(page) == []


def test_progress_with_charts_is_accessible_and_has_tables(page, running_app):
    seed(running_app, SEED_HISTORY)
    page.goto("/journal/progress/")
    charts = page.locator("svg.chart")
    assert charts.count() >= 2 + 3
    assert charts.first.get_attribute("role") == "img"
    assert charts.first.get_attribute("aria-label").startswith("Your average pain went from")
    page.get_by_text("Pain: the numbers as a table").click()
    assert page.get_by_role("table", name="Pain over time").is_visible()
    assert serious_accessibility_violations(page) == []
    page.goto("/journal/check-in/")
    assert page.get_by_role("group", name="E2E socks").count() == 1
    assert serious_accessibility_violations(page) == []
