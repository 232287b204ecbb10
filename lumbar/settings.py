"""The one settings module. Every value comes from an environment variable with a safe default.

Each variable read here is listed in the README's "Settings" table (a test checks this).
"""
import ipaddress
import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from lumbar.datastore import data_folder, database

BASE_DIR = Path(__file__).resolve().parent


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("LUMBAR_DATA_DIR") or Path.home() / ".lumbar").expanduser()
DEBUG = env_flag("LUMBAR_DEBUG", False)


def _secret_key() -> str:
    if os.environ.get("LUMBAR_SECRET_KEY"):
        return os.environ["LUMBAR_SECRET_KEY"]
    key_file = DATA_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_folder(DATA_DIR)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = _secret_key()

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
_site = urlsplit(SITE_URL)
# "local": one person on their own machine, signed in automatically. "hosted": accounts and sign-in.
MODE = os.environ.get("LUMBAR_MODE", "local")
if MODE not in {"local", "hosted"}:
    raise SystemExit(f"LUMBAR_MODE must be 'local' or 'hosted', not {MODE!r}")
ALLOWED_HOSTS = [_site.hostname or "localhost"]
if MODE == "local":
    ALLOWED_HOSTS += ["localhost", "127.0.0.1", "[::1]"]
CSRF_TRUSTED_ORIGINS = [f"{_site.scheme}://{_site.netloc}"]


def _trusted_proxies(value: str) -> list[str]:
    """LUMBAR_TRUSTED_PROXY: the reverse proxy's address(es) or network(s), comma-separated; empty: no proxy.

    `lumbar serve` believes X-Forwarded-For/-Proto only from these (uvicorn's proxy_headers); from anyone
    else, and when this is empty, forwarded headers are ignored.
    """
    proxies = [item.strip() for item in value.split(",") if item.strip()]
    for item in proxies:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise SystemExit(f"LUMBAR_TRUSTED_PROXY: {item!r} is not an IP address or network such as 127.0.0.1, "
                             "::1 or 10.0.0.0/8") from None
    return proxies


TRUSTED_PROXIES = _trusted_proxies(os.environ.get("LUMBAR_TRUSTED_PROXY", ""))

# Test-only: makes every timer in the session player run this many times faster.
TIME_SCALE = float(os.environ.get("LUMBAR_TIME_SCALE", "1") or 1)

# The number urgent advice tells people to call (e.g. "999", "911", "112"). Unset: "your local emergency number".
EMERGENCY_NUMBER = os.environ.get("LUMBAR_EMERGENCY_NUMBER", "").strip()[:20]

INSTALLED_APPS = [
    "django.contrib.auth",
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "lumbar.accounts",
    "lumbar.content",
    "lumbar.practice",
    "lumbar.safety",
    "lumbar.journal",
    "lumbar.programmes",
    "lumbar.coach",
    "lumbar.teaching",
    "lumbar.studio",
    "lumbar.exports",
    "lumbar.course",
    "lumbar.reminders",
    "lumbar.reports",
    "lumbar.offline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lumbar.headers.PolicyHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lumbar.accounts.middleware.LocalUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # turns a throttled sign-in into the kind 429 page
]

ROOT_URLCONF = "lumbar.urls"
ASGI_APPLICATION = "lumbar.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",  # LANGUAGE_CODE for <html lang>, LANGUAGES for the switch
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]


DATABASES = {"default": database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# English, and Spanish for everything a person reads or hears. The language comes from the browser's
# Accept-Language (LocaleMiddleware) until the person picks one with the switch on every page (set_language).
# The switch names each language in its own words (Django's name_local).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
# Templates, Python and page scripts: lumbar/locale (scripts/messages.py); content text: lumbar/content/locale.
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = _site.scheme == "https"
USE_I18N = True
USE_TZ = True


def _time_zone() -> str:
    """LUMBAR_TIME_ZONE, else this machine's zone (days, mornings and times shown follow it), else UTC."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = os.environ.get("LUMBAR_TIME_ZONE") or os.environ.get("TZ", "").lstrip(":")
    if not name and Path("/etc/localtime").is_symlink():
        name = str(Path("/etc/localtime").resolve()).partition("zoneinfo/")[2]
    try:
        ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        if os.environ.get("LUMBAR_TIME_ZONE"):
            raise SystemExit(f"LUMBAR_TIME_ZONE {name!r} is not a time zone name such as Europe/London") from None
        name = ""
    return name or "UTC"


TIME_ZONE = _time_zone()

STATIC_URL = "static/"
# Front-end packages installed from the npm registry by the set-up (package-lock.json), never committed.
NODE_MODULES = BASE_DIR.parent / "node_modules"
STATICFILES_DIRS = [BASE_DIR / "static", ("vendor/mediapipe-pose", NODE_MODULES / "@mediapipe" / "pose")]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "practice:home"
LOGOUT_REDIRECT_URL = "accounts:login"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"

# HTTPS wherever SITE_URL is https. Behind a TLS-terminating proxy the scheme comes from uvicorn, which
# believes X-Forwarded-Proto only from LUMBAR_TRUSTED_PROXY; SECURE_PROXY_SSL_HEADER is deliberately left
# unset, since Django would believe that header from anyone who can reach the app.
HTTPS = _site.scheme == "https"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Preloading is a promise about a whole registered domain, made by its owner at hstspreload.org, not something
# one app on it should declare; so no `preload`, and Django's reminder about it is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Content-Security-Policy and Permissions-Policy: lumbar/headers.py (camera only on the session player).

# Passwords: Django's validators; Argon2 for new hashes, PBKDF2 kept so that older hashes still verify.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "lumbar.accounts.hashing.Argon2PasswordHasher",  # argon2id, OWASP baseline (see that module)
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# Sign-in throttling (django-axes), kept in the database so that every app process shares it. Too many failed
# sign-ins for one account, or from one address, and further tries are refused for a while: refused before
# any password is hashed (the axes backend comes first), answered with a kind page and status 429.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own: per account, and per address
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the wait ends when promised; refused tries write nothing
AXES_CLIENT_IP_CALLABLE = "lumbar.accounts.throttle.client_address"
AXES_USERNAME_CALLABLE = "lumbar.accounts.throttle.attempted_username"
AXES_LOCKOUT_CALLABLE = "lumbar.accounts.throttle.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # no lasting record of every sign-in's address and browser
AXES_VERBOSE = False

# Email (invitations, password resets) when LUMBAR_SMTP_URL is set; sign-in through a clinic's OpenID Connect
# provider when LUMBAR_OIDC_ISSUER and its client id and secret are set (lumbar/accounts/mail.py, oidc.py).
from lumbar.accounts.mail import email_settings  # noqa: E402
from lumbar.accounts.oidc import BACKEND as OIDC_BACKEND, oidc_settings  # noqa: E402

globals().update(email_settings(os.environ))
_oidc = oidc_settings(os.environ)
globals().update(_oidc)
if _oidc["LUMBAR_OIDC_ENABLED"]:
    AUTHENTICATION_BACKENDS.append(OIDC_BACKEND)

# Teachers' photos and videos: in the data folder, private to the server's user, never served as /media/
# (only to the people they belong to, through /studio/material/<pk>/).
MEDIA_ROOT = DATA_DIR / "media"
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LUMBAR_LOG_LEVEL", "INFO")},
}
