"""Your data: download everything about you, or delete your account and data. Only the person themselves."""
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from lumbar.accounts.access import whose_data

from .actions import delete_account
from .backup import export, write
from .forms import DeleteAccountForm


def _page(request, grant, form, status=200):
    return render(request, "exports/your_data.html", {
        "form": form, "person": grant.client, "local": settings.MODE == "local"}, status=status)


@login_required
@whose_data(change="account")
def your_data(request, grant):
    return _page(request, grant, DeleteAccountForm(grant.client))


@login_required
@whose_data(change="account")
def download(request, grant):
    """The one-person backup (what `lumbar export FILE --user NAME` writes), as a file. Writes nothing."""
    name = f"lumbar-{slugify(grant.client.get_username()) or 'data'}-{timezone.localdate():%Y-%m-%d}.json"
    return HttpResponse(write(export(grant.client.get_username())), content_type="application/json; charset=utf-8",
                        headers={"Content-Disposition": content_disposition_header(True, name),
                                 "Cache-Control": "no-store"})


@require_POST
@login_required
@whose_data(change="account")
def delete(request, grant):
    form = DeleteAccountForm(grant.client, request.POST)
    if not form.is_valid():
        return _page(request, grant, form, status=400)
    delete_account(grant.client)
    logout(request)
    return redirect("exports:deleted")


def deleted(request):
    return render(request, "exports/deleted.html", {"local": settings.MODE == "local"})
