// The check-ins: the floor-space check (3 answers) and pain (0 to 10). Answers live in the
// player's state; moving on is left to the player. Where the camera watched the tilts before the "after"
// floor-space check, what it saw is shown beside the answers, once the person has given theirs (so the
// camera never comes before their own feeling).

import { floorSpaceBefore, onFloorSpace } from "./floor_space_seen.js";
import { format, messages } from "./messages.js";
import { floorBeside } from "./step_summary.js";
import * as view from "./view.js";

const momentOf = (step) => (step && step.moment === "after" ? "after" : "before");

export class CheckIns {
  constructor({ plan, state, voice }) {
    this.plan = plan;
    this.state = state;
    this.voice = voice;
    onFloorSpace(() => this.showFloorCamera()); // the coach's result may come a moment after the step ends
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
    this.showFloorCamera();
    [step.title, ...(step.instructions || []), messages.floorPrompt].forEach((line) => this.voice.say(line));
  }

  /** The camera's view beside the feeling, on the "after" check once it is answered; hidden otherwise. */
  showFloorCamera() {
    const step = this.step;
    if (!step || step.type !== "floor-space") return;
    const answered = momentOf(step) === "after" && this.state.floor.after !== null;
    const words = answered ? floorBeside(floorSpaceBefore(this.state.index), {
      before: this.state.floor.before, after: this.state.floor.after, label: (value) => view.floorLabel(step, value),
    }) : null;
    view.renderFloorCamera(words);
  }

  chooseFloor(value) {
    const step = this.step;
    this.state.floor[momentOf(step)] = value;
    view.updateFloor(step, { value, before: this.state.floor.before });
    this.showFloorCamera();
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
