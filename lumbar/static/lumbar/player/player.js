// The session player: walks through the plan's steps (check-ins, poses, summary), keeps the clock,
// speaks and sounds the cues, and saves the log at the end. "Something's wrong" (button or W) pauses,
// asks four questions, and acts on the server's stop-rule answer. For tests it exposes
// document.body.dataset.playerState, and data-step-index (plus data-rest while the inserted rest pose
// plays, and data-stopped="urgent" once stopped for urgent symptoms) on #player. The optional camera
// coach (camera_coach.js, key C) watches the poses it can; the session never depends on it.
// At the end of each pose done, one optional question (ask.js): how it felt (easy / about right / hard / it
// hurt), and after the rounded rest the seed's own question; a tap or the keys 1 to 4 answer it, and the
// session goes on by itself. A pose done before is read in short, with the full version a tap away (I).
// Offline (a page the service worker kept): the log and any symptom report wait on this device (outbox.js) and
// are sent once, each with its own Idempotency-Key, when the network returns; a report meanwhile takes the safe
// choice locally (symptoms.js decideOffline), urgent symptoms showing the urgent advice at once.

import { format, listText, messages } from "./messages.js";
import { PoseRun, estimateSeconds } from "./pose.js";
import { buildLog, logOutcome, postLog } from "./log.js";
import { SENT, enqueue, flush, newKey, waiting } from "../outbox.js";
import { bindSoundSettings, loadSettings, saveSettings } from "./settings.js";
import { Sounds } from "./sounds.js";
import { Clock, startTicker } from "./timer.js";
import { Voice } from "./voice.js";
import { ScreenAwake } from "./wakelock.js";
import * as view from "./view.js";
import { bindKeyboard } from "./keys.js";
import { CheckIns } from "./checkins.js";
import { SymptomDialog, decideOffline, postSymptoms } from "./symptoms.js";
import { CameraCoach } from "./camera_coach.js";
import { ASK_MIN_REAL_SECONDS, ASK_SECONDS, askPrompt, questionsAfter } from "./ask.js";

const $ = (id) => document.getElementById(id);
const plan = JSON.parse($("session-plan").textContent);
const scale = plan.time_scale > 0 ? plan.time_scale : 1;
const root = $("player");

const state = {
  status: "ready", // ready | countdown | running | input | asking | saving | queued (offline) | saved | error
  paused: false,
  index: -1,
  run: null,
  floor: { before: null, after: null },
  pain: { before: null, after: null },
  results: new Map(), // pose step index -> {status, seconds, rating}
  asking: null, // after a pose: {index, queue: [questions still to ask], question, until, realUntil}
  roundedFeel: null, // the answer to the seed's question after the rounded rest
  startedAt: null,
  completed: false,
  resting: null, // while plan.rest plays after a stopped pose: {next: the step to go on to, direction}
  leftOut: new Set(), // pose step indexes not to be played: their direction of movement was stopped
  urgent: null, // {message, url} once a report stopped the session; nothing resumes after that
};

const FINISHED = ["saving", "queued", "saved", "error"]; // the session is over: its log is on its way or saved
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
const coach = new CameraCoach({
  plan,
  voice,
  // camera advice only while a pose is being done, never while paused or while it is read out
  canSpeak: () => state.status === "running" && !state.paused && !state.resting && !state.urgent,
  modelBase: $("camera-panel").dataset.modelBase,
});

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
  if (state.resting) root.dataset.rest = "true";
  else delete root.dataset.rest;
  if (state.urgent) root.dataset.stopped = "urgent";
  const timed = state.status === "countdown" || state.status === "running" || state.status === "asking";
  const finished = FINISHED.includes(state.status);
  $("pause-button").disabled = !timed;
  $("pause-label").textContent = state.paused ? messages.resume : messages.pause;
  $("pause-button").classList.toggle("is-paused", state.paused);
  $("extend-button").disabled = !timed || state.status === "asking";
  $("skip-button").disabled = state.status === "ready" || finished;
  $("back-button").disabled = state.status === "ready" || finished || state.index <= 0 || Boolean(state.resting);
  $("end-button").disabled = state.status === "ready" || finished;
  $("symptoms-button").disabled = !canReport();
  root.classList.toggle("is-started", state.status !== "ready");
  coach.setPhase(exercisePhase());
}

/** Where the step is, for the camera coach: it counts only in "work" (from "Begin" to the step's end). */
function exercisePhase() {
  if (state.urgent) return "none";
  if (state.resting) return "rest";
  if (state.status === "running") return state.paused ? "paused" : "work";
  if (state.status === "countdown") return state.paused ? "paused" : "before";
  return "none";
}

// --- effects from a pose run ----------------------------------------------------------------------

function apply(effects, run) {
  for (const effect of effects) {
    if (effect.tone) sounds.play(effect.tone);
    if (effect.say) {
      const spoken = voice.say(effect.say, { key: effect.key || null });
      // an eased run reads new lines: a line of its old text finishing must not count
      const generation = run.generation;
      if (effect.prepLine !== undefined) spoken.then(() => run.generation === generation && run.lineFinished(effect.prepLine));
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
  state.run = null;
  if (state.resting) {
    go(state.resting.next, { keepSpeech: true }); // the rest is not a plan step: nothing to log
    return;
  }
  result(state.index).status = "done";
  const questions = questionsAfter(plan, plan.steps[state.index]);
  if (!questions.length) {
    go(state.index + 1, { keepSpeech: true });
    return;
  }
  state.asking = { index: state.index, queue: questions };
  askNext();
}

// --- after a pose: the optional questions -------------------------------------------------------------

function askNext() {
  const asking = state.asking;
  const question = asking && asking.queue.shift();
  if (!question) {
    if (asking) go(asking.index + 1, { keepSpeech: true });
    return;
  }
  asking.question = question;
  asking.until = clock.seconds + ASK_SECONDS;
  asking.realUntil = clock.realSeconds + ASK_MIN_REAL_SECONDS;
  state.status = "asking";
  view.showView("ask");
  view.renderAsk({ ...question, chosen: null, onChoose: answer });
  voice.say(question.title);
  voice.say(askPrompt(question));
  publish();
  focusHeading();
}

/** An answer to the question on screen (a value, or the 1-based number of one from the keys). */
function answer(value) {
  const asking = state.asking;
  if (state.status !== "asking" || !asking) return;
  const { question } = asking;
  const option = typeof value === "number" ? question.options[value - 1] : question.options.find((o) => o.value === value);
  if (!option) return;
  if (question.kind === "rate") result(asking.index).rating = option.value;
  else state.roundedFeel = option.value;
  view.updateAsk({ chosen: option.value, secondsLeft: null, paused: false });
  voice.cancel(); // the answer interrupts the question
  voice.say(format(messages.askChosen, { label: option.label }), { key: "ask" });
  state.paused = false;
  clock.start();
  voice.resume();
  askNext();
}

function tickAsking() {
  const asking = state.asking;
  if (!asking || state.paused) return;
  // session time (a paused clock waits), and never less than a moment of real time to reach the screen
  if (clock.seconds >= asking.until && clock.realSeconds >= asking.realUntil) {
    askNext();
    return;
  }
  view.updateAsk({ chosen: null, secondsLeft: asking.until - clock.seconds, paused: false });
}

// --- moving between steps --------------------------------------------------------------------------

function go(index, { keepSpeech = false, backwards = false } = {}) {
  // steps whose direction of movement was stopped are passed over, either way
  while (state.leftOut.has(index)) index += backwards ? -1 : 1;
  if (state.urgent || index < 0 || index >= plan.steps.length) return;
  if (!keepSpeech) voice.cancel();
  state.resting = null;
  view.showNotice("");
  state.paused = false;
  voice.resume();
  clock.start();
  state.run = null;
  state.asking = null;
  state.index = index;
  const step = plan.steps[index];
  coach.setStep(step.type === "pose" ? step : null, index);
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
  state.run = new PoseRun(step);
  view.renderPose(step, { short: state.run.short });
  apply(state.run.start(clock.seconds), state.run);
}

/** "Full instructions" (button or I): the full version of a pose read in short; read out if not begun. */
function showFull() {
  const run = state.run;
  if (!run || !run.short) return;
  const before = run.phase.kind === "prep" || run.phase.kind === "countdown";
  if (before) voice.cancel();
  apply(run.showFull(clock.seconds), run);
  view.showInstructions(run.step, { short: false });
  if (before) render();
}

function enterSummary({ completed = true } = {}) {
  state.completed = completed;
  state.run = null;
  state.resting = null;
  state.asking = null;
  coach.end();
  view.showView("summary");
  if (completed) view.renderProgress(plan, state.index, 1);
  view.renderSummary(plan, { floor: state.floor, pain: state.pain, results: state.results, completed,
    rounded: state.roundedFeel });
  if (state.urgent) {
    view.renderUrgent(state.urgent);
    voice.say(state.urgent.message);
  } else if (completed) {
    sounds.play("end");
    voice.say(messages.summarySpoken);
  }
  save();
}

// --- saving ----------------------------------------------------------------------------------------

let log = null; // {payload, key}: the log as it was when the session ended, and its one Idempotency-Key

async function save() {
  state.status = "saving";
  publish();
  view.renderSaving({ status: "saving", message: messages.saving });
  if (!log) log = { payload: buildLog(state, await coach.resultsForLog()), key: newKey() };
  if (waiting().length) await flush(); // a report that waited goes first, as it happened
  const outcome = await postLog(plan.log_url, log.payload, log.key);
  if (outcome.networkError && enqueue({ url: plan.log_url, payload: log.payload, key: log.key, label: plan.title })) {
    keptOnDevice();
  } else {
    saved(outcome);
  }
}

function saved(outcome, message = null) {
  if (outcome.ok) {
    state.status = "saved";
    view.renderSaving({ status: "saved", url: outcome.url,
      message: message || (state.completed ? messages.saved : messages.savedPartial) });
    voice.say(messages.savedSpoken);
    awake.release();
    publish();
    if (!state.urgent) $("saved-link").focus(); // the urgent advice keeps the focus
  } else {
    state.status = "error";
    view.renderSaving({ status: "error", message: messages.saveFailed, error: outcome.error });
    publish();
    $("retry-button").focus();
  }
}

/** No network: the log waits in the outbox; offline.js sends it (once) when the network returns. */
function keptOnDevice() {
  state.status = "queued";
  view.renderSaving({ status: "queued", message: messages.keptOnDevice });
  voice.say(messages.keptOnDeviceSpoken);
  awake.release();
  publish();
}

/** The outbox sent a queued write: when it is this session's log, say how it went. */
function outboxSent({ detail }) {
  if (!log || detail.key !== log.key || state.status !== "queued") return;
  const outcome = logOutcome(detail.status, detail.body);
  saved(outcome, outcome.ok ? messages.savedWhenOnline : null);
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
  if (state.status !== "countdown" && state.status !== "running" && state.status !== "asking") return;
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
  if (state.status === "asking") view.updateAsk({ chosen: null, secondsLeft: null, paused: state.paused });
  publish();
  render();
}

function leaveStep() {
  // a pose left before its end stays "skipped" (unless it was done on an earlier visit)
  state.run = null;
}

function skip() {
  if (state.status === "ready" || FINISHED.includes(state.status)) return;
  const step = state.resting ? plan.rest : plan.steps[state.index];
  const next = state.resting ? state.resting.next : state.index + 1;
  leaveStep();
  if (step.type === "pose" && state.status !== "asking") sounds.play("end");
  go(next);
}

function back() {
  // not from the rest after a stopped pose: going back would replay what was just stopped
  if (state.status === "ready" || FINISHED.includes(state.status) || state.index <= 0 || state.resting) return;
  leaveStep();
  go(state.index - 1, { backwards: true });
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
  else if (state.status === "asking") {
    // "Not now": this question is left unanswered
    state.paused = false;
    clock.start();
    voice.cancel();
    voice.resume();
    askNext();
  }
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
  if (state.status === "ready" || FINISHED.includes(state.status)) return;
  pausedForDialog = !state.paused && ["countdown", "running", "asking"].includes(state.status);
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

// --- "Something's wrong" ------------------------------------------------------------------------------
// Pauses (speech stops), asks, sends to the server (which decides by the stop rules and logs the event
// with its step), then acts on the answer. While a send fails the session stays paused.

/** Whether two poses load the lower back in a shared direction (each step's `loads`: every direction it
 *  moves the back in; a neutral pose loads none). */
function sameDirection(a, b) {
  return Boolean(a && b) && a.some((direction) => b.includes(direction));
}

let hold = null; // while the dialog is open: {wasPaused}
const symptoms = new SymptomDialog({
  anchors: (plan.steps.find((step) => step.type === "pain") || {}).anchors,
  send: sendSymptoms,
  onClose: symptomsClosed,
});

function canReport() {
  return !state.urgent && state.index >= 0 && ["countdown", "running", "input", "asking"].includes(state.status);
}

function reportSymptoms() {
  if (!canReport() || symptoms.isOpen || document.querySelector("dialog[open]")) return;
  hold = { wasPaused: state.paused };
  if (!state.paused) {
    state.paused = true;
    clock.pause();
    voice.pause();
  }
  voice.sayNow(messages.symptomsSpoken);
  publish();
  render();
  report = null; // a new report, a new key
  symptoms.open();
}

/** The step the report is about: the rest counts as part of the step whose pose was stopped. */
function reportedStep() {
  return state.resting ? plan.rest : plan.steps[state.index];
}

let report = null; // {body, key}: the report being sent; "Send again" with the same answers reuses its key

async function sendSymptoms(answers) {
  const step = reportedStep();
  const payload = {
    sequence: plan.sequence,
    step_index: state.index,
    pose: step && step.type === "pose" ? step.pose : "",
    pain: answers.pain,
    sharp_or_shooting: answers.sharp_or_shooting,
    spreading_to_leg: answers.spreading_to_leg,
    urgent_symptoms: answers.urgent_symptoms,
    pain_at_start: state.pain.before,
  };
  const body = JSON.stringify(payload);
  if (!report || report.body !== body) report = { body, key: newKey() };
  const outcome = await postSymptoms(plan.symptoms_url, payload, report.key);
  if (!outcome.networkError) return outcome;
  // no network: the report waits on this device and is sent once later; the player decides on the safe side now
  const kept = enqueue({ url: plan.symptoms_url, payload, key: report.key, label: messages.symptomsOutboxLabel });
  return kept ? decideOffline(answers) : outcome;
}

function unpause() {
  state.paused = false;
  clock.start();
  voice.resume();
}

function symptomsClosed({ outcome, failed }) {
  const wasPaused = hold ? hold.wasPaused : false;
  hold = null;
  if (outcome) {
    act(outcome);
    return;
  }
  const timed = ["countdown", "running", "asking"].includes(state.status);
  if (failed && timed) {
    // the answers never reached Lumbar: do not carry on by ourselves
    $("caption").textContent = messages.symptomsPausedAfterError;
  } else if (!wasPaused) {
    unpause();
  }
  publish();
  render();
}

function act({ action, message, urgentUrl }) {
  if (action === "stop-session") {
    stopSession(message, urgentUrl);
    return;
  }
  const step = reportedStep();
  const inPose = Boolean(state.run) && step && step.type === "pose";
  if (action === "stop-pose" || action === "stop-direction") {
    stopPose(action, message);
  } else if (action === "ease" && inPose) {
    voice.cancel(); // what was being said is about the harder version
    unpause();
    view.showNotice(message);
    voice.say(message);
    const run = state.run;
    const easier = step.ease_to || null; // chosen for this person: never a version ruled out for them
    apply(run.ease(clock.seconds, easier), run);
    view.renderPose(run.step);
    state.status = "countdown";
  } else {
    // continue (or "ease" where there is no pose to ease): the advice first, then on from where it was
    view.showNotice(message);
    voice.say(message, { first: true });
    unpause();
  }
  publish();
  render();
}

/** Ends the pose (logged "stopped"), plays the rest pose, and for "stop-direction" leaves out the later
 *  poses that move the back the same way. */
function stopPose(action, message) {
  const step = reportedStep();
  let next = state.index; // a check-in is taken up again after the rest
  let direction = null;
  if (state.resting) {
    ({ next, direction } = state.resting); // stopped during the rest: rest afresh
  } else if (step && step.type === "pose") {
    result(state.index).status = "stopped";
    next = state.index + 1;
    direction = step.loads || null;
  }
  const lines = [message];
  if (action === "stop-direction") {
    const names = [];
    plan.steps.forEach((later, j) => {
      if (j <= state.index || later.type !== "pose" || state.leftOut.has(j) || !sameDirection(direction, later.loads)) return;
      state.leftOut.add(j);
      if (result(j).status !== "done") result(j).status = "stopped";
      names.push(later.name);
    });
    lines.push(names.length ? format(messages.leavingOut, { names: listText(names) }) : messages.leavingOutNone);
  }
  voice.cancel();
  unpause();
  state.run = null;
  view.showNotice(lines.join(" "));
  lines.forEach((line) => voice.say(line));
  sounds.play("end");
  enterRest(next, direction);
}

function enterRest(next, direction) {
  state.asking = null;
  if (!plan.rest) {
    go(next, { keepSpeech: true });
    return;
  }
  state.resting = { next, direction };
  coach.setStep(null, state.index); // the rest is not watched
  state.status = "countdown";
  view.showView("pose");
  view.renderPose(plan.rest);
  state.run = new PoseRun(plan.rest);
  apply(state.run.start(clock.seconds), state.run);
  publish();
}

function stopSession(message, url) {
  const step = reportedStep();
  if (!state.resting && step && step.type === "pose") result(state.index).status = "stopped";
  state.urgent = { message, url: url || $("urgent-link").getAttribute("href") };
  voice.cancel();
  unpause();
  leaveStep();
  view.showNotice("");
  sounds.play("end");
  enterSummary({ completed: false });
  $("summary-title").focus();
}

// --- drawing each frame ------------------------------------------------------------------------------

let lastReal = 0;
function tick() {
  const real = clock.realSeconds;
  const spent = real - lastReal;
  lastReal = real;
  if (state.status === "asking") tickAsking();
  const run = state.run;
  if (!run || state.paused) return;
  if (run.working && !state.resting) result(state.index).seconds += spent;
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
  view.renderProgress(plan, state.index, state.resting ? 1 : snapshot.fraction);
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
  on("symptoms-button", reportSymptoms);
  on("start-now-button", startNow);
  on("floor-next", continueInput);
  on("pain-next", continueInput);
  on("ask-skip", continueInput);
  on("full-instructions-button", showFull);
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
  window.addEventListener(SENT, outboxSent);
  // where the page cannot go full screen (e.g. iPhone Safari) the button would do nothing
  $("fullscreen-button").hidden = !(document.fullscreenEnabled && document.documentElement.requestFullscreen);
  document.addEventListener("fullscreenchange", () => {
    $("fullscreen-button").setAttribute("aria-pressed", String(Boolean(document.fullscreenElement)));
  });
  bindKeyboard({
    state: () => state.status,
    paused: () => state.paused,
    stepType: () => plan.steps[state.index] && plan.steps[state.index].type,
    start, togglePause, skip, back, extend, startNow, continueInput, toggleMute, toggleFullScreen, showFull,
    answer: (n) => answer(n),
    help: () => $("help-dialog").showModal(),
    end: askToEnd,
    reportSymptoms,
    camera: () => coach.toggle(),
    pain: () => checkins.currentPain(),
    choosePain: (n) => checkins.choosePain(n),
    chooseFloor: (n) => checkins.chooseFloorOption(n),
  });
  publish();
  startTicker(tick);
  // the ready screen opens at its title, on a phone too (focusing the button below would scroll past it)
  $("start-button").focus({ preventScroll: true });
  $("player-body").scrollTop = 0;
}

init();
