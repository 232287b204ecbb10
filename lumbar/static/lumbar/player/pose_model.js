// BlazePose (@mediapipe/pose, served by Lumbar itself from /static/vendor/mediapipe-pose/) running in
// this browser: a video frame in, 33 body points out. The model files and the WASM runtime come from
// the same folder as pose.js; nothing is fetched from anywhere else, and no picture leaves the page.

const LOAD_TIMEOUT_MS = 60000;
const SLOW_GPU_MS = 300; // per frame: the graphics path is too slow here, use the CPU path instead
let scriptLoading = null;

/** Loads the classic script that defines window.Pose (once per page). */
function loadScript(src) {
  if (window.Pose) return Promise.resolve();
  if (!scriptLoading) {
    scriptLoading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = () => (window.Pose ? resolve() : reject(new Error("pose.js defined no Pose")));
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    }).catch((error) => {
      scriptLoading = null;
      throw error;
    });
  }
  return scriptLoading;
}

/**
 * True where WebGL is drawn in software (SwiftShader, llvmpipe) or missing: there the model's CPU path
 * (WASM with XNNPACK) is many times faster than its WebGL path.
 */
export function softwareGraphics() {
  try {
    const canvas = document.createElement("canvas");
    const gl = canvas.getContext("webgl2") || canvas.getContext("webgl");
    if (!gl) return true;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) || "");
    const lose = gl.getExtension("WEBGL_lose_context");
    if (lose) lose.loseContext();
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
  } catch {
    return true;
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took too long`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/** One frame's landmarks as the design.md format wants them: [[x, y, z, visibility] x 33] rounded. */
export function landmarkRows(points) {
  if (!Array.isArray(points) || points.length !== 33) return null;
  const round = (value, digits) => {
    const number = Number(value);
    return Number.isFinite(number) ? Number(number.toFixed(digits)) : 0;
  };
  return points.map((p) => [round(p.x, 5), round(p.y, 5), round(p.z, 5),
    Math.min(1, Math.max(0, round(p.visibility === undefined ? 0 : p.visibility, 3)))]);
}

export class PoseModel {
  /** base: the folder URL of pose.js and its files, ending in "/". */
  constructor(base) {
    this.base = base;
    this.pose = null;
    this.loading = null;
    this.latest = null;
    this.cpu = false;
    this.timings = [];
  }

  get ready() {
    return Boolean(this.pose);
  }

  /** Resolves when the model can take frames; rejects if it cannot run here. */
  load() {
    if (this.pose) return Promise.resolve();
    if (!this.loading) {
      this.loading = withTimeout(this.create(), LOAD_TIMEOUT_MS, "loading the pose model")
        .finally(() => { this.loading = null; });
    }
    return this.loading;
  }

  async create() {
    await loadScript(`${this.base}pose.js`);
    const pose = new window.Pose({ locateFile: (file) => `${this.base}${file}` });
    this.cpu = softwareGraphics();
    pose.setOptions({
      modelComplexity: 1,
      smoothLandmarks: true,
      enableSegmentation: false,
      selfieMode: false,
      minDetectionConfidence: 0.5,
      minTrackingConfidence: 0.5,
      useCpuInference: this.cpu,
    });
    pose.onResults((results) => { this.latest = results.poseLandmarks || null; });
    await pose.initialize();
    this.pose = pose;
  }

  /** The 33 landmarks found in this frame (rows), or null when nobody is found. */
  async estimate(image) {
    if (!this.pose) return null;
    this.latest = null;
    const started = performance.now();
    await this.pose.send({ image });
    this.watchSpeed(performance.now() - started);
    return landmarkRows(this.latest);
  }

  /** The graphics path on a slow GPU: after a few slow frames, switch to the CPU path once. */
  watchSpeed(ms) {
    if (this.cpu || this.timings.length >= 8) return;
    this.timings.push(ms);
    if (this.timings.length < 8) return;
    const typical = [...this.timings].sort((a, b) => a - b)[4];
    if (typical > SLOW_GPU_MS) {
      this.cpu = true;
      this.pose.setOptions({ useCpuInference: true });
    }
  }

  close() {
    const pose = this.pose;
    this.pose = null;
    if (pose) {
      try {
        pose.close();
      } catch {
        // already gone
      }
    }
  }
}
