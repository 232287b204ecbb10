"""Every field of a pose file is checked, and a bad file names the file, the field and the problem."""
import copy
from pathlib import Path

import pytest
import yaml

from lumbar.content.loader import DATA_DIR, ContentError, read_poses, read_sequences

REQUIRED_SLUGS = {
    "pelvic-tilt", "knees-to-chest", "childs-pose", "cat-cow", "sphinx", "cobra", "bridge", "supine-twist",
    "reclined-figure-four", "happy-baby", "legs-up-the-wall", "mountain", "standing-forward-fold",
    "downward-dog", "constructive-rest", "belly-breathing", "relaxation",
}
VALID = yaml.safe_load((DATA_DIR / "poses" / "pelvic-tilt.yaml").read_text())


def test_the_library_has_at_least_24_complete_poses_including_the_required_ones():
    poses = read_poses()
    assert len(poses) >= 24
    assert REQUIRED_SLUGS <= {pose.slug for pose in poses}
    for pose in poses:
        assert len(pose.steps) >= 3 and len(pose.cues) >= 3, pose.slug
        assert pose.easier and pose.harder and pose.stop_if, pose.slug
        assert all(len(v.steps) >= 2 for v in pose.easier + pose.harder), pose.slug


def test_the_glide_and_rest_sequence_refers_to_real_poses():
    (sequence,) = [s for s in read_sequences() if s.slug == "glide-and-rest"]
    kinds = [step.type for step in sequence.steps]
    assert kinds == ["floor-space", "pain", "pose", "floor-space", "pose", "pose", "pain", "summary"]


def _set(data: dict, path: str, value):
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is DELETE:
        del target[int(last) if last.isdigit() else last]
    else:
        target[int(last) if last.isdigit() else last] = value


DELETE = object()

BAD_FIELDS = [
    # (field changed, new value, words the message must contain)
    ("slug", "Pelvic Tilt", ["slug"]),
    ("uuid", "not-a-uuid", ["uuid"]),
    ("name", DELETE, ["name", "Field required"]),
    ("name", "", ["name"]),
    ("position", "upside-down", ["position", "upside-down", "supine"]),
    ("direction", "sideways", ["direction", "sideways"]),
    ("load", "heavy", ["load", "heavy"]),
    ("kind", "dance", ["kind"]),
    ("dose.reps", 0, ["dose.reps"]),
    ("dose.reps", DELETE, ["dose.reps"]),
    ("dose.tempo", 60, ["dose.tempo"]),
    ("per_side", "sometimes", ["per_side"]),
    ("purpose", DELETE, ["purpose"]),
    ("steps", ["Lie down.", "Tilt."], ["steps", "at least 3"]),
    ("cues", [], ["cues"]),
    ("breath", DELETE, ["breath"]),
    ("easier", [], ["easier"]),
    ("harder", DELETE, ["harder"]),
    ("easier.0.steps", ["Only one step."], ["easier.0.steps"]),
    ("easier.0.props", ["trampoline"], ["props", "trampoline"]),
    ("props", ["trampoline"], ["props", "trampoline"]),
    ("cautions.0.condition", "flu", ["cautions.0.condition", "flu", "pregnancy"]),
    ("cautions.0.variation", "no-such-variation", ["no-such-variation"]),
    ("stop_if", [], ["stop_if"]),
    ("figure.keyframes", [], ["figure.keyframes"]),
    ("figure.keyframes.0.thigh", "bent", ["figure.keyframes.0.thigh"]),
    ("figure.keyframes.0.spine", 3, ["figure.keyframes.0.spine"]),
    ("figure.scene", ["trampoline"], ["figure.scene"]),
    ("colour", "blue", ["colour", "Extra inputs are not permitted"]),
    # loads: every lower-back direction the pose loads (pelvic tilt: both ways); variations' own position/loads
    ("loads", DELETE, ["loads", "Field required"]),
    ("loads", ["twisting"], ["loads", "twisting", "side-bend"]),
    ("loads", "flexion", ["loads"]),
    ("loads", ["flexion", "flexion", "extension"], ["loads", "only once"]),
    ("loads", ["flexion"], ["loads must include extension", "flexion-extension"]),
    ("loads", [], ["loads must include extension, flexion"]),
    ("easier.0.position", "upside-down", ["easier.0.position", "upside-down", "chair"]),
    ("easier.0.position", "supine", ["easier.0 (smaller-range).position", "own position"]),
    ("easier.0.loads", ["sideways"], ["easier.0.loads", "sideways"]),
    ("easier.0.loads", ["extension", "flexion"], ["easier.0 (smaller-range).loads", "own loads"]),
    ("harder.0.loads", "extension", ["harder.0.loads"]),
]


@pytest.mark.parametrize("field,value,expected", BAD_FIELDS, ids=[f"{f}={v!r}"[:40] for f, v, _ in BAD_FIELDS])
def test_a_bad_field_is_refused_with_the_file_and_field_named(tmp_path: Path, field, value, expected):
    data = copy.deepcopy(VALID)
    _set(data, field, value)
    (tmp_path / "pelvic-tilt.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(ContentError) as caught:
        read_poses(tmp_path)
    message = str(caught.value)
    assert "pelvic-tilt.yaml" in message
    for words in expected:
        assert words in message


def test_a_reps_pose_needs_two_keyframes(tmp_path):
    data = copy.deepcopy(VALID)
    data["figure"]["keyframes"] = data["figure"]["keyframes"][:1]
    (tmp_path / "pelvic-tilt.yaml").write_text(yaml.safe_dump(data))
    with pytest.raises(ContentError, match="at least 2 figure keyframes"):
        read_poses(tmp_path)


@pytest.mark.parametrize("text,expected", [
    ("slug: [unclosed", "not valid YAML"),
    ("- just\n- a list\n", "expected a mapping"),
    ("", "expected a mapping"),
])
def test_a_file_that_is_not_a_pose_mapping_is_refused(tmp_path, text, expected):
    (tmp_path / "broken.yaml").write_text(text)
    with pytest.raises(ContentError, match=expected) as caught:
        read_poses(tmp_path)
    assert "broken.yaml" in str(caught.value)


def test_the_file_name_must_match_the_slug(tmp_path):
    (tmp_path / "other-name.yaml").write_text(yaml.safe_dump(VALID))
    with pytest.raises(ContentError, match="file name says 'other-name'"):
        read_poses(tmp_path)


def test_two_files_with_the_same_uuid_are_refused(tmp_path):
    twin = copy.deepcopy(VALID) | {"slug": "pelvic-tilt-twin"}
    (tmp_path / "pelvic-tilt.yaml").write_text(yaml.safe_dump(VALID))
    (tmp_path / "pelvic-tilt-twin.yaml").write_text(yaml.safe_dump(twin))
    with pytest.raises(ContentError, match="also used by pelvic-tilt"):
        read_poses(tmp_path)


def test_a_sequence_naming_an_unknown_pose_is_refused(tmp_path):
    (tmp_path / "s.yaml").write_text(yaml.safe_dump({
        "slug": "s", "uuid": "8c1f6d2e-0d7c-4f7e-9a52-6d1e2c8b9a77", "title": "Test", "summary": "A test sequence.",
        "steps": [{"type": "pose", "pose": "headstand"}],
    }))
    with pytest.raises(ContentError, match="steps.0: unknown pose 'headstand'"):
        read_sequences(tmp_path)


def test_a_sequence_step_of_an_unknown_type_is_refused(tmp_path):
    (tmp_path / "s.yaml").write_text(yaml.safe_dump({
        "slug": "s", "uuid": "8c1f6d2e-0d7c-4f7e-9a52-6d1e2c8b9a77", "title": "Test", "summary": "A test sequence.",
        "steps": [{"type": "dance"}],
    }))
    with pytest.raises(ContentError, match="steps.0"):
        read_sequences(tmp_path)
