// Esc clears the selection or the pain drawing, as the Clear button does; inside a list or a
// text box Esc keeps its usual meaning (close the list), so nothing is cleared by accident.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") { return; }
  var target = event.target;
  if (document.querySelector(".dash-dropdown[aria-expanded='true']")) { return; }
  if (target && target.closest && target.closest("input, textarea, select, [role='listbox'], [class*='dash-dropdown'], [class*='dash-options']")) { return; }
  var button = document.getElementById("clear-button");
  if (button) { button.click(); }
});
