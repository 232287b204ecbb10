"""Sign-in through the clinic's identity provider: the settings, the provider's addresses, who the person is.

No network: the provider's answers are stood in for.
"""
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import authenticate, get_user_model

from lumbar.accounts import oidc, oidc_signin
from lumbar.accounts.access import is_teacher
from lumbar.accounts.models import Profile

ISSUER = "https://login.clinic.example/realms/clinic"
ENV = {"LUMBAR_OIDC_ISSUER": ISSUER + "/", "LUMBAR_OIDC_CLIENT_ID": "lumbar",
       "LUMBAR_OIDC_CLIENT_SECRET": "s3cret", "LUMBAR_OIDC_NAME": "Back Clinic"}
DISCOVERY = {
    "issuer": ISSUER, "authorization_endpoint": ISSUER + "/auth", "token_endpoint": ISSUER + "/token",
    "userinfo_endpoint": ISSUER + "/userinfo", "jwks_uri": ISSUER + "/certs",
    "id_token_signing_alg_values_supported": ["ES256", "RS256"],
}


class Answer:
    def __init__(self, document, status=200):
        self.document, self.status_code = document, status

    def raise_for_status(self):
        import requests

        if self.status_code >= 400:
            raise requests.HTTPError(f"{self.status_code}")

    def json(self):
        if isinstance(self.document, str):
            raise ValueError("not JSON")
        return self.document


@pytest.fixture(autouse=True)
def forget_discovery():
    oidc._discovered.clear()
    yield
    oidc._discovered.clear()


@pytest.fixture
def oidc_on(settings):
    settings.MODE = "hosted"
    for name, value in oidc.oidc_settings(ENV).items():
        setattr(settings, name, value)
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, oidc.BACKEND]
    oidc._discovered[ISSUER] = oidc.discover(ISSUER, get=lambda url, timeout: Answer(DISCOVERY))


# --- the settings ------------------------------------------------------------------------------------------

def test_off_unless_the_variables_are_set():
    assert oidc.oidc_settings({}) == {"LUMBAR_OIDC_ENABLED": False}


def test_the_settings_from_the_variables():
    built = oidc.oidc_settings(ENV)
    assert built["LUMBAR_OIDC_ENABLED"] is True and built["LUMBAR_OIDC_ISSUER"] == ISSUER
    assert (built["OIDC_RP_CLIENT_ID"], built["OIDC_RP_CLIENT_SECRET"]) == ("lumbar", "s3cret")
    assert built["LUMBAR_OIDC_NAME"] == "Back Clinic" and built["OIDC_USE_PKCE"] is True
    assert "email" in built["OIDC_RP_SCOPES"].split()
    assert oidc.oidc_settings({**ENV, "LUMBAR_OIDC_NAME": ""})["LUMBAR_OIDC_NAME"] == "login.clinic.example"


def test_settings_py_can_import_the_settings_builders_before_django_is_set_up():
    """settings.py imports these while Django loads: they must not import models or the OIDC package."""
    import subprocess
    import sys

    code = ("import sys; from lumbar.accounts.oidc import oidc_settings; from lumbar.accounts.mail import "
            "email_settings; assert 'mozilla_django_oidc' not in sys.modules; "
            "assert 'django.contrib.auth.models' not in sys.modules; print(oidc_settings({})['LUMBAR_OIDC_ENABLED'])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "False", result.stderr


@pytest.mark.parametrize("env, words", [
    ({"LUMBAR_OIDC_ISSUER": ISSUER}, "missing: LUMBAR_OIDC_CLIENT_ID, LUMBAR_OIDC_CLIENT_SECRET"),
    ({**ENV, "LUMBAR_OIDC_ISSUER": "http://login.clinic.example"}, "must be an https://"),
    ({**ENV, "LUMBAR_OIDC_ISSUER": "login.clinic.example"}, "must be an https://"),
])
def test_half_set_or_insecure_settings_stop_start_up_with_a_message(env, words):
    with pytest.raises(SystemExit) as stop:
        oidc.oidc_settings(env)
    assert words in str(stop.value)


# --- the provider's addresses ----------------------------------------------------------------------------

def test_discovery_reads_the_endpoints_and_prefers_rs256():
    asked = []
    found = oidc.discover(ISSUER, get=lambda url, timeout: asked.append(url) or Answer(DISCOVERY))
    assert asked == [ISSUER + "/.well-known/openid-configuration"]
    assert found["token_endpoint"] == ISSUER + "/token" and found["algorithm"] == "RS256"
    oidc.discover(ISSUER, get=lambda url, timeout: asked.append(url))
    assert len(asked) == 1  # read once


@pytest.mark.parametrize("answer", [
    Answer({}, status=500), Answer("<html>"), Answer({**DISCOVERY, "issuer": "https://evil.example"}),
    Answer({k: v for k, v in DISCOVERY.items() if k != "jwks_uri"}), Answer(["a list"]), Answer({"issuer": 7}),
])
def test_a_provider_that_answers_wrongly_is_a_provider_error(answer):
    with pytest.raises(oidc.ProviderError):
        oidc.discover(ISSUER, get=lambda url, timeout: answer)


# --- who the person is ---------------------------------------------------------------------------------

@pytest.mark.django_db
def test_an_existing_person_is_found_by_email_in_any_capitals(oidc_on, client_user):
    client_user.email = "Clara@Example.org"
    client_user.save()
    backend = oidc_signin.ClinicBackend()
    found = backend.filter_users_by_claims({"email": "clara@example.org"})
    assert list(found) == [client_user]


@pytest.mark.django_db
def test_someone_new_gets_a_client_account_with_a_free_user_name(oidc_on, client_user):
    backend = oidc_signin.ClinicBackend()
    nina = backend.create_user({"email": "nina@clinic.example", "preferred_username": "nina"})
    assert nina.username == "nina" and nina.email == "nina@clinic.example" and not nina.has_usable_password()
    assert Profile.objects.get(user=nina).role == Profile.CLIENT and not is_teacher(nina)
    taken = backend.create_user({"email": "clara@elsewhere.example", "preferred_username": "Clara"})
    assert taken.username == "Clara-2"
    odd = backend.create_user({"email": "o'brien+x@clinic.example", "preferred_username": "has space"})
    assert odd.username == "obrien+x"


def test_an_email_is_needed_and_an_unverified_one_is_not_believed():
    backend = oidc_signin.ClinicBackend()
    assert backend.verify_claims({"email": "a@b.example"})
    assert backend.verify_claims({"email": "a@b.example", "email_verified": True})
    assert not backend.verify_claims({"email": "a@b.example", "email_verified": False})
    assert not backend.verify_claims({"sub": "123"})


@pytest.mark.django_db
def test_password_sign_in_never_asks_the_provider(oidc_on, client_user, rf, monkeypatch):
    oidc._discovered.clear()
    monkeypatch.setattr("requests.get", lambda *a, **k: pytest.fail("asked the provider"))
    request = rf.post("/accounts/login/")
    assert authenticate(request, username="clara", password="a-long-test-password") == client_user


# --- the whole round trip, with the provider stood in for ---------------------------------------------

@pytest.mark.django_db
def test_start_sends_the_person_to_the_provider_with_pkce(oidc_on, client):
    response = client.get("/accounts/oidc/start/")
    assert response.status_code == 302
    target = urlsplit(response.url)
    query = parse_qs(target.query)
    assert f"{target.scheme}://{target.netloc}{target.path}" == ISSUER + "/auth"
    assert query["client_id"] == ["lumbar"] and query["code_challenge_method"] == ["S256"]
    assert query["redirect_uri"] == ["http://testserver/accounts/oidc/callback/"]


def _come_back(client, monkeypatch, claims):
    session = client.session
    session["oidc_states"] = {"st4te": {"nonce": "n0nce", "code_verifier": "v" * 64}}
    session.save()
    monkeypatch.setattr(oidc_signin.ClinicBackend, "get_token", lambda self, payload: {"id_token": "i", "access_token": "a"})
    monkeypatch.setattr(oidc_signin.ClinicBackend, "verify_token", lambda self, token, **kw: {"sub": "1"})
    monkeypatch.setattr(oidc_signin.ClinicBackend, "get_userinfo", lambda self, access, id_token, payload: claims)
    return client.get("/accounts/oidc/callback/?code=c0de&state=st4te")


@pytest.mark.django_db
def test_coming_back_signs_in_the_person_with_that_email(oidc_on, client, client_user, monkeypatch):
    client_user.email = "clara@example.org"
    client_user.save()
    response = _come_back(client, monkeypatch, {"email": "clara@example.org", "email_verified": True})
    assert response.status_code == 302 and response.url == "/"
    assert client.get("/").wsgi_request.user == client_user


@pytest.mark.django_db
def test_coming_back_with_two_accounts_for_one_email_signs_in_nobody(oidc_on, client, client_user, stranger,
                                                                   monkeypatch):
    get_user_model().objects.update(email="same@example.org")
    response = _come_back(client, monkeypatch, {"email": "same@example.org"})
    assert response.status_code == 403 and "did not work" in response.content.decode()
    assert "Back Clinic" in response.content.decode()


@pytest.mark.django_db
def test_a_provider_that_is_down_gets_a_kind_page_not_an_error(oidc_on, client, monkeypatch):
    import requests

    oidc._discovered.clear()

    def down(*args, **kwargs):
        raise requests.ConnectionError("down")

    monkeypatch.setattr("requests.get", down)
    page = client.get("/accounts/oidc/start/")
    assert page.status_code == 503 and "did not work" in page.content.decode()
    page = client.get("/accounts/oidc/callback/?code=c&state=s")
    assert page.status_code == 403


@pytest.mark.django_db
def test_when_not_set_up_the_addresses_are_not_found(client, settings):
    settings.MODE = "hosted"
    assert client.get("/accounts/oidc/start/").status_code == 404
    assert client.get("/accounts/oidc/callback/?code=c&state=s").status_code == 404


@pytest.mark.django_db
def test_the_sign_in_page_knows_whether_to_offer_the_provider(client, settings):
    settings.MODE = "hosted"
    page = client.get("/accounts/login/")
    assert page.status_code == 200 and page.context["oidc_enabled"] is False
    for name, value in oidc.oidc_settings(ENV).items():
        setattr(settings, name, value)
    page = client.get("/accounts/login/")
    assert page.context["oidc_enabled"] is True and page.context["oidc_name"] == "Back Clinic"
