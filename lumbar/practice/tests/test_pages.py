import pytest

from lumbar.accounts.actions import kneeling_answer
from lumbar.practice.models import PracticeSession

pytestmark = pytest.mark.django_db


def test_home_shows_todays_session_and_invites_a_new_person_to_read_the_introduction(client, content, screened):
    page = client.get("/").content.decode()
    assert "Glide and rest" in page and "Start the session" in page
    assert "What to expect from Lumbar" in page and "None yet" in page


def test_home_lists_past_sessions(client, content):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    client.get("/")
    user = get_user_model().objects.get(username="local")
    PracticeSession.objects.create(user=user, sequence_slug="glide-and-rest", sequence_title="Glide and rest",
                                   started_at=timezone.now(), finished_at=timezone.now(), completed=True,
                                   pain_before=6, pain_after=4)
    page = client.get("/").content.decode()
    assert "6 → 4" in page and "None yet" not in page


def test_the_introduction_is_honest(client):
    page = client.get("/about/").content.decode()
    assert "about as much as other back exercise" in page
    assert "no study shows" in page
    for claim in ("cures", "realign", "unstick"):
        assert claim not in page.lower()


def test_the_kneeling_question_is_asked_once_and_remembered(client, content, screened):
    page = client.get("/session/glide-and-rest/")
    assert page.status_code == 200 and "Is kneeling comfortable for you?" in page.content.decode()
    assert client.get("/session/glide-and-rest/play/").url == "/session/glide-and-rest/"
    response = client.post("/session/glide-and-rest/", {"can_kneel": "no"})
    assert response.url == "/session/glide-and-rest/play/"
    assert client.get("/session/glide-and-rest/").url == "/session/glide-and-rest/play/"
    player = client.get("/session/glide-and-rest/play/").content.decode()
    assert 'id="session-plan"' in player and "knees-to-chest" in player


def test_an_invalid_kneeling_answer_is_asked_again_with_a_message(client, content, screened):
    response = client.post("/session/glide-and-rest/", {"can_kneel": "maybe"})
    assert response.status_code == 200
    assert "Please choose one of the answers." in response.content.decode()
    from django.contrib.auth import get_user_model

    assert kneeling_answer(get_user_model().objects.get(username="local")) is None


def test_an_unknown_session_is_a_friendly_404(client, content, screened):
    response = client.get("/session/headstand-hour/")
    assert response.status_code == 404 and "We couldn" in response.content.decode()
