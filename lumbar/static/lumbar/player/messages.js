// Every string the session player's scripts show or speak, in one table, ready for translation.
// Placeholders look like {name}; fill them with format(). Template text lives in player.html.

import { gettext } from "../i18n.js";

export const messages = {
  // progress and states
  stepOf: gettext("Step {n} of {total}"),
  stepOfNamed: gettext("Step {n} of {total}: {name}"),
  pausedSpoken: gettext("Paused."),
  pause: gettext("Pause"),
  resume: gettext("Resume"),

  // get ready
  getReady: gettext("Get ready"),
  startingIn: gettext("Starting in {n}"),
  repsDose: gettext("{reps} slow repetitions, about {tempo} seconds each way."),
  holdDose: gettext("Stay here for {time}."),
  holdDosePerSide: gettext("Stay here for {time} on each side."),
  breathingDose: gettext("Breathe for {time}: in for {inhale}, out for {exhale}."),
  begin: gettext("Begin."),
  beginSide: gettext("Begin with the first side."),

  // during a pose
  repOf: gettext("Rep {n} of {total}"),
  repThere: gettext("{n}. {move}"),
  lastRep: gettext("Last one. {move}"),
  moveThereDefault: gettext("move"),
  moveBackDefault: gettext("and back"),
  hold: gettext("Hold"),
  sideOf: gettext("Side {n} of {total}"),
  halfWay: gettext("Half-way."),
  switchSides: gettext("Switch sides"),
  switchSidesSpoken: gettext("Slowly switch sides."),
  otherSide: gettext("Now the other side. Begin."),
  breatheIn: gettext("Breathe in"),
  breatheOut: gettext("Breathe out"),
  inShort: gettext("In"),
  outShort: gettext("Out"),
  timeLeft: gettext("{time} left"),
  extendedTime: gettext("30 more seconds."),
  extendedReps: gettext("{n} more repetitions."),
  stepDone: gettext("Well done."),

  // time words
  seconds: gettext("{n} seconds"),
  oneMinute: gettext("1 minute"),
  minutes: gettext("{n} minutes"),
  minutesSeconds: gettext("{m} minutes {s} seconds"),
  oneMinuteSeconds: gettext("1 minute {s} seconds"),
  aboutMinutes: gettext("About {n} minutes"),

  // check-ins
  floorPrompt: gettext("Choose the answer that fits best: press 1, 2 or 3, then Enter."),
  painPrompt: gettext("Press a number key from 0 to 9, or T for 10. Then press Enter."),
  painChosen: gettext("{n} out of 10"),
  painChosenAnchor: gettext("{n} out of 10, {anchor}"),
  floorChosen: gettext("You chose: {label}"),
  notAnswered: gettext("Not answered"),

  // after a pose: how it felt (easy / about right / hard / it hurt), and the seed's question after the
  // rounded rest; each optional, answered by a tap or the keys 1 to 4, and the session goes on by itself
  rateTitle: gettext("How was {name}?"),
  askKeys: gettext("Press {options}. Or just carry on."),
  askKeyOption: gettext("{n} for {label}"),
  askChosen: gettext("Noted: {label}."),
  askGoingOn: gettext("Going on in {n} seconds."),
  askPaused: gettext("Paused: take your time."),

  // summary and saving
  summarySpoken: gettext("That is the end of the session. Well done."),
  saving: gettext("Saving your session…"),
  saved: gettext("Saved."),
  savedSpoken: gettext("Your session is saved."),
  savedPartial: gettext("Saved what you did so far."),
  saveFailed: gettext("Your session was not saved yet."),
  networkError: gettext("Could not reach Lumbar to save the session. Check that it is still running, then press Retry. Nothing you entered is lost."),
  serverError: gettext("Lumbar could not save the session (error {status}). Press Retry. Nothing you entered is lost."),
  posesDone: gettext("{done} of {total} poses done"),
  // with no network the log waits on this device (outbox.js) and is sent once when the network returns
  keptOnDevice: gettext("No network: your session is kept on this device and will be sent when you are online again. You can close this page."),
  keptOnDeviceSpoken: gettext("Your session is kept on this device until you are online."),
  savedWhenOnline: gettext("Saved: your session reached Lumbar now that you are online."),

  // sound settings
  voiceAutomatic: gettext("Automatic (prefers an offline voice)"),
  voiceOffline: gettext("{name} (offline)"),
  voiceOnline: gettext("{name} (needs internet)"),
  noSpeech: gettext("Spoken cues are not available in this browser. Captions are always shown, and sounds still play."),
  noVoices: gettext("No voices are installed, so cues are shown as captions only. Sounds still play."),
  testVoice: gettext("This is how your coach sounds."),
  muted: gettext("Sound off"),
  unmuted: gettext("Sound on"),

  // full screen
  fullScreenUnavailable: gettext("Full screen is not available here."),

  // "Something's wrong": the report and what it leads to (the server's answer supplies the advice itself)
  symptomsSpoken: gettext("Paused. Tell us what is wrong: answer the questions on the screen."),
  symptomsMissing: gettext("Please answer every question. The ones still to answer are marked."),
  // question 4, "Any of these?": every urgent (Tier A) symptom in plain words (clinical.md section 3)
  symptomsNotAnswered: gettext("Not answered yet"),
  symptomsSending: gettext("Sending…"),
  symptomsSend: gettext("Send"),
  symptomsSendAgain: gettext("Send again"),
  symptomsCancel: gettext("Cancel and carry on"),
  symptomsCloseStayPaused: gettext("Close and stay paused"),
  symptomsStillPaused: gettext("The session stays paused until your answers are sent."),
  symptomsNetworkError: gettext("Could not reach Lumbar to send your answers. Check that it is still running, then press Send again."),
  symptomsServerError: gettext("Lumbar could not take your answers (error {status}). Press Send again."),
  symptomsUnknownAction: gettext("Lumbar sent an answer the player does not understand, so the session stays paused."),
  symptomsPausedAfterError: gettext("Your answers were not sent. The session is paused: press Resume to carry on, or report again."),
  // a report made with no network: kept on this device and sent later; meanwhile the player takes the safe choice
  symptomsOutboxLabel: gettext("Your report of symptoms"),
  symptomsKept: gettext("Your answers are kept on this device and will be sent when you are online again."),
  offlineStopSession: gettext("Stop the session now. The symptoms you described need medical attention today."),
  offlineStopDirection: gettext("Lumbar could not be reached, so to be safe: symptoms spreading into a leg are a sign to stop this kind of movement. We'll skip the poses that move your back this way for the rest of the session and rest now."),
  offlineStopPose: gettext("Lumbar could not be reached, so to be safe: let's stop this pose and rest. Lie in a comfortable position and breathe slowly."),
  easierNow: gettext("Easier version: {name}."),
  shorterNow: gettext("The same pose, smaller and shorter."),
  easierDoseReps: gettext("{reps} slow repetitions now, about {tempo} seconds each way."),
  easierDoseHold: gettext("A shorter time now: {time}."),
  easierDoseHoldPerSide: gettext("A shorter time now: {time} on each side."),
  easierDoseBreathing: gettext("A shorter time now: breathe for {time}."),
  restNext: gettext("Rest: {name}."),
  leavingOut: gettext("Leaving out for the rest of this session: {names}."),
  leavingOutNone: gettext("No other poses in this session move your back this way."),
  listAnd: gettext("{rest} and {last}"),
  stopSessionTitle: gettext("Session stopped"),

  // the camera coach (camera_coach.js): video stays on this device, only body points go to Lumbar
  cameraTurnOn: gettext("Turn the camera on"),
  cameraTurnOff: gettext("Turn the camera off"),
  cameraReadyNote: gettext("Optional: the camera coach can count your repetitions and score how smoothly you move in {names}. Your video stays on this device."),
  cameraOff: gettext("The camera is off. The session runs by the clock as usual."),
  cameraOffSpoken: gettext("Camera off."),
  cameraStarting: gettext("Starting the camera…"),
  cameraLoadingModel: gettext("Loading the body-point finder on this device…"),
  cameraSetup: gettext("The camera is on. Get into your starting position and check that your whole body is in view."),
  cameraWaiting: gettext("The camera is resting. It watches again for {name}."),
  cameraNoMore: gettext("The camera is resting: no more poses for it in this session."),
  cameraResting: gettext("The camera is resting while you rest."),
  cameraSessionOver: gettext("The session is over, so the camera is off."),
  cameraLooking: gettext("Looking for you in the picture…"),
  cameraBeforeBegin: gettext("You are in view. The camera starts counting when you hear “Begin”."),
  cameraWatching: gettext("Counting. Only body-point positions go to Lumbar."),
  cameraPaused: gettext("Paused: the camera is not counting."),
  cameraStepOver: gettext("This pose is done: the camera has stopped counting."),
  cameraRefused: gettext("The camera was not allowed, so the session carries on by the clock. You can allow it in the browser's site settings and turn it on again with C."),
  cameraMissing: gettext("No camera was found, so the session carries on by the clock."),
  cameraBusy: gettext("The camera is being used by another program, so the session carries on by the clock."),
  cameraUnsupported: gettext("This browser cannot use the camera on this page, so the session carries on by the clock."),
  cameraFailed: gettext("The camera stopped working, so the session carries on by the clock."),
  cameraModelFailed: gettext("The body-point finder could not start on this device, so the session carries on by the clock."),
  cameraSocketLost: gettext("The camera coach lost its connection to Lumbar, so the session carries on by the clock."),
  cameraCarryOnSpoken: gettext("The camera is not available. No problem: the session carries on by the clock."),
  viewNone: gettext("Nobody found in the picture."),
  viewPartial: gettext("Part of your body is out of the picture."),
  viewFull: gettext("Your whole body is in the picture."),
  personMissing: gettext("Nobody found yet. Put the camera at floor level, side-on, 2 to 3 metres away, so your whole body is in view."),
  personMissingSpoken: gettext("The camera cannot see you."),
  personPartial: gettext("Part of your body is out of view: move the camera further away, or turn it until head to feet fit."),
  calibrationNeutral: gettext("Rest still for a moment: the camera is learning your starting position."),
  calibrationDemonstration: gettext("Do one slow repetition: the camera is learning your range."),
  glideNone: gettext("–"),
  repNone: gettext("None yet"),
  repSeen: gettext("Rep {n}"),
  // one half-repetition just finished: "Tilt: smooth 82" (step_summary.js picks the words)
  halfGlide: gettext("{direction}: {word} {score}"),
  halfGlideUnscored: gettext("{direction}: {word}"),
  halfTilt: gettext("Tilt"),
  halfBackDown: gettext("Back down"),
  halfCat: gettext("Round up"),
  halfCow: gettext("Dip down"),
  halfOther: gettext("Move"),
  glideSmooth: gettext("smooth"),
  glideMostly: gettext("mostly smooth"),
  glideSomeStops: gettext("a bit stop-and-go"),
  glideStopAndGo: gettext("stop-and-go"),
  glideUnscored: gettext("not scored"),
  // short spoken cues: one at a time, only into silence while the pose is being done
  cueNeck: gettext("Long neck."),
  cueTempo: gettext("A little slower."),
  cueRange: gettext("Smaller is fine."),
  glideLow: gettext("Glide: one slow, even move."),
  glideGood: gettext("Smooth. Keep it so."),
  // the end of a watched step: reps seen, how many glided, the one thing to try next time
  stepSummaryTitle: gettext("{name}: what the camera saw"),
  stepReps: gettext("{reps} repetitions seen, {glided} glided."),
  stepRepsOne: gettext("1 repetition seen, {glided} glided."),
  stepRepsNone: gettext("No repetitions seen."),
  stepHold: gettext("Hold seen {share}% of the time."),
  stepLine: gettext("{name}: {summary}"),
  tipNoReps: gettext("Next time: check that your whole body is in the picture, side-on."),
  tipSlower: gettext("Next time: go slower, about {tempo} seconds each way."),
  tipSlowerNoTempo: gettext("Next time: go a little slower."),
  tipSmaller: gettext("Next time: a smaller movement is fine."),
  tipNeck: gettext("Next time: keep your neck long."),
  tipGlide: gettext("Next time: keep the glide {way}."),
  wayTilt: gettext("as you tilt"),
  wayBackDown: gettext("on the way back down"),
  wayCat: gettext("as you round up"),
  wayCow: gettext("as you dip down"),
  wayOther: gettext("all the way"),
  tipAllGlided: gettext("Every repetition glided. Lovely: keep it just like that."),
  tipUnscored: gettext("Keep it slow and even."),
  tipHoldUnseen: gettext("Next time: check that the camera can see you in the pose."),
  tipHold: gettext("Well held."),
  // the floor-space check by camera: the outline of the lower back at rest before and after the tilts,
  // seen from the side (never a measurement of the spine), beside what the person felt
  floorSeenFlatter: gettext("From the side, your lower back looked a little flatter after the tilts than before."),
  floorSeenSame: gettext("From the side, your lower back looked about the same before and after the tilts."),
  floorSeenMoreCurved: gettext("From the side, your lower back looked a little more curved after the tilts than before."),
  floorSeenOutline: gettext("This is the outline the camera saw, not a measurement of your spine."),
  floorFeltLess: gettext("You felt: less space under your lower back after the tilts."),
  floorFeltSame: gettext("You felt: about the same space before and after."),
  floorFeltMore: gettext("You felt: more space under your lower back after the tilts."),
  floorFeltAfter: gettext("You felt after the tilts: {after}."),
  floorFeltDiffer: gettext("The camera and your feeling do not match, and that is fine. Both are worth noticing. What you feel is what counts."),
  cameraKeepUnavailable: gettext("These results are shown here only; they are not saved."),
  cameraKept: gettext("Kept in your practice log when the session is saved."),
  cameraNotKept: gettext("Not kept: they disappear when you leave this page."),
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
