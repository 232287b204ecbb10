// Every string the session player's scripts show or speak, in one table, ready for translation.
// Placeholders look like {name}; fill them with format(). Template text lives in player.html.

export const messages = {
  // progress and states
  stepOf: "Step {n} of {total}",
  stepOfNamed: "Step {n} of {total}: {name}",
  pausedSpoken: "Paused.",
  pause: "Pause",
  resume: "Resume",

  // get ready
  getReady: "Get ready",
  startingIn: "Starting in {n}",
  repsDose: "{reps} slow repetitions, about {tempo} seconds each way.",
  holdDose: "Stay here for {time}.",
  holdDosePerSide: "Stay here for {time} on each side.",
  breathingDose: "Breathe for {time}: in for {inhale}, out for {exhale}.",
  begin: "Begin.",
  beginSide: "Begin with the first side.",

  // during a pose
  repOf: "Rep {n} of {total}",
  repThere: "{n}. {move}",
  lastRep: "Last one. {move}",
  moveThereDefault: "move",
  moveBackDefault: "and back",
  hold: "Hold",
  sideOf: "Side {n} of {total}",
  halfWay: "Half-way.",
  switchSides: "Switch sides",
  switchSidesSpoken: "Slowly switch sides.",
  otherSide: "Now the other side. Begin.",
  breatheIn: "Breathe in",
  breatheOut: "Breathe out",
  inShort: "In",
  outShort: "Out",
  timeLeft: "{time} left",
  extendedTime: "30 more seconds.",
  extendedReps: "{n} more repetitions.",
  stepDone: "Well done.",

  // time words
  seconds: "{n} seconds",
  oneMinute: "1 minute",
  minutes: "{n} minutes",
  minutesSeconds: "{m} minutes {s} seconds",
  oneMinuteSeconds: "1 minute {s} seconds",
  aboutMinutes: "About {n} minutes",

  // check-ins
  floorPrompt: "Choose the answer that fits best: press 1, 2 or 3, then Enter.",
  painPrompt: "Press a number key from 0 to 9, or T for 10. Then press Enter.",
  painChosen: "{n} out of 10",
  painChosenAnchor: "{n} out of 10, {anchor}",
  floorChosen: "You chose: {label}",
  notAnswered: "Not answered",

  // summary and saving
  summarySpoken: "That is the end of the session. Well done.",
  saving: "Saving your session…",
  saved: "Saved.",
  savedSpoken: "Your session is saved.",
  savedPartial: "Saved what you did so far.",
  saveFailed: "Your session was not saved yet.",
  networkError: "Could not reach Lumbar to save the session. Check that it is still running, then press Retry. Nothing you entered is lost.",
  serverError: "Lumbar could not save the session (error {status}). Press Retry. Nothing you entered is lost.",
  posesDone: "{done} of {total} poses done",

  // sound settings
  voiceAutomatic: "Automatic (prefers an offline voice)",
  voiceOffline: "{name} (offline)",
  voiceOnline: "{name} (needs internet)",
  noSpeech: "Spoken cues are not available in this browser. Captions are always shown, and sounds still play.",
  noVoices: "No voices are installed, so cues are shown as captions only. Sounds still play.",
  testVoice: "This is how your coach sounds.",
  muted: "Sound off",
  unmuted: "Sound on",

  // full screen
  fullScreenUnavailable: "Full screen is not available here.",

  // "Something's wrong": the report and what it leads to (the server's answer supplies the advice itself)
  symptomsSpoken: "Paused. Tell us what is wrong: answer the questions on the screen.",
  symptomsMissing: "Please answer every question. The ones still to answer are marked.",
  // question 4, "Any of these?": every urgent (Tier A) symptom in plain words (clinical.md section 3)
  symptomsNotAnswered: "Not answered yet",
  symptomsSending: "Sending…",
  symptomsSend: "Send",
  symptomsSendAgain: "Send again",
  symptomsCancel: "Cancel and carry on",
  symptomsCloseStayPaused: "Close and stay paused",
  symptomsStillPaused: "The session stays paused until your answers are sent.",
  symptomsNetworkError: "Could not reach Lumbar to send your answers. Check that it is still running, then press Send again.",
  symptomsServerError: "Lumbar could not take your answers (error {status}). Press Send again.",
  symptomsUnknownAction: "Lumbar sent an answer the player does not understand, so the session stays paused.",
  symptomsPausedAfterError: "Your answers were not sent. The session is paused: press Resume to carry on, or report again.",
  easierNow: "Easier version: {name}.",
  shorterNow: "The same pose, smaller and shorter.",
  easierDoseReps: "{reps} slow repetitions now, about {tempo} seconds each way.",
  easierDoseHold: "A shorter time now: {time}.",
  easierDoseHoldPerSide: "A shorter time now: {time} on each side.",
  easierDoseBreathing: "A shorter time now: breathe for {time}.",
  restNext: "Rest: {name}.",
  leavingOut: "Leaving out for the rest of this session: {names}.",
  leavingOutNone: "No other poses in this session move your back this way.",
  listAnd: "{rest} and {last}",
  stopSessionTitle: "Session stopped",

  // the camera coach (camera_coach.js): video stays on this device, only body points go to Lumbar
  cameraTurnOn: "Turn the camera on",
  cameraTurnOff: "Turn the camera off",
  cameraReadyNote: "Optional: the camera coach can count your repetitions and score how smoothly you move in {names}. Your video stays on this device.",
  cameraOff: "The camera is off. The session runs by the clock as usual.",
  cameraOffSpoken: "Camera off.",
  cameraStarting: "Starting the camera…",
  cameraLoadingModel: "Loading the body-point finder on this device…",
  cameraSetup: "The camera is on. Get into your starting position and check that your whole body is in view.",
  cameraWaiting: "The camera is resting. It watches again for {name}.",
  cameraNoMore: "The camera is resting: no more poses for it in this session.",
  cameraResting: "The camera is resting while you rest.",
  cameraSessionOver: "The session is over, so the camera is off.",
  cameraLooking: "Looking for you in the picture…",
  cameraBeforeBegin: "You are in view. The camera starts counting when you hear “Begin”.",
  cameraWatching: "Counting. Only body-point positions go to Lumbar.",
  cameraPaused: "Paused: the camera is not counting.",
  cameraStepOver: "This pose is done: the camera has stopped counting.",
  cameraRefused: "The camera was not allowed, so the session carries on by the clock. You can allow it in the browser's site settings and turn it on again with C.",
  cameraMissing: "No camera was found, so the session carries on by the clock.",
  cameraBusy: "The camera is being used by another program, so the session carries on by the clock.",
  cameraUnsupported: "This browser cannot use the camera on this page, so the session carries on by the clock.",
  cameraFailed: "The camera stopped working, so the session carries on by the clock.",
  cameraModelFailed: "The body-point finder could not start on this device, so the session carries on by the clock.",
  cameraSocketLost: "The camera coach lost its connection to Lumbar, so the session carries on by the clock.",
  cameraCarryOnSpoken: "The camera is not available. No problem: the session carries on by the clock.",
  viewNone: "Nobody found in the picture.",
  viewPartial: "Part of your body is out of the picture.",
  viewFull: "Your whole body is in the picture.",
  personMissing: "Nobody found yet. Put the camera at floor level, side-on, 2 to 3 metres away, so your whole body is in view.",
  personMissingSpoken: "The camera cannot see you.",
  personPartial: "Part of your body is out of view: move the camera further away, or turn it until head to feet fit.",
  calibrationNeutral: "Rest still for a moment: the camera is learning your starting position.",
  calibrationDemonstration: "Do one slow repetition: the camera is learning your range.",
  glideNone: "–",
  repNone: "None yet",
  repSeen: "Rep {n}",
  // one half-repetition just finished: "Tilt: smooth 82" (step_summary.js picks the words)
  halfGlide: "{direction}: {word} {score}",
  halfGlideUnscored: "{direction}: {word}",
  halfTilt: "Tilt",
  halfBackDown: "Back down",
  halfCat: "Round up",
  halfCow: "Dip down",
  halfOther: "Move",
  glideSmooth: "smooth",
  glideMostly: "mostly smooth",
  glideSomeStops: "a bit stop-and-go",
  glideStopAndGo: "stop-and-go",
  glideUnscored: "not scored",
  // short spoken cues: one at a time, only into silence while the pose is being done
  cueNeck: "Long neck.",
  cueTempo: "A little slower.",
  cueRange: "Smaller is fine.",
  glideLow: "Glide: one slow, even move.",
  glideGood: "Smooth. Keep it so.",
  // the end of a watched step: reps seen, how many glided, the one thing to try next time
  stepSummaryTitle: "{name}: what the camera saw",
  stepReps: "{reps} repetitions seen, {glided} glided.",
  stepRepsOne: "1 repetition seen, {glided} glided.",
  stepRepsNone: "No repetitions seen.",
  stepHold: "Hold seen {share}% of the time.",
  stepLine: "{name}: {summary}",
  tipNoReps: "Next time: check that your whole body is in the picture, side-on.",
  tipSlower: "Next time: go slower, about {tempo} seconds each way.",
  tipSlowerNoTempo: "Next time: go a little slower.",
  tipSmaller: "Next time: a smaller movement is fine.",
  tipNeck: "Next time: keep your neck long.",
  tipGlide: "Next time: keep the glide {way}.",
  wayTilt: "as you tilt",
  wayBackDown: "on the way back down",
  wayCat: "as you round up",
  wayCow: "as you dip down",
  wayOther: "all the way",
  tipAllGlided: "Every repetition glided. Lovely: keep it just like that.",
  tipUnscored: "Keep it slow and even.",
  tipHoldUnseen: "Next time: check that the camera can see you in the pose.",
  tipHold: "Well held.",
  // the floor-space check by camera: the outline of the lower back at rest before and after the tilts,
  // seen from the side (never a measurement of the spine), beside what the person felt
  floorSeenFlatter: "From the side, your lower back looked a little flatter after the tilts than before.",
  floorSeenSame: "From the side, your lower back looked about the same before and after the tilts.",
  floorSeenMoreCurved: "From the side, your lower back looked a little more curved after the tilts than before.",
  floorSeenOutline: "This is the outline the camera saw, not a measurement of your spine.",
  floorFeltLess: "You felt: less space under your lower back after the tilts.",
  floorFeltSame: "You felt: about the same space before and after.",
  floorFeltMore: "You felt: more space under your lower back after the tilts.",
  floorFeltAfter: "You felt after the tilts: {after}.",
  floorFeltDiffer: "The camera and your feeling do not match, and that is fine. Both are worth noticing. What you feel is what counts.",
  cameraKeepUnavailable: "These results are shown here only; they are not saved.",
  cameraKept: "Kept in your practice log when the session is saved.",
  cameraNotKept: "Not kept: they disappear when you leave this page.",
};

/** "a", "a and b", "a, b and c". */
export function listText(items) {
  if (items.length <= 1) return items.join("");
  return format(messages.listAnd, { rest: items.slice(0, -1).join(", "), last: items[items.length - 1] });
}

export function format(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? String(values[key]) : match));
}

/** Spoken and shown durations: "45 seconds", "1 minute 15 seconds". */
export function duration(totalSeconds) {
  const total = Math.max(0, Math.round(totalSeconds));
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m === 0) return format(messages.seconds, { n: s });
  if (s === 0) return m === 1 ? messages.oneMinute : format(messages.minutes, { n: m });
  return m === 1 ? format(messages.oneMinuteSeconds, { s }) : format(messages.minutesSeconds, { m, s });
}

/** A clock face: 1:05. */
export function clockFace(seconds) {
  const total = Math.max(0, Math.ceil(seconds - 1e-6));
  const m = Math.floor(total / 60);
  const s = String(total % 60).padStart(2, "0");
  return `${m}:${s}`;
}
