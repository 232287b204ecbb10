// A teacher's own photo or video of the current pose, shown beside the figure (the figure stays).
// The page lists what this person may see in <script id="teacher-material"> (the studio app's template tag):
// [{pose, variation, kind: "photo"|"video", url, caption}]. A version's own material wins over the pose's.

const $ = (id) => document.getElementById(id);
const source = $("teacher-material");
const items = source ? JSON.parse(source.textContent) : [];

export function materialFor(step) {
  if (!step || step.type !== "pose") return null;
  const forPose = items.filter((item) => item.pose === step.pose);
  return forPose.find((item) => item.variation && item.variation === step.variation)
    || forPose.find((item) => !item.variation) || null;
}

function mediaElement(item) {
  if (item.kind === "video") {
    const video = document.createElement("video");
    for (const flag of ["muted", "loop", "playsinline", "controls"]) video.setAttribute(flag, "");
    video.muted = true;
    video.preload = "metadata";
    video.setAttribute("aria-label", item.caption);
    video.src = item.url;
    return video;
  }
  const image = document.createElement("img");
  image.alt = item.caption;
  image.src = item.url;
  return image;
}

/** Shows the material for this pose step, or hides the box when there is none. */
export function showMaterial(step) {
  const box = $("pose-material");
  if (!box) return;
  const item = materialFor(step);
  $("pose-media").classList.toggle("has-material", Boolean(item));
  box.hidden = !item;
  if (!item) {
    $("pose-material-frame").replaceChildren();
    box.dataset.url = "";
    return;
  }
  if (box.dataset.url === item.url) return; // the same one (e.g. going back): a video keeps its place
  box.dataset.url = item.url;
  box.dataset.kind = item.kind;
  $("pose-material-frame").replaceChildren(mediaElement(item));
  $("pose-material-caption").textContent = item.caption;
}

/** Stops a video that would otherwise play on out of sight (another view is shown). */
export function pauseMaterial() {
  const video = document.querySelector("#pose-material video");
  if (video && !video.paused) video.pause();
}
