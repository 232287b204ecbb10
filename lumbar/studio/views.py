"""The teacher's studio page (material, booking link, class times), the material itself for those it belongs
to, and each client's class calendar (a page to get the address, and the address itself)."""
from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from lumbar.accounts.access import is_teacher, may_view_material, owned_rows, teachers_of

from . import actions
from .forms import BookingForm, ClassTimeForm, MaterialForm
from .media_types import PHOTO_LIMIT, VIDEO_LIMIT, megabytes
from .models import BookingLink, CalendarKey, ClassTime, Material
from .naming import material_label
from .schedule import next_occurrences
from .streaming import stream_file
from .upload_limit import FileSizeLimit, request_too_large


def teacher_only(view):
    """Signed-in teachers only; anyone else gets the same 404 as for a page that does not exist."""
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_teacher(request.user):
            raise Http404("Not found")
        return view(request, *args, **kwargs)
    return wrapper


def _page(request, *, status=200, material_form=None, booking_form=None, class_form=None, upload_error=None):
    teacher = request.user
    link = BookingLink.objects.filter(teacher=teacher).first()
    material = [(item, material_label(item.pose, item.variation)) for item in Material.objects.filter(teacher=teacher)]
    return render(request, "studio/studio.html", {
        "material_form": material_form or MaterialForm(),
        "booking_form": booking_form or BookingForm(initial={"url": link.url if link else ""}),
        "class_form": class_form or ClassTimeForm(),
        "upload_error": upload_error,
        "material": material,
        "class_times": ClassTime.objects.filter(teacher=teacher),
        "time_zone": settings.TIME_ZONE,
    }, status=status)


@teacher_only
def studio(request):
    return _page(request)


# --- material ------------------------------------------------------------------------------------------

def _too_large(request):
    return _page(request, status=413, upload_error=_(
        "That file is too big: a video may be up to %(video)s MB and a photo up to %(photo)s MB. Nothing was saved."
    ) % {"video": megabytes(VIDEO_LIMIT), "photo": megabytes(PHOTO_LIMIT)})


@csrf_exempt  # only so that the size limit is in place before the body is read; checked below (Django's docs)
@teacher_only
def upload_material(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not settings.MEDIA_ROOT:
        return _page(request, status=503, upload_error=_(
            "This site has no folder for uploads yet (MEDIA_ROOT is not set). Nothing was saved."))
    if request_too_large(request):
        return _too_large(request)
    limit = FileSizeLimit(request)
    request.upload_handlers.insert(0, limit)
    return _upload_checked(request, limit)


@csrf_protect
def _upload_checked(request, limit: FileSizeLimit):
    form = MaterialForm(request.POST, request.FILES)
    if limit.exceeded:
        return _too_large(request)
    if not form.is_valid():
        return _page(request, status=400, material_form=form)
    pose, variation = form.cleaned_data["shows"]
    actions.save_material(request.user, pose, variation, form.cleaned_data["file"], form.media_type)
    messages.success(request, _("Saved your %(kind)s of %(pose)s.") % {
        "kind": _("photo") if form.media_type.kind == Material.PHOTO else _("video"),
        "pose": material_label(pose, variation)})
    return redirect("studio:studio")


@require_POST
@teacher_only
def delete_material(request, pk):
    material = get_object_or_404(owned_rows(Material.objects, request.user, "teacher"), pk=pk)
    actions.delete_material(material)
    messages.success(request, _("Deleted the material for %(pose)s.") % {
        "pose": material_label(material.pose, material.variation)})
    return redirect("studio:studio")


def material_file(request, pk):
    """The file itself, only to its teacher and the clients that teacher looks after now; 404 to anyone else."""
    material = Material.objects.filter(pk=pk).first()
    if material is None or not may_view_material(request.user, material):
        raise Http404("Not found")
    try:
        handle = material.file.open("rb")
    except FileNotFoundError:
        raise Http404("Not found") from None
    response = stream_file(request, handle, material.size, material.content_type)
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Disposition"] = "inline"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- booking link and class times ----------------------------------------------------------------------

@require_POST
@teacher_only
def booking(request):
    form = BookingForm(request.POST)
    if not form.is_valid():
        return _page(request, status=400, booking_form=form)
    actions.set_booking_link(request.user, form.cleaned_data["url"])
    messages.success(request, _("Saved your booking link.") if form.cleaned_data["url"] else
                     _("Removed your booking link."))
    return redirect("studio:studio")


@require_POST
@teacher_only
def add_class(request):
    form = ClassTimeForm(request.POST)
    if not form.is_valid():
        return _page(request, status=400, class_form=form)
    actions.add_class_time(request.user, **form.cleaned_data)
    messages.success(request, _("Added the class “%(title)s”.") % {"title": form.cleaned_data["title"]})
    return redirect("studio:studio")


@require_POST
@teacher_only
def delete_class(request, pk):
    class_time = get_object_or_404(owned_rows(ClassTime.objects, request.user, "teacher"), pk=pk)
    actions.delete_class_time(class_time)
    messages.success(request, _("Deleted the class “%(title)s”.") % {"title": class_time.title})
    return redirect("studio:studio")


# --- a client's calendar address -------------------------------------------------------------------------

@login_required
def calendar_page(request):
    """Shows whether the person has an address; POST makes a new one (the old stops) or stops it.

    The secret is shown once, on the page that answers the POST: only its hash is kept.
    """
    client, key = request.user, None
    if request.method == "POST":
        if request.POST.get("action") == "stop":
            actions.stop_calendar_key(client)
            messages.success(request, _("Your calendar address is stopped. Calendars using it get nothing more."))
            return redirect("studio:calendar")
        key = actions.new_calendar_key(client)
    feed = request.build_absolute_uri(reverse("studio:calendar-feed", args=[key])) if key else None
    return render(request, "studio/calendar.html", {
        "teachers": teachers_of(client),
        "has_key": key is not None or CalendarKey.objects.filter(client=client).exists(),
        "feed": feed,
        "webcal": "webcal://" + feed.split("://", 1)[1] if feed else None,
        "next": next_occurrences(ClassTime.objects.filter(teacher__in=teachers_of(client)).select_related("teacher")),
    })


def calendar_feed(request, key):
    """No sign-in: the secret in the address is the permission. An unknown or replaced secret: 404."""
    from .calendar import class_calendar  # icalendar is needed only here

    found = CalendarKey.objects.filter(key_hash=actions.hash_calendar_key(key)).select_related("client").first()
    if found is None or not found.client.is_active:
        raise Http404("Not found")
    response = HttpResponse(class_calendar(found.client), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-cache"
    response["Referrer-Policy"] = "no-referrer"
    response["Content-Disposition"] = 'inline; filename="classes.ics"'
    return response
