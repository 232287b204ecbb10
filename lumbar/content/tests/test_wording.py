"""What the pose files and the about page say: no claim the evidence does not support, the review's wording
fixes kept, and the cautions clinical.md section 6 asks for present where it lists them."""
import pytest

from lumbar.content.claims import unsupported_claim
from lumbar.content.loader import DATA_DIR, read_poses
from lumbar.content.vocabulary import CONDITIONS, DIRECTIONS, POSITIONS

POSES = {pose.slug: pose for pose in read_poses()}
CONTENT_FILES = sorted((DATA_DIR / "poses").glob("*.yaml")) + sorted((DATA_DIR / "sequences").glob("*.yaml"))


@pytest.mark.parametrize("text,barred", [
    ("Tilts release the fascia.", "release"), ("This unsticks the layers.", "unsticks"),
    ("Yoga cures back pain.", "cures"), ("It will realign your spine.", "realign"),
    ("Stretching lengthens fascia.", "lengthens fascia"), ("Slow tilts, then a rounded rest.", None),
    ("Secure the strap.", None),
])
def test_the_barred_word_list_catches_claims_and_nothing_else(text, barred):
    assert unsupported_claim(text) == barred


@pytest.mark.parametrize("path", CONTENT_FILES, ids=[p.name for p in CONTENT_FILES])
def test_no_content_file_claims_what_the_evidence_does_not_support(path):
    found = unsupported_claim(path.read_text(encoding="utf-8"))
    assert found is None, f"{path.name} says {found!r}"


def test_no_vocabulary_label_claims_what_the_evidence_does_not_support():
    for vocabulary in (POSITIONS, DIRECTIONS, CONDITIONS):
        for label in vocabulary.values():
            assert unsupported_claim(str(label)) is None, label


@pytest.mark.django_db
def test_the_about_page_gives_the_trial_figures_says_lumbar_is_untested_and_claims_nothing_more(client):
    page = client.get("/about/").content.decode()
    for figure in ("3.8", "3.5", "2.5", "1.7", "2.3", "1.4", "48 in 100", "37 in 100", "23 in 100", "21 trials"):
        assert figure in page, figure
    assert "Lumbar itself has not been tested in a trial" in page
    assert "about as much as other back exercise" in page
    assert "the release is of effort" not in page
    assert unsupported_claim(page) is None, unsupported_claim(page)


def _all_text(pose, variation=None) -> str:
    chosen = pose.variation(variation)
    parts = chosen.steps if chosen else [*pose.steps, *pose.cues, pose.breath]
    return " ".join(parts).lower()


# (pose, variation or None for the pose's own steps and cues, words that must appear, words that must not)
REVIEW_FIXES = [
    ("thread-the-needle", None, ["rest the side of your head on the cushion", "cushion carry the weight of your head"],
     ["if it does not reach"]),
    ("seated-chair-twist", None, ["from the middle of your back", "do not hold the back of the chair"],
     ["crank", "hand on the seat or the back of the chair"]),
    ("seated-chair-twist", "slow-turn-hold", ["from the middle of your back"], ["backrest"]),
    ("standing-forward-fold", "ragdoll", ["do not sway", "hands on your thighs"], ["sway gently"]),
    ("happy-baby", None, ["by their own weight", "no pulling"], ["draw your knees"]),
    ("belly-breathing", "longer-out-breath", ["through your nose"], ["fogging", "window"]),
]


@pytest.mark.parametrize("pose,variation,present,absent", REVIEW_FIXES, ids=[f"{p}/{v or '-'}" for p, v, *_ in REVIEW_FIXES])
def test_the_wording_the_review_flagged_stays_fixed(pose, variation, present, absent):
    text = _all_text(POSES[pose], variation)
    for words in present:
        assert words in text, words
    for words in absent:
        assert words not in text, words


# (pose, condition, the variation the caution names or None, words the caution must contain)
CAUTIONS = [
    ("sphinx", "spinal-stenosis", "elbows-forward", "arch low and short"),
    ("cobra", "spinal-stenosis", None, "leave this pose out"),
    ("locust", "spinal-stenosis", None, "leave this pose out"),
    ("bridge", "spinal-stenosis", "tiny-lift", "does not arch"),
    ("pelvic-tilt", "spinal-stenosis", "smaller-range", "rounding half"),
    ("cat-cow", "spinal-stenosis", "small-range", "rounding half"),
    ("childs-pose", "spinal-stenosis", None, "often eases"),
    ("knees-to-chest", "spinal-stenosis", None, "often eases"),
    ("knees-to-chest", "pregnancy", "one-knee", "one knee in at a time, with your knees wide"),
    ("knees-to-chest", "osteoporosis", "one-knee", "never pull"),
    ("knees-to-chest", "posterior-hip-replacement", None, "skip"),
    ("childs-pose", "posterior-hip-replacement", None, "do not do it"),
    ("childs-pose", "knee-problems", "chair-childs-pose", "chair"),
    ("supine-twist", "osteoporosis", "cushioned-twist", "small"),
    ("supine-twist", "pregnancy", "cushioned-twist", "after the first trimester (13 weeks), leave this pose out"),
    ("supine-twist", "posterior-hip-replacement", None, "skip"),
    ("legs-up-the-wall", "pregnancy", None, "after the first trimester (13 weeks), leave this pose out"),
    ("legs-up-the-wall", "glaucoma", "calves-on-chair", "eyes"),
    ("legs-up-the-wall", "sciatica", "calves-on-chair", "knees bent"),
    ("pelvic-tilt", "osteoporosis", "smaller-range", "small"),
    ("cat-cow", "wrist-problems", "fists-or-forearms", "fists"),
    ("happy-baby", "osteoporosis", "half-happy-baby", "never pull"),
    ("standing-forward-fold", "osteoporosis", None, "skip"),
    ("downward-dog", "glaucoma", "wall-dog", "wall"),
    ("reclined-figure-four", "posterior-hip-replacement", None, "skip"),
    ("sphinx", "pregnancy", None, "do not lie on your front"),
]


@pytest.mark.parametrize("pose,condition,variation,words", CAUTIONS, ids=[f"{p}/{c}" for p, c, *_ in CAUTIONS])
def test_the_cautions_clinical_md_lists_are_in_the_pose_files(pose, condition, variation, words):
    (caution,) = [c for c in POSES[pose].cautions if c.condition == condition]
    assert caution.variation == variation
    assert words in caution.text.lower()

