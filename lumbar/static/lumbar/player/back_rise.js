// The back rise of one frame, from BlazePose's segmentation mask and the frame's landmarks: the height of
// the body's outline over the lower trunk above its outline over the pelvis, square to the hip-shoulder
// line, in torso lengths. A shape the camera saw, never a measurement of the spine.
//
// The reference is the Python module lumbar/motion/back.py (`back_rise`): the same constants, the same
// sampling and the same rounding (numpy's linspace and rint, round half to even), so the browser and
// `lumbar analyze VIDEO` give the same number for the same mask. Pure: no DOM, no timing. Only the number
// leaves the model's side; the mask itself never does.

export const LOWER_TRUNK = [0.15, 0.55]; // along the trunk from the hip (0) to the shoulder (1)
export const PELVIS = [-0.15, 0.05];
export const COLUMNS = 9;                // columns sampled in each stretch
export const REACH = 0.6;                // how far from the hip-shoulder line a column looks, torso lengths, each way
export const STEPS = 121;                // samples per column
export const MASK_LEVEL = 0.5;           // a mask value above this is the person

// BlazePose's landmark numbers (lumbar/motion/landmarks.py)
const LEFT_SHOULDER = 11;
const RIGHT_SHOULDER = 12;
const LEFT_HIP = 23;
const RIGHT_HIP = 24;
const LEFT_KNEE = 25;
const RIGHT_KNEE = 26;

/** numpy.linspace(start, stop, num): start + i * step, the last value exactly `stop`. */
export function linspace(start, stop, num) {
  const step = (stop - start) / (num - 1);
  const values = new Float64Array(num);
  for (let i = 0; i < num; i++) values[i] = i * step + start;
  values[num - 1] = stop;
  return values;
}

/** numpy.rint: to the nearest whole number, halves to the even one. */
export function rint(value) {
  const floor = Math.floor(value);
  const rest = value - floor;
  if (rest < 0.5) return floor;
  if (rest > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** A mask read from a flat row-major list of 0-1 values (tests, and masks given as floats). */
export function maskFromValues(width, height, values) {
  return { width, height, at: (x, y) => values[y * width + x] };
}

/** A mask read from RGBA pixels (an ImageData's data), the person's share in `channel` (0-255). */
export function maskFromPixels(width, height, pixels, channel = 0) {
  return { width, height, at: (x, y) => pixels[(y * width + x) * 4 + channel] / 255 };
}

const visibility = (row) => (Array.isArray(row) ? row[3] : row.visibility) || 0;
const xy = (row) => (Array.isArray(row) ? [row[0], row[1]] : [row.x, row.y]);

/**
 * The back rise (NaN if it cannot be measured): `mask` {width, height, at(x, y) -> 0-1}, `landmarks` the 33
 * points ([x, y, z, visibility] rows or {x, y, visibility}) normalised as BlazePose gives them, `aspect` the
 * image's width / height.
 */
export function backRise(mask, landmarks, aspect) {
  if (!mask || !Array.isArray(landmarks) || landmarks.length !== 33 || !(aspect > 0)) return NaN;
  const { width, height } = mask;
  const side = (ids) => ids.reduce((sum, id) => sum + visibility(landmarks[id]), 0);
  const near = side([LEFT_SHOULDER, LEFT_HIP, LEFT_KNEE]) >= side([RIGHT_SHOULDER, RIGHT_HIP, RIGHT_KNEE]) ? 0 : 1;
  const [sx, sy] = xy(landmarks[LEFT_SHOULDER + near]);
  const [hx, hy] = xy(landmarks[LEFT_HIP + near]);
  const shoulder = [sx * aspect, sy * 1.0];
  const hip = [hx * aspect, hy * 1.0];
  const torso = Math.hypot(shoulder[0] - hip[0], shoulder[1] - hip[1]);
  if (!Number.isFinite(torso) || torso <= 0) return NaN;
  const along = [(shoulder[0] - hip[0]) / torso, (shoulder[1] - hip[1]) / torso];
  let up = [along[1], -along[0]];
  if (up[1] > 0) up = [-up[0], -up[1]]; // image y grows downwards: "up" is away from the floor
  const reach = linspace(-REACH, REACH, STEPS);
  const tops = [];
  for (const [lo, hi] of [LOWER_TRUNK, PELVIS]) {
    const where = linspace(lo, hi, COLUMNS);
    let sum = 0;
    let seen = 0;
    for (let c = 0; c < COLUMNS; c++) {
      let last = -1; // the highest sample on the body
      for (let s = 0; s < STEPS; s++) {
        const px = hip[0] + torso * (where[c] * along[0] + reach[s] * up[0]);
        const py = hip[1] + torso * (where[c] * along[1] + reach[s] * up[1]);
        const x = rint(px / aspect * width);
        const y = rint(py * height);
        if (x >= 0 && x < width && y >= 0 && y < height && mask.at(x, y) > MASK_LEVEL) last = s;
      }
      if (last >= 0) {
        sum += reach[last];
        seen += 1;
      }
    }
    if (!seen) return NaN;
    tops.push(sum / seen);
  }
  return tops[0] - tops[1];
}
