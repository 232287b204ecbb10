"""Sequences by hand: compose, reorder and dose without script, check against the person's answers, play."""
import pytest

from lumbar.accounts.middleware import local_user
from lumbar.practice.models import PracticeSession
from lumbar.programmes.models import OwnSequence, Programme

from .web import log_for, plan_of, set_up

pytestmark = pytest.mark.django_db
NEW = "/programme/sequences/new/"


def form(title="Morning", rows=(), **extra):
    """The builder's form as the page posts it: rows are (pose, variation, amount, unit)."""
    data = {"title": title, "step-pose": [], "step-variation": [], "step-amount": [], "step-unit": []}
    for pose, variation, amount, unit in rows:
        data["step-pose"].append(pose)
        data["step-variation"].append(variation)
        data["step-amount"].append(str(amount))
        data["step-unit"].append(unit)
    return {**data, **extra}


ROWS = [("pelvic-tilt", "", 8, "reps"), ("bridge", "tiny-lift", 5, "reps"), ("relaxation", "", 120, "seconds")]


def names_in_order(page, names):
    return sorted(names, key=page.index) == list(names)


def test_adding_moving_and_removing_steps_works_without_script(client, content):
    page = client.post(NEW, form(rows=ROWS[:1], **{"action": "add", "add-pose": "cat-cow"})).content.decode()
    assert 'value="cat-cow"' in page and 'name="step-amount" value="8"' in page  # the pose's usual dose
    page = client.post(NEW, form(rows=ROWS, action="down-0")).content.decode()
    assert names_in_order(page, ['value="bridge"', 'value="pelvic-tilt"', 'value="relaxation"'])
    assert 'value="down-1" class="secondary" data-move="down" aria-describedby="step-1-name" autofocus' in page
    page = client.post(NEW, form(rows=ROWS, action="up-2")).content.decode()
    assert names_in_order(page, ['value="pelvic-tilt"', 'value="relaxation"', 'value="bridge"'])
    page = client.post(NEW, form(rows=ROWS, action="remove-1")).content.decode()
    assert 'name="step-pose" value="bridge"' not in page
    assert not OwnSequence.objects.exists()


def test_a_sequence_is_saved_in_the_order_and_dose_given(client, content):
    response = client.post(NEW, form(rows=[ROWS[2], ROWS[0], ("pelvic-tilt", "", 30, "seconds")], action="save"))
    assert response.status_code == 302 and response.url == "/programme/sequences/"
    sequence = OwnSequence.objects.get()
    assert sequence.owner == local_user() and sequence.title == "Morning"
    assert sequence.steps == [
        {"type": "pose", "pose": "relaxation", "variation": None, "reps": None, "seconds": 120},
        {"type": "pose", "pose": "pelvic-tilt", "variation": None, "reps": 8, "seconds": None},
        {"type": "pose", "pose": "pelvic-tilt", "variation": None, "reps": None, "seconds": 30}]
    page = client.get("/programme/sequences/").content.decode()
    assert "Morning" in page and "3 poses" in page and "Relaxation (2 minutes)" in page


def test_every_bad_field_is_named_and_nothing_is_saved(client, content):
    response = client.post(NEW, form(title="", rows=[("bridge", "", 0, "reps"), ("relaxation", "", 20, "reps"),
                                                     ("handstand", "", 5, "reps"), ("bridge", "flying", 5, "reps")],
                                     action="save"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Give the sequence a title." in page
    assert "Step 1 (Bridge): repetitions must be a whole number from 1 to 30." in page
    assert "Step 2 (Relaxation): this pose is timed in seconds." in page
    assert "Step 3: there is no pose called &#x27;handstand&#x27; in the library." in page
    assert "Step 4 (Bridge): choose one of the listed versions." in page
    assert client.post(NEW, form(rows=[], action="save")).content.decode().count("Add at least one pose.") >= 1
    assert not OwnSequence.objects.exists()


def test_a_pose_the_answers_rule_out_cannot_be_saved_whatever_is_ticked(client, content):
    set_up(local_user(), conditions=["pregnancy"])
    rows = [("pelvic-tilt", "", 8, "reps"), ("sphinx", "", 30, "seconds")]
    for extra in ({}, {"confirm": "sphinx"}):  # there is no override
        response = client.post(NEW, form(rows=rows, action="save", **extra))
        page = response.content.decode()
        assert response.status_code == 400 and not OwnSequence.objects.exists()
        assert "Sphinx: Lying on your front is not advised in pregnancy." in page
        assert 'name="confirm"' not in page


def test_a_hand_made_sequence_keeps_a_pregnant_person_off_her_back_past_the_limit(client, content):
    set_up(local_user(), pregnancy_weeks=20)
    response = client.post(NEW, form(rows=[("relaxation", "", 120, "seconds")], action="save"))
    assert response.status_code == 400 and "60 seconds at most" in response.content.decode()
    response = client.post(NEW, form(rows=[("relaxation", "side-lying", 120, "seconds")], action="save"))
    assert response.status_code == 302 and OwnSequence.objects.get().steps[0]["variation"] == "side-lying"


def test_the_pose_list_marks_poses_not_for_the_person(client, content):
    set_up(local_user(), conditions=["glaucoma"])
    page = client.get(NEW).content.decode()
    assert "Downward dog (not for you)" in page


def test_edit_and_delete(client, content):
    sequence = OwnSequence.objects.create(owner=local_user(), title="Old", steps=[
        {"type": "pose", "pose": "bridge", "variation": None, "reps": 5, "seconds": None}])
    page = client.get(f"/programme/sequences/{sequence.pk}/").content.decode()
    assert 'value="Old"' in page and 'name="step-pose" value="bridge"' in page
    client.post(f"/programme/sequences/{sequence.pk}/", form(title="New", rows=[("bridge", "", 7, "reps")],
                                                              action="save"))
    sequence.refresh_from_db()
    assert sequence.title == "New" and sequence.steps[0]["reps"] == 7
    assert "Delete “New”?" in client.get(f"/programme/sequences/{sequence.pk}/delete/").content.decode()
    assert client.post(f"/programme/sequences/{sequence.pk}/delete/").url == "/programme/sequences/"
    assert not OwnSequence.objects.exists()


def test_someone_elses_sequence_is_not_found(client, screened, content, stranger):
    theirs = OwnSequence.objects.create(owner=stranger, title="Theirs", steps=[
        {"type": "pose", "pose": "bridge", "variation": None, "reps": 5, "seconds": None}])
    for url in (f"/programme/sequences/{theirs.pk}/", f"/programme/sequences/{theirs.pk}/delete/",
                f"/programme/sequences/{theirs.pk}/play/"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/programme/sequences/{theirs.pk}/delete/").status_code == 404
    assert client.post(f"/programme/sequences/{theirs.pk}/log/", data="{}",
                       content_type="application/json").status_code == 404
    assert "Theirs" not in client.get("/programme/sequences/").content.decode()
    assert OwnSequence.objects.filter(pk=theirs.pk).exists()


def test_a_saved_sequence_plays_in_the_player_and_its_log_is_saved(client, screened, content):
    client.post(NEW, form(rows=ROWS, action="save"))
    sequence = OwnSequence.objects.get()
    plan = plan_of(client, f"/programme/sequences/{sequence.pk}/play/")
    assert [s["type"] for s in plan["steps"]] == ["pain", "pose", "pose", "pose", "pain", "summary"]
    assert plan["steps"][2]["variation"] == "tiny-lift" and plan["steps"][2]["reps"] == 5
    response = client.post(plan["log_url"], data=log_for(plan), content_type="application/json")
    assert response.status_code == 201
    practice = PracticeSession.objects.get()
    assert (practice.sequence_slug, practice.sequence_title) == (sequence.slug, "Morning")
    assert response.json()["url"] == f"/history/{practice.pk}/"


def test_when_the_answers_change_a_sequence_is_checked_again_before_it_plays(client, screened, content):
    client.post(NEW, form(rows=[("sphinx", "", 30, "seconds")], action="save"))
    sequence = OwnSequence.objects.get()
    set_up(screened, conditions=["pregnancy"])
    assert "Your answers now rule out:" in client.get("/programme/sequences/").content.decode()
    response = client.get(f"/programme/sequences/{sequence.pk}/play/")
    assert response.url == f"/programme/sequences/{sequence.pk}/?check=1"
    page = client.get(response.url).content.decode()
    assert "Your answers changed since you saved this sequence" in page and "Sphinx:" in page
    response = client.post(f"/programme/sequences/{sequence.pk}/", form(rows=[("sphinx", "", 30, "seconds")],
                                                                         action="save", confirm="sphinx"))
    assert response.status_code == 400
    assert client.get(f"/programme/sequences/{sequence.pk}/play/").status_code == 302
    client.post(f"/programme/sequences/{sequence.pk}/", form(rows=[("cat-cow", "", 6, "reps")], action="save"))
    assert client.get(f"/programme/sequences/{sequence.pk}/play/").status_code == 200
    assert Programme.objects.exists()


def test_a_pose_is_added_in_the_version_the_programme_would_use(client, content):
    set_up(local_user(), conditions=["pregnancy"])
    page = client.post(NEW, form(rows=[], **{"action": "add", "add-pose": "pelvic-tilt"})).content.decode()
    assert '<option value="chair-tilt" selected>' in page
    page = client.post(NEW, form(rows=[("pelvic-tilt", "", 8, "reps")], action="add", **{"add-pose": ""})).content.decode()
    assert "Choose a pose to add." in page
    assert "Advised for you: You do it as seated tilt on a chair. That is the safer way with pregnancy." in page
