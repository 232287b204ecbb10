"""Varied clip specs for ../shared/tools/synth (render_clips.py / build_set.py): bodies, clothes, light,
camera height, distance and angle, facing, tempo, pauses, amplitude and smooth / stop-and-go mixes, all
drawn from one seeded generator. `dev_specs` (for developing the motion core) and `heldout_specs` (only
for reporting, never tuned on) call `clips(seed, counts)` with different seeds, so no clip is in both.
"""
from __future__ import annotations

import random


def colour(rng: random.Random, lo: int = 20, hi: int = 235) -> tuple[int, int, int]:
    return tuple(rng.randint(lo, hi) for _ in range(3))


SKINS = [(240, 200, 170), (225, 180, 150), (190, 140, 105), (150, 100, 70), (105, 70, 50), (80, 55, 40)]


def body(rng: random.Random) -> dict:
    return dict(phenotype=dict(gender=rng.uniform(0, 1), age=rng.uniform(0.1, 0.9), height=rng.uniform(0.2, 0.85),
                               weight=rng.uniform(0.1, 0.85), muscle=rng.uniform(0.2, 0.8)),
                shirt=colour(rng), pants=colour(rng, 15, 200), skin=rng.choice(SKINS), hair=colour(rng, 10, 220))


def scene(rng: random.Random, exercise: str) -> dict:
    """A home recording: a phone or laptop on the floor, a chair or a shelf, at the person's side."""
    height = rng.uniform(0.15, 0.9)
    distance = rng.uniform(1.7, 2.9)
    return dict(mirror=rng.random() < 0.5, cam_pos=(rng.uniform(-0.3, 0.3), height, distance),
                look_at=(rng.uniform(-0.25, 0.25), rng.uniform(0.15, 0.35), 0.0), yfov=rng.uniform(42, 60),
                light=rng.uniform(0.35, 1.2), ambient=rng.uniform(0.15, 0.45), noise=rng.uniform(2.0, 8.0),
                mat_color=colour(rng), wall_color=colour(rng, 120, 240))


def tilt_rep(rng: random.Random, smooth: bool) -> dict:
    period, amp = rng.uniform(3.5, 7.0), rng.uniform(8.0, 15.0)
    pause_after = rng.choice([0.0, 0.0, 0.0, rng.uniform(1.0, 4.0)])
    if smooth:
        return dict(kind="smooth", period=period, amp=amp, pause_after=pause_after, tremor=rng.uniform(0.0, 0.1))
    return dict(kind="stop", period=period, amp=amp, pause_after=pause_after, steps=rng.randint(2, 4),
                pause=rng.uniform(0.25, 0.6), stop_phases=rng.choice(["both", "both", "up", "down"]))


def pelvic_tilt(rng: random.Random, name: str) -> dict:
    n = rng.randint(4, 6)
    reps = [tilt_rep(rng, rng.random() < 0.55) for _ in range(n)]
    posture = dict(knee_flex=rng.uniform(80, 115), hip_flex=rng.uniform(40, 60), arm_add=rng.uniform(10, 45),
                   breath_s=rng.uniform(3.0, 5.5))
    seed = rng.randint(1, 10 ** 6)
    return dict(name=name, exercise="pelvic-tilt", seed=seed, body=body(rng), scene=scene(rng, "pelvic-tilt"),
                spec=dict(seed=seed, reps=reps, posture=posture, lead_in=rng.uniform(1.0, 3.0),
                          tail=rng.uniform(1.0, 2.5)))


def cat_cow(rng: random.Random, name: str) -> dict:
    cycles = [dict(period=rng.uniform(4.0, 7.5), amp=rng.uniform(0.7, 1.1),
                   hold_cat=rng.choice([0.0, 0.0, rng.uniform(0.5, 1.5)]),
                   pause_after=rng.choice([0.0, 0.0, rng.uniform(0.5, 3.0)])) for _ in range(rng.randint(3, 5))]
    return dict(name=name, exercise="cat-cow", seed=rng.randint(1, 10 ** 6), body=body(rng),
                scene=scene(rng, "cat-cow"), spec=dict(cycles=cycles, cow_first=rng.random() < 0.3,
                                                       lead_in=rng.uniform(1.0, 2.5)))


def child_pose(rng: random.Random, name: str) -> dict:
    start = rng.choice(["kneel", "seiza"])
    segments = [(start, rng.uniform(1.5, 3.0)), ("child", rng.uniform(2.5, 4.0)), ("child", rng.uniform(10.0, 20.0)),
                (rng.choice(["kneel", "seiza"]), rng.uniform(2.5, 4.0))]
    segments.append((segments[-1][0], rng.uniform(1.5, 2.5)))
    return dict(name=name, exercise="child-pose", seed=rng.randint(1, 10 ** 6), body=body(rng),
                scene=scene(rng, "child-pose"),
                spec=dict(start=start, segments=segments,
                          posture=dict(breath_s=rng.uniform(3.5, 6.0), breath_deg=rng.uniform(1.0, 3.0))))


MAKERS = {"tilt": pelvic_tilt, "catcow": cat_cow, "child": child_pose}


def clips(seed: int, prefix: str, counts: dict[str, int]) -> list[dict]:
    rng = random.Random(seed)
    return [MAKERS[kind](rng, f"{prefix}_{kind}_{i:02d}") for kind, n in counts.items() for i in range(n)]
