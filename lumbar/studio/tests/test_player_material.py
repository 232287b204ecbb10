"""The session player gets the material for its poses that the person may see (a json_script block), and
nothing else: checked here on the rendered page, without a browser (the browser test is in
test_player_material_e2e.py)."""
import json
import re

import pytest

from lumbar.accounts.actions import end_coaching
from lumbar.accounts.actions import record_kneeling

from .conftest import MP4_START, post_material, tiny_png

pytestmark = pytest.mark.django_db
PLAYER = "/session/glide-and-rest/play/"


def _ready_to_play(user):
    from lumbar.safety.actions import record_screening
    from lumbar.safety.screening import IDS

    record_screening(user, {qid: False for qid in IDS})
    record_kneeling(user, True)


def _material_on_player(client) -> list[dict]:
    page = client.get(PLAYER).content.decode()
    assert 'id="pose-material"' in page
    block = re.search(r'<script id="teacher-material" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(block[1])


@pytest.fixture
def uploads(client, content, teacher, stranger_teacher):
    for person, shows, name, content in (
            (teacher, "pelvic-tilt", "tilt.png", tiny_png()),
            (teacher, "childs-pose/knees-wide-bolster", "wide.mp4", MP4_START + b"\0" * 100),
            (teacher, "bridge", "bridge.png", tiny_png()),  # not in this session
            (stranger_teacher, "relaxation", "sam.png", tiny_png())):
        client.force_login(person)
        assert post_material(client, shows, name, content).status_code == 302
    client.logout()


def test_her_teachers_material_for_the_sessions_poses_reaches_the_player(client, client_user, uploads):
    _ready_to_play(client_user)
    client.force_login(client_user)
    items = _material_on_player(client)
    assert [(i["pose"], i["variation"], i["kind"], i["caption"]) for i in sorted(items, key=lambda i: i["pose"])] == [
        ("childs-pose", "knees-wide-bolster", "video", "Your teacher's video of Knees wide over a bolster"),
        ("pelvic-tilt", "", "photo", "Your teacher's photo of Pelvic tilt"),
    ]
    for item in items:
        assert client.get(item["url"]).status_code == 200


def test_the_teacher_playing_sees_her_own_and_a_stranger_or_a_former_client_sees_none(
        client, client_user, teacher, stranger, uploads):
    _ready_to_play(teacher)
    client.force_login(teacher)
    assert {i["caption"] for i in _material_on_player(client)} == {
        "Your photo of Pelvic tilt", "Your video of Knees wide over a bolster"}
    _ready_to_play(stranger)
    client.force_login(stranger)
    assert _material_on_player(client) == []
    end_coaching(teacher, client_user)
    _ready_to_play(client_user)
    client.force_login(client_user)
    assert _material_on_player(client) == []


def test_the_player_script_reads_the_material_and_nothing_is_inline(client, client_user, uploads):
    _ready_to_play(client_user)
    client.force_login(client_user)
    page = client.get(PLAYER).content.decode()
    scripts = re.findall(r"<script([^>]*)>", page)
    assert all('type="application/json"' in attrs or "src=" in attrs for attrs in scripts)
