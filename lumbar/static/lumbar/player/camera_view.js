// What the camera panel shows: the switch, the status (an aria-live region), the small live preview
// with an outline of the body points, the live numbers and the results. No decisions here.

import { messages } from "./messages.js";

const $ = (id) => document.getElementById(id);

// lines of the outline between BlazePose landmarks (shoulders, arms, trunk, legs, head)
const BONES = [[11, 12], [11, 13], [13, 15], [12, 14], [14, 16], [11, 23], [12, 24], [23, 24],
  [23, 25], [25, 27], [24, 26], [26, 28], [27, 31], [28, 32], [7, 11], [8, 12], [0, 7], [0, 8]];
const SIDES = { left: [11, 23, 25, 27, 7], right: [12, 24, 26, 28, 8] };
const INSIDE = 0.01;

/** "full" (head to feet in the picture), "partial", or "none" (nobody found). */
export function bodyInView(rows) {
  if (!rows) return "none";
  const visibility = (ids) => ids.reduce((sum, id) => sum + rows[id][3], 0);
  const side = visibility(SIDES.left) >= visibility(SIDES.right) ? SIDES.left : SIDES.right;
  const inside = (id) => rows[id][0] >= INSIDE && rows[id][0] <= 1 - INSIDE && rows[id][1] >= INSIDE && rows[id][1] <= 1 - INSIDE;
  const seen = side.slice(0, 4).every((id) => rows[id][3] >= 0.5);
  return seen && [...side, 0].every(inside) ? "full" : "partial";
}

export function showPanel(open) {
  $("camera-panel").hidden = !open;
  $("player").classList.toggle("has-camera-panel", open);
  $("camera-button").setAttribute("aria-expanded", String(open));
}

export function panelOpen() {
  return !$("camera-panel").hidden;
}

export function setSwitch(on) {
  // the label says what pressing does; data-on only styles it (a changing label with aria-pressed confuses)
  $("camera-switch").dataset.on = String(on);
  $("camera-switch-label").textContent = on ? messages.cameraTurnOff : messages.cameraTurnOn;
  $("camera-button").classList.toggle("is-on", on);
  $("camera-panel").dataset.camera = on ? "on" : "off";
}

let lastStatus = "";
/** The status line is an aria-live region: only real changes are written, so nothing is repeated. */
export function setStatus(text, kind = "info") {
  const status = $("camera-status");
  status.dataset.kind = kind;
  if (text === lastStatus) return;
  lastStatus = text;
  status.textContent = text;
}

export function setReadyNote(text) {
  $("ready-camera").hidden = !text;
  $("ready-camera-text").textContent = text || "";
}

export function showPreview(on) {
  $("camera-preview").hidden = !on;
  if (!on) drawOutline(null, "none");
}

/** Draws the body points over the preview, and says in words whether the whole body is in view. */
export function drawOutline(rows, view) {
  const frame = $("camera-frame");
  frame.dataset.view = view;
  const text = { full: messages.viewFull, partial: messages.viewPartial, none: messages.viewNone }[view];
  if ($("camera-view-text").textContent !== text) $("camera-view-text").textContent = text;
  const canvas = $("camera-outline");
  const width = canvas.clientWidth || 240;
  const height = canvas.clientHeight || 180;
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const context = canvas.getContext("2d");
  if (!context) return;
  context.clearRect(0, 0, width, height);
  if (!rows) return;
  context.lineWidth = 3;
  context.lineCap = "round";
  context.strokeStyle = view === "full" ? "#2ea043" : "#f0a020";
  context.beginPath();
  for (const [a, b] of BONES) {
    if (rows[a][3] < 0.3 || rows[b][3] < 0.3) continue;
    context.moveTo(rows[a][0] * width, rows[a][1] * height);
    context.lineTo(rows[b][0] * width, rows[b][1] * height);
  }
  context.stroke();
}

/** Live numbers for the window being watched ({counts, reps, half, hold, calibration}); null hides them. */
export function setStats(stats) {
  $("camera-stats").hidden = !stats;
  if (!stats) {
    $("camera-calibration").hidden = true;
    return;
  }
  $("camera-reps-wrap").hidden = !stats.counts;
  $("camera-glide-wrap").hidden = !stats.counts;
  $("camera-hold-wrap").hidden = stats.counts;
  if ($("camera-reps").textContent !== stats.reps) $("camera-reps").textContent = stats.reps;
  if ($("camera-glide").textContent !== stats.half) $("camera-glide").textContent = stats.half;
  if ($("camera-hold").textContent !== stats.hold) $("camera-hold").textContent = stats.hold;
  const calibration = stats.calibration === "neutral" ? messages.calibrationNeutral
    : stats.calibration === "demonstration" ? messages.calibrationDemonstration : "";
  $("camera-calibration").textContent = calibration;
  $("camera-calibration").hidden = !calibration;
}

/**
 * The short summary of the watched step that just ended ({title, text, reps, glided, floor}); null hides it.
 * floor ({change, seen, note} or null): what the camera saw of the lower back before and after the tilts; only
 * its change is noted here (data-floor), since the words wait for the person's own "after" check (check-in
 * card), so the camera never speaks before their feeling.
 */
export function setStepSummary(summary) {
  const box = $("camera-step-summary");
  box.hidden = !summary;
  if (!summary) {
    delete box.dataset.reps;
    delete box.dataset.glided;
    delete box.dataset.floor;
    return;
  }
  box.dataset.reps = String(summary.reps);
  box.dataset.glided = String(summary.glided);
  $("camera-step-summary-title").textContent = summary.title;
  $("camera-step-summary-text").textContent = summary.text;
  const floor = summary.floor || null;
  if (floor) box.dataset.floor = floor.change;
  else delete box.dataset.floor;
}

/** One line per watched step so far, and whether they will be kept. */
export function renderResults(lines, { canKeep, keep }) {
  $("camera-results").hidden = !lines.length;
  $("camera-results-list").replaceChildren(...lines.map((line) => {
    const item = document.createElement("li");
    item.textContent = line;
    return item;
  }));
  $("camera-keep-field").hidden = !canKeep;
  $("camera-keep").checked = Boolean(keep);
  $("camera-keep-note").textContent = !canKeep ? messages.cameraKeepUnavailable : keep ? messages.cameraKept : messages.cameraNotKept;
}
