// One watched pose: its body points go to the coach, and what comes back adds up here (repetitions,
// glide score per half-repetition, hold time, how much of the hold was seen). The coach is told the
// rate the frames really come at, measured on the first few frames.

import { CoachSocket } from "./coach_socket.js";

export const RATES = [30, 15, 10, 5]; // frames a second the model is paced at: the fastest this device keeps up
const COUNTED = new Set(["pelvic-tilt", "cat-cow"]);
const RATE_SAMPLE = 6;
const MAX_PENDING = 300;

/** The round rate at or under what was measured (frames at times `times`, in seconds). */
export function paceFor(times) {
  const span = times[times.length - 1] - times[0];
  const measured = span > 0 ? (times.length - 1) / span : RATES[0];
  return RATES.find((rate) => rate <= measured * 1.1) || RATES[RATES.length - 1];
}

export class PoseStream {
  /**
   * step: the plan's pose step; handlers: onUpdate(update), onRepetition(glideScores) when both halves
   * of a repetition are scored, onCue(cue), onRate(fps) once measured, onLost() if the connection fails.
   */
  constructor({ url, index, step, exercise, aspect, handlers }) {
    this.url = url;
    this.index = index;
    this.name = step.name;
    this.exercise = exercise;
    this.counts = COUNTED.has(exercise);
    this.tempo = step.kind === "reps" && step.tempo >= 0.5 && step.tempo <= 20 ? step.tempo : null;
    this.aspect = aspect;
    this.handlers = handlers;
    this.epoch = performance.now();
    this.pending = [];
    this.socket = null;
    this.opened = false;
    this.ended = false;
    this.spokeMissing = false;
    this.reps = 0;
    this.glide = [];
    this.halves = new Map(); // repetition number -> glide scores of its halves
    this.holdS = null;
    this.calibration = null;
    this.holdFrames = 0;
    this.holdSeen = 0;
  }

  /** A frame taken at `capturedAt` (performance.now()): 33 landmark rows, or null for nobody found. */
  add(capturedAt, rows) {
    const t = (capturedAt - this.epoch) / 1000;
    if (this.ended || t <= 0) return;
    if (this.opened) {
      this.send(t, rows);
      return;
    }
    if (this.pending.length < MAX_PENDING) this.pending.push([t, rows]);
    if (!this.socket && this.pending.length >= RATE_SAMPLE) this.open();
  }

  open() {
    const fps = paceFor(this.pending.map(([t]) => t));
    this.handlers.onRate(fps);
    const start = { exercise: this.exercise, fps, aspect: Math.round(this.aspect * 1000) / 1000 };
    if (this.tempo) start.tempo = this.tempo;
    this.socket = new CoachSocket(this.url, { onUpdate: (update) => this.update(update), onLost: () => this.lose() });
    this.socket.open(start).then((ok) => {
      if (this.ended) return;
      if (!ok) {
        this.socket.close();
        this.lose();
        return;
      }
      this.opened = true;
      this.pending.forEach(([t, rows]) => this.send(t, rows));
      this.pending = [];
    });
  }

  send(t, rows) {
    if (this.holdS !== null) {
      this.holdFrames += 1;
      this.holdSeen += rows ? 1 : 0;
    }
    this.socket.push(t, rows);
  }

  update(update) {
    this.reps = Number(update.reps) || 0;
    this.calibration = update.calibration_stage || null;
    this.holdS = typeof update.hold_s === "number" ? update.hold_s : null;
    for (const half of Array.isArray(update.halves) ? update.halves : []) {
      if (typeof half.glide === "number") this.glide.push(half.glide);
      const scores = this.halves.get(half.rep) || [];
      scores.push(half.glide);
      this.halves.set(half.rep, scores);
      if (scores.length === 2) this.handlers.onRepetition(scores.filter((g) => typeof g === "number"));
    }
    for (const cue of Array.isArray(update.cues) ? update.cues : []) this.handlers.onCue(cue);
    this.handlers.onUpdate(update);
  }

  lose() {
    if (this.ended) return;
    this.ended = true;
    this.handlers.onLost();
  }

  /** Glide scores of the latest repetition with a scored half. */
  get lastGlide() {
    return ([...this.halves.values()].pop() || []).filter((g) => typeof g === "number");
  }

  /** What was seen so far: {name, counts, reps, glide, hold_seen}, or null if nothing reached the coach. */
  get seen() {
    if (!this.opened) return null;
    return {
      name: this.name, counts: this.counts, reps: this.reps, glide: [...this.glide],
      hold_seen: this.counts ? null : (this.holdFrames ? this.holdSeen / this.holdFrames : 0),
    };
  }

  /** Ends the stream: resolves to the coach's summing-up ({...seen} refined), or to what was seen live. */
  async finish() {
    const live = this.seen;
    this.ended = true;
    if (!this.opened) {
      if (this.socket) this.socket.close();
      return null;
    }
    const result = await this.socket.finish();
    if (!result) return live;
    const reps = (Array.isArray(result.reps) ? result.reps : []).filter((rep) => rep && rep.end !== null);
    const holds = Array.isArray(result.holds) ? result.holds : [];
    const total = holds.reduce((sum, hold) => sum + (hold.duration || 0), 0);
    const seen = holds.reduce((sum, hold) => sum + (hold.duration || 0) * (hold.seen_share || 0), 0);
    if (!this.counts) return { ...live, hold_seen: total > 0 ? seen / total : live.hold_seen };
    const glide = reps.flatMap((rep) => (rep.halves || []).map((half) => half.glide)).filter((g) => typeof g === "number");
    return { ...live, reps: reps.length, glide };
  }
}
