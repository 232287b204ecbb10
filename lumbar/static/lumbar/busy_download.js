// Downloads that can take a while (a report over a year, everything about a person): a link marked
// data-busy-download is fetched here instead, with a status line that says it is being made and then how much
// has arrived, and the file is handed to the browser when it is complete. Without this script the link still
// downloads as a plain link.
import { gettext } from "./i18n.js";

function filename(response, fallback) {
  const match = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
  return match ? match[1] : fallback;
}

async function download(link, status) {
  const started = Date.now();
  const tick = setInterval(() => {
    status.textContent = gettext("Making it now. This can take a minute for a long period.") + ` (${Math.round((Date.now() - started) / 1000)} s)`;
  }, 1000);
  status.textContent = gettext("Making it now. This can take a minute for a long period.");
  try {
    const response = await fetch(link.href, { credentials: "same-origin" });
    if (!response.ok) throw new Error(await response.text());
    clearInterval(tick);
    const reader = response.body.getReader();
    const parts = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      received += value.length;
      status.textContent = gettext("Downloading:") + ` ${Math.round(received / 1024)} KB`;
    }
    const url = URL.createObjectURL(new Blob(parts, { type: response.headers.get("Content-Type") || "" }));
    const save = document.createElement("a");
    save.href = url;
    save.download = filename(response, "lumbar");
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    status.textContent = gettext("Done: the file is in your downloads.");
  } catch (error) {
    status.textContent = gettext("It could not be made:") + " " + error.message;
  } finally {
    clearInterval(tick);
  }
}

for (const link of document.querySelectorAll("a[data-busy-download]")) {
  const status = document.createElement("span");
  status.className = "busy-status";
  status.setAttribute("role", "status");
  link.after(status);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    download(link, status);
  });
}
