"""Draws the side-view figure of a pose from its keyframes, as SVG.

One renderer for every page (and later the PDF reports). Keyframes give absolute segment angles in
degrees (0 = the way the figure faces, 90 = straight up) and a spine curve. The animated form moves
there and back through the keyframes, easing in and out, one `tempo` per transition, with SMIL
`<animate>` so it plays without script; the session player pauses it and seeks it to stay in step with
its own clock (`svg.pauseAnimations()`, `svg.setCurrentTime()`).

Pure Python: takes plain mappings (a pose file's `figure`), no Django.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

# Segment lengths and half-widths in figure units (a standing figure is about 100 tall).
TRUNK, NECK, HEAD_R = 32.0, 4.0, 7.0
THIGH, SHIN, FOOT = 25.0, 24.0, 8.0
UPPER_ARM, FOREARM = 16.0, 16.0
HALF_WIDTH = {"trunk": 8.5, "thigh": 5.5, "shin": 4.2, "foot": 2.6, "upper_arm": 3.6, "forearm": 3.0}
SPINE_BULGE = 8.0
SAMPLES_PER_TRANSITION = 12

COLOURS = {
    "skin": "#d89f7f", "hair": "#4a3426", "shirt": "#2b8a8f", "shirt_far": "#1f6468",
    "legs": "#34406b", "legs_far": "#232c4d", "skin_far": "#b9836a",
    "floor": "#8d8d8d", "mat": "#cdbfe8", "prop": "#c9a46b", "prop_edge": "#8a6a3a", "wall": "#d9d9d9",
}


@dataclass(frozen=True)
class Body:
    """Joint positions of one drawn instant, y pointing up, floor at y = 0."""

    hip: tuple[float, float]
    spine_control: tuple[float, float]
    shoulder: tuple[float, float]
    head: tuple[float, float]
    hair: tuple[float, float]
    near_leg: tuple[tuple[float, float], ...]
    far_leg: tuple[tuple[float, float], ...]
    near_arm: tuple[tuple[float, float], ...]
    far_arm: tuple[tuple[float, float], ...]

    def extent_points(self):
        """(point, radius) pairs that bound the drawn body."""
        yield self.hip, HALF_WIDTH["trunk"]
        yield self.shoulder, HALF_WIDTH["trunk"]
        yield self.head, HEAD_R
        for leg in (self.near_leg, self.far_leg):
            yield leg[1], HALF_WIDTH["thigh"]
            yield leg[2], HALF_WIDTH["shin"]
            yield leg[3], HALF_WIDTH["foot"]
        for arm in (self.near_arm, self.far_arm):
            yield arm[1], HALF_WIDTH["upper_arm"]
            yield arm[2], HALF_WIDTH["forearm"]
        # the curved spine bulges half-way to its control point
        mid = _lerp_point(_lerp_point(self.hip, self.shoulder, 0.5), self.spine_control, 0.5)
        yield mid, HALF_WIDTH["trunk"]


def _direction(angle: float) -> tuple[float, float]:
    radians = math.radians(angle)
    return math.cos(radians), math.sin(radians)


def _step(start: tuple[float, float], angle: float, length: float) -> tuple[float, float]:
    dx, dy = _direction(angle)
    return start[0] + dx * length, start[1] + dy * length


def _lerp_point(a, b, t):
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


def _limb(start, angles, lengths):
    points = [start]
    for angle, length in zip(angles, lengths):
        points.append(_step(points[-1], angle, length))
    return tuple(points)


def pose_body(frame: dict) -> Body:
    """Forward kinematics from the hip, then shifted so the lowest drawn edge rests on the floor."""
    far = lambda name: _angle(frame, f"far_{name}")  # noqa: E731
    hip = (0.0, 0.0)
    trunk = frame["trunk"]
    shoulder = _step(hip, trunk, TRUNK)
    mid = _lerp_point(hip, shoulder, 0.5)
    # a rounded spine bulges toward the back (trunk angle + 90 degrees), an arched one toward the front
    spine_control = _step(mid, trunk + 90, 2 * SPINE_BULGE * frame.get("spine", 0))
    head = _step(shoulder, frame["head"], NECK + HEAD_R)
    hair = _step(_step(head, frame["head"], 1.4), frame["head"] + 90, 1.6)
    body = Body(
        hip=hip,
        spine_control=spine_control,
        shoulder=shoulder,
        head=head,
        hair=hair,
        near_leg=_limb(hip, (frame["thigh"], frame["shin"], frame["foot"]), (THIGH, SHIN, FOOT)),
        far_leg=_limb(hip, (far("thigh"), far("shin"), far("foot")), (THIGH, SHIN, FOOT)),
        near_arm=_limb(shoulder, (frame["upper_arm"], frame["forearm"]), (UPPER_ARM, FOREARM)),
        far_arm=_limb(shoulder, (far("upper_arm"), far("forearm")), (UPPER_ARM, FOREARM)),
    )
    lowest = min(point[1] - radius for point, radius in body.extent_points())
    return _shift(body, 0.0, -lowest)


def _shift(body: Body, dx: float, dy: float) -> Body:
    move = lambda p: (p[0] + dx, p[1] + dy)  # noqa: E731
    return Body(
        hip=move(body.hip), spine_control=move(body.spine_control), shoulder=move(body.shoulder),
        head=move(body.head), hair=move(body.hair),
        near_leg=tuple(map(move, body.near_leg)), far_leg=tuple(map(move, body.far_leg)),
        near_arm=tuple(map(move, body.near_arm)), far_arm=tuple(map(move, body.far_arm)),
    )


def _ease(t: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * t)


LIMBS = ("thigh", "shin", "foot", "upper_arm", "forearm")


def _angle(frame: dict, name: str) -> float:
    """A keyframe's angle; far limbs follow the near ones unless given."""
    if frame.get(name) is None and name.startswith("far_"):
        return frame[name[4:]]
    return frame[name]


def _blend(a: dict, b: dict, t: float) -> dict:
    """Interpolates two keyframes, turning each angle the short way round."""
    out = {"spine": a.get("spine", 0) + (b.get("spine", 0) - a.get("spine", 0)) * t}
    for name in ("trunk", "head", *LIMBS, *(f"far_{limb}" for limb in LIMBS)):
        start, end = _angle(a, name), _angle(b, name)
        out[name] = start + ((end - start + 180) % 360 - 180) * t
    return out


def cycle_frames(keyframes: list[dict]) -> list[dict]:
    """Samples one cycle: through the keyframes and back, eased, evenly spaced in time."""
    if len(keyframes) == 1:
        return [keyframes[0]]
    path = keyframes + keyframes[-2::-1]
    frames = []
    for a, b in zip(path, path[1:]):
        for i in range(SAMPLES_PER_TRANSITION):
            frames.append(_blend(a, b, _ease(i / SAMPLES_PER_TRANSITION)))
    frames.append(_blend(path[-1], path[-1], 0))
    return frames


def cycle_seconds(keyframes: list[dict], tempo: float) -> float:
    return 2 * (len(keyframes) - 1) * tempo


# --- drawing ----------------------------------------------------------------------------------

def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _svg_point(p) -> str:
    return f"{_fmt(p[0])},{_fmt(-p[1])}"


def _points(points) -> str:
    return " ".join(_svg_point(p) for p in points)


def _trunk_path(body: Body) -> str:
    return f"M{_svg_point(body.hip)} Q{_svg_point(body.spine_control)} {_svg_point(body.shoulder)}"


# Each drawn part: (name, element, how to read its geometry from a Body, style)
def _parts():
    limb = 'fill="none" stroke-linecap="round" stroke-linejoin="round"'
    return [
        ("far-arm", "polyline", lambda b: {"points": _points(b.far_arm)},
         f'{limb} stroke="{COLOURS["skin_far"]}" stroke-width="{2 * HALF_WIDTH["forearm"]}"'),
        ("far-foot", "polyline", lambda b: {"points": _points(b.far_leg[2:])},
         f'{limb} stroke="{COLOURS["skin_far"]}" stroke-width="{2 * HALF_WIDTH["foot"]}"'),
        ("far-leg", "polyline", lambda b: {"points": _points(b.far_leg[:3])},
         f'{limb} stroke="{COLOURS["legs_far"]}" stroke-width="{2 * HALF_WIDTH["shin"] + 1}"'),
        ("far-thigh", "polyline", lambda b: {"points": _points(b.far_leg[:2])},
         f'{limb} stroke="{COLOURS["legs_far"]}" stroke-width="{2 * HALF_WIDTH["thigh"]}"'),
        ("trunk", "path", lambda b: {"d": _trunk_path(b)},
         f'{limb} stroke="{COLOURS["shirt"]}" stroke-width="{2 * HALF_WIDTH["trunk"]}"'),
        ("hair", "circle", lambda b: {"cx": _fmt(b.hair[0]), "cy": _fmt(-b.hair[1])},
         f'r="{HEAD_R + 0.6}" fill="{COLOURS["hair"]}"'),
        ("neck", "polyline", lambda b: {"points": _points((b.shoulder, b.head))},
         f'{limb} stroke="{COLOURS["skin"]}" stroke-width="5"'),
        ("head", "circle", lambda b: {"cx": _fmt(b.head[0]), "cy": _fmt(-b.head[1])},
         f'r="{HEAD_R}" fill="{COLOURS["skin"]}"'),
        ("near-leg", "polyline", lambda b: {"points": _points(b.near_leg[:3])},
         f'{limb} stroke="{COLOURS["legs"]}" stroke-width="{2 * HALF_WIDTH["shin"] + 1}"'),
        ("near-thigh", "polyline", lambda b: {"points": _points(b.near_leg[:2])},
         f'{limb} stroke="{COLOURS["legs"]}" stroke-width="{2 * HALF_WIDTH["thigh"]}"'),
        ("near-foot", "polyline", lambda b: {"points": _points(b.near_leg[2:])},
         f'{limb} stroke="{COLOURS["skin"]}" stroke-width="{2 * HALF_WIDTH["foot"]}"'),
        ("near-sleeve", "polyline", lambda b: {"points": _points(b.near_arm[:2])},
         f'{limb} stroke="{COLOURS["shirt_far"]}" stroke-width="{2 * HALF_WIDTH["upper_arm"]}"'),
        ("near-forearm", "polyline", lambda b: {"points": _points(b.near_arm[1:])},
         f'{limb} stroke="{COLOURS["skin"]}" stroke-width="{2 * HALF_WIDTH["forearm"]}"'),
    ]


@dataclass(frozen=True)
class Shape:
    """One drawn prop in figure units, y up: a box (x, y = its lower left corner) or a stroked line."""

    kind: str  # "box" or "line"
    points: tuple[tuple[float, float], ...]  # box: ((x, y), (width, height)); line: the points it joins
    width: float = 0.0  # a line's stroke width, a box's corner radius
    style: str = "prop"  # "prop", "frame" (a chair), "wall" or "mat"


def _box(x, y, width, height, radius=1.0, style="prop") -> Shape:
    return Shape("box", ((x, y), (width, height)), radius, style)


def prop_shapes(scene: list[str], body: Body) -> list[Shape]:
    """The mat and the props of a scene, placed against the body in its final pose (the pose page's still)."""
    shapes = []
    xs = [p[0] for p, _ in body.extent_points()]
    hip_x, hip_y = body.hip[0], body.hip[1] - HALF_WIDTH["trunk"]
    lying = abs(((body.shoulder[0] - body.hip[0]) / TRUNK)) > 0.8 and body.hip[1] < 14  # trunk along the floor
    for item in scene:
        if item == "mat":
            shapes.append(_box(min(xs) - 6, 0, max(xs) - min(xs) + 12, 1.6, 0.8, "mat"))
        elif item == "wall":
            x = max(p[0] + r for p, r in body.extent_points())
            shapes.append(_box(x, 0, 6, 110, 0, "wall"))
        elif item == "chair":
            # under the hips when sitting, else standing ready beside the feet
            seat = hip_y if hip_y > 8 else 26
            x = hip_x if hip_y > 8 else max(p[0] + r for p, r in body.extent_points()) + 18
            back = x - 13 if hip_y > 8 or body.head[0] > hip_x else x + 13
            shapes += [Shape("line", ((x - 14, seat), (x + 12, seat)), 2.4, "frame"),
                       Shape("line", ((x - 12, seat), (x - 12, 0)), 2.4, "frame"),
                       Shape("line", ((x + 10, seat), (x + 10, 0)), 2.4, "frame"),
                       Shape("line", ((back, seat), (back, seat + 30)), 2.4, "frame")]
        elif item == "block" and hip_y > 2:
            shapes.append(_box(hip_x - 6, 0, 12, hip_y))
        elif item == "bolster":
            if lying:  # under the knees
                knee = body.near_leg[1]
                height = max(knee[1] - HALF_WIDTH["thigh"], 4)
                shapes.append(_box(knee[0] - 9, 0, 18, height, min(height / 2, 5)))
            else:
                mid = _lerp_point(body.hip, body.shoulder, 0.55)
                height = max(mid[1] - HALF_WIDTH["trunk"], 3)
                shapes.append(_box(mid[0] - 14, 0, 28, height, min(height / 2, 5)))
        elif item == "cushion":
            height = max(body.head[1] - HEAD_R, 2.5)
            shapes.append(_box(body.head[0] - 9, 0, 18, height, 1.5))
    return shapes


def _shape_svg(shape: Shape) -> str:
    if shape.kind == "line":
        return (f'<polyline class="prop-frame" points="{_points(shape.points)}" fill="none" '
                f'stroke="{COLOURS["prop_edge"]}" stroke-width="{_fmt(shape.width)}" stroke-linecap="round"/>')
    (x, y), (width, height) = shape.points
    fill = {"mat": f'fill="{COLOURS["mat"]}"', "wall": f'fill="{COLOURS["wall"]}"'}.get(
        shape.style, f'fill="{COLOURS["prop"]}" stroke="{COLOURS["prop_edge"]}" stroke-width="0.8"')
    return (f'<rect class="{shape.style}" x="{_fmt(x)}" y="{_fmt(-(y + height))}" width="{_fmt(width)}" '
            f'height="{_fmt(height)}" rx="{_fmt(shape.width)}" {fill}/>')


def _scene(scene: list[str], body: Body, left: float, right: float) -> list[str]:
    """Floor, mat and props, placed against the body in its final pose."""
    floor = f'<line x1="{_fmt(left)}" y1="0" x2="{_fmt(right)}" y2="0" stroke="{COLOURS["floor"]}" stroke-width="1.2"/>'
    return [floor, *(_shape_svg(shape) for shape in prop_shapes(scene, body))]


def render_svg(figure: dict, *, title: str, tempo: float = 3.0, animate: bool = True, css_class: str = "figure") -> str:
    """The figure as an SVG string: animated through its keyframes, or still in its final keyframe."""
    keyframes = [dict(k) for k in figure["keyframes"]]
    frames = cycle_frames(keyframes) if animate else [keyframes[-1]]
    bodies = [pose_body(f) for f in frames]
    final = pose_body(keyframes[-1])
    points = [(p, r) for b in bodies for p, r in b.extent_points()]
    left = min(p[0] - r for p, r in points) - 14
    right = max(p[0] + r for p, r in points) + 14
    top = max(p[1] + r for p, r in points) + 6
    for shape in prop_shapes(figure.get("scene", []), final):
        corner, size = shape.points if shape.kind == "box" else (shape.points[0], (0, 0))
        ends = shape.points if shape.kind == "line" else (corner, (corner[0] + size[0], corner[1] + size[1]))
        left = min(left, min(p[0] for p in ends) - 4)
        right = max(right, max(p[0] for p in ends) + 4)
        top = max(top, max(p[1] for p in ends) + 4)
    width, height = right - left, top + 4
    view = f"{_fmt(left)} {_fmt(-top)} {_fmt(width)} {_fmt(height)}"

    seconds = cycle_seconds(keyframes, tempo) if animate and len(keyframes) > 1 else 0
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" viewBox="{view}" role="img" '
        f'aria-label="{escape(title)}" data-cycle="{_fmt(seconds)}" data-keyframes="{len(keyframes)}" '
        f'data-hold-at="{_fmt((len(keyframes) - 1) * tempo if seconds else 0)}">',
        f"<title>{escape(title)}</title>",
        *_scene(figure.get("scene", ["mat"]), final, left, right),
    ]
    key_times = ";".join(_fmt(i / (len(bodies) - 1)) if len(bodies) > 1 else "0" for i in range(len(bodies)))
    for name, element, geometry, style in _parts():
        first = geometry(bodies[0])
        attributes = " ".join(f'{k}="{v}"' for k, v in first.items())
        if not seconds:
            out.append(f'<{element} class="{name}" {attributes} {style}/>')
            continue
        animations = "".join(
            f'<animate attributeName="{attr}" dur="{_fmt(seconds)}s" repeatCount="indefinite" '
            f'keyTimes="{key_times}" values="{";".join(geometry(b)[attr] for b in bodies)}"/>'
            for attr in first
        )
        out.append(f'<{element} class="{name}" {attributes} {style}>{animations}</{element}>')
    out.append("</svg>")
    return "\n".join(out)
