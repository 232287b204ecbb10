"""In Chromium: a client plays a session and sees her teacher's photo beside the figure of the pose it shows,
and a video (muted, looping, with controls) for another; a pose without material shows only the figure."""
import pytest

from lumbar.e2e import open_player


STATE = "document.body.dataset.playerState"
STEP = "document.getElementById('player').dataset.stepIndex"

SET_UP = """
import json
from django.core.files.base import ContentFile
from lumbar.accounts.actions import make_teacher, start_coaching
from lumbar.accounts.middleware import local_user
from django.contrib.auth import get_user_model
from lumbar.studio.actions import save_material
from lumbar.studio.media_types import MP4, PNG
from lumbar.studio.models import BookingLink
tess = get_user_model().objects.create_user("e2e-tess", first_name="Tess", last_name="Teacher")
make_teacher(tess)
start_coaching(tess, local_user())
save_material(tess, "pelvic-tilt", "", ContentFile(bytes.fromhex(%(png)r), name="tilt.png"), PNG)
save_material(tess, "childs-pose", "", ContentFile(bytes.fromhex(%(mp4)r), name="rest.mp4"), MP4)
BookingLink.objects.create(teacher=tess, url="https://book.example.org/tess")
"""
TEAR_DOWN = """
from django.contrib.auth import get_user_model
from lumbar.studio.actions import delete_material
from lumbar.studio.models import Material
for material in Material.objects.filter(teacher__username="e2e-tess"):
    delete_material(material)
get_user_model().objects.filter(username="e2e-tess").delete()
"""


@pytest.fixture
def teachers_material(running_app):
    from .conftest import MP4_START, tiny_png

    media_root = running_app.query("import json; from django.conf import settings; "
                                   "print(json.dumps(str(settings.MEDIA_ROOT)))")
    if not media_root:
        pytest.skip("settings.MEDIA_ROOT is not set: the app has no folder for uploads")
    running_app.query(SET_UP % {"png": tiny_png().hex(), "mp4": (MP4_START + b"\0" * 64).hex()})
    yield
    running_app.query(TEAR_DOWN)


def wait_for(page, condition: str, timeout=60_000):
    page.wait_for_function(condition, timeout=timeout)


def test_her_teachers_photo_and_video_show_beside_the_figure(page, running_app, teachers_material):
    page.goto("/")
    box = page.locator(".your-teacher")
    assert "Tess Teacher" in box.inner_text()
    assert box.get_by_role("link", name="Book with Tess Teacher").get_attribute("href") == "https://book.example.org/tess"

    open_player(page)
    page.get_by_role("button", name="Start the session").click()
    wait_for(page, f"{STATE} === 'input' && {STEP} === '0'")
    assert page.locator("#pose-material").is_hidden()
    page.get_by_role("button", name="Only fingers fit under").click()
    page.locator("#floor-next").click()
    wait_for(page, f"{STEP} === '1'")
    page.locator("#pain-options button[data-value='3']").click()
    page.locator("#pain-next").click()

    wait_for(page, f"{STEP} === '2'")
    assert page.get_by_role("heading", name="Pelvic tilt").is_visible()
    photo = page.get_by_role("img", name="Your teacher's photo of Pelvic tilt")
    assert photo.is_visible() and page.locator("#pose-figure svg").is_visible()  # the figure stays
    wait_for(page, "document.querySelector('#pose-material img').naturalWidth === 2")  # streamed to her
    assert page.locator("#pose-material figcaption").inner_text() == "Your teacher's photo of Pelvic tilt"

    page.keyboard.press("n")  # on to the floor-space check again: no material there
    wait_for(page, f"{STEP} === '3'")
    page.keyboard.press("n")
    wait_for(page, f"{STEP} === '4'")
    assert page.get_by_role("heading", name="Child's pose").is_visible()
    video = page.locator("#pose-material video")
    assert video.is_visible() and video.get_attribute("aria-label") == "Your teacher's video of Child's pose"
    assert page.evaluate("(() => { const v = document.querySelector('#pose-material video');"
                         " return [v.muted, v.loop, v.hasAttribute('playsinline'), v.controls]; })()") == [
        True, True, True, True]
    page.keyboard.press("n")
    wait_for(page, f"{STEP} === '5'")
    assert page.locator("#pose-material").is_hidden() and page.locator("#pose-material video").count() == 0
