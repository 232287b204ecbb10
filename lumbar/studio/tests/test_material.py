"""A teacher's photos and videos: checked on the way in, private on disk, shown only to those they belong to."""
import os
import stat

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lumbar.accounts.actions import end_coaching
from lumbar.studio import media_types
from lumbar.studio.models import Material

from .conftest import MP4_START, WEBM_START, post_material, tiny_png

pytestmark = pytest.mark.django_db


def _signed_in(client, user):
    client.force_login(user)
    return client


def test_a_teacher_uploads_a_photo_and_it_is_stored_privately_in_the_data_folder(client, teacher, settings):
    response = post_material(_signed_in(client, teacher), "childs-pose", "my pose.png", tiny_png())
    assert response.status_code == 302
    material = Material.objects.get()
    assert (material.kind, material.content_type, material.pose, material.variation) == (
        "photo", "image/png", "childs-pose", "")
    path = material.file.path
    assert path.startswith(str(settings.MEDIA_ROOT)) and path.endswith(".png") and "my pose" not in path
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    page = client.get("/studio/").content.decode()
    assert "Saved your photo of Child&#x27;s pose." in page and "my pose.png" in page


def test_a_video_for_one_version_and_a_new_upload_replaces_the_old(client, teacher, django_capture_on_commit_callbacks):
    client.force_login(teacher)
    assert post_material(client, "cat-cow/small-range", "a.mp4", MP4_START + b"\0" * 1000).status_code == 302
    first = Material.objects.get()
    assert (first.kind, first.variation, first.content_type) == ("video", "small-range", "video/mp4")
    old_path = first.file.path
    with django_capture_on_commit_callbacks(execute=True):
        assert post_material(client, "cat-cow/small-range", "b.webm", WEBM_START + b"\0" * 1000).status_code == 302
        assert Material.objects.get().content_type == "video/webm"
    assert not os.path.exists(old_path)


@pytest.mark.parametrize("name, content", [
    ("photo.png", b"<html><script>alert(1)</script></html>"),  # the name says photo, the content does not
    ("photo.jpg", b"GIF89a" + b"\0" * 100),
    ("clip.mov", b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  "),
])
def test_anything_but_the_five_kinds_is_refused_by_its_content_with_a_clear_message(client, teacher, name, content):
    response = post_material(_signed_in(client, teacher), "childs-pose", name, content)
    assert response.status_code == 400
    assert "not a JPEG, PNG or WebP photo, or an MP4 or WebM video" in response.content.decode()
    assert not Material.objects.exists()


def test_a_photo_over_5_mb_is_refused_and_nothing_is_kept(client, teacher, settings):
    big = tiny_png() + b"\0" * media_types.PHOTO_LIMIT
    response = post_material(_signed_in(client, teacher), "childs-pose", "big.png", big)
    assert response.status_code == 400
    assert "This photo is 5.0 MB; the most is 5 MB." in response.content.decode()
    assert not Material.objects.exists()
    assert not any(files for _root, _dirs, files in os.walk(settings.MEDIA_ROOT))


def test_an_upload_bigger_than_any_allowed_file_gets_413_before_it_is_read(client, teacher, monkeypatch):
    monkeypatch.setattr("lumbar.studio.upload_limit.VIDEO_LIMIT", 1000)
    monkeypatch.setattr("lumbar.studio.upload_limit.FORM_ALLOWANCE", 0)
    response = post_material(_signed_in(client, teacher), "childs-pose", "huge.mp4", MP4_START + b"\0" * 5000)
    assert response.status_code == 413
    assert "That file is too big: a video may be up to 50 MB and a photo up to 5 MB." in response.content.decode()
    assert not Material.objects.exists()


def test_a_file_growing_past_the_limit_while_it_arrives_is_dropped_with_the_same_413(client, teacher, monkeypatch):
    monkeypatch.setattr("lumbar.studio.upload_limit.VIDEO_LIMIT", 2000)
    monkeypatch.setattr("lumbar.studio.upload_limit.FORM_ALLOWANCE", 10**9)  # as if no length were declared
    response = post_material(_signed_in(client, teacher), "childs-pose", "huge.mp4", MP4_START + b"\0" * 5000)
    assert response.status_code == 413 and not Material.objects.exists()


def test_the_upload_still_needs_the_csrf_token(teacher):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(teacher)
    assert post_material(strict, "childs-pose", "a.png", tiny_png()).status_code == 403
    assert not Material.objects.exists()


def test_an_unknown_pose_is_refused(client, teacher):
    response = post_material(_signed_in(client, teacher), "headstand", "a.png", tiny_png())
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()


@pytest.fixture
def photo(client, teacher):
    client.force_login(teacher)
    post_material(client, "childs-pose", "a.png", tiny_png())
    client.logout()
    return Material.objects.get()


def test_the_file_is_served_to_its_teacher_and_her_current_clients_only(
        client, photo, teacher, client_user, stranger, stranger_teacher, admin):
    url = f"/studio/material/{photo.pk}/"
    assert client.get(url).status_code == 404  # nobody signed in
    for person in (teacher, client_user):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "image/png"
        assert b"".join(response.streaming_content) == tiny_png()
        assert response["Cache-Control"].startswith("private")
        assert response["X-Content-Type-Options"] == "nosniff"
    for person in (stranger, stranger_teacher, admin):
        client.force_login(person)
        assert client.get(url).status_code == 404
    end_coaching(teacher, client_user)
    client.force_login(client_user)
    assert client.get(url).status_code == 404


def test_a_video_is_served_in_ranges_for_players_that_seek(client, teacher):
    client.force_login(teacher)
    content = MP4_START + bytes(range(256)) * 10
    post_material(client, "childs-pose", "a.mp4", content)
    url = f"/studio/material/{Material.objects.get().pk}/"
    part = client.get(url, HTTP_RANGE="bytes=10-19")
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 10-19/{len(content)}"
    assert b"".join(part.streaming_content) == content[10:20]
    tail = client.get(url, HTTP_RANGE="bytes=-5")
    assert b"".join(tail.streaming_content) == content[-5:]
    assert client.get(url, HTTP_RANGE=f"bytes={len(content) + 5}-").status_code == 416


def test_deleting_removes_the_row_and_the_file_and_only_the_owner_may(
        client, photo, stranger_teacher, teacher, django_capture_on_commit_callbacks):
    client.force_login(stranger_teacher)
    assert client.post(f"/studio/material/{photo.pk}/delete/").status_code == 404
    client.force_login(teacher)
    path = photo.file.path
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/studio/material/{photo.pk}/delete/")
    assert response.status_code == 302 and not Material.objects.exists()
    assert not os.path.exists(path)
    assert client.get(f"/studio/material/{photo.pk}/").status_code == 404


def test_the_studio_page_is_for_teachers_only_and_its_load_writes_nothing(client, teacher, client_user, photo):
    client.force_login(client_user)
    assert client.get("/studio/").status_code == 404
    client.force_login(teacher)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/studio/")
    assert response.status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []
    assert client.get("/studio/material/").status_code == 405
