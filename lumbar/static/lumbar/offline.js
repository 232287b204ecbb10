// On every page: registers the service worker (sessions opened once play offline) and sends any writes that
// waited for the network (outbox.js), now and whenever the network returns; says so in the page's status line.
import { gettext } from "./i18n.js";
import { flush, forgetProblems, problems, waiting } from "./outbox.js";

const STATUS_ID = "outbox-status";

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

export async function sendWaiting() {
  if (!waiting().length) return;
  const { sent, left } = await flush();
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
window.addEventListener("online", sendWaiting);
sendWaiting();
