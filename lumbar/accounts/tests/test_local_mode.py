import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_on_this_computer_nobody_has_to_sign_up(client, content):
    response = client.get("/")
    assert response.status_code == 200
    assert response.wsgi_request.user.username == "local"


def test_local_mode_does_not_sign_in_visitors_from_the_network(client, content):
    response = client.get("/", REMOTE_ADDR="192.168.1.20")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


@override_settings(MODE="hosted")
def test_hosted_mode_asks_everyone_to_sign_in(client, content, client_user):
    assert client.get("/").url.startswith("/accounts/login/")
    client.force_login(client_user)
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("header", [
    "HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_PORT", "HTTP_VIA", "HTTP_TRUE_CLIENT_IP", "HTTP_CF_CONNECTING_IP",
])
def test_local_mode_never_signs_in_through_a_proxy(client, content, header):
    """A reverse proxy on this machine connects from loopback: its headers give it away, whatever they say."""
    response = client.get("/", REMOTE_ADDR="127.0.0.1", **{header: "127.0.0.1"})
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    assert not client.session.get("_auth_user_id")


def test_through_a_proxy_the_sign_in_page_says_why(client, content):
    page = client.get("/accounts/login/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.5")
    assert page.status_code == 200
    assert "came through another server (a proxy)" in page.content.decode()
    assert page.wsgi_request.user.is_anonymous


def test_from_another_device_the_sign_in_page_says_why(client, content):
    page = client.get("/accounts/login/", REMOTE_ADDR="192.168.1.20")
    assert "came from another device" in page.content.decode()


def test_the_same_browser_directly_on_this_computer_is_signed_in(client, content):
    assert client.get("/", REMOTE_ADDR="::1").status_code == 200


@override_settings(MODE="hosted")
def test_hosted_mode_shows_no_local_mode_notice(client, content):
    page = client.get("/accounts/login/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.5")
    assert "hosted mode" not in page.content.decode()
