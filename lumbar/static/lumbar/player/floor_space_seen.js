// What the camera saw of the floor space in this session, handed from the camera coach (which hears it from
// the coach's result at the end of a watched pelvic-tilt step) to the floor-space check-in after it. Only
// the coach's small summing-up ({before, after, change}) is kept here, in this page, per plan step.

const CHANGES = new Set(["flatter", "more curved", "same"]); // lumbar/motion/floor_space.py
const byStep = new Map();        // plan step index -> {before, after, change}
const listeners = new Set();

/** The camera's floor-space comparison for one step, or null where there is none (now) for it. */
export function noteFloorSpace(index, floorSpace) {
  if (floorSpace) byStep.set(index, floorSpace);
  else byStep.delete(index);
  listeners.forEach((listener) => listener());
}

/** The comparison of the nearest watched step before plan step `index`, or null. */
export function floorSpaceBefore(index) {
  const earlier = [...byStep.keys()].filter((i) => i < index);
  return earlier.length ? byStep.get(Math.max(...earlier)) : null;
}

/** Calls `listener()` whenever a comparison arrives or goes. */
export function onFloorSpace(listener) {
  listeners.add(listener);
}

/** The coach's floor-space comparison ({before, after, change}) when it is whole, else null. */
export function floorSpaceOf(value) {
  if (!value || typeof value !== "object" || !CHANGES.has(value.change)) return null;
  const before = Number(value.before);
  const after = Number(value.after);
  if (!Number.isFinite(before) || !Number.isFinite(after)) return null;
  return { before, after, change: value.change };
}
