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
    assert result.returncode == 2 and "--port: 'eighty' is not a port number" in result.stderr


# --- lumbar screen --json, as a checker runs it: a real process, bytes on stdin ------------------------------

SCREEN_IDS = [f"A{i}" for i in range(1, 9)] + [f"B{i}" for i in range(1, 16)]


def _screen(stdin: bytes):
    return subprocess.run([sys.executable, "-m", "lumbar", "screen", "--json"], input=stdin, capture_output=True)


def test_screen_json_reads_stdin_and_prints_the_tier_and_reasons():
    answers = {qid: False for qid in SCREEN_IDS} | {"B14": "unsure"}
    result = _screen(json.dumps({"answers": answers}).encode())
    assert result.returncode == 0 and json.loads(result.stdout) == {"tier": "routine", "reasons": ["B14"]}


def test_screen_json_exits_2_on_a_duplicated_key_or_bytes_that_are_not_text():
    text = json.dumps({"answers": {qid: False for qid in SCREEN_IDS}}).replace('"B1": false', '"B1": false, "B1": true')
    duplicated = _screen(text.encode())
    assert duplicated.returncode == 2 and b"duplicated key: 'B1'" in duplicated.stderr and duplicated.stdout == b""
    garbled = _screen(b'{"answers": {"A1": \xff}}')
    assert garbled.returncode == 2 and b"not JSON" in garbled.stderr


IMPORTS_OF = """
import contextlib, io, sys
from lumbar.cli import main
sys.stdin = io.StringIO(sys.argv[2])
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    main([sys.argv[1], "--json"])
print(sorted(name for name in ("numpy", "scipy") if name in sys.modules))
"""


def test_screen_and_plan_start_without_the_motion_analysis_libraries():
    """numpy and scipy (about a second and a half to load) come in only for `lumbar analyze`."""
    for command, stdin in (("screen", '{"answers": {}}'), ("plan", '{"minutes": 20, "days_per_week": 3}')):
        result = subprocess.run([sys.executable, "-c", IMPORTS_OF, command, stdin], capture_output=True, text=True,
                                timeout=60)
        assert result.stdout.strip() == "[]", (command, result.stdout, result.stderr)
