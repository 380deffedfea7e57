// Esc clears the selection or the pain drawing, as the Clear button does.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") { return; }
  var active = document.activeElement;
  if (active && active.closest && active.closest(".dash-dropdown, .Select, [role='listbox'], [role='combobox']")) { return; }
  var button = document.getElementById("clear-button");
  if (button) { button.click(); }
});
