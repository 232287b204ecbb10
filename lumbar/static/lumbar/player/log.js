// Sends the session log to the server (the only request the player makes) and reads the answer.

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

/** POSTs JSON to this origin: resolves to {response, body} (body null unless JSON), or {networkError: true}. */
export async function postJson(url, payload) {
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(payload),
    });
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

/** Resolves to {ok: true, url} when saved, or {ok: false, error} with a message to show. */
export async function postLog(url, payload) {
  const { response, body, networkError } = await postJson(url, payload);
  if (networkError) return { ok: false, error: messages.networkError };
  if (response.status === 201 && body && body.url) return { ok: true, url: body.url, id: body.saved };
  if (body && typeof body.error === "string") return { ok: false, error: body.error };
  return { ok: false, error: format(messages.serverError, { status: response.status }) };
}
