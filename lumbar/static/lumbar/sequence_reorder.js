// Reordering the sequence builder's steps in place: drag and drop with the mouse, and the Move up / Move down
// buttons without a page load. Without this script the same buttons post the form and the server moves the
// step, so nothing depends on it. After every move the step numbers and the buttons' values follow the new
// order, because the form posts the steps in the order they stand.

const list = document.getElementById("steps");
const status = document.getElementById("reorder-status");

function rows() {
  return [...list.querySelectorAll("li[data-step]")];
}

function renumber() {
  rows().forEach((row, index) => {
    row.querySelector(".step-number").textContent = String(index + 1);
    row.querySelector("[data-move='up']").value = `up-${index}`;
    row.querySelector("[data-move='down']").value = `down-${index}`;
    row.querySelector("[data-remove]").value = `remove-${index}`;
  });
}

function announce(row) {
  const all = rows();
  const name = row.querySelector(".step-name").textContent;
  const words = status.dataset.template || "%(name)s: step %(n)s of %(total)s";
  status.textContent = words.replace("%(name)s", name).replace("%(n)s", all.indexOf(row) + 1).replace("%(total)s", all.length);
}

function move(row, direction) {
  const sibling = direction === "up" ? row.previousElementSibling : row.nextElementSibling;
  if (!sibling || !sibling.matches("li[data-step]")) return false;
  if (direction === "up") list.insertBefore(row, sibling);
  else list.insertBefore(sibling, row);
  renumber();
  announce(row);
  return true;
}

list.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-move]");
  if (!button) return;
  event.preventDefault();
  move(button.closest("li[data-step]"), button.dataset.move);
  button.focus();
});

// --- drag and drop (the mouse); the buttons above are the keyboard's way ---
let dragged = null;

list.classList.add("can-drag"); // the handles show only when dragging works
for (const grip of list.querySelectorAll(".grip")) {
  grip.draggable = true; // only the handle drags, so text in the fields can still be selected
}

list.addEventListener("dragstart", (event) => {
  const row = event.target.closest && event.target.closest(".grip") && event.target.closest("li[data-step]");
  if (!row) return;
  dragged = row;
  row.classList.add("dragging");
  event.dataTransfer.effectAllowed = "move";
  event.dataTransfer.setData("text/plain", row.querySelector(".step-name").textContent);
  event.dataTransfer.setDragImage(row, 20, 20);
});

list.addEventListener("dragover", (event) => {
  if (!dragged) return;
  event.preventDefault();
  const target = event.target.closest("li[data-step]");
  for (const row of rows()) row.classList.toggle("drop-target", row === target && row !== dragged);
});

list.addEventListener("drop", (event) => {
  if (!dragged) return;
  event.preventDefault();
  const target = event.target.closest("li[data-step]");
  if (target && target !== dragged) {
    const box = target.getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    list.insertBefore(dragged, after ? target.nextElementSibling : target);
    renumber();
    announce(dragged);
  }
});

list.addEventListener("dragend", () => {
  for (const row of rows()) row.classList.remove("dragging", "drop-target");
  dragged = null;
});
