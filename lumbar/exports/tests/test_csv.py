"""`lumbar export --format csv FOLDER`: files the standard csv module opens, that give back the records exactly."""
import csv
import stat

import pytest

from lumbar import cli
from lumbar.exports.backup import export
from lumbar.exports.csv_files import is_health_table, read_table

pytestmark = pytest.mark.django_db


def test_one_persons_health_records_as_csv_files_round_trip(world, tmp_path, capsys):
    folder = tmp_path / "clara-csv"
    assert cli.main(["export", str(folder), "--user", "clara", "--format", "csv"]) == 0
    expected = [row for row in export("clara")["rows"] if is_health_table(row["model"])]
    assert f"Exported {len(expected)} rows in" in capsys.readouterr().out
    names = sorted(path.name for path in folder.iterdir())
    assert {"journal.journalentry.csv", "practice.practicesession.csv", "safety.screening.csv"} <= set(names)
    assert not any(name.startswith(("auth.", "accounts.", "studio.")) for name in names)  # no passwords, no uploads
    back = []
    for path in sorted(folder.iterdir()):
        with path.open(newline="", encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header[0] == "pk"
        back += read_table(path.name.removesuffix(".csv"), path.read_text(encoding="utf-8"))
    key = lambda row: (row["model"], row["pk"])  # noqa: E731
    assert sorted(back, key=key) == sorted(expected, key=key)
    assert any("é ✓ 日本" in str(row["fields"]) for row in back)  # the journal note, unicode intact
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in folder.iterdir())
