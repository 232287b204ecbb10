// The live coach's WebSocket (/ws/coach/, protocol in lumbar/coach/consumers.py): body points go out
// as JSON, a few frames per message; counts, glide scores, hold time and cues come back. Only
// numbers travel: never a picture. A dropped connection is reported once through onLost.

export const FRAMES_PER_MESSAGE = 3;
const CONNECT_TIMEOUT_MS = 10000;
const RESULT_TIMEOUT_MS = 3000;

export function socketUrl(path) {
  const url = new URL(path || "/ws/coach/", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

export class CoachSocket {
  /** handlers: onUpdate(update), onLost() once if the connection fails or drops before finish(). */
  constructor(url, { onUpdate, onLost }) {
    this.url = url;
    this.onUpdate = onUpdate || (() => {});
    this.onLost = onLost || (() => {});
    this.socket = null;
    this.batch = [];
    this.lastT = -Infinity;
    this.closing = false;
    this.lost = false;
    this.awaitingResult = null;
  }

  /** Opens the connection and starts a stream; resolves true once the coach has said "started". */
  open(start) {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (ok) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(ok);
      };
      const timer = setTimeout(() => {
        this.fail();
        settle(false);
      }, CONNECT_TIMEOUT_MS);
      let socket;
      try {
        socket = new WebSocket(this.url);
      } catch {
        this.fail();
        settle(false);
        return;
      }
      this.socket = socket;
      socket.addEventListener("open", () => this.send({ type: "start", ...start }));
      socket.addEventListener("message", (event) => {
        let message = null;
        try {
          message = JSON.parse(event.data);
        } catch {
          return;
        }
        if (!message || typeof message !== "object") return;
        if (message.type === "started") settle(true);
        else if (message.type === "update") this.onUpdate(message);
        else if (message.type === "result" && this.awaitingResult) this.awaitingResult(message);
        else if (message.type === "error" && !settled) settle(false); // the start was refused
      });
      socket.addEventListener("error", () => {});
      socket.addEventListener("close", () => {
        if (this.awaitingResult) this.awaitingResult(null);
        if (!this.closing) this.fail();
        settle(false);
      });
    });
  }

  get isOpen() {
    return Boolean(this.socket) && this.socket.readyState === WebSocket.OPEN;
  }

  send(message) {
    if (!this.isOpen) return false;
    try {
      this.socket.send(JSON.stringify(message));
      return true;
    } catch {
      this.fail();
      return false;
    }
  }

  /**
   * One frame: t in seconds (increasing), landmarks as 33 [x, y, z, visibility] rows or null, and the back
   * rise measured on this device (back_rise.js) or null.
   */
  push(t, landmarks, back = null) {
    if (!(t > this.lastT)) return;
    this.lastT = t;
    this.batch.push({ t: Number(t.toFixed(3)), landmarks, back: landmarks && Number.isFinite(back) ? back : null });
    if (this.batch.length >= FRAMES_PER_MESSAGE) this.flush();
  }

  flush() {
    if (!this.batch.length) return;
    const frames = this.batch;
    this.batch = [];
    this.send({ type: "frames", frames });
  }

  /** Ends the stream; resolves to the coach's whole result, or null if it does not come in time. */
  finish() {
    this.flush();
    if (!this.isOpen) {
      this.close();
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(null), RESULT_TIMEOUT_MS);
      const done = (result) => {
        clearTimeout(timer);
        this.awaitingResult = null;
        this.close();
        resolve(result);
      };
      this.awaitingResult = done;
      if (!this.send({ type: "finish" })) done(null);
    });
  }

  fail() {
    if (this.lost || this.closing) return;
    this.lost = true;
    this.close();
    this.onLost();
  }

  close() {
    this.closing = true;
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    const shut = () => {
      try {
        socket.close(1000);
      } catch {
        // already closing
      }
    };
    // closing one that is still connecting makes the browser log an error: wait for it to open
    if (socket.readyState === WebSocket.CONNECTING) socket.addEventListener("open", shut);
    else if (socket.readyState === WebSocket.OPEN) shut();
  }
}
