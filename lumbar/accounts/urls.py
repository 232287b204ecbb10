from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import path, reverse_lazy

from . import views
from .views import hosted_only

try:
    from . import oidc_signin
except ImportError:  # mozilla-django-oidc not installed: no sign-in through a provider (oidc_settings says so)
    oidc_signin = None

app_name = "accounts"


def _hosted(view_class, **options):
    return hosted_only(view_class.as_view(**options))


urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    # A teacher's invitations, and signing up from one
    path("invitations/", views.invitations, name="invitations"),
    path("invitations/new/", views.invitation_create, name="invitation_create"),
    path("invitations/add-client/", views.client_add, name="client_add"),
    path("invitations/<int:pk>/cancel/", views.invitation_cancel, name="invitation_cancel"),
    path("invite/<str:token>/", views.invite, name="invite"),
    # The admin's list of people
    path("people/", views.people, name="people"),
    path("people/add-teacher/", views.teacher_add, name="teacher_add"),
    path("people/<int:pk>/role/", views.person_role, name="person_role"),
    # Passwords
    path("password/", hosted_only(login_required(auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_change.html", success_url=reverse_lazy("accounts:password_change_done")))),
        name="password_change"),
    path("password/done/", hosted_only(login_required(auth_views.PasswordChangeDoneView.as_view(
        template_name="accounts/password_change_done.html"))), name="password_change_done"),
    path("password/reset/", views.password_reset, name="password_reset"),
    path("password/reset/sent/", _hosted(auth_views.PasswordResetDoneView,
                                         template_name="accounts/password_reset_done.html"),
         name="password_reset_done"),
    path("password/reset/<uidb64>/<token>/", _hosted(
        auth_views.PasswordResetConfirmView, template_name="accounts/password_reset_confirm.html",
        success_url=reverse_lazy("accounts:password_reset_complete"),
        post_reset_login=True, post_reset_login_backend=views.MODEL_BACKEND), name="password_reset_confirm"),
    path("password/reset/done/", _hosted(auth_views.PasswordResetCompleteView,
                                         template_name="accounts/password_reset_complete.html"),
         name="password_reset_complete"),
]
if oidc_signin is not None:  # optional sign-in through the clinic's identity provider (404 unless set up)
    urlpatterns += [
        path("oidc/start/", oidc_signin.ClinicSignInView.as_view(), name="oidc_authentication_init"),
        path("oidc/callback/", oidc_signin.ClinicCallbackView.as_view(), name="oidc_authentication_callback"),
    ]
