// The camera coach's words for what it saw, with no DOM and no timing (pure functions, tested through the
// page): the word for a glide score, the label of one half-repetition ("Tilt: smooth 82"), the short
// summary of one watched step (reps seen, how many glided, the one thing to try next time), and the
// floor-space check by camera in plain words, beside what the person felt.

import { format, messages } from "./messages.js";

// The glide score (0 to 100) is made so that 50 is the line between a glide and stop-and-go (the motion
// core's calibration, lumbar/motion/smoothness.py): at or above LINE a half glided. The words split each
// side once more: at or above GOOD "smooth", under LOW "stop-and-go".
export const GLIDE_LINE = 50;
export const GLIDE_GOOD = 75;
const GLIDE_LOW = 25;

// the motion core's half-repetition directions, in plain words
const DIRECTIONS = {
  flatten: { name: messages.halfTilt, way: messages.wayTilt },
  arch: { name: messages.halfBackDown, way: messages.wayBackDown },
  cat: { name: messages.halfCat, way: messages.wayCat },
  cow: { name: messages.halfCow, way: messages.wayCow },
};
const OTHER = { name: messages.halfOther, way: messages.wayOther };
// which cue's advice wins when several were given equally often: the gentlest change first
const TIP_ORDER = ["tempo", "range", "neck"];

const scored = (glide) => typeof glide === "number" && Number.isFinite(glide);

export function glideWord(glide) {
  if (!scored(glide)) return messages.glideUnscored;
  if (glide >= GLIDE_GOOD) return messages.glideSmooth;
  if (glide >= GLIDE_LINE) return messages.glideMostly;
  if (glide >= GLIDE_LOW) return messages.glideSomeStops;
  return messages.glideStopAndGo;
}

export function directionName(direction) {
  return (DIRECTIONS[direction] || OTHER).name;
}

/** One half just finished, from the coach's update ({direction, glide}): "Tilt: smooth 82". */
export function halfText(half) {
  const values = { direction: directionName(half.direction), word: glideWord(half.glide) };
  if (!scored(half.glide)) return format(messages.halfGlideUnscored, values);
  return format(messages.halfGlide, { ...values, score: Math.round(half.glide) });
}

/** How many of the first `reps` repetitions glided: every scored half of it at or above GLIDE_LINE. */
export function glidedCount(halves, reps) {
  const byRep = new Map();
  for (const half of halves) {
    if (!(half.rep >= 1 && half.rep <= reps)) continue;
    if (!byRep.has(half.rep)) byRep.set(half.rep, []);
    byRep.get(half.rep).push(half.glide);
  }
  let glided = 0;
  for (const glides of byRep.values()) {
    const known = glides.filter(scored);
    if (known.length && known.every((g) => g >= GLIDE_LINE)) glided += 1;
  }
  return glided;
}

/** The one thing to try next time, from the step's cues (codes) and halves. */
export function nextTip({ reps, halves, cues, tempo }) {
  if (!reps) return messages.tipNoReps;
  const counts = new Map();
  for (const code of cues) if (TIP_ORDER.includes(code)) counts.set(code, (counts.get(code) || 0) + 1);
  if (counts.size) {
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || TIP_ORDER.indexOf(a[0]) - TIP_ORDER.indexOf(b[0]))[0][0];
    if (top === "tempo") return tempo ? format(messages.tipSlower, { tempo }) : messages.tipSlowerNoTempo;
    return top === "range" ? messages.tipSmaller : messages.tipNeck;
  }
  const known = halves.filter((half) => half.rep <= reps && scored(half.glide));
  if (!known.length) return messages.tipUnscored;
  const rough = new Map();
  for (const half of known) {
    if (half.glide < GLIDE_LINE) rough.set(half.direction, (rough.get(half.direction) || 0) + (GLIDE_LINE - half.glide));
  }
  if (!rough.size) return messages.tipAllGlided;
  const worst = [...rough.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return format(messages.tipGlide, { way: (DIRECTIONS[worst] || OTHER).way });
}

const SEEN = { flatter: messages.floorSeenFlatter, same: messages.floorSeenSame, "more curved": messages.floorSeenMoreCurved };
// the floor-space check's answers, least space first (lumbar/practice/measures.py FLOOR_SPACE)
const SPACE = ["little", "fingers", "wide"];
// what the camera's change would feel like: a flatter back leaves less space under it
const FELT_LIKE = { flatter: "less", same: "same", "more curved": "more" };

/**
 * What the camera saw of the lower back from the side, at rest before and after the tilts ({change} from
 * the coach's floor_space), and that it is an outline, not a measurement: {change, seen, note}, or null.
 */
export function floorSeen(floorSpace) {
  const seen = floorSpace && SEEN[floorSpace.change];
  return seen ? { change: floorSpace.change, seen, note: messages.floorSeenOutline } : null;
}

/**
 * The camera's view beside the feeling: floorSpace from the coach, before/after the self-check answers
 * ("wide", "fingers", "little" or null), label(value) their words. Returns {change, seen, note, felt,
 * differ, agree} (felt and differ null until the after answer is known), or null without a camera view.
 */
export function floorBeside(floorSpace, { before, after, label }) {
  const camera = floorSeen(floorSpace);
  if (!camera) return null;
  const result = { ...camera, felt: null, differ: null, agree: null };
  if (!SPACE.includes(after)) return result;
  if (!SPACE.includes(before)) return { ...result, felt: format(messages.floorFeltAfter, { after: label(after) }) };
  const step = Math.sign(SPACE.indexOf(after) - SPACE.indexOf(before));
  const felt = step < 0 ? "less" : step > 0 ? "more" : "same";
  const agree = felt === FELT_LIKE[camera.change];
  return {
    ...result, agree,
    felt: { less: messages.floorFeltLess, same: messages.floorFeltSame, more: messages.floorFeltMore }[felt],
    differ: agree ? null : messages.floorFeltDiffer,
  };
}

/**
 * One watched step in a few words. seen: {name, counts, reps, halves: [{rep, direction, glide}], cues: [codes],
 * hold_seen, tempo, floor_space}. Returns {reps, glided, tip, text, line, floor}: `text` is the summary, `line`
 * the one line the results list shows (the same, named), `floor` the floor-space check by camera (floorSeen)
 * or null.
 */
export function summariseStep(seen) {
  const floor = floorSeen(seen.floor_space);
  return { ...summaryOf(seen), floor };
}

function summaryOf(seen) {
  if (!seen.counts) {
    const share = Math.round(Math.min(1, Math.max(0, seen.hold_seen || 0)) * 100);
    const tip = share >= 50 ? messages.tipHold : messages.tipHoldUnseen;
    return named(seen.name, { reps: 0, glided: 0, tip, text: `${format(messages.stepHold, { share })} ${tip}` });
  }
  const reps = Math.max(0, Math.round(seen.reps || 0));
  const halves = Array.isArray(seen.halves) ? seen.halves : [];
  const glided = glidedCount(halves, reps);
  const tip = nextTip({ reps, halves, cues: Array.isArray(seen.cues) ? seen.cues : [], tempo: seen.tempo });
  const head = format(!reps ? messages.stepRepsNone : reps === 1 ? messages.stepRepsOne : messages.stepReps, { reps, glided });
  return named(seen.name, { reps, glided, tip, text: `${head} ${tip}` });
}

function named(name, summary) {
  return { ...summary, line: format(messages.stepLine, { name, summary: summary.text }) };
}
