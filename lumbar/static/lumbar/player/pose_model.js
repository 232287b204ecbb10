// BlazePose (@mediapipe/pose, served by Lumbar itself from /static/vendor/mediapipe-pose/) running in
// this browser: a video frame in, 33 body points out, and the back rise (back_rise.js) read from the
// model's segmentation mask. The model files and the WASM runtime come from the same folder as pose.js;
// nothing is fetched from anywhere else, and no picture leaves the page: the mask is read here, reduced
// to one number and closed at once.

import { backRise, maskFromPixels } from "./back_rise.js";

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

// where the person's share sits in the mask's RGBA pixels: the mask comes as alpha (red is 1 wherever alpha
// is above 0), as read from @mediapipe/pose 0.5 here
const MASK_CHANNEL = 3;

/** Reads a segmentation mask (an ImageBitmap or canvas) into RGBA pixels through a reusable 2D canvas. */
class MaskReader {
  constructor() {
    this.canvas = null;
    this.context = null;
  }

  read(image) {
    const width = image.width;
    const height = image.height;
    if (!(width > 0 && height > 0)) return null;
    if (!this.canvas) {
      this.canvas = typeof OffscreenCanvas === "function" ? new OffscreenCanvas(width, height) : document.createElement("canvas");
      this.context = this.canvas.getContext("2d", { willReadFrequently: true });
    }
    if (!this.context) return null;
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    this.context.clearRect(0, 0, width, height);
    this.context.drawImage(image, 0, 0, width, height);
    return maskFromPixels(width, height, this.context.getImageData(0, 0, width, height).data, MASK_CHANNEL);
  }
}

/** Lets a mask go as soon as it is read (an ImageBitmap holds its memory until closed). */
function closeMask(mask) {
  if (mask && typeof mask.close === "function") {
    try {
      mask.close();
    } catch {
      // already closed
    }
  }
}

/** The back rise as sent to the coach: rounded, or null when it could not be measured. */
export function backValue(value) {
  return Number.isFinite(value) && Math.abs(value) <= 10 ? Number(value.toFixed(5)) : null;
}

export class PoseModel {
  /** base: the folder URL of pose.js and its files, ending in "/". */
  constructor(base) {
    this.base = base;
    this.pose = null;
    this.loading = null;
    this.latest = null;
    this.latestBack = null;
    this.aspect = 0;
    this.masks = new MaskReader();
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
      enableSegmentation: true,   // for the back rise (back_rise.js), as `lumbar analyze VIDEO` does
      smoothSegmentation: true,
      selfieMode: false,
      minDetectionConfidence: 0.5,
      minTrackingConfidence: 0.5,
      useCpuInference: this.cpu,
    });
    pose.onResults((results) => this.take(results));
    await pose.initialize();
    this.pose = pose;
  }

  /** One frame's results: the landmarks, and the back rise from the mask (read here; the mask and the
   * echoed picture are closed, so nothing of the picture outlives the frame). */
  take(results) {
    const points = results.poseLandmarks || null;
    const mask = results.segmentationMask || null;
    this.latest = points;
    this.latestBack = null;
    try {
      if (points && mask && this.aspect > 0) {
        const reader = this.masks.read(mask);
        if (reader) this.latestBack = backValue(backRise(reader, points, this.aspect));
      }
    } catch {
      this.latestBack = null; // the frame still counts, without a back rise
    } finally {
      closeMask(mask);
      if (results.image !== mask) closeMask(results.image);
    }
  }

  /**
   * The frame's body points: {rows, back}, rows the 33 landmarks (or null when nobody is found), back the
   * back rise in torso lengths (or null when it could not be measured: nobody, or no mask).
   */
  async estimate(image) {
    if (!this.pose) return { rows: null, back: null };
    this.latest = null;
    this.latestBack = null;
    const width = image.videoWidth || image.width;
    const height = image.videoHeight || image.height;
    this.aspect = width > 0 && height > 0 ? width / height : 0;
    const started = performance.now();
    await this.pose.send({ image });
    this.watchSpeed(performance.now() - started);
    const rows = landmarkRows(this.latest);
    return { rows, back: rows ? this.latestBack : null };
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
