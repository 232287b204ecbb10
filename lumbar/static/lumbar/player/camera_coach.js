// The camera coach in the player: for the poses it can watch (pelvic tilt, cat-cow, child's pose) it
// runs the webcam and the in-browser pose model, and shows and speaks what comes back. It is optional and
// off by default, and the session never waits for it: whatever fails (camera, model, connection), the
// session carries on by the clock.
//
// It counts only inside the exercise's own window: the player says which phase the step is in
// (setPhase: "before" while it is read out and counted down, "work" from "Begin", "paused", "rest",
// "none"). At "Begin" a fresh analysis starts (its own connection and "start"), so the count shown
// begins at 0; frames before it, in a pause or in a rest are never analysed. When the step ends the
// panel shows a short summary of it, and the results list keeps one line per watched step.
//
// For tests: #camera-panel carries data-camera (on/off), data-phase (the player's phase), data-watching
// (the exercise while frames are being counted), data-reps (the count of the current or last window),
// data-person ("full", "partial", "none") and data-failure (why the camera is not in use);
// #camera-step-summary carries data-reps and data-glided of the step that ended last, and data-floor (the
// floor-space change: "flatter", "same", "more curved") when the coach compared the rest before and after.

import { Camera } from "./camera.js";
import { noteFloorSpace } from "./floor_space_seen.js";
import { socketUrl } from "./coach_socket.js";
import { cameraStatus } from "./coach_status.js";
import { CoachVoice } from "./coach_voice.js";
import * as panel from "./camera_view.js";
import { duration, format, listText, messages } from "./messages.js";
import { PoseModel } from "./pose_model.js";
import { PoseStream, RATES, paceFor } from "./pose_stream.js";
import { GLIDE_GOOD, GLIDE_LINE, halfText, summariseStep } from "./step_summary.js";

// pose slug -> the motion core's exercise, for the kind of step the camera can watch
const CAMERA_POSES = {
  "pelvic-tilt": { exercise: "pelvic-tilt", kind: "reps" },
  "cat-cow": { exercise: "cat-cow", kind: "reps" },
  "childs-pose": { exercise: "child-pose", kind: "hold" },
};
const CUES = { neck: messages.cueNeck, tempo: messages.cueTempo, range: messages.cueRange };
const KEYS = { on: "lumbar.player.camera", keep: "lumbar.player.cameraKeep" };
const VIEW_SETTLE_MS = 1500;      // "nobody found" must last this long before the status says so
const MISSING_SPEAK_S = 8;
const CUE_SHOWN_MS = 6000;        // a cue stays in the status line this long
const PACE_FRAMES = 8;            // the frame rate is measured over the latest frames before "Begin"

const read = (key) => {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
};
const write = (key, value) => {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // not remembered, still applied
  }
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The motion core's exercise for a plan step, or null. A plan may say so itself with step.camera. */
export function cameraExercise(step) {
  if (!step || step.type !== "pose") return null;
  if (Object.prototype.hasOwnProperty.call(step, "camera")) return step.camera || null;
  const known = CAMERA_POSES[step.pose];
  return known && known.kind === step.kind ? known.exercise : null;
}

export class CameraCoach {
  /** canSpeak(): true while the pose is working and not paused (the coach never talks over set-up). */
  constructor({ plan, voice, canSpeak, modelBase }) {
    this.plan = plan;
    this.voice = voice;
    this.speech = new CoachVoice(voice, () => this.phase === "work" && (canSpeak || (() => false))());
    this.enabled = read(KEYS.on) === "1";
    this.keep = read(KEYS.keep) === "1";
    this.canKeep = plan.camera_log === true;
    this.root = document.getElementById("camera-panel");
    this.camera = new Camera(document.getElementById("camera-video"));
    this.camera.onEnded = () => this.failed("failed");
    this.model = new PoseModel(modelBase);
    this.url = socketUrl(plan.coach_url);
    this.step = null;
    this.index = -1;
    this.phase = "none";
    this.started = false;        // the session has started (not the start screen)
    this.ended = false;          // the session is over
    this.stream = null;          // the exercise window being analysed now (its step: stream.index)
    this.results = new Map();    // plan step index -> what the camera saw
    this.finals = new Set();     // results still on their way from the coach
    this.unavailable = null;     // why the camera cannot be used on this page
    this.lostIndex = null;       // the connection dropped during this step: not again for it
    this.spokeFailure = false;
    this.view = "none";
    this.viewSince = performance.now();
    this.live = false;           // a frame of the camera's picture has been read since it started
    this.frameTimes = [];        // capture times (s) of the latest frames, for the frame rate
    this.cueShown = null;        // {text, until}
    this.looping = false;
    this.loopToken = 0;
    this.frameMs = 1000 / RATES[0];
    this.syncing = false;
    this.dirty = false;
    const names = [...new Set(plan.steps.filter(cameraExercise).map((step) => step.name))];
    this.names = listText(names);
    this.available = names.length > 0;
    this.bind();
  }

  bind() {
    document.getElementById("camera-button").hidden = !this.available;
    if (!this.available) return;
    panel.setReadyNote(format(messages.cameraReadyNote, { names: this.names }));
    panel.setSwitch(this.enabled);
    panel.showPanel(this.enabled);
    document.getElementById("camera-button").addEventListener("click", () => this.togglePanel());
    document.getElementById("ready-camera-button").addEventListener("click", () => {
      panel.showPanel(true);
      document.getElementById("camera-switch").focus();
    });
    document.getElementById("camera-close").addEventListener("click", () => {
      panel.showPanel(false);
      document.getElementById("camera-button").focus();
    });
    document.getElementById("camera-switch").addEventListener("click", () => this.toggle());
    document.getElementById("camera-keep").addEventListener("change", (event) => {
      this.keep = event.target.checked;
      write(KEYS.keep, this.keep ? "1" : "0");
      this.renderResults();
    });
    this.renderResults();
    this.sync();
  }

  togglePanel() {
    panel.showPanel(!panel.panelOpen());
  }

  /** The C key and the switch: camera on or off, remembered on this device. */
  toggle() {
    if (!this.available) return;
    this.enabled = !this.enabled;
    write(KEYS.on, this.enabled ? "1" : "0");
    panel.setSwitch(this.enabled);
    if (this.enabled) {
      this.unavailable = null;
      this.lostIndex = null;
      delete this.root.dataset.failure;
      panel.showPanel(true);
    } else if (this.started && !this.ended) {
      this.voice.say(messages.cameraOffSpoken, { key: "camera" });
    }
    this.sync();
  }

  /** The player moved to a step (index -1 on the start screen; step null for check-ins, rests and the end). */
  setStep(step, index) {
    if (index >= 0) this.started = true;
    if (this.stream && (this.stream.index !== index || step !== this.step)) this.endStream();
    this.step = step;
    this.index = index;
    this.phase = "none"; // until the player says where the new step is: nothing counts
    this.root.dataset.phase = "none";
    if (this.available) this.sync();
  }

  /** Where the player's step is: "before" (read out, countdown), "work", "paused", "rest" or "none". */
  setPhase(phase) {
    if (phase === this.phase) return;
    this.phase = phase;
    this.root.dataset.phase = phase;
    // streams start only at "work": one still here at "before" is the step's earlier window (the pose
    // was eased and is read out again), so the new "Begin" counts afresh
    if (phase === "before" && this.stream) this.endStream();
    if (phase !== "work") this.speech.clear();
    if (this.available) this.updateWindow();
  }

  // --- keeping the camera, the model and the stream in line with the step ---------------------------

  watchable() {
    const exercise = this.enabled && !this.unavailable ? cameraExercise(this.step) : null;
    return exercise && this.lostIndex !== this.index ? exercise : null; // not again after the connection dropped
  }

  sync() {
    if (this.syncing) {
      this.dirty = true;
      return;
    }
    this.syncing = true;
    this.apply().catch(() => this.failed("failed")).finally(() => {
      this.syncing = false;
      if (this.dirty) {
        this.dirty = false;
        this.sync();
      }
    });
  }

  async apply() {
    if (this.stream && !this.watchable()) this.endStream();
    const setup = !this.started && this.enabled;
    if (!this.enabled || this.unavailable || !(this.watchable() || setup)) {
      this.stopCamera();
      this.showIdle();
      return;
    }
    if (!this.camera.active) {
      this.live = false;
      this.renderStatus();
      const opened = await this.camera.start();
      if (!opened.ok) return this.failed(opened.reason);
      if (this.dirty) return;
    }
    if (!this.model.ready) {
      this.renderStatus();
      try {
        await this.model.load();
      } catch {
        return this.failed("model");
      }
      if (this.dirty) return;
    }
    panel.showPreview(true);
    if (!this.looping) {
      this.viewSince = performance.now(); // "nobody found" only once the model has had a moment
      this.loop();
    }
    this.updateWindow();
  }

  showIdle() {
    this.view = "none";
    this.live = false;
    panel.showPreview(false);
    if (!this.stream) panel.setStats(null);
    this.root.dataset.person = "none";
    this.renderStatus();
  }

  stopCamera() {
    this.looping = false;
    this.loopToken += 1;
    this.frameTimes = [];
    this.camera.stop();
  }

  /** The camera, model or page cannot be used: say so once, calmly, and carry on by the clock. */
  failed(reason) {
    if (this.stream) this.endStream();
    this.unavailable = reason;
    this.root.dataset.failure = reason;
    if (reason === "refused") {
      // do not ask again at every pose; C turns it on again after allowing it
      this.enabled = false;
      write(KEYS.on, "0");
      panel.setSwitch(false);
    }
    this.stopCamera();
    this.showIdle();
    this.sayFailureOnce();
  }

  sayFailureOnce() {
    if (this.spokeFailure || !this.started || this.ended) return;
    this.spokeFailure = true;
    this.voice.say(messages.cameraCarryOnSpoken, { key: "camera" });
  }

  /** Opens, pauses or resumes the exercise window: frames are analysed only in the "work" phase. */
  updateWindow() {
    const open = this.phase === "work" && this.looping && this.live && Boolean(this.watchable());
    if (open && !this.stream) this.beginStream(this.watchable());
    else if (open && this.stream) this.stream.resume();
    else if (this.stream) this.stream.pause();
    if (this.stream && open) this.root.dataset.watching = this.stream.exercise;
    else delete this.root.dataset.watching;
    this.renderStats();
    this.renderStatus();
  }

  // --- the frame loop: picture -> body points, on this device ----------------------------------------

  /** One loop at a time: stopCamera() (a new token) ends the one running, even mid-frame. */
  async loop() {
    if (this.looping) return;
    this.looping = true;
    const token = ++this.loopToken;
    const video = this.camera.video;
    let lastVideoTime = -1;
    while (token === this.loopToken && this.camera.active) {
      const began = performance.now();
      if (video.readyState >= 2 && video.videoWidth > 0 && video.currentTime !== lastVideoTime) {
        lastVideoTime = video.currentTime;
        let found;
        try {
          found = await this.model.estimate(video);
        } catch {
          if (token === this.loopToken) this.failed("model");
          return;
        }
        if (token !== this.loopToken) return;
        this.frame(began, found.rows, found.back);
      }
      await sleep(Math.max(4, this.frameMs - (performance.now() - began)));
    }
    if (token === this.loopToken) this.looping = false;
  }

  /** One frame read: its landmark rows (or null) and its back rise (or null); no picture goes further. */
  frame(capturedAt, rows, back) {
    this.frameTimes.push(capturedAt / 1000);
    if (this.frameTimes.length > PACE_FRAMES) this.frameTimes.shift();
    const view = panel.bodyInView(rows);
    panel.drawOutline(rows, view);
    if (view !== this.view) {
      this.view = view;
      this.viewSince = performance.now();
      this.root.dataset.person = view;
    }
    if (!this.live) {
      this.live = true;
      this.updateWindow(); // the picture is live: the window may open now
    }
    const stream = this.stream;
    if (stream && this.phase === "work") {
      stream.add(capturedAt, rows, back);
      if (stream.opened && view === "none" && performance.now() - this.viewSince > MISSING_SPEAK_S * 1000 && !stream.spokeMissing) {
        stream.spokeMissing = true;
        this.speech.offer(messages.personMissingSpoken, "missing", 2);
      }
    }
    this.speech.tick();
    this.renderStatus();
  }

  // --- one exercise window's stream to the coach -------------------------------------------------------

  beginStream(exercise) {
    const fps = paceFor(this.frameTimes);
    this.frameMs = 1000 / fps;
    const stream = new PoseStream({
      url: this.url, index: this.index, step: this.step, exercise, aspect: this.camera.aspect, fps,
      handlers: {
        onUpdate: () => {
          if (stream !== this.stream) return;
          this.root.dataset.reps = String(stream.reps);
          this.renderStats();
        },
        onHalf: () => {},
        onRepetition: (scores) => stream === this.stream && this.glideFeedback(scores),
        onCue: (cue) => stream === this.stream && this.cue(stream, cue),
        onLost: () => this.lost(stream),
      },
    });
    this.stream = stream;
    this.cueShown = null;
    this.root.dataset.reps = "0";
    panel.setStepSummary(null);
  }

  cue(stream, cue) {
    const text = CUES[cue.code] || cue.message;
    if (!text) return;
    this.cueShown = { text, until: performance.now() + CUE_SHOWN_MS };
    this.speech.offer(text, cue.code, 1);
    this.renderStatus();
  }

  glideFeedback(scores) {
    if (!scores.length) return;
    if (Math.min(...scores) < GLIDE_LINE) this.speech.offer(messages.glideLow, "glide-low", 0);
    else if (scores.reduce((a, b) => a + b, 0) / scores.length >= GLIDE_GOOD) this.speech.offer(messages.glideGood, "glide-good", 0);
  }

  lost(stream) {
    if (this.stream === stream) this.endStream();
    this.lostIndex = stream.index;
    this.root.dataset.failure = "socket";
    this.sayFailureOnce();
    this.sync(); // the camera rests until the next pose it can watch
  }

  /** The window is over: its summary shows at once, and the coach's own summing-up replaces it. */
  endStream() {
    const stream = this.stream;
    this.stream = null;
    this.speech.clear();
    this.cueShown = null;
    delete this.root.dataset.watching;
    panel.setStats(null);
    if (!stream || stream.ended) return;
    if (stream.seen) this.setResult(stream.index, stream.seen);
    const final = stream.finish().then((result) => {
      if (result) this.setResult(stream.index, result);
    });
    this.finals.add(final);
    final.finally(() => this.finals.delete(final));
  }

  setResult(index, seen) {
    const summary = summariseStep(seen);
    this.results.set(index, { ...seen, summary });
    noteFloorSpace(index, seen.floor_space || null); // for the floor-space check after the tilts
    // the summary of the step just done stays until the next window opens
    if (!this.stream) panel.setStepSummary({ title: format(messages.stepSummaryTitle, { name: seen.name }), ...summary });
    this.renderResults();
    this.renderStatus();
  }

  // --- what is shown -----------------------------------------------------------------------------------

  renderStats() {
    const stream = this.stream;
    if (!stream) return panel.setStats(null);
    const half = stream.lastHalf;
    panel.setStats({
      counts: stream.counts,
      reps: stream.reps ? format(messages.repSeen, { n: stream.reps }) : messages.repNone,
      half: half ? halfText(half) : messages.glideNone,
      hold: stream.holdS === null ? messages.glideNone : duration(stream.holdS),
      calibration: stream.counts && this.phase === "work" ? stream.calibration : null,
    });
  }

  /** The status line says what is true now: one place decides it, from the camera, the view and the phase. */
  renderStatus() {
    const [text, kind] = this.status();
    panel.setStatus(text, kind);
  }

  status() {
    const cue = this.cueShown && performance.now() < this.cueShown.until ? this.cueShown.text : null;
    const next = this.plan.steps.find((step, i) => i > this.index && cameraExercise(step));
    return cameraStatus({
      unavailable: this.unavailable, enabled: this.enabled, started: this.started, ended: this.ended,
      watched: Boolean(this.watchable()), phase: this.phase, nextName: next ? next.name : null,
      lostHere: this.lostIndex !== null && this.lostIndex === this.index && Boolean(cameraExercise(this.step)),
      cameraActive: this.camera.active, modelReady: this.model.ready, live: this.live, view: this.view,
      settled: performance.now() - this.viewSince >= VIEW_SETTLE_MS, cue,
    });
  }

  renderResults() {
    const lines = [...this.results.entries()].sort(([a], [b]) => a - b).map(([, r]) => r.summary.line);
    panel.renderResults(lines, { canKeep: this.canKeep, keep: this.keep });
  }

  /** For the log: waits (briefly) for results on their way; null unless the person chose to keep them. */
  async resultsForLog() {
    if (!this.canKeep || !this.keep || !this.available) return null;
    await Promise.allSettled([...this.finals]);
    const kept = new Map();
    for (const [index, r] of this.results) {
      kept.set(index, {
        reps: r.counts ? r.reps : 0,
        glide: r.counts ? r.glide : [],
        hold_seen: r.hold_seen === null ? null : Math.round(Math.min(1, Math.max(0, r.hold_seen)) * 1000) / 1000,
        floor_space: r.floor_space || null,
      });
    }
    return kept;
  }

  /** The session is over: let the camera go (the results stay on screen). */
  end() {
    this.ended = true;
    this.setPhase("none");
    this.setStep(null, Math.max(this.index, 0));
  }
}
