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

// Dash 4's Dropdown keeps its tab stop on a stand-in input marked aria-hidden, so a screen reader
// lands on something it was told to ignore. Put the tab stop on the dropdown's own button (it has
// the label and opens the list with Enter, Space or typing) and make the stand-in inert.
function moveDropdownTabStops() {
  document.querySelectorAll(".dash-dropdown-focus-target:not([inert])").forEach(function (standIn) {
    standIn.setAttribute("inert", "");
    standIn.tabIndex = -1;
    var button = standIn.nextElementSibling;
    if (button && button.classList.contains("dash-dropdown") && !button.disabled) { button.tabIndex = 0; }
  });
}

// Its open list (a Radix popover) has no name either: name the popover, the list and its search box
// after the dropdown's label, so a screen reader says what is being chosen.
function nameDropdownPopups() {
  document.querySelectorAll(".dash-dropdown-content[role='dialog']").forEach(function (popup) {
    var trigger = document.querySelector("[aria-controls='" + popup.id + "']");
    var label = trigger && document.querySelector("label[for='" + trigger.id + "']");
    var name = (label && label.textContent.trim()) || "Choose";
    [[popup, name], [popup.querySelector("[role='listbox']"), name + ": matches"], [popup.querySelector("input[type='search']"), name + ": type to search"]].forEach(function (pair) {
      if (pair[0] && !pair[0].hasAttribute("aria-label")) { pair[0].setAttribute("aria-label", pair[1]); }
    });
    // each option draws a radio button inside itself: a control inside a control, for no purpose
    popup.querySelectorAll("[role='option'] input:not([inert])").forEach(function (input) { input.setAttribute("inert", ""); });
  });
}

(function watchDropdowns() {
  var queued = false;
  new MutationObserver(function () {
    if (queued) { return; }
    queued = true;
    requestAnimationFrame(function () { queued = false; moveDropdownTabStops(); nameDropdownPopups(); });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
