"""What a restore refuses, each with a message that names the problem, leaving the database as it was."""
import json

import pytest
from django.contrib.auth import get_user_model

from lumbar.exports import backup
from lumbar.exports.actions import restore
from lumbar.exports.backup import BackupError

from .conftest import empty_the_site, everything

pytestmark = pytest.mark.django_db


def resigned(doc: dict) -> str:
    """A changed backup with its checksum made to match again, as someone who meant to tamper would."""
    doc["checksum"] = backup.checksum(doc)
    return backup.write(doc)


def refused(text, person=None) -> str:
    before = everything()
    with pytest.raises(BackupError) as error:
        restore(backup.read(text), person)
    assert everything() == before
    return str(error.value)


def test_a_whole_site_is_not_restored_over_a_site_that_has_people(world):
    text = backup.write(backup.export())
    message = refused(text)
    assert "not empty" in message and "4 people" in message and "LUMBAR_DATA_DIR" in message


def test_the_automatic_local_person_with_nothing_saved_makes_way_for_the_backup(world):
    from lumbar.accounts.middleware import local_user

    text = backup.write(backup.export())
    empty_the_site()
    local_user()
    restored = restore(backup.read(text))
    assert restored.people == 4 and restored.notes
    assert not get_user_model().objects.filter(username="local").exists()


def test_a_local_person_with_data_is_never_replaced(world):
    from lumbar.accounts.middleware import local_user
    from lumbar.safety.actions import record_flare

    text = backup.write(backup.export())
    empty_the_site()
    record_flare(local_user(), "mine")
    assert "not empty" in refused(text)


def test_a_person_whose_username_is_taken_is_not_imported(world):
    text = backup.write(backup.export("clara"))
    message = refused(text)
    assert "'clara' already has an account" in message and "nothing was imported" in message


def test_a_person_not_in_a_site_backup(world):
    assert "There is no person named nobody here" in refused(backup.write(backup.export()), "nobody")


def test_asking_for_someone_else_than_a_one_person_backup_holds(world):
    assert "holds 'clara', not 'tess'" in refused(backup.write(backup.export("clara")), "tess")


@pytest.mark.parametrize("text, problem", [
    (b"not json at all", "not JSON"),
    (b"\xff\xfe\x00", "not JSON"),
    (b"[1, 2]", "a JSON object"),
    (b'{"format": "something-else"}', "not a Lumbar backup"),
    (b'{"format": "lumbar-backup", "version": 2}', "version 2 cannot be read"),
    (b'{"format": "lumbar-backup", "version": 1, "version": 1}', "duplicated key"),
    (b'{"format": "lumbar-backup", "version": 1}', "missing field 'checksum'"),
    (b"[" * 100 + b"]" * 100, "nested too deeply"),
])
def test_a_file_that_is_not_a_backup_is_refused_before_anything_is_written(world, text, problem):
    with pytest.raises(BackupError, match=problem):
        backup.read(text)


def test_a_row_changed_after_export_is_refused(world):
    doc = json.loads(backup.write(backup.export()))
    next(row for row in doc["rows"] if row["model"] == "journal.journalentry")["fields"]["pain"] = 9
    with pytest.raises(BackupError, match="changed after it was exported"):
        backup.read(json.dumps(doc))


@pytest.mark.parametrize("change, problem", [
    (lambda row: row["fields"].update(pain=99), "pain: Ensure this value is less than or equal to 10"),
    (lambda row: row["fields"].update(pain="a lot"), "“a lot” value must be an integer"),
    (lambda row: row["fields"].update(mood="grumpy"), "has no field 'mood'"),
    (lambda row: row["fields"].update(user=["nobody"]), "points to ['nobody'], which is not on this site"),
    (lambda row: row["fields"].update(user=7), "expected user as a list"),
    (lambda row: row["fields"].pop("recorded_at"), "recorded_at is missing or empty"),
    (lambda row: row.update(model="content.pose"), "'content.pose' is not a table a Lumbar backup holds"),
    (lambda row: row.update(model="auth.permission"), "is not a table a Lumbar backup holds"),
    (lambda row: row.update(pk="1; drop"), "primary key must be a whole number"),
    (lambda row: row.update(extra=1), 'exactly "model", "pk" and "fields"'),
])
def test_a_tampered_row_with_a_matching_checksum_is_still_refused_and_named(world, change, problem):
    doc = json.loads(backup.write(backup.export()))
    row = next(row for row in doc["rows"] if row["model"] == "journal.journalentry")
    change(row)
    text = resigned(doc)
    empty_the_site()
    message = refused(text)
    assert problem in message
    if "not a table" not in message and "exactly" not in message and "whole number" not in message:
        assert "journal.journalentry" in message  # the row is named


def test_a_bad_choice_and_a_row_pointing_at_a_missing_row_are_refused(world):
    doc = json.loads(backup.write(backup.export()))
    next(row for row in doc["rows"] if row["model"] == "safety.screening")["fields"]["tier"] = "fine"
    text = resigned(doc)
    empty_the_site()
    assert "tier: Value 'fine' is not a valid choice" in refused(text)
    doc = json.loads(text)
    next(row for row in doc["rows"] if row["model"] == "safety.screening")["fields"]["tier"] = "ok"
    next(row for row in doc["rows"] if row["model"] == "practice.practicestep")["fields"]["session"] = 999
    assert "points to practice.practicesession 999, which is not in the backup" in refused(resigned(doc))


def test_a_duplicated_row_and_a_duplicated_username_are_refused(world):
    doc = json.loads(backup.write(backup.export()))
    doc["rows"].append(doc["rows"][0])
    with pytest.raises(BackupError, match="appears more than once"):
        backup.read(resigned(doc))
    doc["rows"][-1] = {**doc["rows"][0], "pk": 999}
    text = resigned(doc)
    empty_the_site()
    assert "the database refused it" in refused(text)


def test_files_written_before_a_later_row_failed_are_removed_again(world, uploads):
    doc = json.loads(backup.write(backup.export()))
    assert doc["rows"][-1]["model"] == "studio.material"
    entry = next(row for row in doc["rows"] if row["model"] == "journal.journalentry")
    doc["rows"].append({**entry, "pk": 999, "fields": {**entry["fields"], "pain": 99}})  # after the photo
    text = resigned(doc)
    empty_the_site()
    for path in uploads.rglob("*"):
        path.unlink() if path.is_file() else None
    refused(text)
    assert not [path for path in uploads.rglob("*") if path.is_file()]


def test_a_file_that_is_not_base64_is_refused(world):
    doc = json.loads(backup.write(backup.export()))
    name = next(iter(doc["files"]))
    doc["files"][name] = "not base64!"
    with pytest.raises(BackupError, match="not valid base64"):
        backup.read(resigned(doc))


def test_a_file_name_that_leaves_the_upload_folder_is_refused(world):
    doc = json.loads(backup.write(backup.export()))
    [(name, data)] = doc["files"].items()
    material = next(row for row in doc["rows"] if row["model"] == "studio.material")
    material["fields"]["file"] = "../../outside.png"
    doc["files"] = {"../../outside.png": data}
    text = resigned(doc)
    empty_the_site()
    assert "cannot be stored" in refused(text)
