"""Accuracy and cost of the motion core: `.venv/bin/python benchmarks/motion_accuracy.py [--heldout DIR]`.

Prints one compact table per question: repetition counting (exact and within-one rates), smooth vs
stop-and-go separation, hold timing error and the share of frames with a person found, on the shared
synthetic clips and harder versions of them (noise, lost frames, mirrored, other tempos, pauses), on a
held-out rendered set (DIR, made as benchmarks/synth/README.md says; its videos go through Lumbar's own
video path, so the landmarks and the back rise come from video; never tune on it) and on real UI-PRMD
streams; then the glide calibration data and the analysis cost per frame.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import glide_calibration  # noqa: E402
import rendered_set  # noqa: E402

from lumbar.motion.analysis import MotionAnalyzer, analyze  # noqa: E402
from lumbar.motion.smoothness import SPARC_GLIDE, SPARC_STOP_AND_GO  # noqa: E402
from lumbar.motion.tests import perturb  # noqa: E402
from lumbar.motion.tests.shared_data import DATA, UI_PRMD, synthetic_clip, ui_prmd_stream  # noqa: E402

GLIDE_LINE = (SPARC_GLIDE + SPARC_STOP_AND_GO) / 2


def variants(name: str, truth: dict, stream):
    """(label, stream, time map) for the clip and its harder versions."""
    rest_points = [r["end"] + 0.3 for r in truth["reps"][:-1]] or [10.0]   # child's pose: a longer hold
    yield "as rendered", stream, perturb.unchanged
    yield "jitter 0.1% of image", *perturb.with_noise(stream, 0.001)
    yield "jitter 0.2% of image", *perturb.with_noise(stream, 0.002, seed=1)
    yield "10% frames lost (0.5 s runs)", *perturb.with_random_gaps(stream, 0.10)
    yield "25% frames lost (1 s runs)", *perturb.with_random_gaps(stream, 0.25, mean_s=1.0, seed=2)
    yield "mirrored, 60% size, moved", *perturb.mirror_and_rescale(stream)
    yield "tempo x0.7 (faster)", *perturb.time_scaled(stream, 0.7)
    yield "tempo x1.6 (slower)", *perturb.time_scaled(stream, 1.6)
    yield "3 s pauses between reps" if truth["reps"] else "3 s longer hold", *perturb.with_pauses(
        stream, rest_points, 3.0)
    if truth["holds"]:
        yield "face hidden: lost 7-15 s", *perturb.with_gaps(stream, [(7.0, 15.0)])


def rep_halves(result, truth, time_map):
    """(smooth?, sparc) of each scored half, labelled by the truth rep holding its turn (a stop-and-go rep
    may stop only on the way up, or only on the way down)."""
    labelled = []
    for rep in result.reps:
        owner = next((r for r in truth["reps"] if time_map(r["start"]) <= rep.turn <= time_map(r["end"])), None)
        for index, half in enumerate(rep.halves):
            if owner is not None and half.sparc is not None:
                stops = owner.get("stops_in", None if owner["smooth"] else "both")
                smooth = stops is None or stops == ("down" if index == 0 else "up")
                labelled.append((smooth, half.sparc))
    return labelled


def synthetic_table():
    rows, counts, halves, hold_errors = [], [], [], []
    for name in ("pelvic_tilt", "pelvic_tilt_hard", "cat_cow", "childs_pose"):
        stream, truth = synthetic_clip(name)
        for label, harder, time_map in variants(name, truth, stream):
            result = analyze(harder, truth["exercise"])
            row = [name, label, f"{result.found_share:6.1%}"]
            if truth["reps"]:
                error = len(result.reps) - len(truth["reps"])
                counts.append(error)
                labelled = rep_halves(result, truth, time_map)
                halves += labelled
                smooth = [v for s, v in labelled if s]
                jerky = [v for s, v in labelled if not s]
                auc = glide_calibration.auc(smooth, jerky) if smooth and jerky else float("nan")
                row += [f"{len(result.reps)}/{len(truth['reps'])}", f"{auc:.2f}" if smooth and jerky else "-", "-"]
            else:
                start, end = (time_map(x) for x in truth["holds"][0])
                found = result.holds[0] if result.holds else None
                if found:
                    hold_errors.append((found.start - start, found.end - end))
                row += ["-", "-", (f"{found.start - start:+.2f}/{found.end - end:+.2f} s, seen {found.seen:.0%}"
                                   if found else "missed")]
            rows.append(row)
    print_table(["clip", "version", "found", "reps", "AUC", "hold start/end error"], rows)
    counts = np.array(counts)
    smooth = [v for s, v in halves if s]
    jerky = [v for s, v in halves if not s]
    accuracy = (np.mean(np.array(smooth) > GLIDE_LINE) + np.mean(np.array(jerky) <= GLIDE_LINE)) / 2
    print(f"\nsynthetic clips, all versions: counts exact {np.mean(counts == 0):.0%}, within one "
          f"{np.mean(np.abs(counts) <= 1):.0%} ({len(counts)} runs); smooth vs stop-and-go halves AUC "
          f"{glide_calibration.auc(smooth, jerky):.2f}, balanced accuracy at glide 50 {accuracy:.0%} "
          f"({len(smooth)} smooth, {len(jerky)} stop-and-go halves)")
    errors = np.abs(np.array(hold_errors))
    print(f"child's pose hold, all versions: mean |error| start {errors[:, 0].mean():.2f} s, "
          f"end {errors[:, 1].mean():.2f} s, max {errors.max():.2f} s")


def heldout_table(folder: Path):
    """The held-out rendered set, every clip and version through the video path."""
    rows, counts, halves, hold_errors, back_r = [], [], [], [], []
    for name, truth, version, stream in rendered_set.clips(folder):
        result = analyze(stream, truth["exercise"])
        row = [name, version, f"{stream.fps:g}", f"{result.found_share:6.1%}"]
        if truth["reps"]:
            counts.append(len(result.reps) - len(truth["reps"]))
            labelled = rep_halves(result, truth, perturb.unchanged)
            halves += labelled
            smooth, jerky = [v for s, v in labelled if s], [v for s, v in labelled if not s]
            auc = f"{glide_calibration.auc(smooth, jerky):.2f}" if smooth and jerky else "-"
            r = back_correlation(stream, result, truth)
            if r is not None and version == "as rendered":
                back_r.append(r)
            row += [f"{len(result.reps)}/{len(truth['reps'])}", auc, "-",
                    "-" if r is None else f"{r:+.2f} ({result.floor_space.change if result.floor_space else '-'})"]
        else:
            start, end = truth["holds"][0]
            found = result.holds[0] if result.holds else None
            if found:
                hold_errors.append((found.start - start, found.end - end))
            else:
                hold_errors.append((np.inf, np.inf))
            row += ["-", "-", (f"{found.start - start:+.2f}/{found.end - end:+.2f} s, seen {found.seen:.0%}"
                               if found else "missed"), "-"]
        rows.append(row)
    print_table(["held-out clip", "version", "fps", "found", "reps", "AUC", "hold start/end error",
                 "back rise r (floor space)"], rows)
    counts = np.array(counts)
    smooth = [v for s, v in halves if s]
    jerky = [v for s, v in halves if not s]
    errors = np.abs(np.array(hold_errors)) if hold_errors else np.zeros((0, 2))
    print(f"\nheld-out set, all versions: counts exact {np.mean(counts == 0):.0%}, within one "
          f"{np.mean(np.abs(counts) <= 1):.0%} ({len(counts)} runs); smooth vs stop-and-go halves AUC "
          f"{glide_calibration.auc(smooth, jerky):.2f} ({len(smooth)} smooth, {len(jerky)} stop-and-go halves); "
          f"holds within 1 s at both ends {np.mean(errors.max(axis=1) <= 1.0) if len(errors) else float('nan'):.0%} "
          f"({len(errors)} runs, max error {errors.max() if len(errors) else float('nan'):.2f} s); back rise vs the "
          f"true tilt |r| median {np.median(np.abs(back_r)) if back_r else float('nan'):.2f}, "
          f"at least 0.9 in {np.mean(np.abs(back_r) >= 0.9) if back_r else float('nan'):.0%} of {len(back_r)} clips")


def back_correlation(stream, result, truth) -> float | None:
    """Correlation of the back rise (low-passed at 1.5 Hz, as the floor-space check sees rest) with the
    true pelvic tilt, per frame; None where the clip has no tilt truth or no back rise."""
    if "tilt_deg" not in truth.get("per_frame", {}) or result.back is None:
        return None
    from lumbar.motion.filters import lowpass
    seen = ~np.isnan(result.back)
    if seen.sum() < 30:
        return None
    back = lowpass(np.interp(result.times, result.times[seen], result.back[seen]), stream.fps, 1.5)
    tilt = np.array(truth["per_frame"]["tilt_deg"])
    frames = np.clip(np.rint(result.times * truth["fps"]).astype(int), 0, len(tilt) - 1)
    return float(np.corrcoef(back, tilt[frames])[0, 1])


def ui_prmd_table():
    rows = []
    for label, pauses in (("joined, no pauses", None), ("1-4 s pauses inserted", (1.0, 4.0))):
        for subjects in (range(1, 6), range(6, 11)):
            errors = []
            for movement in range(1, 11):
                for subject in subjects:
                    times, signal = ui_prmd_stream(movement, subject, pauses_s=pauses, seed=subject)
                    errors.append(len(glide_calibration.count_signal(times, signal)) - 10)
            errors = np.array(errors)
            rows.append([label, f"{subjects[0]}-{subjects[-1]}", str(len(errors)), f"{np.mean(errors == 0):.0%}",
                         f"{np.mean(np.abs(errors) <= 1):.0%}"])
    print_table(["UI-PRMD streams (10 reps each)", "subjects", "streams", "exact", "within one"], rows)


def glide_table():
    synthetic = glide_calibration.synthetic_halves()
    smooth = [v for s, v, _ in synthetic if s]
    jerky = [v for s, v, _ in synthetic if not s]
    threshold, best = glide_calibration.best_threshold(smooth, jerky)
    at_line = (np.mean(np.array(smooth) > GLIDE_LINE) + np.mean(np.array(jerky) <= GLIDE_LINE)) / 2
    real = glide_calibration.real_halves()
    rows = [["synthetic glides", str(len(smooth)), *(f"{v:.2f}" for v in np.percentile(smooth, [10, 50, 90]))],
            ["synthetic stop-and-go", str(len(jerky)), *(f"{v:.2f}" for v in np.percentile(jerky, [10, 50, 90]))]]
    if real:
        rows.append(["UI-PRMD real halves", str(len(real)), *(f"{v:.2f}" for v in np.percentile(real, [10, 50, 90]))])
    print_table(["SPARC of halves", "n", "p10", "median", "p90"], rows)
    print(f"synthetic AUC {glide_calibration.auc(smooth, jerky):.2f}; best threshold {threshold:.2f} "
          f"(balanced accuracy {best:.0%}); at the glide-50 line ({GLIDE_LINE:.2f}) {at_line:.0%}"
          + (f"; UI-PRMD halves scoring 50 or more: {np.mean(np.array(real) > GLIDE_LINE):.0%}" if real else ""))


def model_cost() -> tuple[float, str]:
    """BlazePose full's seconds per frame, measured here if the video extra is installed."""
    try:
        from lumbar.motion.video import landmarks_from_video
        start = time.perf_counter()
        frames = len(landmarks_from_video(DATA / "synthetic" / "childs_pose.mp4").times)
        cost = (time.perf_counter() - start) / frames
        return cost, f"{cost * 1e3:.1f} ms/frame, measured in this run"
    except Exception:  # the video extra is optional: fall back to the design's figure
        return 0.011, "11 ms/frame, from design.md"


def cost_table():
    clips = [synthetic_clip(name) for name in ("pelvic_tilt", "cat_cow", "childs_pose")]
    start = time.perf_counter()
    frames = sum(len(analyze(stream, truth["exercise"]).times) for stream, truth in clips)
    offline = (time.perf_counter() - start) / frames
    streams = [(MotionAnalyzer(truth["exercise"]), stream) for stream, truth in clips * 40]   # 120 at once
    latencies = []
    for i in range(0, max(len(s.times) for _, s in streams), 3):   # 3 frames per message, round robin
        for analyzer, stream in streams:
            if i < len(stream.times):
                begin = time.perf_counter()
                analyzer.feed(stream.times[i:i + 3], stream.landmarks[i:i + 3])
                latencies.append(time.perf_counter() - begin)
    live = sum(latencies) / sum(len(s.times) for _, s in streams)
    model, where = model_cost()
    print_table(["analysis cost", "ms per frame", f"share of BlazePose full ({where})",
                 "30 fps streams per core"],
                [[label, f"{cost * 1e3:.3f}", f"{cost / model:.1%}", f"{1 / (30 * cost):.0f}"]
                 for label, cost in (("offline (whole files)", offline),
                                     ("live, 120 streams, 3 frames per message", live))])
    p50, p99, p999 = np.percentile(latencies, [50, 99, 99.9]) * 1e3
    print(f"live analysis time per message: p50 {p50:.2f} ms, p99 {p99:.2f} ms, p99.9 {p999:.2f} ms "
          "(the slow ones score a finished half)")


def print_table(header, rows):
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    print()
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", type=Path, metavar="DIR",
                        help="a held-out rendered set (DIR/clips/NAME.mp4 and NAME_truth.json)")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"shared data not found at {DATA}", file=sys.stderr)
        return 2
    if args.heldout and not rendered_set.clip_names(args.heldout):
        print(f"--heldout: no rendered clips in {args.heldout / 'clips'}", file=sys.stderr)
        return 2
    print("Lumbar motion core: accuracy on ../shared/data (synthetic clips with exact truth, UI-PRMD real streams)")
    synthetic_table()
    if args.heldout:
        heldout_table(args.heldout)
    if UI_PRMD.exists():
        ui_prmd_table()
    glide_table()
    cost_table()
    return 0


if __name__ == "__main__":
    sys.exit(main())
