/* Trigger Point Explorer in the browser: what a tap hits, what it changes, and painting it.
 *
 * The server sends the map's geometry once (the base figure) and an index generated from the
 * Python domain (explorer/figures/stage.py: browser_index). A tap is hit-tested and painted here,
 * without a server round trip; the new screen state then goes to a dcc.Store, and the server
 * answers with the side panel and the address. Names of functions are the interface the tests use.
 */
(function () {
  "use strict";

  var tpx = (window.tpx = window.tpx || {});
  var TAP_SLOP_PX = 10;
  var TAP_MAX_MS = 800;
  var NARROW_PX = 700;

  // ------------------------------------------------------------------ the index and the layers

  tpx.index = null;
  tpx.state = null;
  var painted = { overlay: null, view: null, markers: null };

  function graph(id) {
    var el = document.getElementById(id);
    return el ? el.querySelector(".js-plotly-plot") : null;
  }

  tpx.layers = function () {
    return { base: graph("stage-base"), markers: graph("stage-markers"), stage: document.getElementById("stage"), paint: document.getElementById("stage-paint") };
  };

  tpx.ready = function () {
    var l = tpx.layers();
    return !!(tpx.index && l.base && l.base._fullLayout && l.markers && l.markers._fullLayout && l.stage);
  };

  // ------------------------------------------------------------------ the paint layer (SVG between the body and the dots)

  var SVG = "http://www.w3.org/2000/svg";
  var HATCHES = { spillover: 45, pain: -45, "compare-0": 45, "compare-1": -45, "compare-2": 90 };

  function svgElement(name, attributes, parent) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) { el.setAttribute(key, attributes[key]); });
    if (parent) { parent.appendChild(el); }
    return el;
  }

  /** The SVG the overlays are drawn in: one path per overlay, in canvas units, above the regions.
   * Plotly restyles cost 7-20 ms per click; setting a few path attributes costs a fraction of a millisecond. */
  function paintLayer() {
    var l = tpx.layers();
    if (l.paint) { return l.paint; }
    var svg = svgElement("svg", { id: "stage-paint", class: "stage-paint", preserveAspectRatio: "xMidYMid meet", "aria-hidden": "true", focusable: "false" });
    var defs = svgElement("defs", {}, svg);
    Object.keys(HATCHES).forEach(function (name) {
      var pattern = svgElement("pattern", { id: "hatch-" + name, patternUnits: "userSpaceOnUse", width: 6, height: 6, patternTransform: "rotate(" + HATCHES[name] + ")", class: "hatch hatch-" + name }, defs);
      svgElement("rect", { width: 6, height: 6, class: "hatch-ground" }, pattern);
      svgElement("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "hatch-line" }, pattern);
    });
    var group = svgElement("g", {}, svg); // paths carry -y: the canvas has y up, SVG has y down
    tpx.index.overlayTraces.forEach(function (name) {
      svgElement("path", { class: "ov ov-" + name.replace(/_/g, "-"), "data-layer": name, d: "" }, group);
    });
    // Inside the base graph's own container, so it scales with it and sits above the regions, below the dots.
    l.base.querySelector(".svg-container").appendChild(svg);
    return svg;
  }

  function pathOf(xs, ys) {
    var parts = [], open = false;
    for (var i = 0; i < xs.length; i++) {
      if (xs[i] === null || ys[i] === null) { if (open) { parts.push("Z"); } open = false; continue; }
      parts.push((open ? "L" : "M") + xs[i] + " " + -ys[i]);
      open = true;
    }
    if (open) { parts.push("Z"); }
    return parts.join("");
  }

  function ringPath(xs, ys) {
    // a selection ring around each dot, drawn as two arcs (radius in canvas units set per view)
    var r = painted.ringRadius || 8, parts = [];
    for (var i = 0; i < xs.length; i++) {
      var x = xs[i], y = -ys[i];
      parts.push("M" + (x - r) + " " + y + "a" + r + " " + r + " 0 1 0 " + 2 * r + " 0a" + r + " " + r + " 0 1 0 " + -2 * r + " 0");
    }
    return parts.join("");
  }

  function whenReady(fn) {
    var tries = 0;
    (function check() {
      if (tpx.ready()) { fn(); return; }
      if (++tries < 600) { requestAnimationFrame(check); }
    })();
  }

  // ------------------------------------------------------------------ geometry

  var ringBoxes = null; // [[key, start, end, x0, x1, y0, y1], ...]

  function baseXY() {
    var gd = tpx.layers().base;
    return [gd.data[0].x, gd.data[0].y];
  }

  function buildRingBoxes() {
    var xy = baseXY(), xs = xy[0], ys = xy[1], out = [];
    Object.keys(tpx.index.rings).forEach(function (key) {
      tpx.index.rings[key].forEach(function (slice) {
        var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
        for (var i = slice[0]; i < slice[1]; i++) {
          if (xs[i] < x0) { x0 = xs[i]; } if (xs[i] > x1) { x1 = xs[i]; }
          if (ys[i] < y0) { y0 = ys[i]; } if (ys[i] > y1) { y1 = ys[i]; }
        }
        out.push([key, slice[0], slice[1], x0, x1, y0, y1]);
      });
    });
    ringBoxes = out;
  }

  /** Whether canvas point (x, y) is inside ring `b` of ringBoxes (even-odd rule). */
  function insideRing(b, x, y) {
    if (x < b[3] || x > b[4] || y < b[5] || y > b[6]) { return false; }
    var xy = baseXY(), xs = xy[0], ys = xy[1], inside = false;
    for (var i = b[1], j = b[2] - 1; i < b[2]; j = i++) {
      if ((ys[i] > y) !== (ys[j] > y) && x < ((xs[j] - xs[i]) * (y - ys[i])) / (ys[j] - ys[i]) + xs[i]) { inside = !inside; }
    }
    return inside;
  }

  /** The region key ("temple.r") under a canvas point, or null outside every drawing. */
  tpx.regionAt = function (x, y) {
    if (!ringBoxes) { buildRingBoxes(); }
    for (var r = 0; r < ringBoxes.length; r++) {
      if (insideRing(ringBoxes[r], x, y)) { return ringBoxes[r][0]; }
    }
    return null;
  };

  /** Canvas coordinates of a point on the screen (client pixels). */
  tpx.toCanvas = function (clientX, clientY) {
    var gd = tpx.layers().markers, fl = gd._fullLayout, rect = gd.getBoundingClientRect();
    return [fl.xaxis.p2l(clientX - rect.left - fl.xaxis._offset), fl.yaxis.p2l(clientY - rect.top - fl.yaxis._offset)];
  };

  /** Client pixel position of a canvas point. */
  tpx.toClient = function (x, y) {
    var gd = tpx.layers().markers, fl = gd._fullLayout, rect = gd.getBoundingClientRect();
    return [rect.left + fl.xaxis._offset + fl.xaxis.l2p(x), rect.top + fl.yaxis._offset + fl.yaxis.l2p(y)];
  };

  function markersShown() {
    var gd = tpx.layers().markers;
    return gd && gd.data[0].visible !== false;
  }

  function windowOf(viewId) {
    var view = tpx.index.views[viewId];
    return view ? view.window : null;
  }

  /** Dots inside the current view: [[key, clientX, clientY, label], ...] (none while dots are hidden). */
  tpx.visibleDots = function () {
    if (!markersShown()) { return []; }
    var gd = tpx.layers().markers, t = gd.data[0], w = windowOf(currentView()), out = [];
    for (var i = 0; i < t.x.length; i++) {
      if (w && (t.x[i] < w[0] || t.x[i] > w[1] || t.y[i] < w[2] || t.y[i] > w[3])) { continue; }
      var p = tpx.toClient(t.x[i], t.y[i]);
      out.push([t.customdata[i], p[0], p[1], t.text[i]]);
    }
    return out;
  };

  /** The dot nearest a screen point within `radius` pixels, or null: a tap on or beside a dot selects it. */
  tpx.dotAt = function (clientX, clientY, radius) {
    var best = null, bestDistance = radius * radius;
    tpx.visibleDots().forEach(function (d) {
      var dx = d[1] - clientX, dy = d[2] - clientY, dist = dx * dx + dy * dy;
      if (dist <= bestDistance) { best = d[0]; bestDistance = dist; }
    });
    return best;
  };

  function markerSizePx() {
    var gd = tpx.layers().markers;
    var size = gd && gd.data[0].marker && gd.data[0].marker.size;
    return typeof size === "number" ? size : 9;
  }

  /** What a tap at a screen point hits: {dot: "tp|side"} or {region: key} or {} (nothing). */
  tpx.hitAt = function (clientX, clientY, pointerType) {
    var radius = markerSizePx() / 2 + (pointerType === "touch" ? 10 : 5);
    var dot = tpx.dotAt(clientX, clientY, radius);
    if (dot) { return { dot: dot }; }
    var c = tpx.toCanvas(clientX, clientY), w = windowOf(currentView());
    if (w && (c[0] < w[0] || c[0] > w[1] || c[1] < w[2] || c[1] > w[3])) { return {}; }
    var region = tpx.regionAt(c[0], c[1]);
    return region ? { region: region, x: c[0], y: c[1] } : {};
  };

  // ------------------------------------------------------------------ what a tap changes (the only copy of these rules)

  function isNarrow() {
    return window.innerWidth < NARROW_PX;
  }

  function currentView() {
    var s = tpx.state || {};
    return s.view || tpx.index.defaultViews[isNarrow() ? "narrow" : "wide"];
  }
  tpx.currentView = currentView;

  function area(w) { return (w[1] - w[0]) * (w[3] - w[2]); }

  /** The drawing under a canvas point. */
  function drawingAt(x, y) {
    var windows = tpx.index.drawingWindows;
    return Object.keys(windows).filter(function (d) { var w = windows[d]; return x >= w[0] && x <= w[1] && y >= w[2] && y <= w[3]; })[0];
  }

  /** On a phone an overview is a navigator: the view a tap on region `key` at (x, y) zooms to (the index ranks them). */
  tpx.focusViewFor = function (key, x, y) {
    var drawing = drawingAt(x, y), here = tpx.index.views[currentView()];
    var targets = ((tpx.index.zoom[drawing] || {})[key]) || [];
    for (var i = 0; i < targets.length; i++) {
      var view = tpx.index.views[targets[i]];
      if (targets[i] !== currentView() && view && area(view.window) < area(here.window) * 0.7) { return targets[i]; }
    }
    return null;
  };

  tpx.isNavigator = function (state) {
    var view = tpx.index.views[(state && state.view) || currentView()];
    return !!(view && view.navigator && isNarrow() && state.mode !== "pain" && !state.quiz);
  };

  function sameState(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function copy(state) {
    return JSON.parse(JSON.stringify(state || {}));
  }

  function toggle(list, key) {
    var out = (list || []).filter(function (k) { return k !== key; });
    if (out.length === (list || []).length) { out.push(key); }
    return out;
  }

  /** The state after a tap that hit `hit` (see hitAt). Pure. */
  tpx.afterTap = function (state, hit) {
    var s = copy(state);
    if (hit.navigate) { s.view = hit.navigate; return s; }
    if (s.quiz) {
      // a quiz: only painting a zone takes taps, until it is checked
      if (s.quiz === "paint-zone" && !s.checked && hit.region) { s.marks = toggle(s.marks, hit.region); }
      return s;
    }
    if (s.mode === "pain") {
      if (hit.region) { s.pain = toggle(s.pain, hit.region); s.tp = null; s.side = "right"; }
      return s;
    }
    if (hit.dot && (s.compare || []).length) {
      // comparing: a tapped dot joins the comparison (or leaves it); three at most, the newest replaces the last
      var list = s.compare.filter(function (k) { return k !== hit.dot; });
      if (list.length === s.compare.length) { list = list.slice(0, 2).concat([hit.dot]); }
      s.compare = list;
      return s;
    }
    if (hit.dot) {
      var parts = hit.dot.split("|");
      s.tp = parts[0]; s.side = parts[1]; s.region = null;
      return s;
    }
    if (hit.region) { s.region = hit.region; s.tp = null; s.side = "right"; return s; }
    return s;
  };

  /** The state after a control changed (search box, area list, mode, view, clear). Pure. */
  tpx.afterControl = function (state, control, value) {
    var s = copy(state);
    if (control === "clear") {
      return { mode: s.mode || "explore", tp: null, side: "right", pain: [], region: null, view: s.view || null, audience: s.audience || "patient", compare: [] };
    }
    if (control === "mode") {
      if (value === s.mode) { return s; }
      return { mode: value === "pain" ? "pain" : "explore", tp: null, side: "right", pain: s.pain || [], region: null, view: s.view || null, audience: s.audience || "patient", compare: [] };
    }
    if (control === "tp") {
      // emptying the search box leaves the selection alone; Clear is for that
      if (value && value !== s.tp) { s.tp = value; s.side = "right"; s.region = null; }
      return s;
    }
    if (control === "add-pain") {
      if (value && (s.pain || []).indexOf(value) < 0) { s.pain = (s.pain || []).concat([value]); s.tp = null; s.side = "right"; }
      s.mode = "pain";
      return s;
    }
    if (control === "remove-pain") { s.pain = (s.pain || []).filter(function (k) { return k !== value; }); s.tp = null; s.side = "right"; return s; }
    if (control === "view") {
      // choosing the screen's usual view is the same as choosing none: the address stays short
      s.view = value && value !== tpx.index.defaultViews[isNarrow() ? "narrow" : "wide"] ? value : null;
      return s;
    }
    if (control === "audience") { s.audience = value || "patient"; return s; }
    if (control === "quiz-answer") { if (s.quiz === "which-muscle" && !s.answer) { s.answer = value; } return s; }
    if (control === "quiz-check") { if (s.quiz === "paint-zone" && (s.marks || []).length) { s.checked = true; } return s; }
    if (control === "compare") { s.compare = value ? String(value).split(",").filter(Boolean).slice(0, 3) : []; return s; }
    if (control === "add-compare") {
      var list = (s.compare || []).filter(function (k) { return k !== value; });
      s.compare = list.concat([value]).slice(-3);
      return s;
    }
    if (control === "uncompare") { s.compare = (s.compare || []).filter(function (k) { return k !== value; }); return s; }
    if (control === "select") {
      var parts = String(value).split("|");
      s.tp = parts[0]; s.side = parts[1] || "right";
      if (s.mode !== "pain") { s.region = null; }
      return s;
    }
    return s;
  };

  // ------------------------------------------------------------------ painting

  function slicesXY(keys, xs, ys, outX, outY) {
    keys.forEach(function (key) {
      (tpx.index.rings[key] || []).forEach(function (slice) {
        for (var i = slice[0]; i < slice[1]; i++) { outX.push(xs[i]); outY.push(ys[i]); }
        outX.push(null); outY.push(null);
      });
    });
  }

  /** [essential keys, spillover keys] of a trigger point on a side (right, left or both), from the index. */
  tpx.pattern = function (tp, side) {
    return tpx.index.patterns[tp + "|" + side] || [[], []];
  };

  /** Region keys per overlay trace for a state (pure; what the paint test compares with Python). */
  tpx.overlayKeys = function (state, preview) {
    var s = state || {}, keys = {};
    tpx.index.overlayTraces.forEach(function (name) { keys[name] = []; });
    if (s.quiz) { return quizKeys(s, keys); }
    if (s.mode === "pain" || s.region) { keys.pain = s.mode === "pain" ? (s.pain || []).slice() : [s.region]; }
    var compared = s.compare || [];
    var shown = preview || (s.tp && !compared.length ? [s.tp, s.side || "right"] : null);
    if (shown) {
      var p = tpx.pattern(shown[0], shown[1]);
      keys.essential = p[0];
      keys.spillover = p[1];
    }
    var seen = {};
    compared.forEach(function (key, i) {
      var parts = key.split("|"), p = tpx.pattern(parts[0], parts[1]);
      keys["compare_" + i + "_essential"] = p[0];
      keys["compare_" + i + "_spillover"] = p[1];
      p[0].concat(p[1]).forEach(function (k) { seen[k] = (seen[k] || 0) + 1; });
    });
    // where two or more compared patterns meet (explorer/domain/compare.py names the same areas in the panel)
    keys.overlap = Object.keys(seen).filter(function (k) { return seen[k] >= 2; }).sort();
    return keys;
  };

  /** What a quiz shows: the question's pattern, the two patterns after a wrong answer, or a painting and its truth. */
  function quizKeys(s, keys) {
    if (!s.card) { return keys; }
    var card = s.card.split("|"), p = tpx.pattern(card[0], card[1]);
    if (s.quiz === "which-muscle") {
      var right = tpx.index.muscleOf[card[0]];
      if (s.answer && s.answer !== right && tpx.index.firstPainTp[s.answer]) {
        var other = tpx.pattern(tpx.index.firstPainTp[s.answer], "right");
        keys.compare_0_essential = p[0]; keys.compare_0_spillover = p[1];
        keys.compare_1_essential = other[0]; keys.compare_1_spillover = other[1];
      } else {
        keys.essential = p[0]; keys.spillover = p[1];
      }
    } else {
      keys.pain = (s.marks || []).slice();
      if (s.checked) { keys.essential = p[0]; }
    }
    return keys;
  }

  function selectionDots(tp, side) {
    var gd = tpx.layers().markers, t = gd.data[0], xs = [], ys = [];
    var wanted = side === "both" ? [tp + "|right", tp + "|left"] : [tp + "|" + side];
    for (var i = 0; i < t.customdata.length; i++) {
      if (wanted.indexOf(t.customdata[i]) >= 0) { xs.push(t.x[i]); ys.push(t.y[i]); }
    }
    return [xs, ys];
  }

  function outlineXY(tp, side) {
    var muscle = tpx.index.muscleOf[tp], xs = [], ys = [];
    (side === "both" ? ["right", "left"] : [side]).forEach(function (s) {
      var o = tpx.index.outlines[muscle + "|" + s];
      if (o) { xs = xs.concat(o[0]); ys = ys.concat(o[1]); }
    });
    return [xs, ys];
  }

  /** Paint the overlays for a state (skipped when nothing changed): sets one SVG path per overlay. */
  tpx.paint = function (state, preview) {
    var keys = tpx.overlayKeys(state, preview);
    var shown = preview || (state && state.tp && !state.quiz ? [state.tp, state.side || "right"] : null);
    var signature = JSON.stringify([keys, shown, painted.ringRadius]);
    if (signature === painted.overlay) { return false; }
    var svg = paintLayer(), xy = baseXY();
    tpx.index.overlayTraces.forEach(function (name) {
      var path = svg.querySelector('[data-layer="' + name + '"]'), d = "";
      if (name === "muscle") { if (shown) { var o = outlineXY(shown[0], shown[1]); d = pathOf(o[0], o[1]); } }
      else if (name === "selected") { if (shown) { var dots = selectionDots(shown[0], shown[1]); d = ringPath(dots[0], dots[1]); } }
      else { var x = [], y = []; slicesXY(keys[name] || [], xy[0], xy[1], x, y); d = pathOf(x, y); }
      if (path.getAttribute("d") !== d) { path.setAttribute("d", d); }
    });
    painted.overlay = signature;
    return true;
  };

  function canvasUnitsPerPixel() {
    var fl = tpx.layers().markers._fullLayout;
    return (fl.xaxis.range[1] - fl.xaxis.range[0]) / fl.xaxis._length;
  }

  function markerSizeFor(viewId) {
    var v = tpx.index.views[viewId];
    return (v && v.markerSize) || (isNarrow() ? 12 : 9);
  }

  /** Show a view: move the three layers' windows and fit the stage to the view's shape. */
  tpx.showView = function (viewId) {
    var view = tpx.index.views[viewId];
    if (!view) { return; }
    var l = tpx.layers(), w = view.window;
    var ranges = { "xaxis.range": [w[0], w[1]], "yaxis.range": [w[2], w[3]] };
    l.stage.style.setProperty("--aspect", String((w[1] - w[0]) / (w[3] - w[2])));
    l.stage.dataset.view = viewId;
    var shown = l.base.layout.xaxis.range, shownY = l.base.layout.yaxis.range;
    // the page arrives drawn for the usual laptop view: relayout (a full redraw of both layers) only when it differs
    if (shown[0] !== w[0] || shown[1] !== w[1] || shownY[0] !== w[2] || shownY[1] !== w[3]) {
      Plotly.relayout(l.base, Object.assign({ annotations: view.annotations }, ranges));
      Plotly.relayout(l.markers, ranges);
    }
    var svg = paintLayer();
    svg.setAttribute("viewBox", [w[0], -w[3], w[1] - w[0], w[3] - w[2]].join(" "));
    painted.view = viewId;
  };

  function paintMarkers(state) {
    var viewId = currentView(), visible = state.mode !== "pain" && !state.quiz && !tpx.isNavigator(state);
    var signature = JSON.stringify([visible, markerSizeFor(viewId)]);
    if (signature === painted.markers) { return; }
    var size = markerSizeFor(viewId), trace = tpx.layers().markers.data[0];
    if ((trace.visible !== false) !== visible || trace.marker.size !== size) {
      Plotly.restyle(tpx.layers().markers, { visible: visible, "marker.size": size }, [0]);
    }
    var unitsPerPixel = canvasUnitsPerPixel();
    painted.ringRadius = Math.round((size / 2 + 5) * unitsPerPixel * 10) / 10;
    tpx.layers().stage.style.setProperty("--units-per-px", String(unitsPerPixel));
    var svg = paintLayer();
    Array.prototype.forEach.call(svg.querySelectorAll("pattern"), function (p) {
      var side = 6 * unitsPerPixel;
      p.setAttribute("width", side); p.setAttribute("height", side);
      p.firstChild.setAttribute("width", side); p.firstChild.setAttribute("height", side);
      p.lastChild.setAttribute("y2", side);
    });
    painted.markers = signature;
    var stage = tpx.layers().stage;
    stage.classList.toggle("navigator", tpx.isNavigator(state));
  }

  /** Bring the whole map in line with a state: view, dots, overlays. */
  tpx.apply = function (state) {
    tpx.state = state || tpx.state || {};
    if (!tpx.ready()) { whenReady(function () { tpx.apply(tpx.state); }); return false; }
    if (painted.view !== currentView()) { tpx.showView(currentView()); }
    paintMarkers(tpx.state);
    tpx.paint(tpx.state);
    describeMap();
    syncControls();
    var back = document.getElementById("back-to-map");
    if (back) { back.hidden = !tpx.state.view || tpx.state.view === tpx.index.defaultViews[isNarrow() ? "narrow" : "wide"]; }
    var hint = document.getElementById("stage-pointer");
    if (hint && tpx.isNavigator(tpx.state) && !hint.textContent) { hint.textContent = "Tap a part of the body to zoom in and see its trigger points."; }
    if (!tpx.readyAt) {
      // a shared link that opens a selection shows its result on a phone too
      var s0 = tpx.state;
      sheet.wanted = !!(s0.tp || s0.region || (s0.pain || []).length);
      showSheet();
      tpx.readyAt = performance.now();
      document.documentElement.setAttribute("data-map-ready", "true");
      if (performance.mark) { performance.mark("map-ready"); }
    }
    return true;
  };

  var controlsShow = {};

  /** The mode switch, the audience switch and the view picker show the state (the usual view included). */
  function syncControls() {
    if (!window.dash_clientside || !window.dash_clientside.set_props) { return; }
    var wanted = { "mode-switch": tpx.state.mode || "explore", "audience-switch": tpx.state.audience || "patient", "view-select": currentView() };
    Object.keys(wanted).forEach(function (id) {
      if (controlsShow[id] !== wanted[id]) {
        controlsShow[id] = wanted[id];
        window.dash_clientside.set_props(id, { value: wanted[id] });
      }
    });
  }

  /** A new state from the browser: paint it now, then hand it to Dash (the server renders the panel). */
  tpx.commit = function (next) {
    if (sameState(next, tpx.state)) { return; }
    sheet.dismissed = false;
    sheet.wanted = true;
    tpx.apply(next);
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props("screen-state", { data: next });
    }
  };

  // ------------------------------------------------------------------ events

  var down = null;

  function onPointerDown(event) {
    if (!event.isPrimary || !tpx.ready()) { return; }
    down = { x: event.clientX, y: event.clientY, t: event.timeStamp, type: event.pointerType };
  }

  function onPointerUp(event) {
    if (!down || !event.isPrimary) { return; }
    var moved = Math.abs(event.clientX - down.x) + Math.abs(event.clientY - down.y);
    var quick = event.timeStamp - down.t < TAP_MAX_MS;
    var type = down.type;
    down = null;
    if (moved > TAP_SLOP_PX || !quick) { return; }
    tap(event.clientX, event.clientY, type);
  }

  function tap(clientX, clientY, pointerType) {
    var state = tpx.state || {};
    var hit = tpx.hitAt(clientX, clientY, pointerType);
    if (!hit.dot && !hit.region) { return; }
    if (hit.region && tpx.isNavigator(state)) {
      var target = tpx.focusViewFor(hit.region, hit.x, hit.y);
      if (target) { hit = { navigate: target }; } else { return; }
    }
    tpx.commit(tpx.afterTap(state, hit));
  }

  function onPointerMove(event) {
    if (!tpx.ready() || event.pointerType === "touch") { return; }
    var x = event.clientX, y = event.clientY;
    if (onPointerMove.pending) { onPointerMove.next = [x, y]; return; }
    onPointerMove.pending = true;
    requestAnimationFrame(function () {
      onPointerMove.pending = false;
      var p = onPointerMove.next || [x, y];
      onPointerMove.next = null;
      showPointerLabel(p[0], p[1]);
    });
  }

  function showPointerLabel(clientX, clientY) {
    var label = document.getElementById("stage-pointer");
    if (!label) { return; }
    var hit = tpx.hitAt(clientX, clientY, "mouse"), text = "";
    if (hit.dot) { text = dotLabel(hit.dot); }
    else if (hit.region) { text = tpx.index.names[hit.region] || ""; }
    label.textContent = text;
    tpx.layers().stage.style.cursor = hit.dot || hit.region ? "pointer" : "default";
  }

  function dotLabel(key) {
    var t = tpx.layers().markers.data[0];
    var i = t.customdata.indexOf(key);
    return i >= 0 ? t.text[i] : "";
  }
  tpx.dotLabel = dotLabel;

  function onPointerLeave() {
    var label = document.getElementById("stage-pointer");
    if (label) { label.textContent = ""; }
  }

  // Candidates and other lists rendered by the server carry data-tp / data-side: selecting one, and
  // resting the pointer on one to preview its pattern, needs no server round trip.
  function onDocumentClick(event) {
    var el = event.target.closest && event.target.closest("[data-select-tp], [data-remove-pain], [data-sheet], #back-to-map, [data-compare], [data-add-compare], [data-uncompare], [data-quiz-answer], [data-quiz-check], [data-quiz-next], [data-quiz-kind], [data-quiz-part], #print-button, #save-picture");
    if (!el) { return; }
    event.preventDefault();
    if (el.id === "back-to-map") { tpx.commit(Object.assign(copy(tpx.state), { view: null })); return; }
    if (el.id === "print-button") { tpx.printHandout(); return; }
    if (el.id === "save-picture") { tpx.savePicture(); return; }
    if (el.hasAttribute("data-sheet")) { onSheetAction(el.getAttribute("data-sheet")); return; }
    if (el.hasAttribute("data-quiz-answer")) { tpx.commit(tpx.afterControl(tpx.state, "quiz-answer", el.getAttribute("data-quiz-answer"))); return; }
    if (el.hasAttribute("data-quiz-check")) { tpx.commit(tpx.afterControl(tpx.state, "quiz-check", true)); return; }
    if (el.hasAttribute("data-quiz-next") || el.hasAttribute("data-quiz-kind") || el.hasAttribute("data-quiz-part")) {
      // the next question comes from the server, which keeps the schedule's rules (explorer/domain/quiz.py)
      var request = { kind: el.getAttribute("data-quiz-kind") || tpx.state.quiz, part: el.getAttribute("data-quiz-part") || tpx.state.part || "all", at: Date.now() };
      window.dash_clientside.set_props("quiz-request", { data: request });
      return;
    }
    if (el.hasAttribute("data-compare")) { tpx.commit(tpx.afterControl(tpx.state, "compare", el.getAttribute("data-compare"))); return; }
    if (el.hasAttribute("data-add-compare")) { tpx.commit(tpx.afterControl(tpx.state, "add-compare", el.getAttribute("data-add-compare"))); return; }
    if (el.hasAttribute("data-uncompare")) { tpx.commit(tpx.afterControl(tpx.state, "uncompare", el.getAttribute("data-uncompare"))); return; }
    if (el.hasAttribute("data-remove-pain")) {
      tpx.commit(tpx.afterControl(tpx.state, "remove-pain", el.getAttribute("data-remove-pain")));
    } else {
      tpx.commit(tpx.afterControl(tpx.state, "select", el.getAttribute("data-select-tp")));
    }
  }

  function onDocumentOver(event) {
    var el = event.target.closest && event.target.closest("[data-preview-tp]");
    if (!el || !tpx.ready()) { return; }
    var parts = el.getAttribute("data-preview-tp").split("|");
    tpx.paint(tpx.state, [parts[0], parts[1] || "right"]);
  }

  function onDocumentOut(event) {
    var el = event.target.closest && event.target.closest("[data-preview-tp]");
    if (!el || !tpx.ready() || (event.relatedTarget && el.contains(event.relatedTarget))) { return; }
    tpx.paint(tpx.state);
  }

  // ------------------------------------------------------------------ pictures of the map (print, save)

  var INLINE = ["fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-linejoin", "opacity"];

  /** The paint layer as a stand-alone SVG image (its CSS written onto each element, as an image has no stylesheet). */
  function paintLayerImage(width, height) {
    var svg = paintLayer(), clone = svg.cloneNode(true), original = svg.querySelectorAll("*"), copies = clone.querySelectorAll("*");
    for (var i = 0; i < original.length; i++) {
      var style = getComputedStyle(original[i]);
      INLINE.forEach(function (name) { copies[i].setAttribute(name, style.getPropertyValue(name)); });
      if (copies[i].getAttribute("fill") && copies[i].getAttribute("fill").indexOf("url(") === 0) {
        copies[i].setAttribute("fill", copies[i].getAttribute("fill").replace(/url\("?[^#]*#([^")]+)"?\)/, "url(#$1)"));
      }
    }
    clone.setAttribute("width", width);
    clone.setAttribute("height", height);
    clone.setAttribute("xmlns", SVG);
    var text = new XMLSerializer().serializeToString(clone);
    return "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
  }

  function loadImage(source) {
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () { resolve(image); };
      image.onerror = reject;
      image.src = source;
    });
  }

  /** A PNG of the map as shown: the body, the painted zones and (unless `dots` is false) the dots. */
  tpx.mapPicture = function (dots) {
    var l = tpx.layers(), rect = l.stage.getBoundingClientRect(), scale = 2;
    var width = Math.round(rect.width), height = Math.round(rect.height);
    var shots = [Plotly.toImage(l.base, { format: "png", width: width, height: height, scale: scale }), Promise.resolve(paintLayerImage(width, height))];
    if (dots !== false && markersShown()) { shots.push(Plotly.toImage(l.markers, { format: "png", width: width, height: height, scale: scale })); }
    return Promise.all(shots).then(function (sources) { return Promise.all(sources.map(loadImage)); }).then(function (images) {
      var canvas = document.createElement("canvas");
      canvas.width = width * scale; canvas.height = height * scale;
      var context = canvas.getContext("2d");
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      images.forEach(function (image) { context.drawImage(image, 0, 0, canvas.width, canvas.height); });
      return canvas.toDataURL("image/png");
    });
  };

  /** Fill in the handout's picture and date, then open the browser's print dialog. */
  tpx.printHandout = function () {
    var done = function () { window.print(); };
    var date = document.querySelector("[data-print-date]");
    if (date) { date.textContent = new Date().toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" }); }
    var image = document.querySelector("[data-print-map]");
    if (!image || !tpx.ready()) { done(); return Promise.resolve(); }
    return tpx.mapPicture(false).then(function (png) { image.src = png; return new Promise(function (resolve) { image.onload = resolve; }); }).then(done, done);
  };

  /** Download the map as shown as a PNG file. */
  tpx.savePicture = function () {
    return tpx.mapPicture(true).then(function (png) {
      var link = document.createElement("a");
      link.href = png;
      link.download = "trigger-point-map.png";
      document.body.appendChild(link);
      link.click();
      link.remove();
      return png;
    });
  };

  // ------------------------------------------------------------------ the phone's result sheet

  var sheet = { dismissed: false, wanted: false };

  // ------------------------------------------------------------------ keyboard and the map's words

  var keys = { cursor: null }; // the target the keyboard is on: {hit, x, y (client pixels), cx, cy (canvas), name}

  /** A point inside ring `b` of ringBoxes, near the middle of its box (null for a sliver too thin to find one). */
  function insidePoint(b) {
    var cx = (b[3] + b[4]) / 2, cy = (b[5] + b[6]) / 2, best = null, bestDistance = Infinity;
    for (var i = 1; i < 8; i++) {
      for (var j = 1; j < 8; j++) {
        var x = b[3] + ((b[4] - b[3]) * i) / 8, y = b[5] + ((b[6] - b[5]) * j) / 8, d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
        if (d < bestDistance && insideRing(b, x, y)) { best = [x, y]; bestDistance = d; }
      }
    }
    return best;
  }

  var areaPoints = {}; // view id -> [[region key, x, y], ...] in canvas units: the areas the keyboard visits

  function areasOf(viewId) {
    if (areaPoints[viewId]) { return areaPoints[viewId]; }
    if (!ringBoxes) { buildRingBoxes(); }
    var w = windowOf(viewId), out = [];
    ringBoxes.forEach(function (b) {
      if (w && (b[4] < w[0] || b[3] > w[1] || b[6] < w[2] || b[5] > w[3])) { return; }
      var c = insidePoint(b);
      if (c && (!w || (c[0] >= w[0] && c[0] <= w[1] && c[1] >= w[2] && c[1] <= w[3]))) { out.push([b[0], c[0], c[1]]); }
    });
    return (areaPoints[viewId] = out);
  }

  /** What the keyboard can reach now: the dots when they are shown, otherwise the areas of the view. */
  tpx.keyTargets = function () {
    var dots = tpx.visibleDots();
    if (dots.length) {
      return dots.map(function (d) { var c = tpx.toCanvas(d[1], d[2]); return { hit: { dot: d[0] }, x: d[1], y: d[2], cx: c[0], cy: c[1], name: d[3] }; });
    }
    return areasOf(currentView()).map(function (a) {
      var p = tpx.toClient(a[1], a[2]);
      return { hit: { region: a[0], x: a[1], y: a[2] }, x: p[0], y: p[1], cx: a[1], cy: a[2], name: tpx.index.names[a[0]] || a[0] };
    });
  };

  /** The target nearest `from` in an arrow's direction (dx, dy): ahead of it, and the less sideways the better. */
  tpx.nextTarget = function (targets, from, dx, dy) {
    var best = null, bestScore = Infinity;
    targets.forEach(function (t) {
      var ahead = (t.x - from.x) * dx + (t.y - from.y) * dy;
      var aside = Math.abs((t.x - from.x) * dy - (t.y - from.y) * dx);
      if (ahead < 1 || aside > ahead * 2.5) { return; }
      var score = ahead + aside * 3;
      if (score < bestScore) { best = t; bestScore = score; }
    });
    return best;
  };

  function readingOrder(targets) {
    return targets.slice().sort(function (a, b) { return Math.abs(a.y - b.y) > 12 ? a.y - b.y : a.x - b.x; });
  }

  // compared in canvas units: the page may have scrolled since the last key
  function sameTarget(a, b) {
    return !!(a && b) && a.hit.dot === b.hit.dot && a.hit.region === b.hit.region && Math.abs(a.cx - b.cx) < 0.5 && Math.abs(a.cy - b.cy) < 0.5;
  }

  /** Where the keyboard starts: the selected dot, else the first target in reading order. */
  function startTarget(targets) {
    var s = tpx.state || {}, chosen = s.tp ? s.tp + "|" + (s.side === "left" ? "left" : "right") : null;
    return targets.filter(function (t) { return chosen && t.hit.dot === chosen; })[0] || readingOrder(targets)[0] || null;
  }

  function describeTarget(t) {
    var s = tpx.state || {};
    if (t.hit.dot) { return t.name + ". Enter shows where it refers pain."; }
    if (tpx.isNavigator(s)) { return t.name + ". Enter zooms in here."; }
    var marked = s.quiz ? (s.marks || []).indexOf(t.hit.region) >= 0 : (s.pain || []).indexOf(t.hit.region) >= 0;
    if (s.mode === "pain" || (s.quiz === "paint-zone" && !s.checked)) { return t.name + (marked ? ", marked. Enter unmarks it." : ". Enter marks it."); }
    return t.name + ". Enter lists the trigger points that can send pain here.";
  }

  function showCursor(t) {
    var stage = tpx.layers().stage, ring = document.getElementById("key-cursor");
    if (!ring) {
      ring = document.createElement("div");
      ring.id = "key-cursor"; ring.className = "key-cursor"; ring.setAttribute("aria-hidden", "true");
      stage.appendChild(ring);
    }
    keys.cursor = t;
    if (!t) { ring.hidden = true; return; }
    var rect = stage.getBoundingClientRect();
    ring.hidden = false;
    ring.style.left = (t.x - rect.left) + "px";
    ring.style.top = (t.y - rect.top) + "px";
    var label = document.getElementById("stage-pointer");
    if (label) { label.textContent = describeTarget(t); }
  }

  /** Arrow keys move between targets, Home and End go to the first and last, Enter or Space chooses. */
  function onStageKey(event) {
    var moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    var key = event.key, targets;
    if (!(key in moves) && ["Home", "End", "Enter", " "].indexOf(key) < 0) { return; }
    if (!tpx.ready()) { return; }
    event.preventDefault();
    tpx.layers().stage.classList.add("keying");
    targets = tpx.keyTargets();
    if (!targets.length) { return; }
    var current = targets.filter(function (t) { return sameTarget(t, keys.cursor); })[0];
    if (key === "Enter" || key === " ") {
      if (!current) { showCursor(startTarget(targets)); return; }
      var hit = current.hit, state = tpx.state || {};
      if (hit.region && tpx.isNavigator(state)) {
        var view = tpx.focusViewFor(hit.region, hit.x, hit.y);
        if (!view) { return; }
        hit = { navigate: view };
      }
      tpx.commit(tpx.afterTap(state, hit));
      // the view may have changed: stay on the same target if it is still there
      var after = tpx.keyTargets();
      showCursor(after.filter(function (t) { return t.hit.dot === current.hit.dot && t.hit.region === current.hit.region; })[0] || startTarget(after));
      return;
    }
    if (!current) { showCursor(startTarget(targets)); return; }
    if (key === "Home" || key === "End") {
      var ordered = readingOrder(targets);
      showCursor(key === "Home" ? ordered[0] : ordered[ordered.length - 1]);
      return;
    }
    var next = tpx.nextTarget(targets, current, moves[key][0], moves[key][1]);
    if (next) { showCursor(next); return; }
    var label = document.getElementById("stage-pointer");
    if (label) { label.textContent = current.name + ". Nothing further " + { ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down" }[key] + "."; }
  }

  function onStageFocus() {
    if (!tpx.ready() || keys.cursor) { return; }
    var label = document.getElementById("stage-pointer");
    if (label) { label.textContent = "Body map: arrow keys move between " + (tpx.visibleDots().length ? "trigger points" : "body areas") + ", Enter chooses."; }
  }

  function onStageBlur() {
    keys.cursor = null;
    var ring = document.getElementById("key-cursor");
    if (ring) { ring.hidden = true; }
    tpx.layers().stage.classList.remove("keying");
  }

  /** The map in words, for screen readers (the stage's description): the view, and what is lit or marked on it. */
  tpx.mapSummary = function (state) {
    var s = state || {}, view = tpx.index.views[currentView()], parts = [];
    var name = function (k) { return tpx.index.names[k] || k; };
    parts.push("View: " + (view ? view.label : "") + ".");
    var lit = tpx.overlayKeys(s);
    if (s.mode === "pain") { parts.push(s.pain && s.pain.length ? "Marked as painful: " + s.pain.map(name).join("; ") + "." : "No area marked yet."); }
    if (s.region && s.mode !== "pain") { parts.push("Chosen area: " + name(s.region) + "."); }
    if (s.quiz === "paint-zone") { parts.push((s.marks || []).length ? "Painted: " + s.marks.map(name).join("; ") + "." : "Nothing painted yet."); }
    if (lit.essential.length) { parts.push("Lit strongly (main zone): " + lit.essential.map(name).join("; ") + "."); }
    if (lit.spillover.length) { parts.push("Lit lightly (sometimes also): " + lit.spillover.map(name).join("; ") + "."); }
    (s.compare || []).forEach(function (key, i) { parts.push("Pattern " + (i + 1) + ": " + (dotLabel(key) || key) + "."); });
    if (lit.overlap.length) { parts.push("Where the patterns meet: " + lit.overlap.map(name).join("; ") + "."); }
    if (!s.quiz && s.mode !== "pain") { parts.push(tpx.visibleDots().length + " trigger points shown as dots."); }
    return parts.join(" ");
  };

  function describeMap() {
    var summary = document.getElementById("stage-summary");
    if (summary) { summary.textContent = tpx.mapSummary(tpx.state); }
  }

  function sheetElement() { return document.getElementById("phone-sheet"); }

  function showSheet() {
    var el = sheetElement();
    if (!el) { return; }
    var open = isNarrow() && sheet.wanted && !sheet.dismissed && el.children.length > 0;
    el.hidden = !open;
    document.body.classList.toggle("sheet-open", open);
  }

  function onSheetAction(action) {
    if (action === "details") {
      sheet.dismissed = true; showSheet();
      var panel = document.querySelector(".panel");
      if (panel) { panel.scrollIntoView({ behavior: "smooth", block: "start" }); }
    } else if (action === "body") {
      tpx.commit(Object.assign(copy(tpx.state), { view: tpx.index.defaultViews.narrow }));
      var stage = tpx.layers().stage;
      if (stage) { stage.scrollIntoView({ behavior: "smooth", block: "center" }); }
    } else if (action === "close") {
      sheet.dismissed = true; showSheet();
    }
  }

  function watchSheet() {
    var el = sheetElement();
    if (!el) { setTimeout(watchSheet, 200); return; }
    new MutationObserver(showSheet).observe(el, { childList: true });
  }

  function install() {
    document.addEventListener("pointerdown", function (e) { if (e.target.closest && e.target.closest("#stage")) { onPointerDown(e); } }, true);
    document.addEventListener("pointerup", function (e) { if (e.target.closest && e.target.closest("#stage")) { onPointerUp(e); } }, true);
    document.addEventListener("pointermove", function (e) { if (e.target.closest && e.target.closest("#stage")) { onPointerMove(e); } }, true);
    document.addEventListener("pointerleave", function (e) { if (e.target && e.target.id === "stage") { onPointerLeave(); } }, true);
    document.addEventListener("click", onDocumentClick);
    document.addEventListener("keydown", function (e) { if (e.target && e.target.id === "stage") { onStageKey(e); } });
    document.addEventListener("focusin", function (e) { if (e.target && e.target.id === "stage") { onStageFocus(); } });
    document.addEventListener("focusout", function (e) { if (e.target && e.target.id === "stage") { onStageBlur(); } });
    document.addEventListener("pointerdown", function (e) { var st = document.getElementById("stage"); if (st) { st.classList.remove("keying"); } }, true);
    document.addEventListener("mouseover", onDocumentOver);
    document.addEventListener("mouseout", onDocumentOut);
    window.addEventListener("resize", function () { painted.view = null; painted.markers = null; if (tpx.state) { tpx.apply(tpx.state); } showSheet(); });
    watchSheet();
  }
  install();

  // ------------------------------------------------------------------ Dash clientside callbacks

  var noUpdate = function () { return window.dash_clientside.no_update; };

  window.dash_clientside = window.dash_clientside || {};
  window.dash_clientside.tpx = {
    /** STATE store changed (from the address, a control, or a tap): paint it. */
    apply: function (state, index) {
      if (index && (!tpx.index || tpx.index.version !== index.version)) { tpx.index = index; ringBoxes = null; areaPoints = {}; }
      if (state) { tpx.apply(state); }
      return noUpdate();
    },
    /** A control changed: the new state, or no_update when it is the one shown. */
    control: function (tpValue, painValue, mode, view, clearClicks, audience, state) {
      var triggered = (window.dash_clientside.callback_context.triggered || [])[0];
      if (!triggered || !state) { return noUpdate(); }
      var id = triggered.prop_id.split(".")[0];
      var control = { "tp-search": "tp", "pain-select": "add-pain", "mode-switch": "mode", "view-select": "view", "clear-button": "clear", "audience-switch": "audience" }[id];
      var value = { tp: tpValue, "add-pain": painValue, mode: mode, view: view, clear: clearClicks, audience: audience }[control];
      if ((control === "clear" && !clearClicks) || (control === "add-pain" && !painValue)) { return noUpdate(); }
      var next = tpx.afterControl(state, control, value);
      if (control === "add-pain") { window.dash_clientside.set_props("pain-select", { value: null }); }
      sheet.dismissed = false; sheet.wanted = control !== "audience" && control !== "view";
      if (sameState(next, state)) { return noUpdate(); }
      tpx.apply(next);
      return next;
    },
    /** Which page the path asks for: [learn page hidden, map hidden]. */
    page: function (pathname) {
      var learn = /\/learn\/?$/.test(pathname || "");
      if (learn) { window.scrollTo(0, 0); }
      return [!learn, learn];
    },
    /** The server's address for this screen: write it to the history without reloading. */
    address: function (query) {
      if (typeof query !== "string") { return noUpdate(); }
      var target = window.location.pathname + query;
      if (target !== window.location.pathname + window.location.search) { window.history.pushState({}, "", target); }
      return noUpdate();
    }
  };
})();
