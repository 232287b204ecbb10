"""Optional sign-in through the clinic's identity provider (OpenID Connect): settings and the provider.

On only when LUMBAR_OIDC_ISSUER, LUMBAR_OIDC_CLIENT_ID and LUMBAR_OIDC_CLIENT_SECRET are all set. The
provider's addresses are read from its discovery document (ISSUER/.well-known/openid-configuration) the
first time someone signs in through it, not at start-up, so a provider that is down never stops Lumbar or
the password sign-in. A person is matched by their (verified) email; someone new gets a client account
(oidc_signin.py: the backend and the two pages, on mozilla-django-oidc).

This module imports nothing from Django's models or mozilla-django-oidc, so settings.py can import it.
"""
from __future__ import annotations

import importlib.util
from urllib.parse import urlsplit

BACKEND = "lumbar.accounts.oidc_signin.ClinicBackend"
REQUIRED = ("LUMBAR_OIDC_ISSUER", "LUMBAR_OIDC_CLIENT_ID", "LUMBAR_OIDC_CLIENT_SECRET")
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}


def oidc_settings(environ) -> dict:
    """The settings to merge into settings.py. {"LUMBAR_OIDC_ENABLED": False} when the variables are unset;
    some but not all of them set, or an issuer that is not https, stops start-up with a message."""
    values = {name: (environ.get(name) or "").strip() for name in REQUIRED}
    if not any(values.values()):
        return {"LUMBAR_OIDC_ENABLED": False}
    missing = [name for name, value in values.items() if not value]
    if missing:
        raise SystemExit(f"OpenID Connect sign-in needs {', '.join(REQUIRED)}; missing: {', '.join(missing)}")
    if importlib.util.find_spec("mozilla_django_oidc") is None:
        raise SystemExit("OpenID Connect sign-in needs the mozilla-django-oidc package: pip install mozilla-django-oidc")
    issuer = values["LUMBAR_OIDC_ISSUER"].rstrip("/")
    parts = urlsplit(issuer)
    if not parts.hostname or not (parts.scheme == "https" or parts.hostname in LOOPBACK_HOSTS):
        raise SystemExit(f"LUMBAR_OIDC_ISSUER must be an https:// address, e.g. https://login.example.org, "
                         f"not {issuer!r}")
    return {
        "LUMBAR_OIDC_ENABLED": True,
        "LUMBAR_OIDC_ISSUER": issuer,
        "LUMBAR_OIDC_NAME": (environ.get("LUMBAR_OIDC_NAME") or "").strip() or parts.hostname,
        "OIDC_RP_CLIENT_ID": values["LUMBAR_OIDC_CLIENT_ID"],
        "OIDC_RP_CLIENT_SECRET": values["LUMBAR_OIDC_CLIENT_SECRET"],
        "OIDC_RP_SCOPES": "openid email profile",
        "OIDC_USE_PKCE": True,
        "OIDC_TIMEOUT": 10,
        "OIDC_CREATE_USER": True,
        "OIDC_AUTHENTICATION_CALLBACK_URL": "accounts:oidc_authentication_callback",
    }


def enabled() -> bool:
    from django.conf import settings

    return bool(getattr(settings, "LUMBAR_OIDC_ENABLED", False))


# --- the provider's addresses --------------------------------------------------------------------------

class ProviderError(Exception):
    """The identity provider's discovery document could not be read or does not fit."""


_discovered: dict[str, dict] = {}  # issuer -> its endpoints; configuration, the same in every process


def discover(issuer: str, get=None) -> dict:
    """The provider's endpoints and signing algorithm, from its discovery document (kept once read)."""
    import requests
    from django.conf import settings

    if issuer in _discovered:
        return _discovered[issuer]
    try:
        response = (get or requests.get)(f"{issuer}/.well-known/openid-configuration",
                                         timeout=getattr(settings, "OIDC_TIMEOUT", 10))
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderError(f"cannot read the discovery document of {issuer}: {error}") from error
    if not isinstance(document, dict) or str(document.get("issuer", "")).rstrip("/") != issuer:
        raise ProviderError(f"the discovery document of {issuer} names another issuer")
    names = ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri")
    if not all(isinstance(document.get(name), str) and document[name] for name in names):
        raise ProviderError(f"the discovery document of {issuer} lacks one of {', '.join(names)}")
    algorithms = document.get("id_token_signing_alg_values_supported") or ["RS256"]
    endpoints = {name: document[name] for name in names}
    endpoints["algorithm"] = "RS256" if "RS256" in algorithms else str(algorithms[0])
    _discovered[issuer] = endpoints
    return endpoints
