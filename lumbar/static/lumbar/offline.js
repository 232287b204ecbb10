// On every page: registers the service worker (sessions opened once play offline) and sends any writes that
// waited for the network (outbox.js), now and when the network returns; says so in the page's status line.
// While some wait it tries again: at once when the browser says the network is back (the `online` event, or
// navigator.onLine turning true), and anyway soon at first, then less often, at least every 10 seconds; the
// browser's word is not enough (a page a service worker served offline may think it is online, and a network
// can be up with Lumbar down), and a try with no network costs nothing.
import { gettext } from "./i18n.js";
import { QUEUED, flush, forgetProblems, problems, waiting } from "./outbox.js";

const STATUS_ID = "outbox-status";
const WATCH_MS = 1_000; // how often to look at navigator.onLine while writes wait (no network is used)
const FIRST_TRY_AGAIN_MS = 1_000;
const LAST_TRY_AGAIN_MS = 10_000;
let again = null;
let delay = FIRST_TRY_AGAIN_MS;

function say(text) {
  let line = document.getElementById(STATUS_ID);
  if (!line) {
    line = document.createElement("p");
    line.id = STATUS_ID;
    line.className = "outbox-status";
    line.setAttribute("role", "status");
    (document.querySelector("main") || document.body).prepend(line);
  }
  line.textContent = text;
  line.hidden = !text;
}

function tryAgainLater() {
  clearTimeout(again);
  const offline = navigator.onLine === false;
  const at = Date.now() + delay;
  delay = Math.min(delay * 2, LAST_TRY_AGAIN_MS);
  const look = () => {
    if (offline && navigator.onLine !== false) backOnline();
    else if (Date.now() >= at) sendWaiting();
    else again = setTimeout(look, WATCH_MS);
  };
  again = setTimeout(look, WATCH_MS);
}

function backOnline() {
  delay = FIRST_TRY_AGAIN_MS; // the first try may come before the connection is really back
  sendWaiting();
}

export async function sendWaiting() {
  clearTimeout(again);
  again = null;
  if (!waiting().length) return;
  const { sent, left } = await flush();
  if (left) tryAgainLater();
  const refused = problems();
  if (refused.length) {
    say(refused.map((p) => `${p.label}: ${p.error}`).join(" "));
    forgetProblems();
  } else if (left) {
    say(gettext("Saved on this device. It will be sent when you are online again."));
  } else if (sent) {
    say(gettext("What you did offline has now been saved."));
  }
}

if ("serviceWorker" in navigator && window.isSecureContext) {
  navigator.serviceWorker.register("/service-worker.js", { scope: "/" }).catch(() => {});
}
window.addEventListener("online", backOnline);
window.addEventListener(QUEUED, () => { // this page just kept a write: try it again soon
  if (again) return;
  delay = FIRST_TRY_AGAIN_MS;
  tryAgainLater();
});
sendWaiting();
