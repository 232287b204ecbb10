"""The browser's back rise (static/lumbar/player/back_rise.js, run through the page) gives the same number as
its reference, lumbar.motion.back.back_rise, on the same masks and landmarks: the drawn lying person of the
motion tests, turned and shifted so that samples fall on every side of the pixel grid, and odd masks."""
import base64
import math

import numpy as np
import pytest

from lumbar.motion.back import back_rise
from lumbar.motion.tests.test_back import HEIGHT, WIDTH, lying_person

BACK_RISE = "/static/lumbar/player/back_rise.js"


def turned(mask, landmarks, degrees: float, shift=(0.0, 0.0)):
    """The same person with the camera tilted by `degrees` about the hip (mask and landmarks alike) and moved."""
    angle = math.radians(degrees)
    hip = landmarks[23, :2] * (WIDTH, HEIGHT)
    ys, xs = np.mgrid[0:HEIGHT, 0:WIDTH]
    # each output pixel looks up where it came from
    dx, dy = xs - hip[0] - shift[0], ys - hip[1] - shift[1]
    sx = np.rint(hip[0] + dx * math.cos(angle) + dy * math.sin(angle)).astype(int)
    sy = np.rint(hip[1] - dx * math.sin(angle) + dy * math.cos(angle)).astype(int)
    inside = (sx >= 0) & (sx < WIDTH) & (sy >= 0) & (sy < HEIGHT)
    out = np.zeros_like(mask)
    out[inside] = mask[sy[inside], sx[inside]]
    moved = landmarks.copy()
    px = landmarks[:, 0] * WIDTH - hip[0]
    py = landmarks[:, 1] * HEIGHT - hip[1]
    moved[:, 0] = (hip[0] + shift[0] + px * math.cos(angle) - py * math.sin(angle)) / WIDTH
    moved[:, 1] = (hip[1] + shift[1] + px * math.sin(angle) + py * math.cos(angle)) / HEIGHT
    return out, moved


def cases():
    rng = np.random.default_rng(7)
    found = []
    for rise in (0, 6, 15, 27.5):
        for head_right in (True, False):
            found.append(lying_person(rise, head_right))
    for degrees, shift in ((7.5, (3.3, -2.1)), (-12.0, (0.5, 0.5)), (31.0, (-40.2, 17.7))):
        found.append(turned(*lying_person(12), degrees, shift))
    mask, landmarks = lying_person(9)
    soft = np.clip(mask * rng.uniform(0.3, 1.0, mask.shape), 0, 1)           # a soft edge around the level
    found.append((soft, landmarks))
    far = landmarks.copy()
    far[[11, 23, 25], 3] = 0.2                                                # the right side is the near one
    far[[12, 24], :2] += (0.004, -0.006)
    found.append((mask, far))
    edge = landmarks.copy()
    edge[:, 1] -= 0.55                                                        # the body runs off the top
    found.append((mask, edge))
    found.append((np.zeros_like(mask), landmarks))                            # nobody in the mask: NaN
    same = landmarks.copy()
    same[[11, 12], :2] = same[[23, 24], :2]                                   # no torso: NaN
    found.append((mask, same))
    return found


def test_the_browser_gives_the_same_back_rise_as_back_py(page, running_app):
    page.goto("/about/")
    aspect = WIDTH / HEIGHT
    # each mask travels as bytes (0-255); both sides read the same values, byte / 255
    examples = [(np.rint(np.clip(mask, 0, 1) * 255).astype(np.uint8), landmarks) for mask, landmarks in cases()]
    expected = [back_rise(levels / 255, landmarks, aspect) for levels, landmarks in examples]
    got = page.evaluate("""async ([examples, aspect]) => {
        const {backRise, maskFromValues} = await import('%s');
        return examples.map(([width, height, encoded, landmarks]) => {
            const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
            const values = Float64Array.from(bytes, (b) => b / 255);
            const value = backRise(maskFromValues(width, height, values), landmarks, aspect);
            return Number.isNaN(value) ? 'NaN' : value;
        });
    }""" % BACK_RISE, [[[WIDTH, HEIGHT, base64.b64encode(levels.tobytes()).decode(), landmarks.tolist()]
                        for levels, landmarks in examples], aspect])
    assert len(got) == len(expected)
    for i, (js, py) in enumerate(zip(got, expected)):
        if math.isnan(py):
            assert js == "NaN", f"case {i}: back.py says NaN, back_rise.js {js}"
        else:
            assert js == pytest.approx(py, abs=1e-6), f"case {i}"
    measured = [value for value in expected if not math.isnan(value)]
    assert len(measured) >= 12 and len({round(value, 4) for value in measured}) >= 6   # the cases differ


def test_rounding_and_sampling_follow_numpy(page, running_app):
    page.goto("/about/")
    got = page.evaluate("""async () => {
        const {linspace, rint} = await import('%s');
        return {rint: [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.4999, 2.5001, 7].map(rint),
                reach: Array.from(linspace(-0.6, 0.6, 121)), trunk: Array.from(linspace(0.15, 0.55, 9)),
                pelvis: Array.from(linspace(-0.15, 0.05, 9))};
    }""" % BACK_RISE)
    assert got["rint"] == np.rint([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.4999, 2.5001, 7]).tolist()
    assert got["reach"] == np.linspace(-0.6, 0.6, 121).tolist()                 # bit for bit
    assert got["trunk"] == np.linspace(0.15, 0.55, 9).tolist()
    assert got["pelvis"] == np.linspace(-0.15, 0.05, 9).tolist()
