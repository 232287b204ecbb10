// Keyboard shortcuts for the player. Letters and arrows work anywhere except in form fields and
// open dialogs; Space and Enter on a button reached with Tab keep their usual meaning.

const TEN_WINDOW_MS = 700; // "1" then "0" this quickly means 10

export function bindKeyboard(actions) {
  let lastDigit = null;

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (document.querySelector("dialog[open]")) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest("input, select, textarea, [contenteditable]")) return;
    const onControl = target && target.closest("button, a[href]");
    const keyboardFocus = onControl && onControl.matches(":focus-visible");
    const status = actions.state();
    const key = event.key;
    const done = () => event.preventDefault();

    if (key === " " || key === "Spacebar") {
      if (keyboardFocus) return; // activates the focused button
      done();
      if (status === "ready") actions.start();
      else actions.togglePause();
      return;
    }
    if (key === "Enter") {
      if (onControl) return;
      done();
      if (status === "ready") actions.start();
      else if (status === "input" || status === "asking") actions.continueInput();
      else if (status === "countdown") actions.startNow();
      return;
    }

    if (status === "input" && actions.stepType() === "pain") {
      if (/^[0-9]$/.test(key)) {
        done();
        const digit = Number(key);
        const now = performance.now();
        const ten = digit === 0 && lastDigit && lastDigit.digit === 1 && now - lastDigit.at < TEN_WINDOW_MS;
        actions.choosePain(ten ? 10 : digit);
        lastDigit = ten ? null : { digit, at: now };
        return;
      }
      if (key === "t" || key === "T") {
        done();
        actions.choosePain(10);
        return;
      }
      if (key === "ArrowUp" || key === "ArrowDown") {
        done();
        const current = actions.pain();
        const step = key === "ArrowUp" ? 1 : -1;
        actions.choosePain(current === null ? (step > 0 ? 0 : 10) : current + step);
        return;
      }
    }
    if (status === "asking" && /^[1-9]$/.test(key)) {
      // after a pose: 1 easy, 2 about right, 3 hard, 4 it hurt (or the seed's question's answers)
      done();
      actions.answer(Number(key));
      return;
    }
    if (status === "input" && actions.stepType() === "floor-space" && /^[1-9]$/.test(key)) {
      done();
      actions.chooseFloor(Number(key));
      return;
    }

    const shortcuts = {
      p: actions.togglePause,
      ArrowRight: actions.skip,
      n: actions.skip,
      ArrowLeft: actions.back,
      b: actions.back,
      e: actions.extend,
      "+": actions.extend,
      m: actions.toggleMute,
      f: actions.toggleFullScreen,
      "?": actions.help,
      h: actions.help,
      q: actions.end,
      w: actions.reportSymptoms,
      c: actions.camera,
      i: actions.showFull,
      Escape: actions.end,
    };
    const action = shortcuts[key] || shortcuts[key.toLowerCase()];
    if (action) {
      done();
      action();
    }
  });
}
