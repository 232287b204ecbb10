// The "Copy the link" button beside a link shown once. Without JavaScript the link stays selectable text.
for (const button of document.querySelectorAll("[data-copy-from]")) {
  const field = document.getElementById(button.dataset.copyFrom);
  const done = button.parentElement.querySelector("[data-copy-done]");
  if (!field || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      done.textContent = button.dataset.copied || "Copied.";
    } catch {
      field.select();
      done.textContent = button.dataset.selectHint || "Press Ctrl+C (or Cmd+C) to copy.";
    }
  });
}
