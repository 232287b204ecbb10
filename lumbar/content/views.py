from django import forms
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from lumbar.accounts.access import own
from lumbar.content.figure import render_svg
from lumbar.content.text import translated

from .library import pose_data, poses
from .vocabulary import CONDITIONS, DIRECTIONS, KINDS, LOADS, POSITIONS, PROPS


class LibraryFilter(forms.Form):
    position = forms.ChoiceField(label=_("Position"), required=False,
                                 choices=[("", _("Any position")), *POSITIONS.items()])
    direction = forms.ChoiceField(label=_("Movement of the lower back"), required=False,
                                  choices=[("", _("Any movement")), *DIRECTIONS.items()])


def library(request):
    form = LibraryFilter(request.GET or None)
    shown = list(poses().values())
    if form.is_valid():
        wanted = {key: value for key, value in form.cleaned_data.items() if value}
        shown = [pose for pose in shown if all(getattr(pose, key) == value for key, value in wanted.items())]
    elif form.is_bound:
        shown = []
    cards = [
        {"slug": pose.slug, "name": translated(pose.name), "position": POSITIONS[pose.position],
         "direction": DIRECTIONS[pose.direction],
         "figure": render_svg(pose_data(pose.slug)["figure"], title=translated(pose.name), animate=False)}
        for pose in shown
    ]
    cards.sort(key=lambda card: card["name"])
    return render(request, "content/library.html", {"form": form, "cards": cards})


def for_you(user, slug: str) -> dict | None:
    """The pose page's "Is this for me?" note: the same per-person decision every session route asks."""
    from lumbar.programmes.exclusions import may_do
    from lumbar.programmes.library import display_name
    from lumbar.programmes.person import profile_for

    if user is None:
        return None
    decision = may_do(profile_for(user), slug)
    return {"allowed": decision.allowed, "why": decision.why, "cautions": decision.notes,
            "version": display_name(slug, decision.variation) if decision.allowed and decision.variation else ""}


def pose_detail(request, slug):
    if slug not in poses():
        raise Http404("No such pose")
    pose = poses()[slug]
    data = translated(pose_data(slug))
    tempo = data["dose"].get("tempo") or 3
    variation_names = {v["slug"]: v["name"] for v in data["easier"] + data["harder"]}
    return render(request, "content/pose.html", {
        "pose": pose,
        "data": data,
        "figure": render_svg(pose_data(slug)["figure"], title=data["name"], tempo=tempo),
        "position": POSITIONS[pose.position],
        "direction": DIRECTIONS[pose.direction],
        "load": LOADS[data["load"]],
        "kind": KINDS[data["kind"]],
        "props": [PROPS[p] for p in data["props"]],
        "cautions": [{**c, "label": CONDITIONS[c["condition"]], "variation_name": variation_names.get(c["variation"])}
                     for c in data["cautions"]],
        "for_you": for_you(own(request).client, slug),
    })
