"""Writes that touch several objects. They take users and objects, never the request."""
from django.db import transaction
from django.utils import timezone

from .models import PracticeSession, PracticeStep


@transaction.atomic
def record_practice(user, sequence, plan: dict, log) -> PracticeSession:
    """Saves a finished (or ended early) session and its steps together: all or nothing."""
    session = PracticeSession.objects.create(
        user=user,
        sequence_slug=sequence.slug,
        sequence_title=sequence.title,
        started_at=log.started_at,
        finished_at=timezone.now(),
        completed=log.completed,
        floor_before=log.floor_space.before or "",
        floor_after=log.floor_space.after or "",
        pain_before=log.pain.before,
        pain_after=log.pain.after,
        rounded_feel=log.rounded_feel or "",
    )
    PracticeStep.objects.bulk_create(
        PracticeStep(
            session=session,
            position=result.index,
            pose_slug=plan["steps"][result.index]["pose"],
            pose_name=plan["steps"][result.index]["name"],
            variation=plan["steps"][result.index]["variation"] or "",
            status=result.status,
            seconds=result.seconds,
            rating=result.rating or "",
            camera=result.camera.model_dump() if result.camera else None,
        )
        for result in log.steps
    )
    return session
