"""The backup document: what it holds, its fixed layout, and a whole site and one person restored from it."""
import base64
import json

import pytest

from lumbar.exports import backup
from lumbar.exports.actions import restore
from lumbar.exports.tables import backed_up_models, label

from .conftest import PHOTO, empty_the_site, everything

pytestmark = pytest.mark.django_db


def _models(doc) -> set:
    return {row["model"] for row in doc["rows"]}


def without_time(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.startswith(' "exported_at": '))


def test_every_lumbar_table_is_backed_up_but_content_which_comes_from_files():
    labels = {label(model) for model in backed_up_models()}
    assert {"auth.user", "accounts.profile", "journal.journalentry", "practice.practicestep", "safety.screening",
            "programmes.donesession", "studio.material"} <= labels
    assert not any(name.startswith(("content.", "sessions.", "contenttypes.", "auth.permission")) for name in labels)


def test_a_site_backup_holds_every_row_password_hashes_and_files(world):
    doc = backup.export()
    assert doc["scope"] == "site" and doc["person"] is None and doc["version"] == 1 and doc["lumbar"]
    users = {row["fields"]["username"]: row for row in doc["rows"] if row["model"] == "auth.user"}
    assert set(users) == {"clara", "tess", "sam", "ada"}
    assert users["clara"]["fields"]["password"].startswith(("argon2", "pbkdf2"))
    assert {"journal.journalentry", "journal.activityrating", "practice.practicestep", "programmes.changeentry",
            "programmes.sequenceassignment", "accounts.consentchange", "safety.directionstop"} <= _models(doc)
    entry = next(row for row in doc["rows"] if row["model"] == "journal.journalentry"
                 and row["fields"]["user"] == ["clara"])
    assert entry["fields"]["notes"] == "é ✓ 日本"
    [photo] = doc["files"].values()
    assert base64.b64decode(photo) == PHOTO


def test_the_written_file_is_json_one_row_a_line_and_tables_come_before_rows_that_point_at_them(world):
    text = backup.write(backup.export())
    assert json.loads(text)["rows"]
    order = [label(model) for model in backed_up_models()]
    models = [json.loads(line.rstrip(","))["model"] for line in text.splitlines() if line.startswith('{"fields"')]
    assert models == sorted(models, key=order.index)
    assert order.index("practice.practicesession") < order.index("programmes.donesession")


def test_a_whole_site_restored_into_an_empty_site_is_the_same_and_exports_the_same_file(world, uploads):
    before, first = everything(), backup.write(backup.export())
    empty_the_site()
    for path in uploads.rglob("*"):
        path.unlink() if path.is_file() else None
    restored = restore(backup.read(first))
    assert restored.people == 4 and restored.files == 1 and restored.rows == len(before)
    assert everything() == before
    assert without_time(backup.write(backup.export())) == without_time(first)
    from lumbar.studio.models import Material

    assert Material.objects.get().file.read() == PHOTO


def test_passwords_still_work_after_a_restore(world):
    from django.contrib.auth import get_user_model

    text = backup.write(backup.export())
    empty_the_site()
    restore(backup.read(text))
    assert get_user_model().objects.get(username="clara").check_password("a-long-test-password")


def test_one_persons_backup_holds_them_and_their_data_and_no_one_elses(world):
    doc = backup.export("clara")
    assert doc["scope"] == "person" and doc["person"] == "clara"
    users = [row["fields"]["username"] for row in doc["rows"] if row["model"] == "auth.user"]
    assert users == ["clara"]
    journal = [row for row in doc["rows"] if row["model"] == "journal.journalentry"]
    assert journal and all(row["fields"]["user"] == ["clara"] for row in journal)
    assert not any(row["model"] in ("programmes.ownsequence", "studio.material") for row in doc["rows"])
    assert doc["files"] == {}
    # the links to her teacher are hers too; the sequence Tess assigned her is Tess's, so it is left out
    assert {"accounts.coaching", "accounts.consentchange"} <= _models(doc)
    assert "programmes.sequenceassignment" not in _models(doc)
    assert any("programmes.sequenceassignment" in note for note in doc["notes"])
    # an invitation she used is Tess's: not in her backup
    assert "accounts.invitation" not in _models(doc)


def test_a_persons_rows_read_from_their_tables_are_those_picked_out_of_the_whole_site(world):
    """Two routes to one person's rows (export reads their tables; import --user picks from a site backup)."""
    from lumbar.exports.person import person_rows
    from lumbar.exports.rows import person_site_rows, site_rows

    everyone = site_rows()
    for person in (world.clara, world.tess, world.sam, world.ada):
        assert person_site_rows(person) == person_rows(everyone, person.username)


def test_a_teachers_backup_holds_their_sequences_material_and_invitations(world):
    doc = backup.export("tess")
    assert {"programmes.ownsequence", "programmes.sequenceassignment", "studio.material", "studio.bookinglink",
            "accounts.invitation", "accounts.coaching"} <= _models(doc)
    assert "journal.journalentry" not in _models(doc)
    assert [base64.b64decode(data) for data in doc["files"].values()] == [PHOTO]


def test_one_person_restored_elsewhere_keeps_their_data_and_links_to_people_who_are_there(world):
    text = backup.write(backup.export("clara"))
    before = [row for row in backup.export("clara")["rows"]]
    from django.contrib.auth import get_user_model

    get_user_model().objects.get(username="clara").delete()
    restored = restore(backup.read(text))
    assert restored.people == 1
    after = backup.export("clara")["rows"]
    strip = lambda rows: sorted(json.dumps({**row, "pk": None, "fields": {  # noqa: E731
        k: v for k, v in row["fields"].items() if not isinstance(v, int) or k in ("pain", "rating")}}, sort_keys=True)
        for row in rows)
    assert strip(after) == strip(before)  # the same rows, renumbered
    from lumbar.accounts.access import grant_for
    from lumbar.accounts.scopes import PRACTICE

    assert grant_for(world.tess, get_user_model().objects.get(username="clara")).may_read(PRACTICE)


def test_one_person_restored_where_their_teacher_is_not_keeps_their_data_and_says_what_was_left_out(world):
    text = backup.write(backup.export("clara"))
    empty_the_site()
    restored = restore(backup.read(text))
    assert restored.people == 1 and restored.rows == len(backup.export("clara")["rows"])
    assert any("accounts.coaching" in note and "tess" in note for note in restored.notes)
    assert any("accounts.consentchange" in note for note in restored.notes)
    from lumbar.journal.models import JournalEntry

    assert JournalEntry.objects.filter(user__username="clara").count() == 1


def test_one_person_out_of_a_site_backup(world):
    text = backup.write(backup.export())
    from django.contrib.auth import get_user_model

    get_user_model().objects.get(username="tess").delete()
    restored = restore(backup.read(text), "tess")
    assert restored.people == 1 and restored.files == 1
    assert backup.export("tess")["rows"][0]["fields"]["username"] == "tess"


def test_a_different_file_already_under_the_same_name_is_kept_and_the_restored_one_gets_another_name(world, uploads):
    from lumbar.studio.models import Material

    text = backup.write(backup.export())
    stored = Material.objects.get().file.path
    empty_the_site()
    with open(stored, "wb") as other:
        other.write(b"someone else's file")
    restore(backup.read(text))
    restored = Material.objects.get().file
    assert restored.path != stored and restored.read() == PHOTO
    with open(stored, "rb") as other:
        assert other.read() == b"someone else's file"
