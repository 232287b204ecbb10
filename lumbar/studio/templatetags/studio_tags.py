"""Studio parts shown on other apps' pages: the "Your teacher" box on the home page, and the material the
session player shows beside the figure (a json_script block read by player/teacher_material.js)."""
from django import template
from django.utils.html import json_script

from lumbar.accounts.access import is_teacher

from ..models import BookingLink, ClassTime, Material
from ..naming import caption, material_label, teacher_name
from lumbar.accounts.access import teachers_of, visible_material
from ..schedule import next_occurrences

register = template.Library()


@register.inclusion_tag("studio/your_teacher.html", takes_context=True)
def your_teacher(context):
    """The teachers looking after the signed-in person: name, booking link and their next class times."""
    user = context["request"].user
    teachers = list(teachers_of(user))
    links = dict(BookingLink.objects.filter(teacher__in=teachers).values_list("teacher_id", "url"))
    return {
        "teachers": [{"name": teacher_name(t), "booking_url": links.get(t.pk)} for t in teachers],
        "next": next_occurrences(ClassTime.objects.filter(teacher__in=teachers).select_related("teacher")),
        "is_teacher": is_teacher(user),
    }


def _plan_poses(plan) -> set[str]:
    steps = [*plan.get("steps", []), plan.get("rest") or {}]
    return {step["pose"] for step in steps if step.get("type") == "pose"}


def material_for_plan(user, plan) -> list[dict]:
    """The photos and videos for the plan's poses this person may see: their own first, then their teachers'."""
    from django.urls import reverse

    found = visible_material(Material.objects.filter(pose__in=_plan_poses(plan)), user).order_by("-created_at")
    items = sorted(found, key=lambda m: m.teacher_id != user.pk)
    return [{"pose": m.pose, "variation": m.variation, "kind": m.kind,
             "url": reverse("studio:material", args=[m.pk]),
             "caption": caption(m.kind, material_label(m.pose, m.variation), own=m.teacher_id == user.pk)}
            for m in items]


@register.simple_tag(takes_context=True)
def teacher_material(context, plan):
    """<script type="application/json" id="teacher-material"> with the plan's material for this person."""
    return json_script(material_for_plan(context["request"].user, plan), "teacher-material")
