"""The installable app: a manifest with its icons, a service worker at the root that keeps the player's files,
the player page marked to keep, and sign-out clearing what the device kept."""
import json

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_manifest_names_the_app_and_its_icons_exist(client):
    data = json.loads(client.get("/manifest.webmanifest").content)
    assert data["name"] == "Lumbar" and data["start_url"] == "/" and data["display"] == "standalone"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in data["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_the_service_worker_is_served_at_the_root_with_the_player_files_to_keep(client):
    response = client.get("/service-worker.js")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/" and "no-cache" in response["Cache-Control"]
    script = response.content.decode()
    assert "__SHELL__" not in script and "__VERSION__" not in script
    shell = json.loads(script.split("const SHELL = ", 1)[1].split(";\n", 1)[0])
    assert "/static/lumbar/player/player.js" in shell and "/static/lumbar/outbox.js" in shell
    assert all(finders.find(url.removeprefix("/static/")) for url in shell)


def test_the_player_page_is_marked_to_keep_and_other_pages_are_not(screened, content):
    from lumbar.accounts.actions import record_kneeling

    record_kneeling(screened, True)
    browser = Client()
    player = browser.get("/session/glide-and-rest/play/")
    assert player.status_code == 200 and player["X-Lumbar-Offline"] == "keep"
    assert "X-Lumbar-Offline" not in browser.get("/journal/")


def test_signing_out_clears_what_the_device_kept(client_user):
    browser = Client()
    browser.force_login(client_user)
    response = browser.post("/accounts/logout/")
    assert response["Clear-Site-Data"] == '"cache", "storage"'
