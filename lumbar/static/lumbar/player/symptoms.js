// "Something's wrong": a modal dialog with four quick questions (pain now 0 to 10; sharp or shooting;
// spreading into a leg; any urgent symptoms: every Tier A item, listed in the page),
// sent to the server, which decides by the stop rules and logs the report. Nothing is answered in advance: every question must be answered before sending.
// The dialog only asks and sends; what happens next is the player's business. With no network the report waits on
// this device (the player queues it) and decideOffline() takes the safe choice meanwhile.

import { postJson } from "./log.js";
import { format, messages } from "./messages.js";

const $ = (id) => document.getElementById(id);
const TEN_WINDOW_MS = 700; // "1" then "0" this quickly means 10, as on the pain step
export const YES_NO = ["sharp_or_shooting", "spreading_to_leg", "urgent_symptoms"];
export const ACTIONS = ["continue", "ease", "stop-pose", "stop-direction", "stop-session"];

/**
 * Resolves to {ok: true, action, message, urgentUrl} or {ok: false, error} with a message to show
 * ({ok: false, networkError: true, error} when Lumbar could not be reached). `key`: the report's Idempotency-Key.
 */
export async function postSymptoms(url, payload, key = null) {
  const { response, body, networkError } = await postJson(url, payload, key);
  if (networkError) return { ok: false, networkError: true, error: messages.symptomsNetworkError };
  if (response.status === 201 && body && ACTIONS.includes(body.action)) {
    return {
      ok: true,
      action: body.action,
      message: typeof body.message === "string" ? body.message : "",
      urgentUrl: typeof body.urgent_url === "string" ? body.urgent_url : null,
    };
  }
  if (response.status === 201) return { ok: false, error: messages.symptomsUnknownAction };
  if (body && typeof body.error === "string") return { ok: false, error: body.error };
  return { ok: false, error: format(messages.symptomsServerError, { status: response.status }) };
}

/**
 * What to do when the report cannot reach Lumbar (it waits on this device and is sent later): the player decides
 * by itself, always on the safe side of the stop rules (clinical.md section 5). Urgent symptoms stop the session
 * and show the urgent advice at once; symptoms spreading into a leg stop that direction of movement; anything
 * else stops the pose for a rest, whatever the pain, since nobody has weighed the answers.
 */
export function decideOffline(answers) {
  const outcome = (action, advice) => ({ ok: true, action, message: `${advice} ${messages.symptomsKept}`,
    urgentUrl: null, offline: true });
  if (answers.urgent_symptoms) return outcome("stop-session", messages.offlineStopSession);
  if (answers.spreading_to_leg) return outcome("stop-direction", messages.offlineStopDirection);
  return outcome("stop-pose", messages.offlineStopPose);
}

const visible = (element) => element.getClientRects().length > 0;

export class SymptomDialog {
  /**
   * send(answers) resolves to what postSymptoms() gives; onClose({outcome, failed}) runs once the dialog
   * has closed: outcome is the server's answer, or null when cancelled (failed: a send had failed).
   */
  constructor({ anchors, send, onClose }) {
    this.dialog = $("symptom-dialog");
    this.send = send;
    this.onClose = onClose;
    this.sending = false;
    this.failed = false;
    this.outcome = null;
    this.showMissing = false;
    this.lastDigit = null;
    this.answers = this.blank();
    this.buildPainScale(anchors || {});
    for (const group of this.dialog.querySelectorAll("[data-question]")) {
      if (!YES_NO.includes(group.dataset.question)) continue;
      group.querySelectorAll("button[data-value]").forEach((button) => {
        button.addEventListener("click", () => this.answer(group.dataset.question, button.dataset.value === "yes"));
      });
    }
    $("symptom-send").addEventListener("click", () => this.submit());
    $("symptom-cancel").addEventListener("click", () => this.cancel());
    this.dialog.addEventListener("keydown", (event) => this.onKey(event));
    this.dialog.addEventListener("cancel", (event) => {
      if (this.sending) event.preventDefault(); // the answer is on its way: wait for it
    });
    this.dialog.addEventListener("close", () => this.closed());
  }

  blank() {
    return { pain: null, sharp_or_shooting: null, spreading_to_leg: null, urgent_symptoms: null };
  }

  get isOpen() {
    return this.dialog.open;
  }

  buildPainScale(anchors) {
    const group = $("symptom-pain-options");
    group.replaceChildren();
    for (let n = 0; n <= 10; n++) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "pain-button";
      button.dataset.value = String(n);
      button.textContent = String(n);
      button.setAttribute("aria-pressed", "false");
      if (anchors[String(n)]) button.setAttribute("aria-label", `${n}, ${anchors[String(n)]}`);
      button.addEventListener("click", () => this.choosePain(n));
      group.append(button);
    }
    $("symptom-anchor-low").textContent = anchors["0"] ? `0 = ${anchors["0"]}` : "";
    $("symptom-anchor-high").textContent = anchors["10"] ? `10 = ${anchors["10"]}` : "";
  }

  open() {
    if (this.dialog.open) return;
    this.answers = this.blank();
    this.sending = false;
    this.failed = false;
    this.outcome = null;
    this.showMissing = false;
    this.lastDigit = null;
    this.error = "";
    this.status = "";
    this.render();
    this.dialog.showModal();
    $("symptom-title").focus();
  }

  cancel() {
    if (!this.sending) this.dialog.close("cancel");
  }

  choosePain(n) {
    if (this.sending) return;
    this.answers.pain = Math.max(0, Math.min(10, n));
    this.render();
  }

  answer(question, value) {
    if (this.sending) return;
    this.answers[question] = value;
    this.render();
  }

  missing() {
    return Object.keys(this.answers).filter((key) => this.answers[key] === null);
  }

  group(question) {
    return this.dialog.querySelector(`[data-question="${question}"]`);
  }

  render() {
    const { answers } = this;
    $("symptom-pain-options").querySelectorAll("button").forEach((button) => {
      button.setAttribute("aria-pressed", String(Number(button.dataset.value) === answers.pain));
    });
    for (const question of YES_NO) {
      this.group(question).querySelectorAll("button[data-value]").forEach((button) => {
        button.setAttribute("aria-pressed", String(answers[question] !== null && (button.dataset.value === "yes") === answers[question]));
      });
    }
    for (const group of this.dialog.querySelectorAll("[data-question]")) {
      const missing = this.showMissing && answers[group.dataset.question] === null;
      group.classList.toggle("is-missing", missing);
      group.querySelector(".symptom-missing").hidden = !missing;
    }
    $("symptom-send-label").textContent = this.sending ? messages.symptomsSending
      : this.failed ? messages.symptomsSendAgain : messages.symptomsSend;
    $("symptom-cancel-label").textContent = this.failed ? messages.symptomsCloseStayPaused : messages.symptomsCancel;
    $("symptom-send").setAttribute("aria-disabled", String(this.sending));
    $("symptom-cancel").setAttribute("aria-disabled", String(this.sending));
    $("symptom-error").hidden = !this.error;
    $("symptom-error").textContent = this.error || "";
    $("symptom-status").textContent = this.status || "";
    this.dialog.dataset.state = this.sending ? "sending" : this.failed ? "failed" : "asking";
  }

  async submit() {
    if (this.sending) return;
    const missing = this.missing();
    if (missing.length) {
      this.showMissing = true;
      this.error = messages.symptomsMissing;
      this.render();
      this.group(missing[0]).focus();
      return;
    }
    this.sending = true;
    this.error = "";
    this.status = messages.symptomsSending;
    this.render();
    const outcome = await this.send({ ...this.answers });
    this.sending = false;
    if (outcome.ok) {
      this.outcome = outcome;
      this.status = "";
      if (this.dialog.open) this.dialog.close("sent");
      else this.finish();
      return;
    }
    this.failed = true;
    this.error = outcome.error;
    this.status = messages.symptomsStillPaused;
    this.render();
    if (this.dialog.open) $("symptom-send").focus();
    else this.finish();
  }

  closed() {
    if (this.sending) return; // closed by force while sending: finish() runs when the answer comes
    this.finish();
  }

  finish() {
    const outcome = this.outcome;
    this.outcome = null;
    this.onClose({ outcome, failed: this.failed });
  }

  /** Keys inside the dialog: pain by number, Y and N for the yes/no questions, Enter sends. */
  onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key;
    if (key === "Tab") {
      this.trapFocus(event);
      return;
    }
    const target = event.target instanceof Element ? event.target : null;
    const onControl = target && target.closest("button, a[href]");
    if (key === "Enter") {
      if (onControl) return; // activates the focused button
      event.preventDefault();
      this.submit();
      return;
    }
    if (this.sending) return;
    if (/^[0-9]$/.test(key)) {
      event.preventDefault();
      const digit = Number(key);
      const now = performance.now();
      const ten = digit === 0 && this.lastDigit && this.lastDigit.digit === 1 && now - this.lastDigit.at < TEN_WINDOW_MS;
      this.choosePain(ten ? 10 : digit);
      this.lastDigit = ten ? null : { digit, at: now };
      return;
    }
    const lower = key.toLowerCase();
    if (lower === "t") {
      event.preventDefault();
      this.choosePain(10);
      return;
    }
    if (key === "ArrowUp" || key === "ArrowDown") {
      event.preventDefault();
      const step = key === "ArrowUp" ? 1 : -1;
      const current = this.answers.pain;
      this.choosePain(current === null ? (step > 0 ? 0 : 10) : current + step);
      return;
    }
    if (lower === "y" || lower === "n") {
      event.preventDefault();
      this.answerByKey(target, lower === "y");
    }
  }

  /** Y or N answers the question that has the focus, otherwise the first one not yet answered. */
  answerByKey(target, value) {
    const focused = target && target.closest("[data-question]");
    let question = focused && YES_NO.includes(focused.dataset.question) ? focused.dataset.question : null;
    if (!question) question = YES_NO.find((q) => this.answers[q] === null);
    if (!question) return;
    this.answer(question, value);
    // on to the next question still to answer, or to Send once all are answered
    const order = ["pain", ...YES_NO];
    const after = order.slice(order.indexOf(question) + 1).concat(order.slice(0, order.indexOf(question)));
    const next = after.find((q) => this.answers[q] === null);
    if (next) this.group(next).focus();
    else $("symptom-send").focus();
  }

  trapFocus(event) {
    const focusable = [...this.dialog.querySelectorAll("button, a[href], [tabindex='0']")]
      .filter((element) => !element.disabled && visible(element));
    if (!focusable.length) return;
    const active = document.activeElement;
    const inside = this.dialog.contains(active);
    // focusable controls before and after the focus (the focus may be on a question or the title)
    const before = focusable.filter((el) => el !== active && el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
    const after = focusable.filter((el) => el !== active && el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_PRECEDING);
    if (event.shiftKey && (!inside || !before.length)) {
      event.preventDefault();
      focusable[focusable.length - 1].focus();
    } else if (!event.shiftKey && (!inside || !after.length)) {
      event.preventDefault();
      focusable[0].focus();
    }
  }
}
