"""Headless Chromium measurements of the running app, taken from outside as a user's browser sees them.

Clicks are trusted pointer events sent through the DevTools protocol. A click's time runs from the
capture-phase `pointerdown` to the animation frame after the last change inside a Plotly graph
(hover labels ignored), or inside the side panel; the screen has settled when nothing changed for
300 ms. Marker pixel positions come from Plotly's own axes, so the harness needs no app internals
beyond the marker trace's `customdata` ("trigger_point_id|side") and the address it writes.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SETTLE_MS = 300
PANEL_SELECTOR = ".panel"

# Installed before any page script runs: stamps the first paint of a marker and every later change.
PROBE_JS = r"""
(() => {
  const probe = window.__probe = {t0: 0, paint: 0, panel: 0, markersAt: 0, requests: 0, bytes: 0};
  document.addEventListener('pointerdown', () => {
    probe.t0 = performance.now(); probe.paint = 0; probe.panel = 0; probe.requests = 0; probe.bytes = 0;
  }, true);
  const panelSelector = __PANEL__;
  const observer = new MutationObserver((mutations) => {
    let plot = false, panel = false;
    for (const m of mutations) {
      const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
      if (!el || el.closest('.hoverlayer')) continue;
      if (el.closest('.js-plotly-plot')) plot = true;
      else if (el.closest(panelSelector)) panel = true;
    }
    if (!plot && !panel) return;
    requestAnimationFrame(() => {
      const now = performance.now();
      if (plot) {
        probe.paint = now;
        if (!probe.markersAt && document.querySelector('.js-plotly-plot .scatterlayer .point')) probe.markersAt = now;
      }
      if (panel) probe.panel = now;
    });
  });
  const start = () => observer.observe(document.documentElement, {subtree: true, childList: true, attributes: true, characterData: true});
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (probe.t0 && entry.startTime >= probe.t0 && entry.initiatorType !== 'img') {
        probe.requests += 1; probe.bytes += entry.transferSize || entry.encodedBodySize || 0;
      }
    }
  }).observe({type: 'resource', buffered: false});
})();
""".replace("__PANEL__", json.dumps(PANEL_SELECTOR))

# Every trigger point marker on screen: [graph element index, customdata, client x, client y].
MARKERS_JS = r"""
const out = [];
const graphs = Array.from(document.querySelectorAll('.js-plotly-plot'));
graphs.forEach((gd, gi) => {
  if (!gd._fullLayout || !gd.data) return;
  const style = getComputedStyle(gd.closest('[id]') || gd);
  if (style.visibility === 'hidden' || style.display === 'none') return;
  gd.data.forEach((trace, ti) => {
    if (!trace.customdata || !String(trace.mode || '').includes('markers') || trace.visible === false) return;
    const full = gd._fullData[ti];
    const xa = gd._fullLayout[(full.xaxis || 'x').replace('x', 'xaxis')], ya = gd._fullLayout[(full.yaxis || 'y').replace('y', 'yaxis')];
    const rect = gd.getBoundingClientRect();
    const xs = Array.from(trace.x), ys = Array.from(trace.y), cd = Array.from(trace.customdata);
    for (let i = 0; i < cd.length; i++) {
      if (typeof cd[i] !== 'string' || cd[i].indexOf('|') < 0) continue;
      const px = rect.left + xa._offset + xa.l2p(xs[i]), py = rect.top + ya._offset + ya.l2p(ys[i]);
      // only dots inside the plot area are drawn (Plotly clips the rest)
      if (xa.l2p(xs[i]) < 0 || xa.l2p(xs[i]) > xa._length || ya.l2p(ys[i]) < 0 || ya.l2p(ys[i]) > ya._length) continue;
      out.push([gi, cd[i], px, py]);
    }
  });
});
return out;
"""


# True when Plotly's hover data on that graph names the target marker (or the app keeps no hover data).
HOVERED_JS = r"""
const gd = document.querySelectorAll('.js-plotly-plot')[arguments[0]];
if (!gd || !gd._fullLayout || gd._fullLayout.hovermode === false) return true;
return (gd._hoverdata || []).some(p => p.customdata === arguments[1] || (p.data && p.data.customdata && p.data.customdata[p.pointNumber] === arguments[1]));
"""


# The map can be clicked: the app says so (data-map-ready); any other page: its first dot is drawn.
READY_JS = (
    "return document.documentElement.getAttribute('data-map-ready') === 'true'"
    " || (!window.tpx && !!document.querySelector('.js-plotly-plot .scatterlayer .point'))"
)


def make_driver(width: int = 1440, height: int = 900, mobile: bool = False, perf_log: bool = False) -> webdriver.Chrome:
    """Headless Chromium as the probe machine runs it: no background networking, a fresh profile."""
    options = Options()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--hide-scrollbars",
    ):
        options.add_argument(arg)
    if mobile:
        options.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 3.0, "touch": True}}
        )
    else:
        options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"} if perf_log else {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    if not mobile:
        # the window size includes the browser's own bars; the page should see exactly width x height
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE_JS})
    return driver


@dataclass
class FirstLoad:
    """A cold load of the page: what crossed the wire and when the map could be clicked."""

    requests: int
    transferred_bytes: int
    decoded_bytes: int
    clickable_ms: float
    by_url: dict[str, int] = field(default_factory=dict)


def first_load(url: str, ready_js: str = "return !!document.querySelector('.js-plotly-plot .scatterlayer .point')") -> FirstLoad:
    """Load `url` in a fresh browser (cold cache) and count bytes until the page is quiet."""
    driver = make_driver(perf_log=True)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        driver.get(url)
        _wait(lambda: driver.execute_script(ready_js), timeout=20)
        _wait_quiet(driver)
        # the app marks the moment its map takes taps; any other page: when the first dot was drawn
        clickable = driver.execute_script(
            "const mark = performance.getEntriesByName('map-ready')[0]; return mark ? mark.startTime : (window.__probe.markersAt || 0);"
        )
        requests: dict[str, dict] = {}
        for entry in driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.responseReceived":
                requests.setdefault(params["requestId"], {})["url"] = params["response"]["url"]
            elif message["method"] == "Network.loadingFinished":
                requests.setdefault(params["requestId"], {})["bytes"] = params.get("encodedDataLength", 0)
            elif message["method"] == "Network.dataReceived":
                item = requests.setdefault(params["requestId"], {})
                item["decoded"] = item.get("decoded", 0) + params.get("dataLength", 0)
        done = {k: v for k, v in requests.items() if "url" in v and not v["url"].startswith("data:")}
        return FirstLoad(
            requests=len(done),
            transferred_bytes=sum(v.get("bytes", 0) for v in done.values()),
            decoded_bytes=sum(v.get("decoded", 0) for v in done.values()),
            clickable_ms=float(clickable),
            by_url={urlparse(v["url"]).path: v.get("bytes", 0) for v in done.values()},
        )
    finally:
        driver.quit()


@dataclass
class Click:
    """One click on a marker: how long until the zones and the panel had changed, and what was selected."""

    target: str
    selected: str
    paint_ms: float
    panel_ms: float
    requests: int
    bytes: int

    @property
    def exact(self) -> bool:
        return self.target == self.selected


def click_markers(url: str, count: int = 100, width: int = 1440, height: int = 900, selected_js: str | None = None, seed: int = 7) -> list[Click]:
    """Click `count` different trigger point markers spread over every graph and time each click."""
    driver = make_driver(width, height)
    try:
        driver.get(url)
        _wait(lambda: driver.execute_script(READY_JS), 20)
        _wait_quiet(driver)
        targets = _spread_targets(driver, count, seed)
        clicks = []
        for graph_index, target in targets:
            clicks.append(_click_one(driver, graph_index, target, selected_js))
        return clicks
    finally:
        driver.quit()


def _spread_targets(driver, count: int, seed: int = 7) -> list[tuple[int, str]]:
    """Round-robin over the graphs, in a seeded random order within each, so every view gets clicks; each target once."""
    rng = random.Random(seed)
    by_graph: dict[int, list[str]] = {}
    for graph_index, customdata, _x, _y in _markers_on_page(driver):
        by_graph.setdefault(graph_index, []).append(customdata)
    for queue in by_graph.values():
        rng.shuffle(queue)
    order: list[tuple[int, str]] = []
    while len(order) < count and any(by_graph.values()):
        for graph_index, queue in by_graph.items():
            if queue and len(order) < count:
                order.append((graph_index, queue.pop()))
    return order


def _markers_on_page(driver) -> list:
    driver.execute_script("window.scrollTo({top: 0, behavior: 'instant'})")
    found = []
    seen = set()
    height = driver.execute_script("return document.documentElement.scrollHeight")
    view = driver.execute_script("return window.innerHeight")
    for top in range(0, max(1, height), max(200, view - 100)):
        driver.execute_script("window.scrollTo({top: arguments[0], behavior: 'instant'})", top)
        time.sleep(0.1)
        for graph_index, customdata, x, y in driver.execute_script(MARKERS_JS):
            if customdata not in seen:
                seen.add(customdata)
                found.append((graph_index, customdata, x, y))
    return found


def _locate(driver, graph_index: int, customdata: str) -> tuple[float, float] | None:
    for g, c, x, y in driver.execute_script(MARKERS_JS):
        if g == graph_index and c == customdata:
            return x, y
    return None


def _click_one(driver, graph_index: int, target: str, selected_js: str | None) -> Click:
    point = _locate(driver, graph_index, target)
    viewport = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    if point is not None and not (8 <= point[1] <= viewport[1] - 8):
        driver.execute_script("window.scrollBy({top: arguments[0], behavior: 'instant'})", point[1] - viewport[1] / 2)
        time.sleep(0.15)
        point = _locate(driver, graph_index, target)
    if point is None:
        return Click(target, "", float("nan"), float("nan"), 0, 0)
    x, y = point
    for attempt in range(6):
        # Move as a hand does, then wait for Plotly's hover (throttled to 50 ms) to name the marker.
        _mouse(driver, "mouseMoved", x + (attempt % 2) * 0.5, y)
        time.sleep(0.12)
        if driver.execute_script(HOVERED_JS, graph_index, target):
            break
    driver.execute_script("window.__probe.t0 = 0;")
    _mouse(driver, "mousePressed", x, y)
    _mouse(driver, "mouseReleased", x, y)
    _wait_quiet(driver)
    probe = driver.execute_script("return window.__probe")
    selected = driver.execute_script(selected_js) if selected_js else _selected_from_address(driver.current_url)
    t0 = probe["t0"]
    paint = probe["paint"] - t0 if probe["paint"] > t0 else float("nan")
    panel = probe["panel"] - t0 if probe["panel"] > t0 else float("nan")
    return Click(target, selected or "", paint, panel, probe["requests"], probe["bytes"])


def _selected_from_address(url: str) -> str:
    query = parse_qs(urlparse(url).query)
    tp = query.get("tp", [""])[0]
    side = query.get("side", ["right"])[0]
    return f"{tp}|{side}" if tp else ""


def _mouse(driver, kind: str, x: float, y: float) -> None:
    params = {"type": kind, "x": x, "y": y, "button": "left" if kind != "mouseMoved" else "none", "buttons": 1 if kind == "mousePressed" else 0}
    if kind in ("mousePressed", "mouseReleased"):
        params["clickCount"] = 1
    driver.execute_cdp_cmd("Input.dispatchMouseEvent", params)


def _wait(condition, timeout: float = 10.0) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if condition():
            return
        time.sleep(0.05)
    raise TimeoutError("the page did not get ready in time")


def _wait_quiet(driver, quiet_ms: int = SETTLE_MS, timeout: float = 5.0) -> None:
    """Wait until nothing changed in a graph or the panel for `quiet_ms`."""
    end = time.time() + timeout
    while time.time() < end:
        idle = driver.execute_script("const p = window.__probe; return performance.now() - Math.max(p.paint, p.panel, p.t0);")
        if idle >= quiet_ms:
            return
        time.sleep(0.05)


def summary(values: list[float]) -> dict:
    """Median, p95 and max of the finite values."""
    finite = sorted(v for v in values if v == v)
    if not finite:
        return {"n": 0, "median": None, "p95": None, "max": None}
    p95 = finite[min(len(finite) - 1, int(round(0.95 * (len(finite) - 1))))]
    return {"n": len(finite), "median": round(statistics.median(finite), 1), "p95": round(p95, 1), "max": round(finite[-1], 1)}
