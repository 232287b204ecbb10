"""The studio's forms: an upload of material for a pose, the booking link, a weekly class."""
from __future__ import annotations

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lumbar.content.text import translated
from lumbar.programmes.library import poses

from .actions import read_head
from .media_types import megabytes, sniff
from .models import ClassTime


def pose_choices():
    """Each pose, then its versions under it: "pose" or "pose/version"."""
    groups = []
    for pose in sorted(poses().values(), key=lambda p: translated(p.name)):
        name = translated(pose.name)
        versions = [(f"{pose.slug}/{v.slug}", f"{name}: {translated(v.name)}") for v in pose.easier + pose.harder]
        groups.append((name, [(pose.slug, _("%(pose)s (any version)") % {"pose": name}), *versions]))
    return groups


class MaterialForm(forms.Form):
    shows = forms.ChoiceField(label=gettext_lazy("Pose or version it shows"))
    file = forms.FileField(label=gettext_lazy("Photo or video"), help_text=gettext_lazy(
        "A photo (JPEG, PNG or WebP, up to 5 MB) or a short video (MP4 or WebM, up to 50 MB)."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shows"].choices = [("", _("Choose a pose")), *pose_choices()]

    def clean_shows(self) -> tuple[str, str]:
        pose, _slash, variation = self.cleaned_data["shows"].partition("/")
        return pose, variation

    def clean_file(self):
        upload = self.cleaned_data["file"]
        media = sniff(read_head(upload))
        if media is None:
            raise forms.ValidationError(_(
                "This file is not a JPEG, PNG or WebP photo, or an MP4 or WebM video (judged by what is inside "
                "it, not by its name)."))
        if upload.size > media.limit:
            raise forms.ValidationError(_("This %(kind)s is %(size)s MB; the most is %(limit)s MB.") % {
                "kind": _("photo") if media.kind == "photo" else _("video"),
                "size": megabytes(upload.size), "limit": megabytes(media.limit)})
        self.media_type = media
        return upload


class BookingForm(forms.Form):
    url = forms.CharField(label=gettext_lazy("Booking link"), required=False, max_length=500,
                          help_text=gettext_lazy("An https:// address where your clients book. Leave empty to remove it."))

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        if url:
            try:
                URLValidator(schemes=["https"])(url)
            except forms.ValidationError:
                raise forms.ValidationError(_("Enter a full address starting with https://")) from None
        return url


class ClassTimeForm(forms.ModelForm):
    class Meta:
        model = ClassTime
        fields = ["title", "weekday", "starts_at", "minutes", "place", "by_video"]
        labels = {"title": gettext_lazy("Class name"), "weekday": gettext_lazy("Day"),
                  "starts_at": gettext_lazy("Starts at"), "minutes": gettext_lazy("Length in minutes"),
                  "place": gettext_lazy("Place"), "by_video": gettext_lazy("By video call")}
        widgets = {"starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minutes"].widget.attrs.update(min=5, max=480)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("place") or "").strip() and not cleaned.get("by_video"):
            self.add_error("place", _("Say where the class is, or tick “By video call”."))
        return cleaned
