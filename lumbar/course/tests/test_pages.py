"""The course's pages: the index, each lesson, the flare page, and what the player's summary offers next."""
import pytest

from lumbar.course.lessons import lessons

pytestmark = pytest.mark.django_db


def test_the_index_lists_every_lesson(client, content):
    page = client.get("/learn/").content.decode()
    for lesson in lessons():
        assert f'/learn/{lesson.slug}/' in page and lesson.title in page


def test_a_lesson_page_shows_its_text_and_the_read_aloud_button(client, content):
    first = lessons()[0]
    page = client.get(f"/learn/{first.slug}/").content.decode()
    assert first.title in page and first.paragraphs[0].split(".")[0] in page
    assert 'id="read-button"' in page and "course/lesson_reader" in page
    assert f"/learn/{lessons()[1].slug}/" in page  # the next lesson


def test_an_unknown_lesson_is_a_404(client, content):
    assert client.get("/learn/how-to-cure-backs/").status_code == 404


def test_lessons_need_a_sign_in_when_hosted(client, content, settings):
    settings.MODE = "hosted"
    response = client.get("/learn/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_the_flare_page_offers_the_gentle_session_and_the_re_screen(client, content, screened):
    page = client.get("/learn/flare/").content.decode()
    assert "Your flare plan" in page and 'href="/safety/flare/"' in page
    from lumbar.content.models import Sequence

    if Sequence.objects.filter(slug="flare-ease").exists():
        assert 'href="/session/flare-ease/"' in page


def test_the_flare_page_sends_someone_who_must_re_screen_to_the_questions(client, content):
    page = client.get("/learn/flare/").content.decode()  # never screened
    assert "/session/flare-ease/" not in page and 'href="/safety/"' in page


def _what_next(client):
    page = client.get("/session/glide-and-rest/play/")
    assert page.status_code == 200
    html = page.content.decode()
    return ("programme-offer" in html, html.split('id="next-lesson" href="')[1].split('"')[0]
            if 'id="next-lesson"' in html else None)


def test_the_first_sessions_summary_offers_the_programme_and_the_first_lesson(client, content, screened):
    from lumbar.accounts.actions import record_kneeling

    record_kneeling(screened, True)
    assert _what_next(client) == (True, f"/learn/{lessons()[0].slug}/")


def test_later_summaries_offer_the_next_lesson_and_no_programme(client, content, screened):
    from lumbar.accounts.actions import record_kneeling
    from lumbar.course.tests.test_first_visit import _session

    record_kneeling(screened, True)
    _session(screened)
    _session(screened)
    assert _what_next(client) == (False, f"/learn/{lessons()[2].slug}/")
    for _ in range(len(lessons())):
        _session(screened)
    assert _what_next(client) == (False, None)  # past the course: nothing more to offer


def test_the_summary_offers_no_programme_to_someone_who_has_one(client, content, screened):
    from lumbar.accounts.actions import record_kneeling
    from lumbar.programmes.tests.web import set_up

    record_kneeling(screened, True)
    set_up(screened)
    assert _what_next(client)[0] is False
