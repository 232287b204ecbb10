"""`lumbar export --format fhir FILE`: one person's records as a FHIR R4 Bundle (JSON) that a clinic system reads.

Every resource is built through fhir.resources' models, so what is written has been validated. The library keeps
R4 as its R4B line (4.3.0); the resources written here (Bundle, Patient, Observation, QuestionnaireResponse,
Procedure, CarePlan) are the same in R4 (4.0.1) and R4B.

What goes in, and how it is coded:
  Patient                 the person, identified by their Lumbar username (no name or contact details)
  Observation             pain 0-10 from the journal and before/after each session: LOINC 72514-3, the
                          0-10 pain severity rating; our unvalidated impact score and the floor-space
                          self-observation under Lumbar's own code system (no standard code exists)
  QuestionnaireResponse   the weekly check-in (our three 0-10 items and the person's activity ratings) and the
                          morning-after answers, against Lumbar's own questionnaire names
  Procedure               each session practised (SNOMED CT 229065009, exercise therapy), completed or stopped
  CarePlan                the programme: how often and how long, the next session's poses, the sessions done
Free-text notes and medication are left out: they are the person's own words, shared only on purpose.
"""
from __future__ import annotations

import json
import uuid

from django.utils import timezone

LOINC, SNOMED = "http://loinc.org", "http://snomed.info/sct"
LUMBAR = "urn:lumbar"  # Lumbar's own code systems and questionnaires
PAIN = {"system": LOINC, "code": "72514-3", "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}
EXERCISE = {"system": SNOMED, "code": "229065009", "display": "Exercise therapy"}
SURVEY = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey",
                      "display": "Survey"}]}
NAMESPACE = uuid.UUID("5d2c8a44-1f39-4d0e-9a7b-2b6f1c0e7a11")


def _id(kind: str, key) -> str:
    """A stable id for one record, so exporting twice gives the same references."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))


def _when(value) -> str:
    return value.isoformat()


class _Bundle:
    def __init__(self, user):
        from fhir.resources.R4B.patient import Patient

        self.entries = []
        self.patient = self.add(Patient, "patient", user.pk, {
            "active": True, "identifier": [{"system": f"{LUMBAR}:username", "value": user.username}]})

    def add(self, model, kind: str, key, fields: dict) -> str:
        """Validates one resource and adds it; returns the reference other resources use."""
        resource_id = _id(kind, key)
        resource = model.model_validate({"resourceType": model.get_resource_type(), "id": resource_id, **fields})
        self.entries.append({"fullUrl": f"urn:uuid:{resource_id}", "resource": resource})
        return f"urn:uuid:{resource_id}"

    def pain(self, key, value: int, when, part_of: str | None = None) -> str:
        from fhir.resources.R4B.observation import Observation

        fields = {"status": "final", "category": [SURVEY], "code": {"coding": [PAIN], "text": "Pain (0-10)"},
                  "subject": {"reference": self.patient}, "effectiveDateTime": _when(when), "valueInteger": value}
        if part_of:
            fields["partOf"] = [{"reference": part_of}]
        return self.add(Observation, "pain", key, fields)

    def own_measure(self, key, code: str, text: str, when, value: dict, derived_from: str | None = None) -> str:
        from fhir.resources.R4B.observation import Observation

        fields = {"status": "final", "category": [SURVEY],
                  "code": {"coding": [{"system": f"{LUMBAR}:measure", "code": code, "display": text}], "text": text},
                  "subject": {"reference": self.patient}, "effectiveDateTime": _when(when), **value}
        if derived_from:
            fields["derivedFrom"] = [{"reference": derived_from}]
        return self.add(Observation, code, key, fields)

    def answers(self, key, questionnaire: str, when, items: list[dict]) -> str:
        from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

        return self.add(QuestionnaireResponse, questionnaire, key, {
            "status": "completed", "questionnaire": f"{LUMBAR}:questionnaire:{questionnaire}",
            "subject": {"reference": self.patient}, "authored": _when(when), "item": items})

    def document(self) -> dict:
        from fhir.resources.R4B.bundle import Bundle

        bundle = Bundle.model_validate({"resourceType": "Bundle", "type": "collection",
                                        "timestamp": _when(timezone.now()), "entry": self.entries})
        return json.loads(bundle.model_dump_json())


def _scale_item(link: str, text: str, value) -> dict:
    return {"linkId": link, "text": text, "answer": [{"valueInteger": value}]}


def _journal(bundle: _Bundle, user) -> None:
    from lumbar.journal.models import JournalEntry, MorningCheckin, WeeklyCheckin

    for entry in JournalEntry.objects.filter(user=user, deleted_at__isnull=True).order_by("recorded_at", "pk"):
        if entry.pain is not None:
            bundle.pain(f"journal/{entry.pk}", entry.pain, entry.recorded_at)
    for checkin in WeeklyCheckin.objects.filter(user=user).order_by("recorded_at", "pk").prefetch_related(
            "ratings__activity"):
        items = [_scale_item("typical-pain", "Pain on a typical day this week (0-10)", checkin.typical_pain),
                 _scale_item("spoiled-enjoyment", "How much pain got in the way of enjoying life (0-10)",
                             checkin.spoiled_enjoyment),
                 _scale_item("everyday-tasks", "How much pain got in the way of everyday tasks (0-10)",
                             checkin.everyday_tasks)]
        items += [_scale_item(f"activity-{r.activity_id}", f"{r.activity.name}: how well it can be done (0 can't, "
                              "10 as before)", r.rating) for r in sorted(checkin.ratings.all(), key=lambda r: r.pk)]
        response = bundle.answers(f"weekly/{checkin.pk}", "weekly-check-in", checkin.recorded_at, items)
        bundle.own_measure(f"weekly/{checkin.pk}", "impact-score",
                           "Lumbar impact score: mean of the three 0-10 items (not validated)", checkin.recorded_at,
                           {"valueQuantity": {"value": round(checkin.impact_score, 2), "unit": "score",
                                              "system": "http://unitsofmeasure.org", "code": "{score}"}}, response)
    for morning in MorningCheckin.objects.filter(user=user).order_by("answered_at", "pk"):
        items = [{"linkId": "direction", "text": "The morning after practice, compared with usual",
                  "answer": [{"valueString": morning.direction}]},
                 {"linkId": "points", "text": "By how many points (0-10 scale)",
                  "answer": [{"valueInteger": morning.points}]}]
        if morning.lasting is not None:
            items.append({"linkId": "lasting", "text": "Still worse later that day",
                          "answer": [{"valueBoolean": morning.lasting}]})
        bundle.answers(f"morning/{morning.pk}", "morning-after", morning.answered_at, items)


def _sessions(bundle: _Bundle, user) -> dict:
    """Each session as a Procedure with its pain before and after; returns the procedure reference by session."""
    from lumbar.practice.models import PracticeSession

    from fhir.resources.R4B.procedure import Procedure

    done = {}
    for session in PracticeSession.objects.filter(user=user).order_by("started_at", "pk"):
        procedure = bundle.add(Procedure, "session", session.pk, {
            "status": "completed" if session.completed else "stopped",
            "code": {"coding": [EXERCISE], "text": f"Gentle yoga session: {session.sequence_title}"},
            "subject": {"reference": bundle.patient},
            "performedPeriod": {"start": _when(session.started_at), "end": _when(session.finished_at)}})
        done[session.pk] = procedure
        if session.pain_before is not None:
            bundle.pain(f"session/{session.pk}/before", session.pain_before, session.started_at, procedure)
        if session.pain_after is not None:
            bundle.pain(f"session/{session.pk}/after", session.pain_after, session.finished_at, procedure)
        for moment, value, when in (("before", session.floor_before, session.started_at),
                                    ("after", session.floor_after, session.finished_at)):
            if value:
                bundle.own_measure(f"session/{session.pk}/floor-{moment}", "floor-space",
                                   "Space under the lower back, as the person felt it (a self-observation)", when,
                                   {"valueString": value, "partOf": [{"reference": procedure}]})
    return done


def _programme(bundle: _Bundle, user, procedures: dict) -> None:
    from fhir.resources.R4B.careplan import CarePlan

    from lumbar.content.library import poses
    from lumbar.programmes.models import Programme
    from lumbar.programmes.today import PAUSED, READY, programme_today

    programme = Programme.objects.filter(user=user).first()
    if programme is None:
        return
    today = programme_today(user)
    profile = today["profile"]
    activities = [{"detail": {
        "kind": "ServiceRequest", "status": "scheduled", "code": {"coding": [EXERCISE],
                                                                  "text": f"Sessions of about {profile.minutes:g} minutes"},
        "scheduledTiming": {"repeat": {"frequency": profile.days_per_week, "period": 1, "periodUnit": "wk"}}}}]
    if today["status"] == READY:
        activities += [{"detail": {"status": "scheduled", "code": {"text": poses()[step["pose"]].name}}}
                       for step in today["session"]["steps"]]
    done = [procedures[d.practice_id] for d in programme.done_sessions.order_by("number")
            if d.practice_id in procedures]
    if done:
        activities.append({"outcomeReference": [{"reference": reference} for reference in done]})
    status = {READY: "active", PAUSED: "on-hold"}.get(today["status"], "completed")
    bundle.add(CarePlan, "programme", programme.pk, {
        "status": status, "intent": "plan", "title": "Lumbar programme: gentle yoga for the lower back",
        "subject": {"reference": bundle.patient}, "created": _when(programme.created_at),
        "period": {"start": _when(programme.created_at)}, "activity": activities})


def bundle_for(user) -> dict:
    """The person's FHIR R4 Bundle, as JSON data."""
    bundle = _Bundle(user)
    _journal(bundle, user)
    procedures = _sessions(bundle, user)
    _programme(bundle, user, procedures)
    return bundle.document()
