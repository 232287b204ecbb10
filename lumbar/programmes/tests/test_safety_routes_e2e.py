"""End-to-end in headless Chromium: the safety decisions hold on every route a person can take into a session.

A person after a posterior hip replacement is never offered a deep hip bend (core session, programme, pose
pages, builder); a person 20 weeks pregnant plays the core session without long spells on her back, sees her
cautions, and easing off never puts her on her back; an urgent answer closes every way to play or log a
session until a clinician's check is recorded and the questions are answered again.

The app runs with a test-only time acceleration (lumbar/e2e.py), so a session takes seconds. Each test sets
the person up through the real intake and leaves the shared app as it found it (see `person`).
"""
import json
from datetime import date, datetime, timedelta, timezone

import pytest

from lumbar.e2e import TIME_SCALE, answer_safety_questions, record_assessment, serious_accessibility_violations

STATE = "document.body.dataset.playerState"
STEP = "document.getElementById('player').dataset.stepIndex"
DIALOG_CLOSED = "!document.getElementById('symptom-dialog').open"
PLAN = "JSON.parse(document.getElementById('session-plan').textContent)"
GATE_LOCKED = "Sessions are locked until a clinician has checked you"
WORK_PHASES = {"reps", "hold", "breathing", "switch"}  # pose.js: the time spent in the pose itself
SUPINE_HOLD_LIMIT, SUPINE_RUN_LIMIT = 60, 180  # clinical.md section 6, pregnancy after 13 weeks
TIMING_SLACK = 10  # plan seconds: 0.25 s of real time at this time scale
# clinical.md section 6: not during posterior hip precautions (past a right angle at the hip, or a twist)
DEEP_HIP_BENDS = ("childs-pose", "knees-to-chest", "single-knee-to-chest", "happy-baby", "supine-twist",
                  "reclined-figure-four")

SET_UP = """
import json
from lumbar.accounts.middleware import local_user
from lumbar.accounts.models import Profile
from lumbar.programmes.models import OwnSequence, Programme
Programme.objects.all().delete(); OwnSequence.objects.all().delete()
print(json.dumps(Profile.objects.filter(user=local_user()).values_list("can_kneel", flat=True).first()))
"""
PUT_BACK = """
from datetime import date
from lumbar.accounts.middleware import local_user
from lumbar.accounts.models import Profile
from lumbar.programmes.models import OwnSequence, Programme
from lumbar.safety.actions import record_assessment, record_screening
from lumbar.safety.gate import URGENT_STATE, screening_state
from lumbar.safety.screening import IDS
Programme.objects.all().delete(); OwnSequence.objects.all().delete()
user = local_user()
Profile.objects.filter(user=user).update(can_kneel=%r)
if screening_state(user) == URGENT_STATE:
    record_assessment(user, "The emergency doctor", date.today(), "Gentle exercise is fine")
record_screening(user, {qid: False for qid in IDS})
"""
NAMES = """
import json
from lumbar.programmes.library import display_name, poses
from lumbar.programmes.positions import step_position
slugs = %r
print(json.dumps({slug: [[display_name(slug, v), step_position(slug, v)]
                         for v in [None, *(x.slug for x in poses()[slug].easier + poses()[slug].harder)]]
                  for slug in slugs}))
"""
SEQUENCES = "from lumbar.programmes.models import OwnSequence; import json; " \
            "print(json.dumps(list(OwnSequence.objects.values_list('pk', flat=True))))"
SESSIONS = "from lumbar.practice.models import PracticeSession; print(PracticeSession.objects.count())"
LATEST = """
import json
from lumbar.practice.models import PracticeSession
from lumbar.safety.models import SymptomEvent
s = PracticeSession.objects.order_by("-pk").first()
e = SymptomEvent.objects.order_by("-pk").first()
print(json.dumps({"slug": s.sequence_slug, "completed": s.completed,
                  "steps": [[x.pose_slug, x.status] for x in s.steps.all()], "event": [e.action, e.pose_slug, e.pain]}))
"""
# Every change of step, phase, state or the inserted rest, with the page's clock: what the person did, and when.
TIMELINE = """() => {
  window.timeline = [];
  const player = document.getElementById('player'), pose = document.getElementById('view-pose');
  const note = () => window.timeline.push({t: performance.now(), state: player.dataset.state,
    step: player.dataset.stepIndex, rest: player.dataset.rest === 'true', phase: pose.dataset.phase || ''});
  const watch = new MutationObserver(note);
  watch.observe(player, {attributes: true, attributeFilter: ['data-state', 'data-step-index', 'data-rest']});
  watch.observe(pose, {attributes: true, attributeFilter: ['data-phase']});
  note();
}"""
WIDTHS = pytest.mark.parametrize("width,height", [(360, 740), (1280, 800)], ids=["phone", "laptop"])


@pytest.fixture
def person(page, running_app):
    """A fresh person on the shared app: no programme, no sequences, a clear screening. Put back afterwards,
    whatever the test left (an urgent lock, a programme with conditions, the kneeling answer)."""
    can_kneel = running_app.query(SET_UP)
    record_assessment(page)
    answer_safety_questions(page)
    yield page
    running_app.query(PUT_BACK % (can_kneel,))


def intake(page, *, age: int, conditions=(), pregnancy_weeks=None) -> None:
    """The programme's intake as a person fills it in: 20 minutes, 3 days, floor and kneeling both fine."""
    page.goto("/programme/intake/")
    page.get_by_label("How many minutes would you like each session to last?").fill("20")
    page.get_by_role("group", name="How many days a week").get_by_label("3", exact=True).check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("How old are you?").fill(str(age))
    for condition in conditions:
        page.get_by_label(condition, exact=True).check()
    if pregnancy_weeks is not None:
        page.get_by_label("If you are pregnant: how many weeks?").fill(str(pregnancy_weeks))
    page.get_by_role("group", name="Can you get down to the floor").get_by_label("Yes").check()
    page.get_by_role("group", name="Is kneeling comfortable").get_by_label("Yes").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Save and see my programme").click()
    page.wait_for_url("**/programme/")


def open_core_session(page) -> dict:
    """From the home page into "Glide and rest"; returns the plan the player was given."""
    page.goto("/")
    page.get_by_role("link", name="Start the session").click()
    page.wait_for_load_state()
    if page.get_by_text("Is kneeling comfortable for you?").count():  # asked once when nothing says yet
        page.get_by_label("Yes, I can kneel").check()
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/session/glide-and-rest/play/")
    page.wait_for_function(f"{STATE} === 'ready'")
    return page.evaluate(PLAN)


def open_player_at(page, path: str) -> dict:
    page.goto(path)
    page.wait_for_function(f"{STATE} === 'ready'")
    return page.evaluate(PLAN)


def pose_steps(plan: dict) -> list[dict]:
    return [step for step in plan["steps"] if step["type"] == "pose"]


def supine_problems(steps: list[dict]) -> list[str]:
    """Pose steps of a plan that hold her on her back too long, or make too long a spell on her back."""
    problems, run = [], 0
    for step in steps:
        if step["type"] == "floor-space":
            continue  # a check-in, not a pose step
        if step["type"] != "pose" or step["position"] != "supine":
            run = 0 if step["type"] == "pose" else run
            continue
        work = step["reps"] * 2 * step["tempo"] if step["kind"] == "reps" else step["seconds"]
        work *= 2 if step["per_side"] else 1
        if step["kind"] != "reps" and step["seconds"] > SUPINE_HOLD_LIMIT:
            problems.append(f"{step['name']}: held {step['seconds']} s on the back")
        run += work
        if run > SUPINE_RUN_LIMIT:
            problems.append(f"{step['name']}: {run:.0f} s on the back in a row")
    return problems


# --- a posterior hip replacement ---------------------------------------------------------------------------

@WIDTHS
def test_after_a_posterior_hip_replacement_no_deep_hip_bend_is_offered_anywhere(person, running_app, width,
                                                                                 height):
    page = person
    page.set_viewport_size({"width": width, "height": height})
    intake(page, age=58, conditions=["Hip replacement (posterior approach)"])
    names = running_app.query(NAMES % (DEEP_HIP_BENDS,))
    every_name = [name.lower() for versions in names.values() for name, _position in versions]

    # the programme: today's session names none of them, nor a version of one
    today = page.locator("section[aria-labelledby=today-title] .session-poses h3").all_inner_texts()
    assert today and not [pose for pose in today if any(name in pose.lower() for name in every_name)]
    page.get_by_role("link", name="Start this session").click()
    page.wait_for_url("**/programme/play/")
    page.wait_for_function(f"{STATE} === 'ready'")
    plan = page.evaluate(PLAN)
    assert not {step["pose"] for step in pose_steps(plan)} & set(DEEP_HIP_BENDS)
    assert plan["rest"]["pose"] not in DEEP_HIP_BENDS  # where "stop this pose" sends her
    ready = page.locator("#ready-steps").inner_text().lower()
    assert not [name for name in every_name if name in ready]

    # the core session: the rounded rest is replaced, and the page says why when she gets there
    plan = open_core_session(page)
    assert not {step["pose"] for step in pose_steps(plan)} & set(DEEP_HIP_BENDS)
    assert plan["rest"]["pose"] not in DEEP_HIP_BENDS
    ready = page.locator("#ready-steps").inner_text().lower()
    assert "pelvic tilt" in ready and not [name for name in every_name if name in ready]
    instead = next(i for i, step in enumerate(plan["steps"]) if step.get("substitute_reason"))
    page.get_by_role("button", name="Start the session").click()
    page.wait_for_function(f"{STEP} === '0'")
    for index in range(instead):
        page.get_by_role("button", name="Skip").click()
        page.wait_for_function(f"{STEP} === '{index + 1}'")
    page.wait_for_function("!document.getElementById('pose-substitute').hidden")
    said = page.locator("#pose-substitute")
    assert "in place of child's pose" in said.inner_text() and "hip precautions" in said.inner_text()
    box = said.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # the reason fits the screen
    assert page.locator("#pose-name").inner_text().lower() not in every_name

    # the pose pages: "Is this for me?" says no for each, and yes for a pose that suits her
    for slug in DEEP_HIP_BENDS:
        page.goto(f"/poses/{slug}/")
        for_you = page.locator("section.for-you")
        assert "Not for you right now." in for_you.inner_text(), slug
        assert "hip precautions" in for_you.inner_text(), slug
    page.goto("/poses/bridge/")
    assert "Not for you" not in page.locator("section.for-you").inner_text()
    page.goto("/poses/childs-pose/")
    assert serious_accessibility_violations(page) == []

    # the builder: each is marked, and a sequence with child's pose cannot be saved, even in the chair version
    page.goto("/programme/sequences/new/")
    marked = {option.get_attribute("value"): option.inner_text()
              for option in page.get_by_label("Pose to add").locator("option").all()}
    assert all(marked[slug].endswith("(not for you)") for slug in DEEP_HIP_BENDS)
    assert not marked["bridge"].endswith("(not for you)")
    page.get_by_label("Title").fill("My evening")
    for name in ("Pelvic tilt", "Child's pose (not for you)"):
        page.get_by_label("Pose to add").select_option(label=name)
        page.get_by_role("button", name="Add this pose").click()
        page.wait_for_load_state()
    page.get_by_label("Version").last.select_option(label="Resting forward on a chair")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Save the sequence").last.click()
    assert answer.value.status == 400
    summary = page.get_by_role("alert")
    assert "Nothing was saved yet" in summary.inner_text()
    assert "Resting forward on a chair: While you follow hip precautions" in summary.inner_text()
    box = summary.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert serious_accessibility_violations(page) == []
    assert running_app.query(SEQUENCES) == []


def test_hip_precautions_answered_in_the_safety_questions_alone_reach_the_core_session(person, running_app):
    """No programme, no intake: a yes to the hip question (B12) is enough, once a clinician has cleared her."""
    page = person
    answer_safety_questions(page, yes={"B12"})
    assert page.get_by_role("heading", name="Please see a clinician soon").is_visible()
    page.goto("/safety/")
    page.get_by_label("Who cleared you?").fill("My surgeon")
    page.get_by_label("When?").fill(date.today().isoformat())
    page.get_by_label("All exercise").check()
    page.get_by_label("A clinician has checked my symptoms").check()
    page.get_by_role("button", name="Record the clearance").click()
    page.wait_for_url("**/")

    plan = open_core_session(page)
    assert not {step["pose"] for step in pose_steps(plan)} & set(DEEP_HIP_BENDS)
    assert any("hip precautions" in (step.get("substitute_reason") or "") for step in pose_steps(plan))
    page.goto("/poses/knees-to-chest/")
    assert "Not for you right now." in page.locator("section.for-you").inner_text()


# --- pregnancy, 20 weeks -----------------------------------------------------------------------------------

def play_through(page, plan: dict, on_pose) -> None:
    """Answers every check-in (the first floor-space answer, pain 3) and calls on_pose(index) once each pose
    step is under way, until the log is saved."""
    seen = set()
    while True:
        page.wait_for_function(f"['input', 'running', 'saved', 'error'].includes({STATE})", timeout=120_000)
        state, index = page.evaluate(f"[{STATE}, {STEP}]")
        if state in ("saved", "error"):
            assert state == "saved", page.locator("#save-error").inner_text()
            return
        index = int(index)
        if state == "running":
            if index not in seen:
                seen.add(index)
                on_pose(index)
            page.wait_for_function(f"{STEP} !== '{index}' || ['input', 'saved', 'error'].includes({STATE})",
                                   timeout=120_000)
            continue
        if plan["steps"][index]["type"] == "pain":
            page.locator("#pain-options button[data-value='3']").click()
            page.locator("#pain-next").click()
        else:
            page.locator("#floor-options button").first.click()
            page.locator("#floor-next").click()
        page.wait_for_function(f"{STEP} !== '{index}' || {STATE} !== 'input'")


def time_in_position(plan: dict, timeline: list[dict]) -> list[tuple[str, float]]:
    """[(position, plan seconds in the pose itself)] for each spell of work in a pose, in order, from the
    page's own record of what happened: the inserted rest counts as its own step, pauses do not count."""
    spells = []
    for here, then in zip(timeline, timeline[1:]):
        if here["state"] == "paused" or here["phase"] not in WORK_PHASES or here["step"] is None:
            continue
        step = plan["rest"] if here["rest"] else plan["steps"][int(here["step"])]
        if step["type"] != "pose":
            continue
        seconds = (then["t"] - here["t"]) / 1000 * TIME_SCALE
        key = (here["step"], here["rest"], step["position"])
        if spells and spells[-1][0] == key:
            spells[-1][1] += seconds
        else:
            spells.append([key, seconds])
    return [(key[2], seconds) for key, seconds in spells]


def test_at_20_weeks_pregnant_she_is_never_held_on_her_back_past_the_limit(person, running_app):
    page = person
    intake(page, age=31, conditions=["Pregnancy"], pregnancy_weeks=20)

    programme = open_player_at(page, "/programme/play/")
    assert supine_problems(programme["steps"]) == []
    assert programme["rest"]["position"] != "supine"

    plan = open_core_session(page)
    poses = pose_steps(plan)
    assert supine_problems(plan["steps"]) == []
    assert not [step["name"] for step in poses if step["position"] == "supine"
                and step["kind"] != "reps" and step["seconds"] > SUPINE_HOLD_LIMIT]
    assert poses[-1]["pose"] == "relaxation" and poses[-1]["position"] == "side"
    assert plan["rest"]["position"] != "supine"
    assert all(step["cautions"] for step in poses)  # each says what to watch for in pregnancy
    relaxing = max(i for i, step in enumerate(plan["steps"]) if step["type"] == "pose")
    positions = {name: position for name, position in running_app.query(NAMES % (("relaxation",),))["relaxation"]}

    page.evaluate(TIMELINE)
    page.get_by_role("button", name="Start the session").click()
    shown = {}

    def during_pose(index):
        step = plan["steps"][index]
        if index == relaxing:  # she reports at once, before the hold runs out (it pauses the session)
            page.keyboard.press("w")
            page.wait_for_function("document.getElementById('symptom-dialog').open")
        else:  # paused while looking, so a fast test clock cannot end the pose mid-check
            page.locator("#pause-button").click()
            page.wait_for_function(f"{STATE} === 'paused'")
        assert page.evaluate(STEP) == str(index)
        cautions = page.locator("#pose-cautions-wrap")
        assert cautions.is_visible(), step["name"]
        assert "For you:" in cautions.inner_text()
        assert all(line in cautions.inner_text() for line in step["cautions"]), step["name"]
        assert cautions.bounding_box()["y"] < page.locator("#caption-box").bounding_box()["y"]  # on screen
        shown[index] = page.locator("#pose-name").inner_text()
        if index != relaxing:
            page.locator("#pause-button").click()
            page.wait_for_function(f"{STATE} !== 'paused'")
            return
        # pain 4 during the side-lying rest: ease off, and she stays off her back
        dialog = page.locator("#symptom-dialog")
        dialog.locator("#symptom-pain-options button[data-value='4']").click()
        for question in ("sharp_or_shooting", "spreading_to_leg", "urgent_symptoms"):
            dialog.locator(f"[data-question='{question}'] button[data-value='no']").click()
        page.locator("#symptom-send").click()
        page.wait_for_function(DIALOG_CLOSED)  # the server's answer is "ease" (the log's event, checked below)
        assert page.evaluate(STEP) == str(index)
        eased = page.locator("#pose-name").inner_text()
        assert positions.get(eased) == "side", eased
        assert page.evaluate("document.getElementById('player').dataset.rest") is None

    play_through(page, plan, during_pose)
    assert set(shown) == {i for i, step in enumerate(plan["steps"]) if step["type"] == "pose"}
    assert shown[relaxing] == "Side-lying relaxation"

    on_back = time_in_position(plan, page.evaluate("window.timeline"))
    assert on_back, "nothing was timed"
    assert [s for position, s in on_back if position == "supine" and s > SUPINE_HOLD_LIMIT + TIMING_SLACK] == []
    run, longest = 0.0, 0.0
    for position, seconds in on_back:
        run = run + seconds if position == "supine" else 0.0
        longest = max(longest, run)
    assert longest <= SUPINE_RUN_LIMIT + TIMING_SLACK

    log = running_app.query(LATEST)
    assert log["slug"] == "glide-and-rest" and log["completed"]
    assert log["steps"] == [[step["pose"], "done"] for step in poses]
    assert log["event"] == ["ease", "relaxation", 4]


# --- an urgent answer closes every route -------------------------------------------------------------------

def a_log(plan: dict) -> str:
    """The log the player would send for this plan: every pose done, pain 3 before and 2 after."""
    started = (datetime.now(timezone.utc) - timedelta(minutes=2)).isoformat()
    return json.dumps({"started_at": started, "completed": True, "floor_space": {}, "pain": {"before": 3, "after": 2},
                       "steps": [{"index": i, "status": "done", "seconds": 30}
                                 for i, step in enumerate(plan["steps"]) if step["type"] == "pose"]})


def post_log(page, url: str, body: str):
    """POSTs a log as the player does (JSON, the CSRF token), from this browser's signed-in session."""
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    origin = page.url.split("/", 3)[:3]
    return page.request.post("/".join(origin) + url, data=body, max_redirects=0,
                             headers={"Content-Type": "application/json", "X-CSRFToken": token})


def test_an_urgent_answer_closes_every_way_into_a_session_until_checked_and_screened_again(person, running_app):
    page = person
    page.set_viewport_size({"width": 360, "height": 740})
    intake(page, age=45)
    page.goto("/programme/sequences/new/")
    page.get_by_label("Title").fill("Evening")
    for name in ("Pelvic tilt", "Relaxation"):
        page.get_by_label("Pose to add").select_option(label=name)
        page.get_by_role("button", name="Add this pose").click()
        page.wait_for_load_state()
    page.get_by_role("button", name="Save the sequence").last.click()
    page.wait_for_url("**/programme/sequences/")
    routes = {"core session": "/session/glide-and-rest/play/", "programme": "/programme/play/",
              "own sequence": page.get_by_role("link", name="Play “Evening”").get_attribute("href"),
              "direction check": "/programme/check/flexion/play/"}
    plans = {route: open_player_at(page, path) for route, path in routes.items()}  # open while clear

    answer_safety_questions(page, yes={"A1"})
    assert page.get_by_role("heading", name="Please get medical help now").is_visible()
    sessions = running_app.query(SESSIONS)
    for route, path in [*routes.items(), ("core session start", "/session/glide-and-rest/")]:
        page.goto(path)
        assert page.url.endswith("/safety/"), route
        assert page.get_by_role("heading", name=GATE_LOCKED).is_visible(), route
    for route, plan in plans.items():
        refused = post_log(page, plan["log_url"], a_log(plan))
        assert refused.status == 403, (route, refused.status, refused.text())
        assert "safety check" in refused.json()["error"], route
    assert running_app.query(SESSIONS) == sessions  # nothing saved
    page.goto("/")
    assert page.get_by_role("link", name="Start the session").count() == 0

    # a clinician's check alone is not enough: the questions come first
    assert record_assessment(page)
    page.goto(routes["programme"])
    assert page.url.endswith("/safety/")
    assert post_log(page, plans["programme"]["log_url"], a_log(plans["programme"])).status == 403

    answer_safety_questions(page)
    for route, path in routes.items():
        assert open_player_at(page, path)["log_url"] == plans[route]["log_url"], route
    for route, plan in plans.items():  # the same logs, refused before, are saved now
        saved = post_log(page, plan["log_url"], a_log(plan))
        assert saved.status == 201, (route, saved.status, saved.text())
        assert saved.json()["saved"] > 0
