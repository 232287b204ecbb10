from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone

from lumbar.accounts.access import whose_data
from lumbar.accounts.scopes import ACCOUNT

from . import content
from .choices import ChoiceError, days_from, notes_from


def _choices(request):
    return days_from(request.GET.get("days")), notes_from(request.GET.get("notes"))


@login_required
@whose_data(change=ACCOUNT)
def preview(request, grant):
    """The report in the browser, to check before downloading it."""
    try:
        days, include_notes = _choices(request)
    except ChoiceError as error:
        return HttpResponseBadRequest(str(error))
    return render(request, "reports/preview.html", {
        "report": content.build(grant.client, days, include_notes), "include_notes": include_notes,
        "max_days": content.MAX_DAYS})


@login_required
@whose_data(change=ACCOUNT)
def pdf(request, grant):
    from .pdf import render_pdf

    try:
        days, include_notes = _choices(request)
    except ChoiceError as error:
        return HttpResponseBadRequest(str(error))
    response = HttpResponse(render_pdf(content.build(grant.client, days, include_notes)),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="lumbar-report-{timezone.localdate():%Y-%m-%d}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
