// The timeline of one pose step, in plan seconds: get ready (the pose is read out), a 5-second
// countdown, then the work: repetitions, a hold (each side, with a switch between) or paced breathing.
// PoseRun has no DOM: tick() returns effects ({say}, {tone}) for the player and snapshot() what to show.

import { clockFace, duration, format, messages } from "./messages.js";
import { speakingSeconds } from "./voice.js";

export const COUNTDOWN_SECONDS = 5;
export const SWITCH_SECONDS = 5;
export const EXTEND_SECONDS = 30;
const FIRST_CUE_AT = 15;
const CUE_EVERY = 18;
const QUIET_BEFORE_END = 10;
const WORK = new Set(["reps", "hold", "breathing", "switch"]);

const capitalise = (text) => (text ? text[0].toUpperCase() + text.slice(1) : text);
const ease = (x) => 0.5 - 0.5 * Math.cos(Math.PI * x);

export function doseLine(step) {
  if (step.kind === "reps") return format(messages.repsDose, { reps: step.reps, tempo: step.tempo });
  if (step.kind === "breathing") {
    return format(messages.breathingDose, { time: duration(step.seconds), inhale: step.inhale, exhale: step.exhale });
  }
  return format(step.per_side ? messages.holdDosePerSide : messages.holdDose, { time: duration(step.seconds) });
}

/** Whether the short version is read: a pose this person has done before (the plan's done_before). */
export function isShort(step, { full = false } = {}) {
  return Boolean(step.done_before) && !full && (step.steps || []).length > 1;
}

/** The instruction lines listed on screen: the first step only in the short version. */
export function shownSteps(step, options = {}) {
  const steps = step.steps || [];
  return isShort(step, options) ? steps.slice(0, 1) : steps;
}

/** The lines read before the listed steps (the name, why it stands in, the person's cautions, the intro). */
function leadLines(step, options = {}) {
  // the cautions for this person are said every time; the rest only in the full version
  return isShort(step, options) ? [step.name, ...(step.cautions || [])].filter(Boolean)
    : [step.name, step.substitute_reason, ...(step.cautions || []), step.intro].filter(Boolean);
}

/** What is read out while the person gets into position: in full the first time, then the short version
 *  (the first step and the dose) once the person has done the pose before. */
export function prepLines(step, options = {}) {
  return [...leadLines(step, options), ...shownSteps(step, options), doseLine(step)].filter(Boolean);
}

function workPhases(step) {
  if (step.kind === "reps") return [{ kind: "reps", seconds: step.reps * 2 * step.tempo }];
  if (step.kind === "breathing") return [{ kind: "breathing", seconds: step.seconds }];
  if (step.per_side) {
    return [
      { kind: "hold", side: 1, seconds: step.seconds },
      { kind: "switch", seconds: SWITCH_SECONDS },
      { kind: "hold", side: 2, seconds: step.seconds },
    ];
  }
  return [{ kind: "hold", seconds: step.seconds }];
}

/** Fills in a dose the plan left out, so a thin content file cannot stop the player. */
export function normaliseStep(step) {
  const out = { ...step, moves: step.moves || [], cues: step.cues || [], steps: step.steps || [] };
  if (out.kind === "reps") {
    out.reps = out.reps || 8;
    out.tempo = out.tempo || 3;
  } else {
    out.seconds = out.seconds || 30;
    out.inhale = out.inhale || 4;
    out.exhale = out.exhale || 6;
  }
  return out;
}

export class PoseRun {
  constructor(step, { full = false } = {}) {
    this.step = normaliseStep(step);
    this.full = full;
    this.lines = prepLines(this.step, { full });
    this.stepsOffset = leadLines(this.step, { full }).length;
    this.phases = [{ kind: "prep" }, { kind: "countdown", seconds: COUNTDOWN_SECONDS }, ...workPhases(this.step)];
    this.workTotal = this.phases.filter((p) => WORK.has(p.kind)).reduce((sum, p) => sum + p.seconds, 0);
    this.reps = this.step.reps;
    this.cueTexts = [this.step.breath, ...this.step.cues].filter(Boolean);
    this.cueCount = 0;
    this.index = -1;
    this.finished = false;
    this.doneBefore = 0; // work seconds done before the pose was eased (for the progress bar)
    this.generation = 0; // counts easings: read-out lines of an earlier text no longer count
  }

  get phase() {
    return this.phases[this.index] || { kind: "done" };
  }

  get working() {
    return WORK.has(this.phase.kind);
  }

  nextCue() {
    if (!this.cueTexts.length) return null;
    return this.cueTexts[this.cueCount++ % this.cueTexts.length];
  }

  /** Starts the run at `now`; returns the first effects. */
  start(now) {
    return this.enter(0, now);
  }

  enter(index, now) {
    this.index = index;
    this.t0 = now;
    this.fired = new Set();
    this.events = [];
    this.lastHalf = -1;
    this.lastBreath = -1;
    const phase = this.phase;
    const effects = [];
    if (phase.kind === "prep") {
      this.line = 0;
      this.lineStart = now;
      this.lineSpoken = false;
      effects.push({ say: this.lines[0], prepLine: 0 });
    } else if (phase.kind === "countdown") {
      effects.push({ say: messages.getReady, key: "count" });
      this.events = this.countEvents(phase.seconds);
    } else if (phase.kind === "hold") {
      effects.push({ tone: "start" });
      const first = phase.side === 1 ? messages.beginSide : phase.side === 2 ? messages.otherSide : messages.begin;
      effects.push({ say: first });
      this.events = this.holdEvents(phase.seconds);
    } else if (phase.kind === "switch") {
      effects.push({ tone: "switch" }, { say: messages.switchSidesSpoken });
      this.events = this.countEvents(phase.seconds);
    } else if (phase.kind === "breathing") {
      effects.push({ tone: "start" }, { say: messages.begin });
      this.events = this.holdEvents(phase.seconds, { cues: false });
      this.nextCueAt = FIRST_CUE_AT;
    } else if (phase.kind === "reps") {
      effects.push({ tone: "start" });
    } else {
      this.finished = true;
      effects.push({ tone: "end" }, { say: messages.stepDone }, { finished: true });
    }
    return effects;
  }

  countEvents(total) {
    return [3, 2, 1].filter((n) => total - n > 0.5).map((n) => ({
      id: `count${n}`, at: total - n, effects: [{ tone: "tick" }, { say: String(n), key: "count" }],
    }));
  }

  holdEvents(total, { cues = true } = {}) {
    const events = this.countEvents(total);
    const half = total / 2;
    let cueAtHalf = false;
    if (cues) {
      for (let at = FIRST_CUE_AT; at <= total - QUIET_BEFORE_END; at += CUE_EVERY) {
        // a cue due close to half-way is said together with "Half-way"
        if (total >= 30 && Math.abs(at - half) < 6) cueAtHalf = true;
        else events.push({ id: `cue@${at}`, at, cue: true });
      }
    }
    if (total >= 30) events.push({ id: "half", at: half, half: true, cue: cueAtHalf });
    return events.sort((a, b) => a.at - b.at);
  }

  lineFinished(index) {
    if (this.phase.kind === "prep" && this.line === index) this.lineSpoken = true;
  }

  /** Advances to `now`. waitForSpeech: each read-out line waits until it has been spoken. */
  tick(now, { waitForSpeech = false } = {}) {
    const effects = [];
    for (let guard = 0; guard < 40 && !this.finished; guard++) {
      const t = now - this.t0;
      const phase = this.phase;
      if (phase.kind === "prep") {
        const expected = speakingSeconds(this.lines[this.line]);
        const spent = now - this.lineStart;
        const lineDone = waitForSpeech ? this.lineSpoken || spent > expected * 3 + 5 : spent >= expected;
        if (!lineDone) break;
        if (this.line + 1 < this.lines.length) {
          this.line += 1;
          this.lineStart = now;
          this.lineSpoken = false;
          effects.push({ say: this.lines[this.line], prepLine: this.line });
          break;
        }
        effects.push(...this.enter(this.index + 1, now));
        continue;
      }
      for (const event of this.events) {
        if (event.at > t || this.fired.has(event.id)) continue;
        this.fired.add(event.id);
        if (event.half) {
          const cue = event.cue ? this.nextCue() : null;
          effects.push({ tone: "half" }, { say: cue ? `${messages.halfWay} ${cue}` : messages.halfWay, key: "cue" });
        } else if (event.cue) {
          const cue = this.nextCue();
          if (cue) effects.push({ say: cue, key: "cue" });
        } else {
          effects.push(...event.effects);
        }
      }
      if (phase.kind === "reps") effects.push(...this.repEffects(Math.min(t, phase.seconds - 1e-6)));
      if (phase.kind === "breathing") effects.push(...this.breathEffects(Math.min(t, phase.seconds - 1e-6)));
      if (t < phase.seconds) break;
      // the leftover time carries into the next phase so a fast clock does not drift
      effects.push(...this.enter(this.index + 1, this.t0 + phase.seconds));
    }
    return effects;
  }

  repEffects(t) {
    const tempo = this.step.tempo;
    const half = Math.floor(t / tempo);
    if (half <= this.lastHalf) return [];
    this.lastHalf = half;
    const moves = this.step.moves;
    const there = capitalise(moves[moves.length - 1] || messages.moveThereDefault);
    const back = capitalise(moves[0] || messages.moveBackDefault);
    const rep = Math.floor(half / 2) + 1;
    if (half % 2 === 0) {
      const text = rep === this.reps ? format(messages.lastRep, { move: there }) : format(messages.repThere, { n: rep, move: there });
      return [{ say: text, key: "move" }];
    }
    const cueEvery = tempo >= 3 ? 2 : 3;
    const cue = rep % cueEvery === 0 && rep < this.reps ? this.nextCue() : null;
    return [{ say: cue ? `${back}. ${cue}` : back, key: "move" }];
  }

  breathEffects(t) {
    const { inhale, exhale } = this.step;
    const breath = Math.floor(t / (inhale + exhale));
    const within = t - breath * (inhale + exhale);
    const half = breath * 2 + (within >= inhale ? 1 : 0);
    if (half <= this.lastBreath) return [];
    this.lastBreath = half;
    const early = breath < 3;
    if (half % 2 === 0) return [{ say: early ? messages.breatheIn : messages.inShort, key: "breath" }];
    let text = early ? messages.breatheOut : messages.outShort;
    if (t >= this.nextCueAt && t < this.phase.seconds - QUIET_BEFORE_END) {
      const cue = this.nextCue();
      if (cue) text = `${text}. ${cue}`;
      this.nextCueAt = t + CUE_EVERY;
    }
    return [{ say: text, key: "breath" }];
  }

  /** Whether the short version is being read (the pose was done before and the full one was not asked for). */
  get short() {
    return this.generation === 0 && isShort(this.step, { full: this.full });
  }

  /**
   * "Full instructions": switches to the full version. Before the work starts it is read out from the top
   * (returns the first effects); once the work has started it is only shown.
   */
  showFull(now) {
    if (!this.short) return [];
    this.full = true;
    this.lines = prepLines(this.step, { full: true });
    this.stepsOffset = leadLines(this.step, { full: true }).length;
    if (this.phase.kind !== "prep" && this.phase.kind !== "countdown") return [];
    this.generation += 1; // a line of the short version finishing must not count
    return this.enter(0, now);
  }

  /** Jumps from reading out to the countdown, or from the countdown to the start. */
  startNow(now) {
    if (this.phase.kind === "prep" || this.phase.kind === "countdown") return this.enter(this.index + 1, now);
    return [];
  }

  /** Adds time to the current timed phase (more repetitions for reps). */
  extend(now) {
    const phase = this.phase;
    if (phase.kind === "prep") {
      // more time to get into position: the countdown that follows is longer
      this.phases[this.index + 1].seconds += EXTEND_SECONDS;
      return [{ say: messages.extendedTime, key: "extend" }];
    }
    if (!phase.seconds) return [];
    const t = now - this.t0;
    let say;
    if (phase.kind === "reps") {
      const more = Math.max(1, Math.ceil(EXTEND_SECONDS / (2 * this.step.tempo)));
      this.reps += more;
      phase.seconds = this.reps * 2 * this.step.tempo;
      this.workTotal += more * 2 * this.step.tempo;
      say = format(messages.extendedReps, { n: more });
    } else {
      phase.seconds += EXTEND_SECONDS;
      if (WORK.has(phase.kind)) this.workTotal += EXTEND_SECONDS;
      say = messages.extendedTime;
    }
    ["count3", "count2", "count1"].forEach((id) => this.fired.delete(id));
    const fresh = phase.kind === "hold" ? this.holdEvents(phase.seconds)
      : phase.kind === "breathing" ? this.holdEvents(phase.seconds, { cues: false })
        : phase.kind === "reps" ? [] : this.countEvents(phase.seconds);
    this.events = fresh;
    // what has already passed is not said again (the half-way cue stays said once fired)
    this.events.forEach((event) => {
      if (event.at <= t && !event.id.startsWith("count")) this.fired.add(event.id);
    });
    return [{ say, key: "extend" }];
  }

  /** Work seconds done so far in the current phases. */
  workDone(now) {
    const phase = this.phase;
    const t = Math.max(0, now - this.t0);
    return this.phases.slice(0, Math.max(this.index, 0)).filter((p) => WORK.has(p.kind))
      .reduce((sum, p) => sum + p.seconds, 0) + (WORK.has(phase.kind) ? Math.min(t, phase.seconds) : 0);
  }

  /**
   * Switches to the easier variation ({slug, name, steps}) and halves what is left: the remaining hold or
   * breathing time, or the remaining repetitions (at least one). The easier version is read out, then a
   * short countdown, then the shortened work. Returns the first effects.
   */
  ease(now, easier) {
    const step = this.step;
    const phase = this.phase;
    const t = Math.max(0, now - this.t0);
    const working = WORK.has(phase.kind);
    this.doneBefore += this.workDone(now);
    // what is left: the rest of the current work phase, then the later ones (all of them before the work)
    const left = this.phases.slice(Math.max(this.index, 0)).filter((p) => WORK.has(p.kind))
      .map((p) => ({ ...p, seconds: p === phase ? Math.max(0, p.seconds - t) : p.seconds }));
    const half = (seconds) => Math.max(1, Math.round(seconds / 2));
    let work;
    let dose;
    if (step.kind === "reps") {
      const done = working ? Math.min(this.reps - 1, Math.floor(t / (2 * step.tempo))) : 0;
      this.reps = Math.max(1, Math.floor((this.reps - done) / 2));
      work = [{ kind: "reps", seconds: this.reps * 2 * step.tempo }];
      dose = format(messages.easierDoseReps, { reps: this.reps, tempo: step.tempo });
    } else if (step.kind === "breathing") {
      const seconds = half(left.reduce((sum, p) => sum + p.seconds, 0));
      work = [{ kind: "breathing", seconds }];
      dose = format(messages.easierDoseBreathing, { time: duration(seconds) });
    } else {
      const holds = left.filter((p) => p.kind === "hold");
      const total = holds.reduce((sum, p) => sum + p.seconds, 0);
      if (holds.length === 2) {
        // both sides still to come: half the time left, shared equally between the sides
        const each = Math.max(1, Math.round(total / 4));
        work = [{ kind: "hold", side: 1, seconds: each }, { kind: "switch", seconds: SWITCH_SECONDS }, { kind: "hold", side: 2, seconds: each }];
        dose = format(messages.easierDoseHoldPerSide, { time: duration(each) });
      } else {
        const seconds = half(total);
        work = [{ kind: "hold", ...(holds[0] && holds[0].side ? { side: holds[0].side } : {}), seconds }];
        dose = format(messages.easierDoseHold, { time: duration(seconds) });
      }
    }
    if (easier && easier.slug === step.variation) easier = null; // already eased to it: shorter only
    if (easier) {
      this.step = { ...step, name: easier.name || step.name, steps: easier.steps || [], variation: easier.slug || step.variation, reps: this.reps };
    }
    const first = easier ? format(messages.easierNow, { name: this.step.name }) : messages.shorterNow;
    this.lines = [first, ...this.step.steps, dose];
    this.stepsOffset = 1;
    this.phases = [{ kind: "prep" }, { kind: "countdown", seconds: COUNTDOWN_SECONDS }, ...work];
    this.workTotal = work.filter((p) => WORK.has(p.kind)).reduce((sum, p) => sum + p.seconds, 0);
    this.finished = false;
    this.generation += 1;
    return this.enter(0, now);
  }

  /** Everything the screen needs at `now`. */
  snapshot(now) {
    const phase = this.phase;
    const t = Math.max(0, now - this.t0);
    const view = { kind: phase.kind, line: this.line, lineOffset: this.stepsOffset, remaining: 0, timeText: "", label: "", guide: null, breath: null };
    const total = this.doneBefore + this.workTotal;
    view.fraction = total ? Math.min(1, (this.doneBefore + this.workDone(now)) / total) : 0;
    if (phase.seconds) {
      view.remaining = Math.max(0, phase.seconds - t);
      view.timeText = clockFace(view.remaining);
    }
    const sides = this.step.per_side && this.step.kind === "hold";
    if (phase.kind === "prep") {
      view.label = messages.getReady;
      view.figure = this.step.kind === "reps" ? { cycleAt: t } : { hold: true };
    } else if (phase.kind === "countdown") {
      view.label = format(messages.startingIn, { n: Math.ceil(view.remaining - 1e-6) });
      view.timeText = String(Math.max(1, Math.ceil(view.remaining - 1e-6)));
      view.figure = this.step.kind === "reps" ? { progress: 0 } : { hold: true };
    } else if (phase.kind === "reps") {
      const tempo = this.step.tempo;
      const clamped = Math.min(t, phase.seconds - 1e-6);
      const half = Math.floor(clamped / tempo);
      const within = (clamped - half * tempo) / tempo;
      const rep = Math.floor(half / 2) + 1;
      // the repetition count is the big number; the time left is the smaller label
      view.label = format(messages.timeLeft, { time: clockFace(view.remaining) });
      view.timeText = format(messages.repOf, { n: rep, total: this.reps });
      view.rep = rep;
      view.guide = { position: half % 2 === 0 ? ease(within) : 1 - ease(within), there: half % 2 === 0 };
      view.figure = { progress: ((clamped % (2 * tempo)) / (2 * tempo)) };
    } else if (phase.kind === "hold") {
      view.label = sides ? format(messages.sideOf, { n: phase.side, total: 2 }) : messages.hold;
      view.figure = { hold: true };
    } else if (phase.kind === "switch") {
      view.label = messages.switchSides;
      view.figure = { hold: true };
    } else if (phase.kind === "breathing") {
      const { inhale, exhale } = this.step;
      const within = t % (inhale + exhale);
      const inhaling = within < inhale;
      view.label = inhaling ? messages.breatheIn : messages.breatheOut;
      view.breath = { inhaling, size: inhaling ? ease(within / inhale) : 1 - ease((within - inhale) / exhale) };
      view.figure = { hold: true };
    } else {
      view.label = messages.stepDone;
      view.figure = { hold: true };
    }
    return view;
  }
}

/** Rough length of a whole session in seconds, for the start screen. */
export function estimateSeconds(plan) {
  return plan.steps.reduce((sum, step) => {
    if (step.type !== "pose") return sum + (step.type === "summary" ? 0 : 45);
    const run = new PoseRun(step);
    const reading = run.lines.reduce((total, line) => total + speakingSeconds(line), 0);
    return sum + reading + COUNTDOWN_SECONDS + run.workTotal;
  }, 0);
}
