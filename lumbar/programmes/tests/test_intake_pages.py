"""The intake: three short screens, every problem named on its field, nothing saved until all is well."""
import pytest

from lumbar.accounts.middleware import local_user
from lumbar.accounts.actions import kneeling_answer, record_kneeling
from lumbar.programmes.models import ChangeEntry, Programme

from .web import set_up

pytestmark = pytest.mark.django_db


def answer(client, screen, data):
    return client.post(f"/programme/intake/{screen}/", data)


def walk_through(client, minutes="20", days="3", conditions=(), floor="yes", kneeling="yes", movements=None,
                 exclude=(), age="44", pregnancy_weeks=""):
    client.get("/programme/intake/")
    answer(client, 1, {"minutes": minutes, "days_per_week": days})
    answer(client, 2, {"conditions": list(conditions), "floor": floor, "kneeling": kneeling, "age": age,
                       "pregnancy_weeks": pregnancy_weeks})
    data = {f"movement-{m}": a for m, a in (movements or {}).items()}
    return answer(client, 3, {**data, "exclude": list(exclude)})


def test_without_a_programme_the_page_invites_to_the_intake(client):
    page = client.get("/programme/").content.decode()
    assert "Set up my programme" in page and 'href="/programme/intake/"' in page


def test_the_three_screens_save_a_programme_and_show_it(client, content):
    response = walk_through(client, minutes="25", days="2", conditions=["osteoporosis", "sciatica"], floor="yes",
                            kneeling="no", movements={"bending-back": "eases", "sitting": "aggravates"},
                            exclude=["downward-dog"])
    assert response.status_code == 302 and response.url == "/programme/"
    programme = Programme.objects.get()
    assert programme.profile == {
        "minutes": 25, "days_per_week": 2, "conditions": ["osteoporosis", "sciatica"], "floor": True,
        "kneeling": False, "eases": ["bending-back"], "aggravates": ["sitting"], "exclude": ["downward-dog"],
        "direction_check": None, "age": 44, "pregnancy_weeks": None, "stopped_directions": [], "floor_taught": False}
    assert kneeling_answer(local_user()) is False  # the player's kneeling answer follows the intake
    page = client.get("/programme/").content.decode()
    assert "Your answers are saved" in page and "Next: session 1 of 24" in page


def test_screen_one_names_every_bad_field(client):
    response = answer(client, 1, {"minutes": "", "days_per_week": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Minutes per session: is required" in page and "Days a week: is required" in page
    page = answer(client, 1, {"minutes": "50", "days_per_week": "9"}).content.decode()
    assert "must be between 10 and 45, not 50" in page and "must be between 1 and 7, not 9" in page
    page = answer(client, 1, {"minutes": "twenty", "days_per_week": "2.5"}).content.decode()
    assert "Minutes per session: must be a number, not text" in page
    assert "Days a week: must be a whole number, not 2.5" in page
    assert 'aria-invalid="true"' in page and 'aria-describedby="minutes-hint minutes-error"' in page
    assert not Programme.objects.exists()


def test_screen_two_asks_for_yes_or_no_and_knows_the_conditions(client):
    answer(client, 1, {"minutes": "20", "days_per_week": "3"})
    response = answer(client, 2, {"conditions": ["flu"]})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Getting down to the floor: Please choose yes or no." in page
    assert "Kneeling: Please choose yes or no." in page
    assert "Your age: Please give your age in years." in page
    assert "Health conditions: unknown condition &#x27;flu&#x27;" in page
    assert not Programme.objects.exists()


def test_screen_three_names_unknown_poses_and_answers(client, content):
    answer(client, 1, {"minutes": "20", "days_per_week": "3"})
    answer(client, 2, {"floor": "yes", "kneeling": "yes", "age": "50"})
    response = answer(client, 3, {"exclude": ["handstand"], "movement-walking": "sometimes"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Poses you never want: unknown pose &#x27;handstand&#x27;" in page
    assert "Walking: choose one of the three answers." in page
    assert not Programme.objects.exists()


def test_answers_no_programme_can_fit_are_refused_on_the_minutes(client, content):
    response = walk_through(client, minutes="45", floor="no",
                            exclude=["mountain", "tree", "warrior-two", "standing-side-bend", "seated-chair-twist"])
    page = response.content.decode()
    assert response.status_code == 400 and "Screen 1 of 3" in page
    assert "Too few poses suit your answers to fill 45-minute sessions; sessions of 33 minutes would fit." in page
    assert not Programme.objects.exists()


def test_kneeling_is_prefilled_from_the_players_answer(client):
    record_kneeling(local_user(), False)
    client.get("/programme/intake/")
    page = client.get("/programme/intake/2/").content.decode()
    assert 'name="kneeling" value="no" checked' in page and 'name="kneeling" value="yes">' in page


def test_editing_starts_from_the_saved_answers_and_logs_the_change(client, content):
    set_up(local_user(), minutes=15, conditions=["glaucoma"])
    page = client.get("/programme/intake/").content.decode()
    assert "Change your answers" in page and 'value="15"' in page
    assert 'value="glaucoma" checked' in client.get("/programme/intake/2/").content.decode()
    response = walk_through(client, minutes="30", conditions=["glaucoma"])
    assert response.status_code == 302
    assert Programme.objects.get().profile["minutes"] == 30
    assert ChangeEntry.objects.get().change == "answers"
    assert "Your answers changed" in client.get("/programme/").content.decode()


def test_back_keeps_what_was_entered(client):
    answer(client, 1, {"minutes": "20", "days_per_week": "3"})
    response = answer(client, 2, {"conditions": ["pregnancy"], "go": "back"})
    assert response.status_code == 302 and response.url.startswith("/programme/intake/1/")
    assert 'value="pregnancy" checked' in client.get("/programme/intake/2/").content.decode()


def test_age_and_weeks_of_pregnancy_reach_the_programme(client, content):
    response = walk_through(client, age="33", pregnancy_weeks="22")
    assert response.status_code == 302
    profile = Programme.objects.get().get_profile()
    assert (profile.age, profile.pregnancy_weeks, profile.conditions) == (33, 22, ("pregnancy",))
    page = answer(client, 2, {"floor": "yes", "kneeling": "yes", "age": "130", "pregnancy_weeks": "60"})
    text = page.content.decode()
    assert page.status_code == 400
    assert "Your age: must be between 12 and 110, not 130" in text
    assert "Weeks of pregnancy: must be between 0 and 42, not 60" in text
