// Short tones made with the Web Audio API (no sound files): each moment of a session has its own.
// The audio context can only start after a user gesture, so unlock() is called from the Start button.

const TONES = {
  // [frequency Hz, start offset s, length s]
  start: [[523.25, 0, 0.22], [783.99, 0.16, 0.4]],      // rising: a step begins
  end: [[783.99, 0, 0.22], [523.25, 0.16, 0.5]],        // falling: a step ends
  tick: [[660, 0, 0.12]],                                // 3-2-1
  go: [[880, 0, 0.35]],                                  // the countdown reaches zero
  half: [[587.33, 0, 0.3], [587.33, 0.35, 0.3]],         // half-way through a hold
  switch: [[440, 0, 0.18], [554.37, 0.2, 0.18], [440, 0.4, 0.3]], // switch sides
  breath: [[392, 0, 0.5]],                               // soft pulse
};

export class Sounds {
  constructor() {
    this.context = null;
    this.muted = false;
    this.volume = 0.8;
    this.supported = Boolean(window.AudioContext || window.webkitAudioContext);
  }

  unlock() {
    if (!this.supported) return;
    try {
      if (!this.context) this.context = new (window.AudioContext || window.webkitAudioContext)();
      if (this.context.state === "suspended") this.context.resume().catch(() => {});
    } catch {
      this.supported = false;
      this.context = null;
    }
  }

  play(name) {
    const notes = TONES[name];
    if (!notes || this.muted || this.volume <= 0 || !this.context) return;
    try {
      const ctx = this.context;
      const now = ctx.currentTime + 0.01;
      const peak = 0.25 * this.volume * (name === "breath" ? 0.5 : 1);
      for (const [frequency, offset, length] of notes) {
        const oscillator = ctx.createOscillator();
        const gain = ctx.createGain();
        oscillator.type = "sine";
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, now + offset);
        gain.gain.exponentialRampToValueAtTime(peak, now + offset + 0.015);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + length);
        oscillator.connect(gain).connect(ctx.destination);
        oscillator.start(now + offset);
        oscillator.stop(now + offset + length + 0.05);
      }
    } catch {
      // A tone that cannot play is not worth interrupting a session for.
    }
  }
}
