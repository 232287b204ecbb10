"""Local mode: the person at this computer is signed in as the local user, with no sign-up.

Only requests from this machine (loopback) are signed in automatically, so starting Lumbar with
`--host 0.0.0.0` in local mode does not hand the local user's data to the network.
"""
from django.conf import settings
from django.contrib.auth import get_user_model, login

LOCAL_USERNAME = "local"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def local_user():
    user, created = get_user_model().objects.get_or_create(username=LOCAL_USERNAME)
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


class LocalUserMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.MODE == "local"
            and not request.user.is_authenticated
            and request.META.get("REMOTE_ADDR") in LOOPBACK
        ):
            login(request, local_user(), backend="django.contrib.auth.backends.ModelBackend")
        return self.get_response(request)
