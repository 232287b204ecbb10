"""`lumbar export --format fhir FILE --user NAME`: a FHIR R4 Bundle whose every resource validates."""
import json

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from lumbar import cli

pytestmark = pytest.mark.django_db
ALLOWED_STATUS = {  # the required value sets the library does not check
    "Observation": {"registered", "preliminary", "final", "amended"},
    "QuestionnaireResponse": {"in-progress", "completed", "amended", "entered-in-error", "stopped"},
    "Procedure": {"preparation", "in-progress", "not-done", "on-hold", "stopped", "completed"},
    "CarePlan": {"draft", "active", "on-hold", "revoked", "completed"},
}


def test_one_persons_bundle_validates_resource_by_resource_and_holds_their_figures(world, tmp_path, capsys):
    path = tmp_path / "clara.fhir.json"
    assert cli.main(["export", str(path), "--user", "clara", "--format", "fhir"]) == 0
    assert "FHIR resources for clara" in capsys.readouterr().out
    data = json.loads(path.read_text())
    Bundle.model_validate(data)
    assert data["resourceType"] == "Bundle" and data["type"] == "collection"
    kinds = {}
    references = {entry["fullUrl"] for entry in data["entry"]}
    for entry in data["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)  # each one, on its own
        kinds.setdefault(resource["resourceType"], []).append(resource)
        if resource["resourceType"] in ALLOWED_STATUS:
            assert resource["status"] in ALLOWED_STATUS[resource["resourceType"]]
        for key in ("subject", "partOf", "derivedFrom"):
            for ref in resource.get(key, []) if isinstance(resource.get(key), list) else [resource.get(key)]:
                assert ref is None or ref["reference"] in references  # every reference resolves in the bundle
    assert set(kinds) == {"Patient", "Observation", "QuestionnaireResponse", "Procedure", "CarePlan"}
    assert kinds["Patient"][0]["identifier"][0]["value"] == "clara"
    pains = [o["valueInteger"] for o in kinds["Observation"] if o["code"]["coding"][0]["code"] == "72514-3"]
    assert 4 in pains  # the journal entry's pain, as LOINC 72514-3
    weekly = next(q for q in kinds["QuestionnaireResponse"] if q["questionnaire"].endswith("weekly-check-in"))
    assert [i["answer"][0]["valueInteger"] for i in weekly["item"][:3]] == [5, 4, 3]
    assert any(i["text"].startswith("walking") and i["answer"][0]["valueInteger"] == 6 for i in weekly["item"])
    assert kinds["Procedure"][0]["code"]["coding"][0]["code"] == "229065009"
    assert kinds["CarePlan"][0]["intent"] == "plan"
    assert "é ✓ 日本" not in path.read_text()  # the person's own notes stay out
    again = tmp_path / "again.json"
    assert cli.main(["export", str(again), "--user", "clara", "--format", "fhir"]) == 0
    strip = lambda d: [e["fullUrl"] for e in d["entry"]]  # noqa: E731
    assert strip(json.loads(again.read_text())) == strip(data)  # stable ids
