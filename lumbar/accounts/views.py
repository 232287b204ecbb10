"""Account pages for a hosted site: invitations, signing up from one, the admin's list of people.

Password pages are Django's own views with our templates (see urls.py). In local mode there are no
accounts or passwords, and every page here says so.
"""
from functools import wraps

from axes.utils import reset as forget_sign_in_failures
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.contrib.auth.views import LoginView, LogoutView
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import actions, mail, oidc
from .access import is_admin, is_teacher
from .forms import AddPersonForm, InvitationForm, SignUpForm
from .models import Profile

PEOPLE_PAGE_SIZE = 100
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def hosted_only(view):
    """In local mode there is one person and no passwords: the page says so instead."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if settings.MODE == "local":
            return render(request, "accounts/local_mode.html")
        return view(request, *args, **kwargs)
    return wrapper


def _teacher_only(request) -> None:
    if not is_teacher(request.user):
        raise Http404("Not found")


def _admin_only(request) -> None:
    if not is_admin(request.user):
        raise Http404("Not found")


@receiver(user_logged_in, dispatch_uid="lumbar-reset-clears-throttle")
def forget_failures_after_a_password_reset(sender, request, user, **kwargs):
    """A new password chosen from a reset link (by email or a teacher's link) clears the account's counted
    sign-in failures, so the throttle does not keep the person out with the password they have just set.
    Django signs the person in at the end of a reset (urls.py: post_reset_login), which is when this runs.
    The name is counted as lumbar.accounts.throttle.attempted_username counts it: stripped, in one case."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name == "accounts:password_reset_confirm":
        forget_sign_in_failures(username=user.get_username().strip().casefold())


class SignInView(LoginView):
    """Django's sign-in, telling the page whether a provider button and an email reset are there."""

    template_name = "accounts/login.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            oidc_enabled=oidc.enabled(), oidc_name=getattr(settings, "LUMBAR_OIDC_NAME", ""),
            email_enabled=mail.email_enabled(), **kwargs)


class SignOutView(LogoutView):
    """Django's sign-out, also telling the browser to forget what this site kept on the device (sessions kept
    for offline use, queued writes), so the next person at a shared computer finds none of it."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response


# --- a teacher's invitations -----------------------------------------------------------------------------

def _invitations_page(request, *, invite_form=None, person_form=None, new_link=None, status=200):
    return render(request, "accounts/invitations.html", {
        "pending": actions.pending_invitations(request.user),
        "invite_form": invite_form or InvitationForm(),
        "person_form": person_form or AddPersonForm(),
        "new_link": new_link,
        "email_enabled": mail.email_enabled(),
        "invitation_days": actions.INVITATION_DAYS,
    }, status=status)


@hosted_only
@login_required
def invitations(request):
    _teacher_only(request)
    return _invitations_page(request)


@hosted_only
@login_required
@require_POST
def invitation_create(request):
    _teacher_only(request)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        return _invitations_page(request, invite_form=form, status=400)
    invitation, token = actions.create_invitation(request.user, form.cleaned_data["name"],
                                                  form.cleaned_data["email"])
    link = settings.SITE_URL + reverse("accounts:invite", args=[token])
    emailed = mail.send_invitation(invitation, link)
    return _invitations_page(request, new_link={
        "kind": "invitation", "link": link, "name": invitation.name, "email": invitation.email, "emailed": emailed})


@hosted_only
@login_required
@require_POST
def client_add(request):
    _teacher_only(request)
    form = AddPersonForm(request.POST)
    if not form.is_valid():
        return _invitations_page(request, person_form=form, status=400)
    try:
        person = actions.add_client_by_hand(request.user, form.cleaned_data["username"], form.cleaned_data["email"])
    except IntegrityError:  # the same name taken at the same moment
        form.add_error("username", _("That user name was just taken. Please choose another."))
        return _invitations_page(request, person_form=form, status=400)
    link = actions.reset_link(person)
    emailed = mail.send_set_password(person, request.user, link)
    return _invitations_page(request, new_link={
        "kind": "password", "link": link, "name": person.username, "email": person.email, "emailed": emailed})


@hosted_only
@login_required
@require_POST
def invitation_cancel(request, pk):
    _teacher_only(request)
    if not actions.cancel_invitation(request.user, pk):
        raise Http404("Not found")
    return redirect("accounts:invitations")


# --- signing up from an invitation --------------------------------------------------------------------

def _invitation_problem(request, error):
    status = 404 if error.reason == "unknown" else 410
    return render(request, "accounts/invite_problem.html", {"message": str(error), "reason": error.reason},
                  status=status)


@hosted_only
def invite(request, token):
    """Anyone with the link: who invited them, and a form to make their account."""
    try:
        invitation = actions.open_invitation(token)
    except actions.InvitationError as error:
        return _invitation_problem(request, error)
    if request.user.is_authenticated:
        return render(request, "accounts/invite_signed_in.html", {"invitation": invitation})
    if request.method != "POST":
        return render(request, "accounts/invite.html", {
            "invitation": invitation, "form": SignUpForm(invitation=invitation)})
    form = SignUpForm(request.POST, invitation=invitation)
    if not form.is_valid():
        return render(request, "accounts/invite.html", {"invitation": invitation, "form": form}, status=400)
    data = form.cleaned_data
    try:
        user = actions.accept_invitation(token, data["username"], data["password1"], data["email"])
    except actions.InvitationError as error:  # used by a second submit a moment ago
        return _invitation_problem(request, error)
    except IntegrityError:
        form.add_error("username", _("That user name was just taken. Please choose another."))
        return render(request, "accounts/invite.html", {"invitation": invitation, "form": form}, status=400)
    login(request, user, backend=MODEL_BACKEND)
    return redirect(settings.LOGIN_REDIRECT_URL)


# --- the admin's list of people --------------------------------------------------------------------------

def _people_page(request, *, form=None, new_link=None, status=200):
    users = get_user_model().objects.order_by("username")
    page = Paginator(users, PEOPLE_PAGE_SIZE).get_page(request.GET.get("page"))
    teachers = set(Profile.objects.filter(user__in=list(page), role=Profile.TEACHER).values_list("user_id", flat=True))
    people = [{"user": user, "is_teacher": user.pk in teachers} for user in page]
    return render(request, "accounts/people.html", {
        "people": people, "page": page, "form": form or AddPersonForm(), "new_link": new_link,
    }, status=status)


@hosted_only
@login_required
def people(request):
    """Who has an account and who teaches. Nobody's health data."""
    _admin_only(request)
    return _people_page(request)


@hosted_only
@login_required
@require_POST
def person_role(request, pk):
    _admin_only(request)
    person = get_object_or_404(get_user_model(), pk=pk)
    role = request.POST.get("role")
    if role == Profile.TEACHER:
        actions.make_teacher(person)
    elif role == Profile.CLIENT:
        actions.make_client(person)
    else:
        return render(request, "accounts/bad_request.html", {
            "message": _("Choose a role: teacher or client.")}, status=400)
    return redirect("accounts:people")


@hosted_only
@login_required
@require_POST
def teacher_add(request):
    _admin_only(request)
    form = AddPersonForm(request.POST)
    if not form.is_valid():
        return _people_page(request, form=form, status=400)
    try:
        person = actions.add_teacher_by_hand(form.cleaned_data["username"], form.cleaned_data["email"])
    except IntegrityError:
        form.add_error("username", _("That user name was just taken. Please choose another."))
        return _people_page(request, form=form, status=400)
    link = actions.reset_link(person)
    emailed = mail.send_set_password(person, request.user, link)
    return _people_page(request, new_link={"link": link, "name": person.username, "emailed": emailed})


# --- passwords ---------------------------------------------------------------------------------------------

@hosted_only
def password_reset(request):
    """With email: Django's reset form. Without: ask your teacher for a link."""
    if not mail.email_enabled():
        return render(request, "accounts/password_reset_ask_teacher.html")
    from django.contrib.auth.views import PasswordResetView

    return PasswordResetView.as_view(
        template_name="accounts/password_reset_form.html",
        email_template_name="accounts/email/password_reset.txt",
        subject_template_name="accounts/email/password_reset_subject.txt",
        success_url=reverse("accounts:password_reset_done"),
    )(request)
