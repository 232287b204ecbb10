"""End-to-end in headless Chromium: browsing the library, and an accessibility scan of the pages."""
import pytest

from lumbar.e2e import serious_accessibility_violations


def test_a_person_filters_the_library_and_opens_a_pose(page):
    page.goto("/poses/")
    page.get_by_label("Position").select_option("supine")
    page.get_by_role("button", name="Show poses").click()
    page.wait_for_url("**/poses/?position=supine*")
    cards = page.locator(".pose-card")
    assert cards.count() >= 5
    assert page.get_by_role("link", name="Mountain").count() == 0
    page.get_by_role("link", name="Pelvic tilt").first.click()
    page.wait_for_url("**/poses/pelvic-tilt/")
    assert page.get_by_role("heading", name="How to do it").is_visible()
    figure = page.locator(".pose-figure svg")
    assert figure.get_attribute("role") == "img"
    # the figure moves: its animation clock runs and the knee is somewhere else a moment later
    knee = "() => document.querySelector('.pose-figure .near-thigh').animatedPoints.getItem(1).y"
    start = page.evaluate(knee)
    page.wait_for_timeout(1000)
    assert figure.evaluate("svg => svg.getCurrentTime()") > 0.5
    assert page.evaluate(knee) != start


def test_an_unknown_pose_shows_a_friendly_page(page):
    response = page.goto("/poses/headstand/")
    assert response.status == 404
    assert page.get_by_role("heading", name="We couldn't find that page").is_visible()
    page.get_by_role("link", name="Browse the pose library").click()
    page.wait_for_url("**/poses/")


@pytest.mark.parametrize("path", ["/", "/about/", "/poses/", "/poses/pelvic-tilt/", "/poses/childs-pose/",
                                  "/session/glide-and-rest/"])
def test_pages_have_no_serious_accessibility_violations(page, path):
    page.goto(path)
    assert serious_accessibility_violations(page) == []
