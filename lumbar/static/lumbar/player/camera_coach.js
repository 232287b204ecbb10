// The camera coach in the player: for the poses it can watch (pelvic tilt, cat-cow, child's pose) it
// runs the webcam and the in-browser pose model, streams body points (never video) to /ws/coach/, and
// shows and speaks what comes back. It is optional and off by default, and the session never waits
// for it: whatever fails (camera, model, connection), the session carries on by the clock.
//
// For tests: #camera-panel carries data-camera (on/off), data-watching (an exercise while streaming),
// data-reps, data-person ("full", "partial", "none") and data-failure (why the camera is not in use).

import { Camera } from "./camera.js";
import { socketUrl } from "./coach_socket.js";
import * as panel from "./camera_view.js";
import { duration, format, listText, messages } from "./messages.js";
import { PoseModel } from "./pose_model.js";
import { PoseStream, RATES } from "./pose_stream.js";

// pose slug -> the motion core's exercise, for the kind of step the camera can watch
const CAMERA_POSES = {
  "pelvic-tilt": { exercise: "pelvic-tilt", kind: "reps" },
  "cat-cow": { exercise: "cat-cow", kind: "reps" },
  "childs-pose": { exercise: "child-pose", kind: "hold" },
};
const FAILURES = {
  refused: messages.cameraRefused,
  missing: messages.cameraMissing,
  busy: messages.cameraBusy,
  unsupported: messages.cameraUnsupported,
  failed: messages.cameraFailed,
  model: messages.cameraModelFailed,
  socket: messages.cameraSocketLost,
};
const CUES = { neck: messages.cueNeck, tempo: messages.cueTempo, range: messages.cueRange };
const KEYS = { on: "lumbar.player.camera", keep: "lumbar.player.cameraKeep" };
const SPEAK_GAP_S = 20;           // the camera speaks at most this often...
const CUE_REPEAT_S = 45;          // ...and the same advice no more often than this
const VIEW_SETTLE_MS = 1500;      // "nobody found" must last this long before the status says so
const MISSING_SPEAK_S = 8;
const GLIDE_LOW = 40;
const GLIDE_GOOD = 75;

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
const nowS = () => performance.now() / 1000;

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
    this.canSpeak = canSpeak || (() => false);
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
    this.started = false;        // the session has started (not the start screen)
    this.stream = null;          // the pose being streamed now
    this.results = new Map();    // plan step index -> what the camera saw
    this.finals = new Set();     // results still on their way from the coach
    this.unavailable = null;     // why the camera cannot be used on this page
    this.lostIndex = null;       // the connection dropped during this step: not again for it
    this.spokeFailure = false;
    this.lastSpoken = -Infinity;
    this.lastCue = {};
    this.view = "none";
    this.viewSince = performance.now();
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
    } else if (this.started) {
      this.voice.say(messages.cameraOffSpoken, { key: "camera" });
    }
    this.sync();
  }

  /** The player moved to a step (index -1 on the start screen; step null for check-ins and the summary). */
  setStep(step, index) {
    if (index >= 0) this.started = true;
    this.step = step;
    this.index = index;
    if (this.available) this.sync();
  }

  // --- keeping the camera, the model and the stream in line with the step ---------------------------

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
    const exercise = this.enabled ? cameraExercise(this.step) : null;
    if (this.stream && (this.stream.index !== this.index || !exercise)) this.endStream();
    const setup = !this.started && this.enabled;
    const watch = exercise && this.lostIndex !== this.index; // not again after the connection dropped
    if (!this.enabled || this.unavailable || !(watch || setup)) {
      this.stopCamera();
      this.showIdle();
      return;
    }
    if (!this.camera.active) {
      panel.setStatus(messages.cameraStarting);
      const opened = await this.camera.start();
      if (!opened.ok) return this.failed(opened.reason);
      if (this.dirty) return;
    }
    if (!this.model.ready) {
      panel.setStatus(messages.cameraLoadingModel);
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
    if (watch && !this.stream) this.beginStream(exercise);
    this.showViewStatus(this.view !== "none");
  }

  showIdle() {
    this.view = "none";
    panel.showPreview(false);
    panel.setStats(null);
    this.root.dataset.person = "none";
    if (this.unavailable) panel.setStatus(FAILURES[this.unavailable], "warning");
    else if (!this.enabled) panel.setStatus(messages.cameraOff);
    else if (this.stream === null && this.lostIndex === this.index && this.index >= 0) panel.setStatus(messages.cameraSocketLost, "warning");
    else panel.setStatus(this.started ? format(messages.cameraWaiting, { names: this.names }) : messages.cameraSetup);
  }

  stopCamera() {
    this.looping = false;
    this.loopToken += 1;
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
    if (this.spokeFailure || !this.started) return;
    this.spokeFailure = true;
    this.voice.say(messages.cameraCarryOnSpoken, { key: "camera" });
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
        let rows;
        try {
          rows = await this.model.estimate(video);
        } catch {
          if (token === this.loopToken) this.failed("model");
          return;
        }
        if (token !== this.loopToken) return;
        this.frame(began, rows);
      }
      await sleep(Math.max(4, this.frameMs - (performance.now() - began)));
    }
    if (token === this.loopToken) this.looping = false;
  }

  frame(capturedAt, rows) {
    const view = panel.bodyInView(rows);
    panel.drawOutline(rows, view);
    if (view !== this.view) {
      this.view = view;
      this.viewSince = performance.now();
      this.root.dataset.person = view;
    }
    this.showViewStatus(false);
    const stream = this.stream;
    if (!stream) return;
    stream.add(capturedAt, rows);
    if (stream.opened && view === "none" && performance.now() - this.viewSince > MISSING_SPEAK_S * 1000 && !stream.spokeMissing) {
      stream.spokeMissing = this.say(messages.personMissingSpoken, "missing");
    }
  }

  /** The status line follows what the camera sees once it has lasted a moment (no flicker). */
  showViewStatus(now) {
    if (!this.camera.active || this.unavailable) return;
    if (!now && performance.now() - this.viewSince < VIEW_SETTLE_MS) return;
    if (this.view === "none") panel.setStatus(messages.personMissing, "warning");
    else if (this.view === "partial") panel.setStatus(messages.personPartial, "warning");
    else panel.setStatus(this.stream ? messages.cameraWatching : messages.cameraSetup);
  }

  // --- one pose's stream to the coach ------------------------------------------------------------------

  beginStream(exercise) {
    const stream = new PoseStream({
      url: this.url, index: this.index, step: this.step, exercise, aspect: this.camera.aspect,
      handlers: {
        onRate: (fps) => { this.frameMs = 1000 / fps; },
        onUpdate: () => {
          if (stream !== this.stream) return;
          this.root.dataset.reps = String(stream.reps);
          this.renderStats();
        },
        onRepetition: (scores) => this.glideFeedback(scores),
        onCue: (cue) => this.cue(stream, cue),
        onLost: () => this.lost(stream),
      },
    });
    this.stream = stream;
    this.root.dataset.watching = exercise;
    this.root.dataset.reps = "0";
    this.renderStats();
  }

  cue(stream, cue) {
    const text = CUES[cue.code] ? format(CUES[cue.code], { tempo: stream.tempo || cue.tempo_s || "" }) : cue.message;
    if (!text) return;
    panel.setStatus(text, "cue");
    this.say(text, cue.code);
  }

  glideFeedback(scores) {
    const known = scores.filter((score) => typeof score === "number");
    if (!known.length) return;
    if (Math.min(...known) < GLIDE_LOW) this.say(messages.glideLow, "glide-low");
    else if (known.reduce((a, b) => a + b, 0) / known.length >= GLIDE_GOOD) this.say(messages.glideGood, "glide-good");
  }

  /** Speaks a camera line only into silence, while the pose is working, and not too often. */
  say(text, code) {
    const now = nowS();
    if (!this.canSpeak() || !this.voice.idle || now - this.lastSpoken < SPEAK_GAP_S) return false;
    if (code && now - (this.lastCue[code] ?? -Infinity) < CUE_REPEAT_S) return false;
    this.lastSpoken = now;
    if (code) this.lastCue[code] = now;
    this.voice.say(text, { key: "camera" });
    return true;
  }

  lost(stream) {
    if (this.stream === stream) this.endStream();
    this.lostIndex = stream.index;
    this.root.dataset.failure = "socket";
    this.sayFailureOnce();
    this.sync(); // the camera rests until the next pose it can watch
  }

  /** The pose is over: what was seen shows at once, and the coach's own summing-up replaces it. */
  endStream() {
    const stream = this.stream;
    this.stream = null;
    delete this.root.dataset.watching;
    panel.setStats(null);
    if (!stream || stream.ended) return;
    if (stream.seen) this.results.set(stream.index, stream.seen);
    const final = stream.finish().then((result) => {
      if (result) this.results.set(stream.index, result);
      this.renderResults();
    });
    this.finals.add(final);
    final.finally(() => this.finals.delete(final));
    this.renderResults();
  }

  // --- what is shown -----------------------------------------------------------------------------------

  renderStats() {
    const stream = this.stream;
    if (!stream) return panel.setStats(null);
    panel.setStats({
      counts: stream.counts, reps: stream.reps,
      glide: stream.lastGlide,
      hold: stream.holdS === null ? messages.glideNone : duration(stream.holdS),
      calibration: stream.counts ? stream.calibration : null,
    });
  }

  renderResults() {
    const lines = [...this.results.entries()].sort(([a], [b]) => a - b).map(([, r]) => {
      if (!r.counts) return format(messages.cameraResultHold, { name: r.name, share: Math.round((r.hold_seen || 0) * 100) });
      if (!r.glide.length) return format(messages.cameraResultRepsNoGlide, { name: r.name, reps: r.reps });
      return format(messages.cameraResultReps, { name: r.name, reps: r.reps, scores: r.glide.join(", ") });
    });
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
      });
    }
    return kept;
  }

  /** The session is over: let the camera go (the results stay on screen). */
  end() {
    this.setStep(null, Math.max(this.index, 0));
  }
}
