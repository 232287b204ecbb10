// "Read it to me" on a lesson page: the player's voice (the browser's speech, the voice and volume chosen in
// the player's sound settings on this device) reads the title and each paragraph in turn, marking the one
// being read. The words on the button and the notes come translated from the page (data attributes).

import { Voice } from "../lumbar/player/voice.js";
import { loadSettings } from "../lumbar/player/settings.js";

const button = document.getElementById("read-button");
const note = document.getElementById("read-note");
const article = document.getElementById("lesson-text");
const title = document.getElementById("lesson-title");

function mark(element) {
  for (const node of article.querySelectorAll(".reading")) node.classList.remove("reading");
  if (element && element !== title) element.classList.add("reading");
}

if (button && article) {
  const settings = loadSettings();
  let current = null;
  const voice = new Voice({ onCaption: () => {} });
  voice.volume = settings.volume > 0 ? settings.volume : 0.8; // the person asked to hear it: mute does not apply
  voice.voiceURI = settings.voice;
  let reading = false;

  const stop = () => {
    reading = false;
    voice.cancel();
    mark(null);
    button.textContent = button.dataset.read;
    button.setAttribute("aria-pressed", "false");
  };

  const read = async () => {
    reading = true;
    button.textContent = button.dataset.stop;
    button.setAttribute("aria-pressed", "true");
    note.textContent = voice.speaking ? "" : button.dataset.noVoice;
    for (const element of [title, ...article.querySelectorAll("p")]) {
      if (!reading) return;
      current = element;
      mark(element);
      await voice.say(element.textContent.trim());
    }
    if (reading && current) stop();
  };

  if (voice.supported) {
    button.hidden = false;
    button.addEventListener("click", () => (reading ? stop() : read()));
    window.addEventListener("pagehide", () => voice.cancel());
  } else {
    note.textContent = button.dataset.noSpeech;
  }
}
