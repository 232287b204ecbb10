// The optional questions at the end of a pose: how it felt (the plan's ratings: easy / about right / hard /
// it hurt; programme sessions adapt to them), and after the rounded rest the seed's own question (did the
// rounded stretch feel easier than expected?). No DOM here: player.js asks, view.js draws.

import { format, listText, messages } from "./messages.js";

/** How long a question waits for an answer before the session goes on, in session seconds. */
export const ASK_SECONDS = 15;
/** ... and never less than this in real seconds (a faster test clock must still leave time to reach it). */
export const ASK_MIN_REAL_SECONDS = 2.5;

/** The questions after a pose step of the plan, in order: [{kind, title, options: [{value, label}]}]. */
export function questionsAfter(plan, step) {
  if (!step || step.type !== "pose") return [];
  const questions = [];
  if (step.ask_rounded && plan.rounded) {
    questions.push({ kind: "rounded", title: plan.rounded.question, options: plan.rounded.options });
  }
  if ((plan.ratings || []).length) {
    questions.push({ kind: "rate", title: format(messages.rateTitle, { name: step.name }), options: plan.ratings });
  }
  return questions;
}

/** The spoken (and captioned) line after the question: which key answers what. */
export function askPrompt(question) {
  const options = question.options.map((option, i) => format(messages.askKeyOption, { n: i + 1, label: option.label }));
  return format(messages.askKeys, { options: listText(options) });
}
