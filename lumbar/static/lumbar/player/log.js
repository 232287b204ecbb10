// Sends the session log to the server and reads the answer (symptoms.js sends the other request the player
// makes, with postJson). Each write carries its Idempotency-Key, so a retry or a queued copy is saved once.

import { format, messages } from "./messages.js";

export function csrfToken() {
  const field = document.querySelector("input[name=csrfmiddlewaretoken]");
  return field ? field.value : "";
}

/**
 * The log the server expects: one entry per pose step reached, in plan order, with its rating when one was
 * given, and the answer to the seed's question when there is one. `camera` (optional):
 * step index -> {reps, glide, hold_seen}, what the camera saw, only when the person chose to keep it.
 */
export function buildLog({ startedAt, completed, floor, pain, results, roundedFeel = null }, camera = null) {
  const steps = [...results.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, r]) => {
      const entry = { index, status: r.status, seconds: Math.max(0, Math.round(r.seconds)) };
      // how the pose felt, when the person said at its end (only a pose done or stopped can be rated)
      if (r.rating && r.status !== "skipped") entry.rating = r.rating;
      if (camera && camera.has(index)) entry.camera = camera.get(index);
      return entry;
    });
  const log = { started_at: startedAt, completed, floor_space: { ...floor }, pain: { ...pain }, steps };
  if (roundedFeel) log.rounded_feel = roundedFeel; // the seed's question after the rounded rest
  return log;
}

/**
 * POSTs JSON to this origin: resolves to {response, body} (body null unless JSON), or {networkError: true}.
 * `key`: the write's Idempotency-Key, the same for every try of it, so the server does it once.
 */
export async function postJson(url, payload, key = null) {
  let response;
  const headers = { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken() };
  if (key) headers["Idempotency-Key"] = key;
  try {
    response = await fetch(url, { method: "POST", credentials: "same-origin", headers, body: JSON.stringify(payload) });
  } catch {
    return { networkError: true };
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { response, body };
}

/** What the server's answer to a log means: {ok: true, url, id} when saved, or {ok: false, error} to show. */
export function logOutcome(status, body) {
  if (status === 201 && body && body.url) return { ok: true, url: body.url, id: body.saved };
  if (body && typeof body.error === "string") return { ok: false, error: body.error };
  return { ok: false, error: format(messages.serverError, { status }) };
}

/** Resolves to logOutcome(), or {ok: false, networkError: true, error} when Lumbar could not be reached. */
export async function postLog(url, payload, key = null) {
  const { response, body, networkError } = await postJson(url, payload, key);
  if (networkError) return { ok: false, networkError: true, error: messages.networkError };
  return logOutcome(response.status, body);
}
