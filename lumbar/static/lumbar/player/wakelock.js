// Keeps the screen awake during a session where the browser supports the Screen Wake Lock API.
// The browser drops the lock when the page is hidden, so it is asked for again when the page returns.

export class ScreenAwake {
  constructor() {
    this.wanted = false;
    this.sentinel = null;
    this.supported = "wakeLock" in navigator;
    document.addEventListener("visibilitychange", () => {
      if (this.wanted && document.visibilityState === "visible") this.request();
    });
  }

  keep() {
    this.wanted = true;
    this.request();
  }

  release() {
    this.wanted = false;
    const sentinel = this.sentinel;
    this.sentinel = null;
    if (sentinel) sentinel.release().catch(() => {});
  }

  async request() {
    if (!this.supported || this.sentinel || document.visibilityState !== "visible") return;
    try {
      const sentinel = await navigator.wakeLock.request("screen");
      if (!this.wanted) {
        sentinel.release().catch(() => {});
        return;
      }
      this.sentinel = sentinel;
      sentinel.addEventListener("release", () => {
        if (this.sentinel === sentinel) this.sentinel = null;
      });
    } catch {
      // Refused (battery saver, no permission, not a secure context): the session still works.
      this.sentinel = null;
    }
  }
}
