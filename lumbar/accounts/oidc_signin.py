"""Sign-in through the clinic's identity provider: the backend and the two pages (mozilla-django-oidc).

Settings and the provider's addresses are in oidc.py.
"""
from __future__ import annotations

import logging
import re

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from .oidc import ProviderError, discover, enabled

log = logging.getLogger(__name__)

# --- who the person is -----------------------------------------------------------------------------------

_USERNAME_CHARACTERS = re.compile(r"[^\w.@+-]")


def username_for(claims: dict) -> str:
    """A free user name from the provider's preferred_username, else the start of the email."""
    wanted = str(claims.get("preferred_username") or "").strip()
    try:
        UnicodeUsernameValidator()(wanted)
    except Exception:
        wanted = ""
    base = (wanted or _USERNAME_CHARACTERS.sub("", str(claims.get("email", "")).split("@")[0]) or "client")[:140]
    users, name, number = get_user_model().objects, base, 1
    while users.filter(username__iexact=name).exists():
        number += 1
        name = f"{base}-{number}"
    return name


class ClinicBackend(OIDCAuthenticationBackend):
    """Signs in through the provider. Matches an active account by verified email, or makes a client."""

    def __init__(self, *args, **kwargs):
        # The base class reads the provider's addresses here; Django makes a backend for every sign-in,
        # password ones too, so they are read only when a sign-in through the provider comes back.
        self.UserModel = get_user_model()

    def _use_provider(self) -> None:
        endpoints = discover(settings.LUMBAR_OIDC_ISSUER)
        self.OIDC_OP_TOKEN_ENDPOINT = endpoints["token_endpoint"]
        self.OIDC_OP_USER_ENDPOINT = endpoints["userinfo_endpoint"]
        self.OIDC_OP_JWKS_ENDPOINT = endpoints["jwks_uri"]
        self.OIDC_RP_SIGN_ALGO = endpoints["algorithm"]
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET

    def authenticate(self, request, **kwargs):
        if not enabled() or request is None or "password" in kwargs:
            return None
        if not (request.GET.get("code") and request.GET.get("state")):
            return None
        try:
            self._use_provider()
            return super().authenticate(request, **kwargs)
        except (ProviderError, requests.RequestException) as error:
            log.warning("sign-in through the identity provider failed: %s", error)
            return None

    def verify_claims(self, claims) -> bool:
        """An email is needed to find the person, and a provider that says it is unverified is not believed."""
        return bool(claims.get("email")) and claims.get("email_verified") is not False

    def filter_users_by_claims(self, claims):
        email = claims.get("email")
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims):
        from .models import Profile

        user = self.UserModel.objects.create_user(username_for(claims), email=claims["email"])
        Profile.objects.get_or_create(user=user)  # a client; a teacher or the admin can change that
        return user


# --- the two pages ---------------------------------------------------------------------------------------

def _failed(request, status: int):
    name = getattr(settings, "LUMBAR_OIDC_NAME", "")
    return render(request, "accounts/oidc_failed.html", {"provider": name}, status=status)


class ClinicSignInView(OIDCAuthenticationRequestView):
    """Sends the person to the provider's sign-in page."""

    def __init__(self, *args, **kwargs):
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request):
        if not enabled():
            raise Http404(_("Sign-in through an identity provider is not set up on this site."))
        try:
            self.OIDC_OP_AUTH_ENDPOINT = discover(settings.LUMBAR_OIDC_ISSUER)["authorization_endpoint"]
        except ProviderError as error:
            log.warning("sign-in through the identity provider is not available: %s", error)
            return _failed(request, 503)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)


class ClinicCallbackView(OIDCAuthenticationCallbackView):
    """Where the provider sends the person back; a failure gets a page that says what to do."""

    def get(self, request):
        if not enabled():
            raise Http404(_("Sign-in through an identity provider is not set up on this site."))
        return super().get(request)

    def login_failure(self):
        return _failed(self.request, 403)
