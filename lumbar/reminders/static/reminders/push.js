// "Remind me on this device": subscribes this browser (an installed Lumbar, or any browser that can) to Web Push
// with the server's public key, and sends the subscription to Lumbar; "Stop" takes it back.
import { gettext } from "../lumbar/i18n.js";
import { csrfCookie } from "../lumbar/outbox.js";

const section = document.getElementById("push-section");
const status = document.getElementById("push-status");

function bytes(base64url) {
  const text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4));
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

async function tell(body) {
  const response = await fetch(section.dataset.url, {
    method: "POST", credentials: "same-origin", body: JSON.stringify(body),
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfCookie() },
  });
  if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error || String(response.status));
}

async function start() {
  try {
    if ((await Notification.requestPermission()) !== "granted") {
      status.textContent = gettext("Notifications are turned off for Lumbar in this browser.");
      return;
    }
    const registration = await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true, applicationServerKey: bytes(section.dataset.key) });
    await tell(subscription.toJSON());
    status.textContent = gettext("This device will remind you at your chosen times.");
  } catch (error) {
    status.textContent = gettext("This browser could not turn on reminders here.") + " " + error.message;
  }
}

async function stop() {
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.getSubscription();
  if (subscription) {
    await tell({ endpoint: subscription.endpoint, remove: true }).catch(() => {});
    await subscription.unsubscribe();
  }
  status.textContent = gettext("This device will not remind you any more.");
}

if (section && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window) {
  section.hidden = false;
  document.getElementById("push-start").addEventListener("click", start);
  document.getElementById("push-stop").addEventListener("click", stop);
}
