// extractor review: select a record (click, or j/n and k/p), see its cell on the page image and in the
// grid, decide with a (accept), r (reject) or c (correct). The decision is an ordinary form POST.
(function () {
  "use strict";
  const records = Array.from(document.querySelectorAll("tr.record"));
  let current = null;

  function select(row, scroll) {
    if (!row) return;
    document.querySelectorAll(".selected, .highlight").forEach(function (e) {
      e.classList.remove("selected", "highlight");
    });
    row.classList.add("selected");
    const cell = row.dataset.recordCell;
    document.querySelectorAll("[data-cell]").forEach(function (e) {
      if (e.dataset.cell === cell) e.classList.add("highlight");
    });
    current = row;
    if (scroll) row.scrollIntoView({ block: "center" });
    history.replaceState(null, "", "#" + row.id);
  }

  function firstOfCell(cell) {
    return records.find(function (r) { return r.dataset.recordCell === cell; });
  }

  document.addEventListener("click", function (ev) {
    const target = ev.target;
    if (target.closest("button, input, a, summary, select, label")) {
      const row = target.closest("tr.record");
      if (row && row !== current) select(row, false);
      return;
    }
    const row = target.closest("tr.record");
    if (row) return select(row, false);
    const box = target.closest("[data-cell]");
    if (box) {
      const rec = firstOfCell(box.dataset.cell);
      if (rec) select(rec, true);
    }
  });

  document.querySelectorAll("button.whole-page").forEach(function (button) {
    button.addEventListener("click", function () {
      const svg = button.closest("figure").querySelector("svg");
      const whole = svg.getAttribute("viewBox") === svg.dataset.crop;
      svg.setAttribute("viewBox", whole ? svg.dataset.full : svg.dataset.crop);
      button.textContent = whole ? "the table" : "whole page";
    });
  });

  function press(value) {
    if (!current) return;
    const button = current.querySelector('form.quick button[value="' + value + '"]');
    if (button) button.click();
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target.closest && ev.target.closest("input, textarea, select")) return;
    const i = records.indexOf(current);
    if (ev.key === "j" || ev.key === "n") select(records[Math.min(i + 1, records.length - 1)], true);
    else if (ev.key === "k" || ev.key === "p") select(records[Math.max(i - 1, 0)], true);
    else if (ev.key === "a") press("accept");
    else if (ev.key === "r") press("reject");
    else if (ev.key === "c" && current) {
      const details = current.querySelector("details.correct");
      details.open = true;
      details.querySelector("input[name=value]").focus();
    } else return;
    ev.preventDefault();
  });

  const wanted = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  select(wanted && wanted.matches("tr.record") ? wanted : records[0], Boolean(wanted));
})();
