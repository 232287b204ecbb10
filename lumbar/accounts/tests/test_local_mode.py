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
