"""End-to-end in headless Chromium: the floor-space check by camera, with a clip as the webcam.

The same cut of the synthetic pelvic-tilt clip as test_camera_e2e.py: "Begin" comes while the person lies
still, three tilts follow inside the exercise, then stillness. Each frame sent to /ws/coach/ carries the back
rise measured on this device from the model's segmentation mask (back_rise.js); at the end of the step the
coach compares it at rest before and after the tilts, and the player says in plain words what the camera saw
from the side beside the "after" answer, once the person has said what they felt (the step summary only notes
the change).
"""
import re

import pytest

from lumbar.coach.tests.webcam_clip import (BEGIN_AT, EXERCISE, EXERCISE_AT, PANEL, SHOTS, STATE, STEP,
                                            assert_no_image_data, frames_sent, live_coach, open_camera_page, shot,
                                            wait_for_webcam)
from lumbar.content.claims import unsupported_claim
from lumbar.e2e import open_player, serious_accessibility_violations

# the still tail after the tilts: long enough that the rest after the last one is measured
END_AT = EXERCISE_AT + EXERCISE[1] - EXERCISE[0] + 4.5
SEEN = {
    "flatter": "From the side, your lower back looked a little flatter after the tilts than before.",
    "same": "From the side, your lower back looked about the same before and after the tilts.",
    "more curved": "From the side, your lower back looked a little more curved after the tilts than before.",
}
OUTLINE = "This is the outline the camera saw, not a measurement of your spine."
FELT_LESS = "You felt: less space under your lower back after the tilts."
DIFFER = ("The camera and your feeling do not match, and that is fine. Both are worth noticing. "
          "What you feel is what counts.")
# units that would make the outline look like a tissue measurement (claims the app never makes: claims.py)
UNITS = re.compile(r"\b(mm|cm|millimet\w*|centimet\w*|degrees?)\b|%")


@live_coach
@pytest.mark.parametrize("width,height", [(360, 740), (1280, 800)], ids=["phone", "laptop"])
def test_the_camera_says_how_the_lower_back_looked_beside_what_was_felt(camera_browser, real_time_app, width, height):
    context, page = open_camera_page(camera_browser, real_time_app, width, height)
    form = "phone" if width < 600 else "laptop"
    open_player(page)
    page.keyboard.press("c")
    page.wait_for_function(f"{PANEL}.person === 'full'", timeout=30_000)
    page.get_by_role("button", name="Start the session").click()
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '0'")
    page.keyboard.press("1")                  # the floor space before: "A flat hand slides under easily"
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STEP} === '1'")
    page.keyboard.press("4")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{STEP} === '2' && {PANEL}.phase === 'before' && {PANEL}.person === 'full'", timeout=30_000)

    wait_for_webcam(page, BEGIN_AT)           # lying still: "Begin", then the rest before the tilts is watched
    page.locator("#start-now-button").click()
    page.locator("#start-now-button").click()
    page.wait_for_function(f"{STATE} === 'running' && {PANEL}.watching === 'pelvic-tilt'")
    wait_for_webcam(page, END_AT)
    page.locator("#skip-button").click()
    page.wait_for_function(f"{STATE} === 'input' && {STEP} === '3'")

    # every frame on the socket carries the back rise, a number wherever the person was found
    frames = frames_sent(page.traffic)
    found = [frame for frame in frames if frame["landmarks"] is not None]
    assert len(found) >= 100, len(found)
    measured = [frame["back"] for frame in found if frame["back"] is not None]
    assert len(measured) >= 0.9 * len(found), (len(measured), len(found))
    assert all(isinstance(value, float) and -1 < value < 1 for value in measured)
    assert all(frame["back"] is None for frame in frames if frame["landmarks"] is None)

    # the coach's comparison: noted on the step summary, but no words before the person's own "after" check
    page.wait_for_function("document.getElementById('camera-step-summary').dataset.floor !== undefined", timeout=10_000)
    results = [m for m in page.traffic.received if m.get("type") == "result"]
    assert len(results) == 1 and results[0]["floor_space"] is not None, results
    change = results[0]["floor_space"]["change"]
    assert change in SEEN
    summary = page.locator("#camera-step-summary")
    assert summary.get_attribute("data-floor") == change
    assert SEEN[change] not in page.locator("body").inner_text()
    assert serious_accessibility_violations(page) == []
    shot(page, f"floor_space_{form}_summary", "#camera-step-summary")

    # the "after" check: nothing from the camera until the person has said what they feel
    assert page.locator("#floor-camera").is_hidden()
    page.keyboard.press("2")                  # "Only fingers fit under": less space than before
    camera = page.locator("#floor-camera")
    camera.wait_for(state="visible")
    assert camera.get_attribute("data-change") == change
    assert page.locator("#floor-camera-seen").inner_text() == SEEN[change]
    assert page.locator("#floor-camera-felt").inner_text() == FELT_LESS
    assert page.locator("#floor-camera-note").inner_text() == OUTLINE
    # a flatter back leaves less space under it: only then do the camera and the feeling agree
    assert camera.get_attribute("data-agree") == str(change == "flatter").lower()
    assert page.locator("#floor-camera-differ").inner_text() == ("" if change == "flatter" else DIFFER)
    words = camera.inner_text().lower() + page.locator("#camera-step-summary").inner_text().lower()
    assert unsupported_claim(words) is None and not UNITS.search(words), (unsupported_claim(words), UNITS.search(words))
    assert page.locator("#floor-compare").is_visible()                               # beside the answers
    assert serious_accessibility_violations(page) == []
    shot(page, f"floor_space_{form}_check", "#floor-camera")
    page.locator("#floor-compare").evaluate("(node) => node.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(SHOTS / f"floor_space_{form}_check_top.png"))
    assert_no_image_data(page.traffic)
    context.close()
    assert not page.errors, page.errors
