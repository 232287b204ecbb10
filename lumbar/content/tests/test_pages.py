import pytest

from lumbar.content.loader import load_content

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def content():
    load_content()


def test_the_library_lists_every_pose_with_its_figure(client):
    page = client.get("/poses/").content.decode()
    assert "Pelvic tilt" in page and "Child" in page
    assert page.count('class="pose-card"') >= 24
    assert page.count("<svg") >= 24


@pytest.mark.parametrize("query,present,absent", [
    ("position=supine", "Pelvic tilt", "Mountain"),
    ("position=standing", "Mountain", "Pelvic tilt"),
    ("position=hands-knees&direction=flexion-extension", "Cat", "Sphinx"),
    ("direction=extension", "Sphinx", "Pelvic tilt"),
])
def test_the_library_filters_by_position_and_direction(client, query, present, absent):
    page = client.get(f"/poses/?{query}").content.decode()
    assert present in page and absent not in page


def test_an_unknown_filter_value_says_what_was_wrong(client):
    response = client.get("/poses/?position=upside-down")
    assert response.status_code == 200
    assert "Select a valid choice. upside-down is not one of the available choices." in response.content.decode()


def test_a_pose_page_shows_everything_about_the_pose(client):
    page = client.get("/poses/pelvic-tilt/").content.decode()
    for text in ["Pelvic tilt", "How to do it", "Cues", "Breath:", "Easier", "Tiny tilts", "Harder",
                 "Cautions", "Osteoporosis", "Stop if", "8 slow repetitions", "<animate"]:
        assert text in page, text


def test_an_unknown_pose_gets_a_friendly_404(client):
    response = client.get("/poses/headstand/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "find that page" in page and "Browse the pose library" in page
