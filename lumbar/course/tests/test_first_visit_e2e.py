"""End-to-end in headless Chromium, laptop and phone width: a new person's first visit, a lesson, the Flare button.

Each width gets its own app (a fresh local person); the player's clock runs fast (lumbar/e2e.py TIME_SCALE).
"""
import pytest

from lumbar.e2e import (answer_safety_questions, serious_accessibility_violations, start_app, stop_app, under_csp,
                        watch_for_errors)

STATE = "document.body.dataset.playerState"
STEP = "document.getElementById('player').dataset.stepIndex"
WIDTHS = pytest.mark.parametrize("width,height", [(1280, 800), (360, 740)], ids=["laptop", "phone"])
LATEST = """
import json
from lumbar.practice.models import PracticeSession
s = PracticeSession.objects.order_by("-pk").first()
print(json.dumps({"slug": s.sequence_slug, "completed": s.completed, "count": PracticeSession.objects.count()}))
"""


@pytest.fixture
def fresh(browser, tmp_path, request):
    """A new app with nobody's history, and a page on it at the test's width."""
    width, height = request.node.callspec.params["width"], request.node.callspec.params["height"]
    app, drop = start_app(tmp_path)
    context = browser.new_context(base_url=app.url, viewport={"width": width, "height": height})
    page = under_csp(context.new_page())
    errors = watch_for_errors(page, app.url)
    yield app, page
    context.close()
    stop_app(app, drop)
    assert not errors, errors


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def play_to_the_end(page) -> str:
    """Answers every check-in (pain 3, the first floor-space answer) until the log is saved."""
    while True:
        page.wait_for_function(f"['input', 'saved', 'error'].includes({STATE})", timeout=180_000)
        if page.evaluate(STATE) != "input":
            return page.evaluate(STATE)
        index = page.evaluate(STEP)
        if page.locator("#view-pain").is_visible():
            page.locator("#pain-options button[data-value='3']").click()
            page.locator("#pain-next").click()
        else:
            page.locator("#floor-options button").first.click()
            page.locator("#floor-next").click()
        page.wait_for_function(f"{STEP} !== '{index}' || {STATE} !== 'input'")


@WIDTHS
def test_a_first_visit_goes_welcome_safety_first_session_summary_programme(fresh, width, height):
    app, page = fresh
    page.goto("/")
    next_step = page.locator("#next-step")
    assert next_step.get_attribute("data-step") == "welcome" and fits(page)
    assert page.get_by_role("link", name="Start the session").count() == 0  # nothing else competes
    assert serious_accessibility_violations(page) == []
    next_step.get_by_role("link", name="Start here").click()

    page.wait_for_url("**/learn/welcome/")
    assert page.get_by_role("heading", name="What Lumbar is not").is_visible() and fits(page)
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/safety/")
    answer_safety_questions(page)  # all no

    page.goto("/")
    assert next_step.get_attribute("data-step") == "first-session"
    assert page.get_by_role("link", name="Set up my programme").count() == 0  # offered after the first session
    next_step.get_by_role("link", name="Start your first session").click()
    if page.get_by_text("Is kneeling comfortable for you?").count():
        page.get_by_label("Yes, I can kneel").check()
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/session/first-session/play/")
    page.wait_for_function(f"{STATE} === 'ready'", timeout=60_000)
    page.get_by_role("button", name="Start the session").click()
    assert play_to_the_end(page) == "saved"
    assert app.query(LATEST) == {"slug": "first-session", "completed": True, "count": 1}

    offer = page.locator("#programme-offer")
    assert offer.is_visible() and page.locator("#next-lesson").is_visible()
    assert serious_accessibility_violations(page) == []
    offer.click()
    page.wait_for_url("**/programme/intake/")
    page.goto("/")
    assert next_step.get_attribute("data-step") == "programme-offer" and fits(page)


@WIDTHS
def test_a_lesson_reads_and_the_flare_button_offers_the_gentle_session_and_the_re_screen(fresh, width, height):
    app, page = fresh
    answer_safety_questions(page)
    page.goto("/learn/")
    assert fits(page)
    page.get_by_role("link", name="How back pain works").click()
    page.wait_for_url("**/learn/how-back-pain-works/")
    assert page.get_by_role("heading", name="How back pain works", level=1).is_visible()
    assert page.get_by_text("Hurt does not always mean harm.").is_visible() and fits(page)
    assert serious_accessibility_violations(page) == []
    read = page.locator("#read-button")
    if read.is_visible():  # the browser has speech: it reads, or says why it cannot
        read.click()
        page.wait_for_function("document.getElementById('read-button').getAttribute('aria-pressed') === 'true'"
                               " || document.getElementById('read-note').textContent !== ''")

    page.goto("/")
    page.get_by_role("link", name="Flare").click()
    page.wait_for_url("**/learn/flare/")
    assert page.get_by_role("heading", name="Your flare plan").is_visible() and fits(page)
    assert serious_accessibility_violations(page) == []
    page.get_by_role("link", name="Start the gentle flare session").click()
    if page.get_by_text("Is kneeling comfortable for you?").count():
        page.get_by_label("Yes, I can kneel").check()
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/session/flare-ease/play/")
    page.wait_for_function(f"{STATE} === 'ready'", timeout=60_000)

    page.goto("/learn/flare/")
    page.get_by_role("link", name="Report the flare and check again").click()
    page.wait_for_url("**/safety/flare/")
    page.get_by_role("button", name="Report the flare").click()
    page.wait_for_url("**/safety/")
    assert page.get_by_role("heading", name="A few safety questions first").is_visible()
    page.goto("/learn/flare/")
    assert page.get_by_role("link", name="Start the gentle flare session").count() == 0  # the questions first
