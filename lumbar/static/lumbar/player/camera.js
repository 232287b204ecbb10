// The webcam: asks for it, shows it in a <video> on this page, and lets it go. Nothing here sends
// anything anywhere: the picture stays in this browser. Failures come back as a reason, never a throw.

/** Why the camera could not start: a key of the camera messages in messages.js. */
export const CAMERA_FAILURES = {
  NotAllowedError: "refused",
  PermissionDeniedError: "refused",
  SecurityError: "refused",
  NotFoundError: "missing",
  DevicesNotFoundError: "missing",
  OverconstrainedError: "missing",
  NotReadableError: "busy",
  TrackStartError: "busy",
  AbortError: "busy",
};

export function cameraAvailable() {
  return Boolean(window.isSecureContext && navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

export class Camera {
  constructor(video) {
    this.video = video;
    this.stream = null;
    this.onEnded = () => {};
    this.starting = null;
  }

  get active() {
    return Boolean(this.stream);
  }

  get aspect() {
    const { videoWidth: w, videoHeight: h } = this.video;
    return w > 0 && h > 0 ? w / h : 4 / 3;
  }

  /** Resolves to {ok: true} or {ok: false, reason}; starting twice shares one request. */
  start() {
    if (this.stream) return Promise.resolve({ ok: true });
    if (!this.starting) this.starting = this.open().finally(() => { this.starting = null; });
    return this.starting;
  }

  async open() {
    if (!cameraAvailable()) return { ok: false, reason: "unsupported" };
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30, max: 30 }, facingMode: "user" },
      });
    } catch (error) {
      return { ok: false, reason: CAMERA_FAILURES[error && error.name] || "failed" };
    }
    this.stream = stream;
    stream.getVideoTracks().forEach((track) => track.addEventListener("ended", () => {
      if (this.stream === stream) {
        this.stop();
        this.onEnded();
      }
    }));
    try {
      this.video.muted = true;
      this.video.playsInline = true;
      this.video.srcObject = stream;
      await this.video.play();
    } catch {
      // play() may wait for the page to be visible; frames still arrive once it plays
    }
    return { ok: true };
  }

  /** Releases the camera (its light goes off). */
  stop() {
    const stream = this.stream;
    this.stream = null;
    if (stream) stream.getTracks().forEach((track) => track.stop());
    try {
      this.video.pause();
      this.video.srcObject = null;
    } catch {
      // nothing to release
    }
  }
}
