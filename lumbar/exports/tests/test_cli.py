"""`lumbar export` and `lumbar import` as an operator runs them: files, exit statuses and messages."""
import json
import os
import stat
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model

from lumbar import cli

from .conftest import empty_the_site, everything
from .test_backup import without_time

pytestmark = pytest.mark.django_db


def test_export_import_into_an_empty_site_and_export_again_gives_the_same_file(world, tmp_path, capsys):
    first, second = tmp_path / "site.json", tmp_path / "again.json"
    assert cli.main(["export", str(first)]) == 0
    assert "Exported 4 people" in capsys.readouterr().out
    assert stat.S_IMODE(first.stat().st_mode) == 0o600  # password hashes and health notes
    before = everything()
    empty_the_site()
    assert cli.main(["import", str(first)]) == 0
    assert "Imported 4 people" in capsys.readouterr().out
    assert everything() == before
    assert cli.main(["export", str(second)]) == 0
    assert without_time(second.read_text()) == without_time(first.read_text())
    assert second.read_text() != first.read_text()  # only the time differs


def test_a_fresh_site_in_a_new_data_folder_restores_the_backup(world, tmp_path):
    """The real thing: a new process, a new data folder, nothing prepared."""
    backup_file, again = tmp_path / "site.json", tmp_path / "again.json"
    assert cli.main(["export", str(backup_file)]) == 0
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env |= {"LUMBAR_DATA_DIR": str(tmp_path / "new-site"), "LUMBAR_MODE": "hosted"}
    run = lambda *args: subprocess.run([sys.executable, "-m", "lumbar", *args], env=env,  # noqa: E731
                                       capture_output=True, text=True, timeout=300)
    restored = run("import", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    assert run("export", str(again)).returncode == 0
    assert without_time(again.read_text()) == without_time(backup_file.read_text())
    twice = run("import", str(backup_file))
    assert twice.returncode == 2 and "this site is not empty" in twice.stderr and "Traceback" not in twice.stderr


def test_one_person_out_and_back_in(world, tmp_path, capsys):
    path = tmp_path / "clara.json"
    assert cli.main(["export", str(path), "--user", "clara"]) == 0
    assert json.loads(path.read_text())["person"] == "clara"
    assert "Exported 1 person" in capsys.readouterr().out
    get_user_model().objects.get(username="clara").delete()
    others = everything()
    assert cli.main(["import", str(path)]) == 0
    assert "Imported 1 person" in capsys.readouterr().out
    assert get_user_model().objects.filter(username="clara").exists()
    assert all(row in everything() for row in others)  # nobody else changed


def test_export_to_standard_output(world, capsys):
    assert cli.main(["export", "-", "--user", "sam"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["person"] == "sam" and "Exported 1 person" in out.err


@pytest.mark.parametrize("args, problem", [
    (["export", "{tmp}/x.json", "--user", "nobody"], "export: There is no person named nobody here."),
    (["export", "{tmp}/no-such-folder/x.json"], "export: cannot write"),
    (["export", "{tmp}/x.json", "--format", "xml"], "--format 'xml' is not available; use json or csv or fhir"),
    (["export", "{tmp}/x.json", "--format", "fhir"], "a FHIR bundle holds one person: name them with --user NAME"),
    (["export", "{tmp}/x.json", "--format", "fhir", "--user", "nobody"], "There is no person named nobody here."),
    (["import", "{tmp}/x.json", "--format", "csv"], "--format 'csv' is not available; use json"),
    (["export", "-", "--format", "csv"], "csv writes a folder of files, so PATH must be a folder, not -"),
    (["export", "{tmp}", "--format", "csv"], "already exists and is not an empty folder"),
    (["export", "{tmp}/site.json", "--format", "csv"], "already exists and is not an empty folder"),
    (["import", "{tmp}/missing.json"], "missing.json: no such file"),
    (["import", "{tmp}/bad.json"], "the input is not JSON"),
    (["import", "{tmp}/site.json"], "this site is not empty"),
    (["import", "{tmp}/clara.json"], "'clara' already has an account on this site; nothing was imported"),
])
def test_every_refusal_exits_2_and_names_the_problem_without_changing_anything(world, tmp_path, capsys, args,
                                                                               problem):
    (tmp_path / "bad.json").write_text("{not json")
    assert cli.main(["export", str(tmp_path / "site.json")]) == 0
    assert cli.main(["export", str(tmp_path / "clara.json"), "--user", "clara"]) == 0
    capsys.readouterr()
    before = everything()
    assert cli.main([arg.format(tmp=tmp_path) for arg in args]) == 2
    error = capsys.readouterr().err
    assert problem in error and error.startswith("lumbar: ") and "Traceback" not in error
    assert everything() == before
