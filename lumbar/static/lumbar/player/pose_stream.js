// One watched exercise window: from "Begin" to the end of the step, its body points go to the coach (a
// fresh analysis: its own connection and "start"), and what comes back adds up here (repetitions, each
// half-repetition's direction and glide score, cues, hold time, how much of the hold was seen). While the
// session is paused no frame is sent, and the stream's clock stops with it, so the analysis sees one
// continuous exercise. Each frame carries the back rise measured on this device (back_rise.js), or null;
// the coach's result compares it at rest before and after the repetitions (floor_space).

import { CoachSocket } from "./coach_socket.js";
import { floorSpaceOf } from "./floor_space_seen.js";

export const RATES = [30, 15, 10, 5]; // frames a second the model is paced at: the fastest this device keeps up
const COUNTED = new Set(["pelvic-tilt", "cat-cow"]);

/** The round rate at or under what was measured (frames at times `times`, in seconds). */
export function paceFor(times) {
  if (times.length < 2) return RATES[1];
  const span = times[times.length - 1] - times[0];
  const measured = span > 0 ? (times.length - 1) / span : RATES[0];
  return RATES.find((rate) => rate <= measured * 1.1) || RATES[RATES.length - 1];
}

export class PoseStream {
  /**
   * step: the plan's pose step; fps: the rate frames come at (measured before "Begin"); handlers:
   * onUpdate(update), onHalf(half) for each half-repetition scored, onRepetition(glideScores) when both
   * halves of a repetition are scored, onCue(cue), onLost() if the connection fails.
   */
  constructor({ url, index, step, exercise, aspect, fps, handlers }) {
    this.index = index;
    this.name = step.name;
    this.exercise = exercise;
    this.counts = COUNTED.has(exercise);
    this.tempo = step.kind === "reps" && step.tempo >= 0.5 && step.tempo <= 20 ? step.tempo : null;
    this.handlers = handlers;
    this.epoch = performance.now();
    this.pausedAt = null;
    this.pending = [];
    this.opened = false;
    this.ended = false;
    this.spokeMissing = false;
    this.reps = 0;
    this.calibration = null;
    this.halves = [];          // {rep, half, direction, glide}, in the order scored
    this.cues = [];            // cue codes, in the order given
    this.holdS = null;
    this.holdFrames = 0;
    this.holdSeen = 0;
    const start = { exercise, fps, aspect: Math.round(aspect * 1000) / 1000 };
    if (this.tempo) start.tempo = this.tempo;
    this.socket = new CoachSocket(url, { onUpdate: (update) => this.update(update), onLost: () => this.lose() });
    this.socket.open(start).then((ok) => {
      if (this.ended) return;
      if (!ok) {
        this.socket.close();
        this.lose();
        return;
      }
      this.opened = true;
      this.pending.forEach(([t, rows, back]) => this.send(t, rows, back));
      this.pending = [];
    });
  }

  get paused() {
    return this.pausedAt !== null;
  }

  /** Stops taking frames (the session is paused); the analysis keeps what it has. */
  pause() {
    if (this.pausedAt === null) this.pausedAt = performance.now();
  }

  /** Takes frames again; the time spent paused is left out of the stream's clock. */
  resume() {
    if (this.pausedAt === null) return;
    this.epoch += performance.now() - this.pausedAt;
    this.pausedAt = null;
  }

  /**
   * A frame taken at `capturedAt` (performance.now()): 33 landmark rows, or null for nobody found, and the
   * back rise measured on the mask (null when it could not be).
   */
  add(capturedAt, rows, back = null) {
    const t = (capturedAt - this.epoch) / 1000;
    if (this.ended || this.paused || t <= 0) return;
    if (this.opened) this.send(t, rows, back);
    else if (this.pending.length < 300) this.pending.push([t, rows, back]);
  }

  send(t, rows, back) {
    if (this.holdS !== null) {
      this.holdFrames += 1;
      this.holdSeen += rows ? 1 : 0;
    }
    this.socket.push(t, rows, back);
  }

  update(update) {
    if (this.ended) return;
    this.reps = Number(update.reps) || 0;
    this.calibration = update.calibration_stage || null;
    this.holdS = typeof update.hold_s === "number" ? update.hold_s : null;
    for (const half of Array.isArray(update.halves) ? update.halves : []) {
      const entry = { rep: Number(half.rep) || 0, half: half.half, direction: half.direction, glide: half.glide };
      this.halves.push(entry);
      this.handlers.onHalf(entry);
      const both = this.halves.filter((h) => h.rep === entry.rep);
      if (both.length === 2) this.handlers.onRepetition(both.map((h) => h.glide).filter((g) => typeof g === "number"));
    }
    for (const cue of Array.isArray(update.cues) ? update.cues : []) {
      if (cue && typeof cue.code === "string") this.cues.push(cue.code);
      this.handlers.onCue(cue);
    }
    this.handlers.onUpdate(update);
  }

  lose() {
    if (this.ended) return;
    this.ended = true;
    this.handlers.onLost();
  }

  /** The latest half-repetition scored, or null. */
  get lastHalf() {
    return this.halves.length ? this.halves[this.halves.length - 1] : null;
  }

  /** What was seen so far (for the step's summary and the log), or null if nothing reached the coach. */
  get seen() {
    if (!this.opened) return null;
    return {
      name: this.name, counts: this.counts, reps: this.reps, tempo: this.tempo,
      halves: this.halves.filter((h) => h.rep <= this.reps), cues: [...this.cues],
      glide: this.halves.filter((h) => h.rep <= this.reps).map((h) => h.glide).filter((g) => typeof g === "number"),
      hold_seen: this.counts ? null : (this.holdFrames ? this.holdSeen / this.holdFrames : 0),
      floor_space: null,  // only the coach's summing-up compares the rest before and after
    };
  }

  /** Ends the stream: resolves to the coach's summing-up ({...seen} refined), or to what was seen live. */
  async finish() {
    const live = this.seen;
    this.ended = true;
    if (!this.opened) {
      this.socket.close();
      return null;
    }
    const result = await this.socket.finish();
    if (!result) return live;
    // the floor-space check by camera is about lying on the back: pelvic tilts only
    const floorSpace = this.exercise === "pelvic-tilt" ? floorSpaceOf(result.floor_space) : null;
    const reps = (Array.isArray(result.reps) ? result.reps : []).filter((rep) => rep && rep.end !== null);
    const holds = Array.isArray(result.holds) ? result.holds : [];
    const total = holds.reduce((sum, hold) => sum + (hold.duration || 0), 0);
    const seen = holds.reduce((sum, hold) => sum + (hold.duration || 0) * (hold.seen_share || 0), 0);
    if (!this.counts) return { ...live, hold_seen: total > 0 ? seen / total : live.hold_seen, floor_space: floorSpace };
    const halves = reps.flatMap((rep, i) => (Array.isArray(rep.halves) ? rep.halves : []).map((half, h) => (
      { rep: i + 1, half: h + 1, direction: half.direction, glide: half.glide })));
    const glide = halves.map((half) => half.glide).filter((g) => typeof g === "number");
    return { ...live, reps: reps.length, halves, glide, floor_space: floorSpace };
  }
}
