// The camera coach's voice: one short cue at a time, never queued behind or over anything. A cue waits
// (briefly) in a single slot for silence while the pose is being done; a newer or more important cue
// takes the slot, an old one is dropped. The player's own lines always come first.

const SPEAK_GAP_S = 12;      // at most one camera cue this often...
const CUE_REPEAT_S = 45;     // ...and the same advice no more often than this
const WAIT_S = 6;            // a cue not said within this long is stale: dropped

const nowS = () => performance.now() / 1000;

export class CoachVoice {
  /** voice: the player's Voice; canSpeak(): true while the pose is being done (not paused, not read out). */
  constructor(voice, canSpeak) {
    this.voice = voice;
    this.canSpeak = canSpeak;
    this.waiting = null;      // {text, code, priority, since}
    this.lastSpoken = -Infinity;
    this.lastCue = {};
  }

  /** Offers a cue; it is said at the next silence, unless something more important comes first. */
  offer(text, code, priority = 1) {
    const now = nowS();
    if (!text || now - (this.lastCue[code] ?? -Infinity) < CUE_REPEAT_S) return;
    if (this.waiting && this.waiting.priority > priority && now - this.waiting.since < WAIT_S) return;
    this.waiting = { text, code, priority, since: now };
    this.tick();
  }

  /** Called often (every camera frame): says the waiting cue if this is a good moment. */
  tick() {
    const cue = this.waiting;
    if (!cue) return false;
    const now = nowS();
    if (now - cue.since > WAIT_S) {
      this.waiting = null;
      return false;
    }
    if (!this.canSpeak() || !this.voice.idle || now - this.lastSpoken < SPEAK_GAP_S) return false;
    this.waiting = null;
    this.lastSpoken = now;
    this.lastCue[cue.code] = now;
    this.voice.say(cue.text, { key: "camera" });
    return true;
  }

  /** The pose is over or paused: nothing waiting is said later. */
  clear() {
    this.waiting = null;
  }
}
