// The check-ins: the floor-space check (3 answers) and pain (0 to 10). Answers live in the
// player's state; moving on is left to the player.

import { format, messages } from "./messages.js";
import * as view from "./view.js";

const momentOf = (step) => (step && step.moment === "after" ? "after" : "before");

export class CheckIns {
  constructor({ plan, state, voice }) {
    this.plan = plan;
    this.state = state;
    this.voice = voice;
  }

  get step() {
    return this.plan.steps[this.state.index];
  }

  enterFloor(step) {
    view.showView("floor");
    view.renderFloor(step, {
      value: this.state.floor[momentOf(step)],
      before: this.state.floor.before,
      onChoose: (value) => this.chooseFloor(value),
    });
    [step.title, ...(step.instructions || []), messages.floorPrompt].forEach((line) => this.voice.say(line));
  }

  chooseFloor(value) {
    const step = this.step;
    this.state.floor[momentOf(step)] = value;
    view.updateFloor(step, { value, before: this.state.floor.before });
    this.voice.cancel(); // an answer interrupts the instructions
    this.voice.say(format(messages.floorChosen, { label: view.floorLabel(step, value) }));
  }

  /** Keys 1, 2, 3 choose the floor-space answers in order. */
  chooseFloorOption(number) {
    const option = (this.step.options || [])[number - 1];
    if (option) this.chooseFloor(option.value);
  }

  enterPain(step) {
    view.showView("pain");
    view.renderPain(step, { value: this.state.pain[momentOf(step)], onChoose: (n) => this.choosePain(n) });
    [step.title, step.question, messages.painPrompt].forEach((line) => this.voice.say(line));
  }

  choosePain(n) {
    const step = this.step;
    const value = Math.max(0, Math.min(10, n));
    this.state.pain[momentOf(step)] = value;
    view.updatePain(step, { value });
    this.voice.cancel();
    this.voice.say(view.painText(step, value), { key: "pain" });
  }

  currentPain() {
    return this.state.pain[momentOf(this.step)];
  }
}
