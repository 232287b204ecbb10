// Writes made with no network (a session log, a symptom report) wait here, on this device, and are sent when
// the network returns: each once, whatever happens, because each carries its own Idempotency-Key and the server
// answers a repeat with the first answer. Kept in localStorage; signing out clears it (Clear-Site-Data).

const STORE = "lumbar-outbox";
const PROBLEMS = "lumbar-outbox-problems";
/** Events on window: a write was kept to send later (enqueue); the server answered one that was kept (flush). */
export const QUEUED = "lumbar:outbox-queued";
export const SENT = "lumbar:outbox-sent";

function read(name) {
  try {
    const value = JSON.parse(localStorage.getItem(name));
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function write(name, items) {
  localStorage.setItem(name, JSON.stringify(items));
}

/** A key for one write, reused by every retry of it (random; randomUUID needs a secure context, so plain
 *  http on a home network gets the same from getRandomValues). */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The CSRF token from Django's cookie (the same for every page of this browser session). */
export function csrfCookie() {
  const found = document.cookie.split("; ").find((part) => part.startsWith("csrftoken="));
  return found ? decodeURIComponent(found.slice("csrftoken=".length)) : "";
}

/** Keeps {url, payload, key, label} to send later; the same key is kept once. Returns false when this device
 *  cannot keep it (storage full or turned off). */
export function enqueue(item) {
  try {
    const items = read(STORE);
    if (!items.some((kept) => kept.key === item.key)) items.push({ ...item, queuedAt: new Date().toISOString() });
    write(STORE, items);
  } catch {
    return false;
  }
  window.dispatchEvent(new CustomEvent(QUEUED, { detail: { key: item.key } }));
  return true;
}

export function waiting() {
  return read(STORE);
}

/** Writes the server refused when they were sent ({label, error}), for the page to show. */
export function problems() {
  return read(PROBLEMS);
}

export function forgetProblems() {
  localStorage.removeItem(PROBLEMS);
}

let sending = null;

/**
 * Sends what is waiting, in order. Resolves to {sent, left}. Stops at the first network failure (still offline);
 * keeps a write the server could not take yet (signed out: a redirect to sign-in); drops one the server answered,
 * recording its error when it refused it. Each answer is also told to the page as a SENT event on window
 * (detail: {key, url, status, body}), so the page that made the write can show how it went.
 */
export function flush(token = csrfCookie) {
  if (sending) return sending;
  sending = (async () => {
    let sent = 0;
    try {
      for (const item of read(STORE)) {
        let response;
        try {
          response = await fetch(item.url, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token(),
                       "Idempotency-Key": item.key },
            body: JSON.stringify(item.payload),
          });
        } catch {
          break;
        }
        const json = (response.headers.get("Content-Type") || "").startsWith("application/json");
        if (response.redirected || !json) break; // needs signing in again: keep it for later
        const body = await response.json().catch(() => ({}));
        if (!response.ok) write(PROBLEMS, [...read(PROBLEMS), { label: item.label, error: body.error || String(response.status) }]);
        write(STORE, read(STORE).filter((kept) => kept.key !== item.key));
        sent += 1;
        window.dispatchEvent(new CustomEvent(SENT, { detail: { key: item.key, url: item.url, status: response.status, body } }));
      }
    } finally {
      sending = null;
    }
    return { sent, left: read(STORE).length };
  })();
  return sending;
}
