"""End-to-end in headless Chromium: a session opened once plays with the network switched off, and what it wrote
arrives exactly once when the network returns, however often it is sent.

The session is opened online, so the service worker keeps the player page; then the browser goes offline and the
page is loaded again (from the worker's copy: the very page kept, its form token unchanged). The player is played
through with the clock sped up (lumbar/e2e.py). The log and symptom reports wait in the outbox; back online they
are sent, and sending the same copies again (a second flush, a reload with the queue put back, two at once)
saves nothing more. Steps of "Glide and rest": 0 floor-space before, 1 pain before, 2 pelvic tilts, 3 floor-space
after, 4 child's pose, 5 relaxation, 6 pain after, 7 summary.
"""
import time

from lumbar.e2e import PLAYER_STATE, open_player, record_assessment
from lumbar.practice.tests.test_symptoms_e2e import STEP, report, start_and_reach_the_tilts, wait_for

OUTBOX = "() => JSON.parse(localStorage.getItem('lumbar-outbox') || '[]')"
TOKEN = "input[name=csrfmiddlewaretoken]"
COUNTS = """
import json
from lumbar.practice.models import PracticeSession
from lumbar.safety.models import SymptomEvent
print(json.dumps({"logs": PracticeSession.objects.count(), "reports": SymptomEvent.objects.count(),
                  "actions": list(SymptomEvent.objects.order_by("pk").values_list("action", flat=True))}))
"""
LATEST_LOG = """
import json
from lumbar.practice.models import PracticeSession
s = PracticeSession.objects.order_by("-pk").first()
print(json.dumps({"pain": [s.pain_before, s.pain_after], "completed": s.completed,
                  "steps": [[x.pose_slug, x.status] for x in s.steps.all()]}))
"""
SEND_AGAIN = """async (items) => {
  const outbox = await import("/static/lumbar/outbox.js");
  localStorage.setItem("lumbar-outbox", JSON.stringify(items));
  const [first, second] = await Promise.all([outbox.flush(), outbox.flush()]);  // two at once: one send
  localStorage.setItem("lumbar-outbox", JSON.stringify(items));
  const third = await outbox.flush();
  return [first, second, third].map((result) => result.sent);
}"""
POST_AGAIN = """async (item) => {
  const token = document.cookie.split("; ").find((part) => part.startsWith("csrftoken=")).slice(10);
  const response = await fetch(item.url, {method: "POST", credentials: "same-origin", body: JSON.stringify(item.payload),
    headers: {"Content-Type": "application/json", "X-CSRFToken": token, "Idempotency-Key": item.key}});
  return {status: response.status, replayed: response.headers.get("Idempotent-Replayed")};
}"""


def counts(app) -> dict:
    return app.query(COUNTS)


def kept_for_offline(page) -> str:
    """Waits until the service worker controls the player and has kept this page (reloading once if the first
    load came before the worker); returns the page's form token, which a fresh copy from the server would change."""
    wait_for(page, "async () => { await navigator.serviceWorker.ready; return true; }")
    if not page.evaluate("async () => Boolean(navigator.serviceWorker.controller"
                         " && await caches.match(location.href, {ignoreVary: true}))"):
        page.reload()
        wait_for(page, f"{PLAYER_STATE} === 'ready'")
    wait_for(page, "async () => Boolean(navigator.serviceWorker.controller"
                   " && await caches.match(location.href, {ignoreVary: true}))")
    return page.locator(TOKEN).first.input_value()


def reload_offline(page, token: str) -> None:
    page.context.set_offline(True)
    assert page.evaluate("() => navigator.onLine") is False
    response = page.reload()
    assert response is not None and response.from_service_worker
    assert page.locator(TOKEN).first.input_value() == token  # the kept copy, not a page the server made now
    wait_for(page, f"{PLAYER_STATE} === 'ready'")
    assert page.evaluate("() => fetch('/about/').then(() => 'reached', () => 'offline')") == "offline"


def offline_at_the_tilts(page, app) -> dict:
    """Opens the session online, plays it from the kept copy with no network up to the tilts; returns the rows
    counted before."""
    open_player(page)
    token = kept_for_offline(page)
    before = counts(app)
    reload_offline(page, token)
    start_and_reach_the_tilts(page)
    return before


def play_to_the_end(page) -> str:
    """From the tilts on: the floor-space and pain check-ins answered, each question after a pose skipped (N).
    Returns the state the player ends in (queued offline, saved online)."""
    handled = None
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        state, step = page.evaluate(f"() => [{PLAYER_STATE}, {STEP}]")
        if state in ("queued", "saved", "error"):
            return state
        if (state, step) == handled or state not in ("input", "asking"):
            time.sleep(0.05)
            continue
        handled = (state, step)
        if state == "asking":
            page.keyboard.press("n")
        elif page.locator("#view-floor").is_visible():
            page.get_by_role("button", name="Hardly any space").click()
            page.locator("#floor-next").click()
        else:
            page.locator("#pain-options button[data-value='2']").click()
            page.locator("#pain-next").click()
    raise AssertionError(f"the session did not end: {page.evaluate(f'() => [{PLAYER_STATE}, {STEP}]')}")


def test_a_session_opened_once_plays_offline_and_its_log_arrives_once(page, running_app):
    before = offline_at_the_tilts(page, running_app)

    # a report with no network: the player stops the pose and rests by itself, and keeps the report
    report(page, 2)
    wait_for(page, "document.getElementById('player').dataset.rest === 'true'")
    notice = page.locator("#symptom-notice").inner_text()
    assert "stop this pose and rest" in notice and "kept on this device" in notice

    assert play_to_the_end(page) == "queued"
    assert "kept on this device" in page.locator("#save-message").inner_text()
    queued = page.evaluate(OUTBOX)
    assert [item["url"] for item in queued] == ["/safety/symptoms/", "/session/glide-and-rest/log/"]
    assert len({item["key"] for item in queued}) == 2
    assert counts(running_app) == before  # nothing reached the server

    page.context.set_offline(False)  # offline.js sends what waited: it tries again until Lumbar answers
    wait_for(page, f"{PLAYER_STATE} === 'saved'")
    assert "reached Lumbar" in page.locator("#save-message").inner_text()
    assert page.locator("#saved-link").is_visible()
    assert page.evaluate(OUTBOX) == []
    after = counts(running_app)
    assert (after["logs"], after["reports"]) == (before["logs"] + 1, before["reports"] + 1)
    assert after["actions"][-1] == "continue"  # the server's own decision, made when the report arrived
    assert running_app.query(LATEST_LOG) == {"pain": [3, 2], "completed": True, "steps": [
        ["pelvic-tilt", "stopped"], ["childs-pose", "done"], ["relaxation", "done"]]}

    # the upload retried: the same copies sent again, at once and after; a retry straight to the server
    assert page.evaluate(SEND_AGAIN, queued) == [2, 2, 2]
    assert page.evaluate(POST_AGAIN, queued[1]) == {"status": 201, "replayed": "true"}
    # a reload with the queue still there sends it again on load
    page.evaluate("(items) => localStorage.setItem('lumbar-outbox', JSON.stringify(items))", queued)
    page.reload()
    wait_for(page, f"{PLAYER_STATE} === 'ready'")
    wait_for(page, "() => (localStorage.getItem('lumbar-outbox') || '[]') === '[]'")
    assert page.get_by_text("What you did offline has now been saved.").is_visible()
    assert counts(running_app) == after


def test_urgent_symptoms_reported_offline_show_the_urgent_advice_at_once(page, running_app):
    before = offline_at_the_tilts(page, running_app)

    report(page, 4, urgent=True)
    wait_for(page, "document.getElementById('player').dataset.stopped === 'urgent'", timeout=2_000)  # no waiting
    advice = page.locator("#urgent-advice")
    assert advice.is_visible() and "Stop the session now" in advice.inner_text()
    assert page.get_by_role("heading", name="Please get medical help now").is_visible()
    assert page.locator("#summary-title").inner_text() == "Session stopped"
    wait_for(page, f"{PLAYER_STATE} === 'queued'")
    assert counts(running_app) == before

    page.context.set_offline(False)
    wait_for(page, f"{PLAYER_STATE} === 'saved'")
    assert advice.is_visible()  # still there: saving does not hide it
    after = counts(running_app)
    assert (after["logs"], after["reports"]) == (before["logs"] + 1, before["reports"] + 1)
    assert after["actions"][-1] == "stop-session"  # the report arrived first, so the stopped session's log is taken
    record_assessment(page)  # the urgent lock, for the tests after this one
