// Sound settings (mute, volume, voice), remembered in localStorage on this device.

import { format, messages } from "./messages.js";

const KEYS = { muted: "lumbar.player.muted", volume: "lumbar.player.volume", voice: "lumbar.player.voice" };

function read(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage blocked (private mode, policy): use defaults
  }
}

function write(key, value) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // not remembered, still applied
  }
}

export function loadSettings() {
  const volume = Number.parseFloat(read(KEYS.volume));
  return {
    muted: read(KEYS.muted) === "1",
    volume: Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 0.8,
    voice: read(KEYS.voice) || "",
  };
}

export function saveSettings({ muted, volume, voice }) {
  write(KEYS.muted, muted ? "1" : "0");
  write(KEYS.volume, String(volume));
  write(KEYS.voice, voice || "");
}

/** Wires the sound-settings dialog to the voice and sounds; `onChange` runs after every change. */
export function bindSoundSettings({ voice, sounds, settings, onChange }) {
  const select = document.getElementById("voice-select");
  const range = document.getElementById("volume-range");
  const output = document.getElementById("volume-output");
  const checkbox = document.getElementById("mute-checkbox");
  const note = document.getElementById("voice-note");

  const fillVoices = () => {
    const voices = voice.voices;
    select.replaceChildren(new Option(messages.voiceAutomatic, ""));
    for (const v of voices) {
      const label = format(v.localService ? messages.voiceOffline : messages.voiceOnline, { name: `${v.name} (${v.lang})` });
      select.append(new Option(label, v.voiceURI));
    }
    select.value = voices.some((v) => v.voiceURI === settings.voice) ? settings.voice : "";
    select.disabled = voices.length === 0;
    note.hidden = voices.length > 0;
    note.textContent = voice.supported ? messages.noVoices : messages.noSpeech;
  };

  const sync = () => {
    range.value = String(Math.round(settings.volume * 100));
    output.textContent = `${range.value}%`;
    checkbox.checked = settings.muted;
  };

  select.addEventListener("change", () => {
    settings.voice = select.value;
    voice.voiceURI = select.value;
    onChange();
  });
  range.addEventListener("input", () => {
    settings.volume = Number(range.value) / 100;
    output.textContent = `${range.value}%`;
    onChange();
  });
  checkbox.addEventListener("change", () => {
    settings.muted = checkbox.checked;
    onChange();
  });

  fillVoices();
  sync();
  return { fillVoices, sync };
}
