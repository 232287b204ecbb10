// The camera panel's status line, decided in one place from plain facts (no DOM, no timing; tested
// through the page): what is true now about the camera, the picture and the step's phase.

import { format, messages } from "./messages.js";

const FAILURES = {
  refused: messages.cameraRefused,
  missing: messages.cameraMissing,
  busy: messages.cameraBusy,
  unsupported: messages.cameraUnsupported,
  failed: messages.cameraFailed,
  model: messages.cameraModelFailed,
  socket: messages.cameraSocketLost,
};

/**
 * [text, kind ("info", "warning" or "cue")] for these facts: unavailable (a failure key or null), enabled,
 * started (the session has), ended, watched (this step is one the camera watches now), lostHere (the
 * connection dropped in this camera step), phase ("before", "work", "paused", "rest", "none"), nextName (the
 * next camera pose's name, or null), cameraActive, modelReady, live (a frame of the picture was read),
 * view ("full", "partial", "none"), settled (the view has lasted long enough to be said), cue (text or null).
 */
export function cameraStatus(f) {
  if (f.unavailable) return [FAILURES[f.unavailable] || messages.cameraFailed, "warning"];
  if (!f.enabled) return [messages.cameraOff, "info"];
  if (f.ended) return [messages.cameraSessionOver, "info"];
  if (f.started && !f.watched) {
    if (f.lostHere) return [messages.cameraSocketLost, "warning"];
    if (f.phase === "rest") return [messages.cameraResting, "info"];
    return f.nextName ? [format(messages.cameraWaiting, { name: f.nextName }), "info"] : [messages.cameraNoMore, "info"];
  }
  if (!f.cameraActive || !f.live) return [f.cameraActive && !f.modelReady ? messages.cameraLoadingModel : messages.cameraStarting, "info"];
  if (f.view === "none" && f.settled) return [messages.personMissing, "warning"];
  if (f.view === "partial" && f.settled) return [messages.personPartial, "warning"];
  if (!f.started) return [messages.cameraSetup, "info"];
  if (f.phase === "work") return f.cue ? [f.cue, "cue"] : [messages.cameraWatching, "info"];
  if (f.phase === "paused") return [messages.cameraPaused, "info"];
  if (f.phase === "before") return [f.view === "full" ? messages.cameraBeforeBegin : messages.cameraLooking, "info"];
  return [messages.cameraStepOver, "info"];
}
