// The session player: walks through the plan's steps (check-ins, poses, summary), keeps the clock,
// speaks and sounds the cues, and saves the log at the end. For tests it exposes only
// document.body.dataset.playerState and data-step-index on #player.

import { messages } from "./messages.js";
import { PoseRun, estimateSeconds } from "./pose.js";
import { buildLog, postLog } from "./log.js";
import { bindSoundSettings, loadSettings, saveSettings } from "./settings.js";
import { Sounds } from "./sounds.js";
import { Clock, startTicker } from "./timer.js";
import { Voice } from "./voice.js";
import { ScreenAwake } from "./wakelock.js";
import * as view from "./view.js";
import { bindKeyboard } from "./keys.js";
import { CheckIns } from "./checkins.js";

const $ = (id) => document.getElementById(id);
const plan = JSON.parse($("session-plan").textContent);
const scale = plan.time_scale > 0 ? plan.time_scale : 1;
const root = $("player");

const state = {
  status: "ready", // ready | countdown | running | input | saving | saved | error
  paused: false,
  index: -1,
  run: null,
  floor: { before: null, after: null },
  pain: { before: null, after: null },
  results: new Map(), // pose step index -> {status, seconds}
  startedAt: null,
  completed: false,
};

const clock = new Clock(scale);
const sounds = new Sounds();
const awake = new ScreenAwake();
const settings = loadSettings();
let soundPanel = null;
const voice = new Voice({
  lang: document.documentElement.lang,
  onCaption: (text) => {
    $("caption").textContent = text;
  },
  onVoicesChanged: () => soundPanel && soundPanel.fillVoices(),
});
const checkins = new CheckIns({ plan, state, voice });

function applySettings() {
  voice.volume = settings.volume;
  voice.voiceURI = settings.voice;
  voice.setMuted(settings.muted);
  sounds.muted = settings.muted;
  sounds.volume = settings.volume;
  $("mute-button").setAttribute("aria-pressed", String(settings.muted));
  root.classList.toggle("is-muted", settings.muted);
  saveSettings(settings);
  if (soundPanel) soundPanel.sync();
}

// --- state shown to the page and to tests ------------------------------------------------------

function publish() {
  const shown = state.paused ? "paused" : state.status;
  document.body.dataset.playerState = shown;
  root.dataset.state = shown;
  if (state.index >= 0) root.dataset.stepIndex = String(state.index);
  const timed = state.status === "countdown" || state.status === "running";
  const finished = ["saving", "saved", "error"].includes(state.status);
  $("pause-button").disabled = !timed;
  $("pause-label").textContent = state.paused ? messages.resume : messages.pause;
  $("pause-button").classList.toggle("is-paused", state.paused);
  $("extend-button").disabled = !timed;
  $("skip-button").disabled = state.status === "ready" || finished;
  $("back-button").disabled = state.status === "ready" || finished || state.index <= 0;
  $("end-button").disabled = state.status === "ready" || finished;
  root.classList.toggle("is-started", state.status !== "ready");
}

// --- effects from a pose run ----------------------------------------------------------------------

function apply(effects, run) {
  for (const effect of effects) {
    if (effect.tone) sounds.play(effect.tone);
    if (effect.say) {
      const spoken = voice.say(effect.say, { key: effect.key || null });
      if (effect.prepLine !== undefined) spoken.then(() => run.lineFinished(effect.prepLine));
    }
    if (effect.finished) finishPose(run);
  }
}

function result(index) {
  if (!state.results.has(index)) state.results.set(index, { status: "skipped", seconds: 0 });
  return state.results.get(index);
}

function finishPose(run) {
  if (run !== state.run) return;
  result(state.index).status = "done";
  state.run = null;
  go(state.index + 1, { keepSpeech: true });
}

// --- moving between steps --------------------------------------------------------------------------

function go(index, { keepSpeech = false } = {}) {
  if (index < 0 || index >= plan.steps.length) return;
  if (!keepSpeech) voice.cancel();
  state.paused = false;
  voice.resume();
  clock.start();
  state.run = null;
  state.index = index;
  const step = plan.steps[index];
  const focusLost = !document.activeElement || document.activeElement === document.body
    || Boolean(document.activeElement.closest(".view"));
  view.renderProgress(plan, index, 0);
  if (step.type === "pose") enterPose(step, index);
  else if (step.type === "floor-space") {
    state.status = "input";
    checkins.enterFloor(step);
  } else if (step.type === "pain") {
    state.status = "input";
    checkins.enterPain(step);
  }
  else enterSummary();
  publish();
  if (focusLost) focusHeading();
}

function focusHeading() {
  const visible = document.querySelector(".view:not([hidden]) h1");
  if (visible) visible.focus({ preventScroll: false });
}

function enterPose(step, index) {
  result(index);
  state.status = "countdown";
  view.showView("pose");
  view.renderPose(step);
  state.run = new PoseRun(step);
  apply(state.run.start(clock.seconds), state.run);
}

function enterSummary({ completed = true } = {}) {
  state.completed = completed;
  state.run = null;
  view.showView("summary");
  if (completed) view.renderProgress(plan, state.index, 1);
  view.renderSummary(plan, { floor: state.floor, pain: state.pain, results: state.results, completed });
  if (completed) {
    sounds.play("end");
    voice.say(messages.summarySpoken);
  }
  save();
}

// --- saving ----------------------------------------------------------------------------------------

async function save() {
  state.status = "saving";
  publish();
  view.renderSaving({ status: "saving", message: messages.saving });
  const outcome = await postLog(plan.log_url, buildLog(state));
  if (outcome.ok) {
    state.status = "saved";
    view.renderSaving({ status: "saved", message: state.completed ? messages.saved : messages.savedPartial, url: outcome.url });
    voice.say(messages.savedSpoken);
    awake.release();
    publish();
    $("saved-link").focus();
  } else {
    state.status = "error";
    view.renderSaving({ status: "error", message: messages.saveFailed, error: outcome.error });
    publish();
    $("retry-button").focus();
  }
}

// --- controls ----------------------------------------------------------------------------------------

function start() {
  if (state.status !== "ready") return;
  sounds.unlock();
  awake.keep();
  state.startedAt = new Date().toISOString();
  clock.start();
  go(0);
}

function togglePause() {
  if (state.status !== "countdown" && state.status !== "running") return;
  if (state.paused) {
    state.paused = false;
    clock.start();
    voice.resume();
    sounds.play("start");
  } else {
    state.paused = true;
    clock.pause();
    voice.pause();
    voice.sayNow(messages.pausedSpoken);
  }
  publish();
  render();
}

function leaveStep() {
  // a pose left before its end stays "skipped" (unless it was done on an earlier visit)
  state.run = null;
}

function skip() {
  if (["ready", "saving", "saved", "error"].includes(state.status)) return;
  const step = plan.steps[state.index];
  leaveStep();
  if (step.type === "pose") sounds.play("end");
  go(state.index + 1);
}

function back() {
  if (["ready", "saving", "saved", "error"].includes(state.status) || state.index <= 0) return;
  leaveStep();
  go(state.index - 1);
}

function extend() {
  if (!state.run || (state.status !== "countdown" && state.status !== "running")) return;
  apply(state.run.extend(clock.seconds), state.run);
  render();
}

function startNow() {
  if (!state.run) return;
  voice.cancel();
  apply(state.run.startNow(clock.seconds), state.run);
  render();
}

function continueInput() {
  if (state.status === "input") go(state.index + 1);
}

function toggleMute() {
  settings.muted = !settings.muted;
  applySettings();
  $("caption").textContent = settings.muted ? messages.muted : messages.unmuted;
}

function toggleFullScreen() {
  const doc = document;
  try {
    if (doc.fullscreenElement) doc.exitFullscreen().catch(() => {});
    else if (doc.documentElement.requestFullscreen) doc.documentElement.requestFullscreen().catch(() => {});
    else $("caption").textContent = messages.fullScreenUnavailable;
  } catch {
    $("caption").textContent = messages.fullScreenUnavailable;
  }
}

// End session: pause while asking; "Save and end" saves what was done as not completed.
let pausedForDialog = false;
function askToEnd() {
  if (["ready", "saving", "saved", "error"].includes(state.status)) return;
  pausedForDialog = !state.paused && (state.status === "countdown" || state.status === "running");
  if (pausedForDialog) togglePause();
  $("end-dialog").showModal();
}

function endAndSave() {
  $("end-dialog").close("save");
  voice.cancel();
  voice.resume();
  clock.start();
  state.paused = false;
  leaveStep();
  enterSummary({ completed: false });
  focusHeading();
}

$("end-dialog").addEventListener("close", () => {
  if ($("end-dialog").returnValue !== "save" && pausedForDialog && state.paused) togglePause();
  pausedForDialog = false;
  $("end-dialog").returnValue = "";
});

// --- drawing each frame ------------------------------------------------------------------------------

let lastReal = 0;
function tick() {
  const real = clock.realSeconds;
  const spent = real - lastReal;
  lastReal = real;
  const run = state.run;
  if (!run || state.paused) return;
  if (run.working) result(state.index).seconds += spent;
  apply(run.tick(clock.seconds, { waitForSpeech: voice.speaking && scale <= 1 }), run);
  if (state.run !== run) return;
  const status = run.working ? "running" : "countdown";
  if (status !== state.status) {
    state.status = status;
    publish();
  }
  render();
}

function render() {
  const run = state.run;
  if (!run) return;
  const snapshot = run.snapshot(clock.seconds);
  view.updatePose(snapshot, { paused: state.paused });
  view.renderProgress(plan, state.index, snapshot.fraction);
}

// --- wiring ------------------------------------------------------------------------------------------

function init() {
  view.renderReady(plan, estimateSeconds(plan));
  view.renderProgress(plan, -1, 0);
  soundPanel = bindSoundSettings({ voice, sounds, settings, onChange: applySettings });
  applySettings();
  const on = (id, handler) => $(id).addEventListener("click", handler);
  on("start-button", start);
  on("pause-button", togglePause);
  on("skip-button", skip);
  on("back-button", back);
  on("extend-button", extend);
  on("end-button", askToEnd);
  on("start-now-button", startNow);
  on("floor-next", continueInput);
  on("pain-next", continueInput);
  on("mute-button", toggleMute);
  on("fullscreen-button", toggleFullScreen);
  on("help-button", () => $("help-dialog").showModal());
  on("sound-button", () => {
    sounds.unlock();
    $("sound-dialog").showModal();
  });
  on("test-voice-button", () => {
    sounds.unlock();
    voice.say(messages.testVoice);
    sounds.play("start");
  });
  on("end-save-button", endAndSave);
  on("end-cancel-button", () => $("end-dialog").close("cancel"));
  on("retry-button", save);
  // where the page cannot go full screen (e.g. iPhone Safari) the button would do nothing
  $("fullscreen-button").hidden = !(document.fullscreenEnabled && document.documentElement.requestFullscreen);
  document.addEventListener("fullscreenchange", () => {
    $("fullscreen-button").setAttribute("aria-pressed", String(Boolean(document.fullscreenElement)));
  });
  bindKeyboard({
    state: () => state.status,
    paused: () => state.paused,
    stepType: () => plan.steps[state.index] && plan.steps[state.index].type,
    start, togglePause, skip, back, extend, startNow, continueInput, toggleMute, toggleFullScreen,
    help: () => $("help-dialog").showModal(),
    end: askToEnd,
    pain: () => checkins.currentPain(),
    choosePain: (n) => checkins.choosePain(n),
    chooseFloor: (n) => checkins.chooseFloorOption(n),
  });
  publish();
  startTicker(tick);
  $("start-button").focus();
}

init();
