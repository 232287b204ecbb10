import copy

import pytest
import yaml

from lumbar.content.loader import DATA_DIR, ContentError, load_content
from lumbar.content.models import Pose, Sequence

pytestmark = pytest.mark.django_db
VALID = yaml.safe_load((DATA_DIR / "poses" / "pelvic-tilt.yaml").read_text())


def test_loading_twice_updates_and_never_duplicates():
    first = load_content()
    count = Pose.objects.count()
    assert first["created"] == count + Sequence.objects.count()
    second = load_content()
    assert second == {"created": 0, "updated": 0}
    assert Pose.objects.count() == count


def _folder(tmp_path, pose: dict):
    poses = tmp_path / "poses"
    poses.mkdir(exist_ok=True)
    for old in poses.glob("*.yaml"):
        old.unlink()
    (poses / f"{pose['slug']}.yaml").write_text(yaml.safe_dump(pose))
    sequences = tmp_path / "sequences"
    sequences.mkdir(exist_ok=True)
    return poses, sequences


def test_a_changed_file_updates_its_row_found_by_uuid_even_when_renamed(tmp_path):
    load_content(*_folder(tmp_path, VALID))
    renamed = copy.deepcopy(VALID) | {"slug": "pelvic-rock", "name": "Pelvic rock"}
    counts = load_content(*_folder(tmp_path, renamed))
    assert counts == {"created": 0, "updated": 1}
    row = Pose.objects.get(uuid=VALID["uuid"])
    assert (row.slug, row.name, row.data["name"]) == ("pelvic-rock", "Pelvic rock", "Pelvic rock")


def test_a_row_found_by_slug_takes_the_files_uuid(tmp_path):
    load_content(*_folder(tmp_path, VALID))
    new_id = copy.deepcopy(VALID) | {"uuid": "0b7e2a44-1c1d-4c5e-8f3a-2a0f9e6d1b55"}
    load_content(*_folder(tmp_path, new_id))
    assert str(Pose.objects.get(slug="pelvic-tilt").uuid) == new_id["uuid"]
    assert Pose.objects.count() == 1


def test_a_bad_file_writes_nothing(tmp_path):
    good = copy.deepcopy(VALID)
    poses, sequences = _folder(tmp_path, good)
    bad = copy.deepcopy(VALID) | {"slug": "zz-bad", "uuid": "5d5e0c1a-6a55-4b0c-9d1e-7f2b3c4d5e6f", "kind": "dance"}
    (poses / "zz-bad.yaml").write_text(yaml.safe_dump(bad))
    with pytest.raises(ContentError, match="zz-bad.yaml"):
        load_content(poses, sequences)
    assert Pose.objects.count() == 0
