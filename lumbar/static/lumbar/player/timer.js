// A pausable session clock. It counts "plan seconds": real seconds times the plan's time_scale, so
// end-to-end tests can run a session many times faster. Paused time is not counted.

export class Clock {
  constructor(scale = 1, now = () => performance.now()) {
    this.scale = scale > 0 ? scale : 1;
    this.now = now;
    this.realMs = 0;        // running real milliseconds, pauses excluded
    this.since = null;      // real timestamp when the clock last started running
  }

  get running() {
    return this.since !== null;
  }

  start() {
    if (this.since === null) this.since = this.now();
  }

  pause() {
    if (this.since === null) return;
    this.realMs += this.now() - this.since;
    this.since = null;
  }

  /** Real seconds run so far (pauses excluded). */
  get realSeconds() {
    return (this.realMs + (this.since === null ? 0 : this.now() - this.since)) / 1000;
  }

  /** Plan seconds run so far: every wait in the plan is measured against this. */
  get seconds() {
    return this.realSeconds * this.scale;
  }
}

/**
 * Calls `tick` on every animation frame while the page is visible, and at least every 200 ms
 * otherwise (animation frames stop in background tabs, timers keep going). Returns a stop function.
 */
export function startTicker(tick) {
  let frame = null;
  let stopped = false;
  const onFrame = () => {
    if (stopped) return;
    tick();
    frame = requestAnimationFrame(onFrame);
  };
  frame = requestAnimationFrame(onFrame);
  const interval = setInterval(() => {
    if (!stopped) tick();
  }, 200);
  return () => {
    stopped = true;
    if (frame !== null) cancelAnimationFrame(frame);
    clearInterval(interval);
  };
}
