"""End-to-end in headless Chromium, on a laptop (1280 x 900) and a phone (360 x 740): the player for someone
who is learning it and then has learned it.

A programme session is played with the clock sped up (lumbar/e2e.py): the ready screen says what is needed;
each pose ends with an optional question, answered by a tap, by a number key, or left to go on by itself; the
seed's question follows the rounded rest; the summary explains the floor-space result as a self-observation.
Then the programme's adaptation holds the ratings given in the player, and the next session reads the poses
done before in short, with the full instructions a tap away. Its own app, so its programme is nobody else's.
"""
import time

import pytest

from lumbar.e2e import PLAYER_STATE, serious_accessibility_violations, start_app, stop_app, under_csp, \
    watch_for_errors

STEP = "document.getElementById('player').dataset.stepIndex"
ASK = "document.getElementById('view-ask').dataset.ask"
SIZES = {"laptop": (1280, 900), "phone": (360, 740)}
SCREENED = """
from lumbar.accounts.middleware import local_user
from lumbar.programmes.models import Programme
from lumbar.safety.actions import record_screening
from lumbar.safety.screening import IDS
Programme.objects.all().delete()
record_screening(local_user(), {qid: False for qid in IDS})
"""
SET_UP = SCREENED + """
from lumbar.programmes.tests.web import set_up
set_up(local_user(), days_per_week=3)
"""
ADAPTATION = """
import json
from lumbar.programmes.models import Programme
programme = Programme.objects.get()
done = programme.done_sessions.order_by("-pk").first()
print(json.dumps({"ratings": done.ratings, "last": programme.state["last_session"]["ratings"],
                  "hurt": programme.state["hurt"], "rounded": done.practice.rounded_feel,
                  "changes": [c.change for c in done.changes.all()],
                  "steps": {s.pose_slug: s.rating for s in done.practice.steps.all()}}))
"""
SIDEWAYS = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    app, drop = start_app(tmp_path_factory.mktemp("player-feedback"))
    yield app
    stop_app(app, drop)


@pytest.fixture(params=list(SIZES))
def page(request, browser, app):
    width, height = SIZES[request.param]
    context = browser.new_context(base_url=app.url, viewport={"width": width, "height": height})
    page = under_csp(context.new_page())
    errors = watch_for_errors(page, app.url)
    yield page
    context.close()
    assert not errors, errors


def now(page) -> dict:
    return page.evaluate(f"() => ({{state: {PLAYER_STATE}, step: {STEP}, ask: {ASK}}})")


def play(page, answer_ask) -> list[dict]:
    """Plays the session to its saved end: pain 3, the floor-space check less space after than before, each question after a
    pose handed to answer_ask(page, kind, title, count) (count: how many questions came before). Returns the
    questions seen: [{"kind", "title", "step"}]."""
    seen, handled, floors = [], None, 0
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        current = now(page)
        key = (current["state"], current["step"], current["ask"] if current["state"] == "asking" else None)
        if current["state"] == "saved":
            return seen
        assert current["state"] != "error", page.locator("#save-error").inner_text()
        if key == handled:
            time.sleep(0.05)
            continue
        if current["state"] == "input":
            handled = key
            if page.locator("#view-floor").is_visible():
                # fingers before, hardly any space after: less space
                page.locator("#floor-options button").nth(1 if not floors else 2).click()
                floors += 1
                assert not page.evaluate(SIDEWAYS)
                page.locator("#floor-next").click()
            else:
                page.locator("#pain-options button[data-value='3']").click()
                page.locator("#pain-next").click()
        elif current["state"] == "asking":
            handled = key
            title = page.locator("#ask-title").inner_text()
            assert page.locator("#ask-title").is_visible() and title
            assert not page.evaluate(SIDEWAYS)
            seen.append({"kind": current["ask"], "title": title, "step": current["step"]})
            answer_ask(page, current["ask"], title, len(seen) - 1)
        else:
            time.sleep(0.05)
    raise AssertionError(f"the session did not end: {now(page)}")


def test_a_programme_session_takes_ratings_in_the_player_and_its_adaptation_gets_them(page, app):
    app.query(SET_UP)
    page.goto("/programme/play/")
    page.wait_for_function(f"{PLAYER_STATE} === 'ready'", timeout=60_000)
    # the ready screen opens at its title, lists what is needed, and nothing scrolls sideways
    assert page.locator("#player-body").evaluate("el => el.scrollTop") == 0
    title = page.locator("#ready-title").bounding_box()
    assert title and title["y"] >= 0 and title["y"] + title["height"] <= page.viewport_size["height"]
    needs = page.locator("#ready-props")
    assert page.get_by_role("heading", name="What you need").count() == 1 and "Mat" in needs.inner_text()
    assert not page.evaluate(SIDEWAYS)
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Start the session").click()

    given = {}

    def answer(page, kind, title, count):
        step = int(now(page)["step"])
        if kind == "rounded":
            page.keyboard.press("1")  # easier than I expected
            return
        if count == 0:
            assert serious_accessibility_violations(page) == []
            # announced: the caption (a live region) says which key answers what
            page.wait_for_function("document.getElementById('caption').textContent.includes('4 for It hurt')")
            page.get_by_role("button", name="It hurt").click()  # a tap
            given[step] = "hurt"
        elif count == 1:
            page.keyboard.press("3")  # a key: hard
            given[step] = "hard"
        elif count == 2:
            page.get_by_role("button", name="Not now").click()  # skipped
        # later ones: left to go on by themselves

    seen = play(page, answer)
    assert any(q["kind"] == "rounded" for q in seen), seen
    rated = [q for q in seen if q["kind"] == "rate"]
    assert len(rated) >= 4 and rated[0]["title"].startswith("How was ")

    summary = page.locator("#view-summary")
    meaning = page.locator("#summary-floor-meaning")
    assert meaning.is_visible()
    assert "resting more easily on the floor" in meaning.inner_text()
    assert "not a measurement of your spine" in meaning.inner_text()
    assert "the rounded stretch felt easier than you expected" in summary.inner_text()
    assert not page.evaluate(SIDEWAYS)

    plan = page.evaluate("JSON.parse(document.getElementById('session-plan').textContent)")
    slugs = {index: plan["steps"][index]["pose"] for index in given}
    result = app.query(ADAPTATION)
    expected = {slugs[i]: rating for i, rating in given.items()}
    assert result["ratings"] == expected and result["last"] == expected
    assert result["hurt"] == {slugs[min(given)]: 1} and "noted" in result["changes"]
    assert result["rounded"] == "easier"
    assert {slug: result["steps"][slug] for slug in expected} == expected

    # the next session: the poses done before are read in short, the full version a tap away
    page.goto("/programme/play/")
    page.wait_for_function(f"{PLAYER_STATE} === 'ready'", timeout=60_000)
    plan = page.evaluate("JSON.parse(document.getElementById('session-plan').textContent)")
    first = next(i for i, s in enumerate(plan["steps"]) if s["type"] == "pose")
    assert plan["steps"][first]["pose"] in result["steps"]  # done in the first session
    page.get_by_role("button", name="Start the session").click()
    page.wait_for_function(f"{PLAYER_STATE} === 'input'")
    page.locator("#pain-options button[data-value='3']").click()
    page.locator("#pain-next").click()
    page.wait_for_function(f"{STEP} === '{first}'")
    pose = page.locator("#view-pose")
    assert pose.get_attribute("data-instructions") == "short"
    assert page.locator("#pose-steps li").count() == 1
    full = page.get_by_role("button", name="Full instructions")
    assert full.is_visible()
    page.keyboard.press("Space")  # pause, then tap for the full version
    full.click()
    assert pose.get_attribute("data-instructions") == "full"
    assert page.locator("#pose-steps li").count() == len(plan["steps"][first]["steps"]) > 1
    assert not page.evaluate(SIDEWAYS)


def test_the_core_session_asks_the_seed_question_and_a_pose_done_before_is_short(page, app):
    app.query(SCREENED)
    page.goto("/session/glide-and-rest/")
    if page.get_by_text("Is kneeling comfortable for you?").count():
        page.get_by_label("Yes, I can kneel").check()
        page.get_by_role("button", name="Continue").click()
    page.wait_for_function(f"{PLAYER_STATE} === 'ready'", timeout=60_000)
    assert page.locator("#player-body").evaluate("el => el.scrollTop") == 0
    assert page.locator("#ready-title").is_visible()
    page.keyboard.press("Enter")

    def answer(page, kind, title, count):
        if kind == "rounded":
            assert "easier than you expected" in title
            page.get_by_role("button", name="Harder than I expected").click()
        elif count == 0:
            page.keyboard.press("2")  # about right

    seen = play(page, answer)
    assert [q["kind"] for q in seen] == ["rate", "rounded", "rate", "rate"]
    assert "the rounded stretch felt harder than you expected" in page.locator("#view-summary").inner_text()
    assert page.locator("#summary-floor-meaning").is_visible()
    page.get_by_role("link", name="See this session").click()
    body = page.locator("main").inner_text()
    assert "the rounded stretch felt harder than you expected" in body
    assert "not a measurement of your spine" in body and "About right" in body

    page.goto("/session/glide-and-rest/play/")
    page.wait_for_function(f"{PLAYER_STATE} === 'ready'", timeout=60_000)
    page.keyboard.press("Enter")
    page.wait_for_function(f"{PLAYER_STATE} === 'input' && {STEP} === '0'")
    page.keyboard.press("2")  # the floor-space check, then pain, by keys
    page.keyboard.press("Enter")
    page.wait_for_function(f"{PLAYER_STATE} === 'input' && {STEP} === '1'")
    page.keyboard.press("3")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STEP} === '2'", timeout=60_000)  # the tilts, done last time
    assert page.locator("#view-pose").get_attribute("data-instructions") == "short"
    assert page.locator("#full-instructions-button").is_visible()
