import json
import subprocess
import sys

import yaml

from lumbar import cli
from lumbar.content import loader


def test_poses_json_prints_the_whole_library_with_every_field():
    result = subprocess.run([sys.executable, "-m", "lumbar", "poses", "--json"], capture_output=True, text=True, check=True)
    poses = json.loads(result.stdout)
    assert len(poses) >= 24
    tilt = next(p for p in poses if p["slug"] == "pelvic-tilt")
    for field in ("uuid", "name", "sanskrit", "position", "direction", "load", "kind", "per_side", "dose", "steps",
                  "cues", "breath", "easier", "harder", "props", "cautions", "stop_if", "figure"):
        assert field in tilt
    assert tilt["dose"]["reps"] == 8 and tilt["figure"]["keyframes"]


def test_poses_without_json_prints_a_table(capsys):
    assert cli.main(["poses"]) == 0
    assert "pelvic-tilt" in capsys.readouterr().out


def test_a_bad_content_file_stops_with_the_file_and_field_named(tmp_path, monkeypatch, capsys):
    bad = yaml.safe_load((loader.DATA_DIR / "poses" / "pelvic-tilt.yaml").read_text()) | {"position": "upside-down"}
    (tmp_path / "pelvic-tilt.yaml").write_text(yaml.safe_dump(bad))
    monkeypatch.setattr(loader.read_poses, "__defaults__", (tmp_path,))
    assert cli.main(["poses", "--json"]) == 2
    error = capsys.readouterr().err
    assert "pelvic-tilt.yaml" in error and "position" in error and "upside-down" in error


def test_an_unknown_subcommand_is_refused_with_usage():
    result = subprocess.run([sys.executable, "-m", "lumbar", "dance"], capture_output=True, text=True)
    assert result.returncode == 2 and "invalid choice: 'dance'" in result.stderr


def test_a_bad_port_is_refused_with_a_message():
    result = subprocess.run([sys.executable, "-m", "lumbar", "--port", "eighty"], capture_output=True, text=True)
    assert result.returncode == 2 and "--port: invalid int value: 'eighty'" in result.stderr
