"""Local mode: the person at this computer is signed in as the local user, with no sign-up.

Only a direct connection from this machine (loopback) is signed in automatically, so starting Lumbar with
`--host 0.0.0.0` in local mode does not hand the local user's data to the network. A request that carries
any proxy header came through another server (a reverse proxy on this machine would otherwise make every
visitor look local), so it is never signed in automatically either; the sign-in page says why
(`request.local_sign_in_refused`: "proxy" or "network").
"""
from django.conf import settings
from django.contrib.auth import get_user_model, login

LOCAL_USERNAME = "local"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
# Headers that proxies and load balancers add (as Django's request.META names them).
PROXY_HEADERS = (
    "HTTP_FORWARDED", "HTTP_X_REAL_IP", "HTTP_VIA", "HTTP_CLIENT_IP", "HTTP_X_CLIENT_IP", "HTTP_TRUE_CLIENT_IP",
    "HTTP_CF_CONNECTING_IP", "HTTP_FASTLY_CLIENT_IP", "HTTP_X_CLUSTER_CLIENT_IP", "HTTP_X_ORIGINAL_FORWARDED_FOR",
    "HTTP_X_PROXYUSER_IP",
)
PROXY_HEADER_PREFIXES = ("HTTP_X_FORWARDED_",)  # -FOR, -HOST, -PROTO, -PORT, -SERVER, -PREFIX, -SSL ...


def local_user():
    user, created = get_user_model().objects.get_or_create(username=LOCAL_USERNAME)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def came_through_a_proxy(meta) -> bool:
    return any(name in meta for name in PROXY_HEADERS) or any(
        name.startswith(PROXY_HEADER_PREFIXES) for name in meta)


def local_sign_in_refusal(request) -> str | None:
    """Why this request may not be signed in as the local person: "proxy", "network", or None (it may)."""
    if came_through_a_proxy(request.META):
        return "proxy"
    if request.META.get("REMOTE_ADDR") not in LOOPBACK:
        return "network"
    return None


class LocalUserMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.MODE == "local" and not request.user.is_authenticated:
            request.local_sign_in_refused = local_sign_in_refusal(request)
            if request.local_sign_in_refused is None:
                login(request, local_user(), backend="django.contrib.auth.backends.ModelBackend")
        return self.get_response(request)
