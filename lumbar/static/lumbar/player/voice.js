// Spoken cues through the browser's speechSynthesis, one line at a time from our own queue, with a
// caption for every line. Without speech (no API, no voices, muted) lines are captioned and resolve
// at once, so the session never waits on a voice that cannot speak.

/** Rough speaking time of a line at our rate, in seconds. */
export function speakingSeconds(text) {
  const words = String(text).trim().split(/\s+/).filter(Boolean).length;
  return Math.max(1.2, words / 2.6 + 0.6);
}

export class Voice {
  /** onCaption(text) shows a line; onVoicesChanged() lets the settings list refresh. */
  constructor({ onCaption, onVoicesChanged, lang }) {
    this.synth = "speechSynthesis" in window && window.SpeechSynthesisUtterance ? window.speechSynthesis : null;
    this.onCaption = onCaption;
    this.onVoicesChanged = onVoicesChanged || (() => {});
    this.lang = (lang || document.documentElement.lang || "en").toLowerCase();
    this.queue = [];           // {text, key, resolve}
    this.current = null;       // the item being spoken
    this.token = 0;            // invalidates callbacks of cancelled utterances
    this.paused = false;
    this.muted = false;
    this.volume = 0.8;
    this.voiceURI = "";
    this.alive = new Set();    // keeps utterances referenced until they end (a Chrome quirk)
    this.allVoices = [];
    if (this.synth) {
      this.loadVoices();
      try {
        this.synth.addEventListener("voiceschanged", () => this.loadVoices());
      } catch {
        this.synth.onvoiceschanged = () => this.loadVoices();
      }
    }
  }

  loadVoices() {
    try {
      this.allVoices = this.synth ? this.synth.getVoices() || [] : [];
    } catch {
      this.allVoices = [];
    }
    this.onVoicesChanged();
  }

  /** Voices in the page's language first, offline (localService) voices first within that. */
  get voices() {
    const base = this.lang.split("-")[0];
    const matching = this.allVoices.filter((v) => (v.lang || "").toLowerCase().split(/[-_]/)[0] === base);
    const list = matching.length ? matching : this.allVoices;
    return [...list].sort((a, b) => Number(b.localService) - Number(a.localService));
  }

  /** Nothing being said and nothing waiting: a line said now starts at once. */
  get idle() {
    return !this.current && this.queue.length === 0;
  }

  get supported() {
    return Boolean(this.synth);
  }

  /** True when lines are really spoken aloud now. */
  get speaking() {
    return Boolean(this.synth) && !this.muted && this.volume > 0 && this.allVoices.length > 0;
  }

  chosenVoice() {
    const voices = this.voices;
    return voices.find((v) => v.voiceURI === this.voiceURI) || voices.find((v) => v.localService) || voices[0] || null;
  }

  /**
   * Queues a line. A line with a `key` replaces a queued, not yet spoken line with the same key, so
   * rhythmic words ("in", "out", counts) never pile up behind a long cue. Resolves once spoken (or
   * dropped, cancelled, or at once when nothing can be spoken). `first` puts the line at the head of the
   * queue, before a line interrupted by pause() (e.g. advice said before the session carries on).
   */
  say(text, { key = null, first = false } = {}) {
    return new Promise((resolve) => {
      if (key) {
        const index = this.queue.findIndex((item) => item.key === key);
        if (index >= 0) {
          this.queue[index].resolve();
          this.queue.splice(index, 1);
        }
      }
      if (first) this.queue.unshift({ text, key, resolve });
      else this.queue.push({ text, key, resolve });
      this.next();
    });
  }

  next() {
    if (this.paused || this.current || !this.queue.length) return;
    const item = this.queue.shift();
    this.onCaption(item.text);
    if (!this.speaking) {
      item.resolve();
      this.next();
      return;
    }
    this.current = item;
    const token = ++this.token;
    const finish = () => {
      if (token !== this.token) return;
      clearTimeout(safety);
      this.alive.delete(utterance);
      this.current = null;
      item.resolve();
      this.next();
    };
    let utterance;
    // Some engines never report the end of an utterance: give up waiting after a generous time.
    const safety = setTimeout(finish, speakingSeconds(item.text) * 3000 + 4000);
    try {
      utterance = new SpeechSynthesisUtterance(item.text);
      const voice = this.chosenVoice();
      if (voice) utterance.voice = voice;
      utterance.lang = voice ? voice.lang : this.lang;
      utterance.volume = this.volume;
      utterance.rate = 0.95;
      utterance.onend = finish;
      utterance.onerror = finish;
      this.alive.add(utterance);
      this.synth.speak(utterance);
    } catch {
      finish();
    }
  }

  /** Speaks one line at once, outside the queue; used while the queue is paused ("Paused."). */
  sayNow(text) {
    this.onCaption(text);
    if (!this.speaking) return;
    try {
      this.stopEngine();
      const utterance = new SpeechSynthesisUtterance(text);
      const voice = this.chosenVoice();
      if (voice) utterance.voice = voice;
      utterance.lang = voice ? voice.lang : this.lang;
      utterance.volume = this.volume;
      utterance.rate = 0.95;
      utterance.onend = utterance.onerror = () => this.alive.delete(utterance);
      this.alive.add(utterance);
      this.synth.speak(utterance);
    } catch {
      // captions carry it
    }
  }

  /** Stops speaking; the interrupted line is spoken again on resume(). */
  pause() {
    if (this.paused) return;
    this.paused = true;
    if (this.current) {
      this.queue.unshift(this.current);
      this.current = null;
      this.token++;
      this.stopEngine();
    }
  }

  resume() {
    if (!this.paused) return;
    this.paused = false;
    this.stopEngine(); // a line said with sayNow() while paused
    this.next();
  }

  /** Drops everything queued and stops the line being spoken. */
  cancel() {
    const pending = this.current ? [this.current, ...this.queue] : this.queue;
    this.queue = [];
    this.current = null;
    this.token++;
    this.stopEngine();
    pending.forEach((item) => item.resolve());
  }

  stopEngine() {
    try {
      if (this.synth) this.synth.cancel();
    } catch {
      // nothing to stop
    }
  }

  setMuted(muted) {
    this.muted = muted;
    if (muted) {
      // finish the current line silently; later lines are captioned only
      if (this.current) {
        const item = this.current;
        this.current = null;
        this.token++;
        this.stopEngine();
        item.resolve();
      }
      this.next();
    }
  }
}
