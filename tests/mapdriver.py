"""Driving the map in a real browser: trusted pointer events on dots and regions, and reading what was painted."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

from selenium.webdriver.common.action_chains import ActionChains

from explorer import ids

READY = "return !!(window.tpx && tpx.ready() && tpx.readyAt && document.getElementById('stage-paint'))"


def wait(condition, timeout: float = 6.0, message: str = "condition not met in time"):
    """Poll until condition() is truthy; return its value."""
    end = time.time() + timeout
    while time.time() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(message)


def open_page(duo, query: str = "", path: str = "/") -> None:
    """Load a screen and wait until the map can be tapped."""
    duo.driver.get(duo.server_url + path + query)
    wait(lambda: duo.driver.execute_script(READY), timeout=15, message="the map never became ready")


def state(duo) -> dict:
    """The screen state the browser holds."""
    return duo.driver.execute_script("return tpx.state")


def query(duo) -> dict:
    """The address's parameters."""
    return {k: v[0] for k, v in parse_qs(urlparse(duo.driver.current_url).query).items()}


def dot_point(duo, key: str) -> tuple[float, float] | None:
    """Client pixel position of a visible dot ('trigger_point_id|side'), or None."""
    for dot_key, x, y, _label in duo.driver.execute_script("return tpx.visibleDots()"):
        if dot_key == key:
            return x, y
    return None


def scroll_stage_into_view(duo) -> None:
    duo.driver.execute_script(f"document.getElementById('{ids.STAGE}').scrollIntoView({{block: 'center', behavior: 'instant'}});")
    time.sleep(0.05)


def cdp_tap(duo, x: float, y: float) -> None:
    """A trusted mouse click at client coordinates (DevTools input events)."""
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        params = {
            "type": kind,
            "x": x,
            "y": y,
            "button": "none" if kind == "mouseMoved" else "left",
            "buttons": 1 if kind == "mousePressed" else 0,
        }
        if kind != "mouseMoved":
            params["clickCount"] = 1
        duo.driver.execute_cdp_cmd("Input.dispatchMouseEvent", params)


def touch_tap(duo, x: float, y: float) -> None:
    """A trusted finger tap at client coordinates (DevTools touch events)."""
    point = [{"x": x, "y": y, "radiusX": 6, "radiusY": 6, "force": 1}]
    duo.driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
    duo.driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def tap_dot(duo, key: str, touch: bool = False) -> None:
    """Tap a dot where it is drawn, as a person does (pointer moved there first)."""
    scroll_stage_into_view(duo)
    point = dot_point(duo, key)
    assert point is not None, f"dot {key} is not on screen"
    if touch:
        touch_tap(duo, *point)
    else:
        ActionChains(duo.driver).move_to_location(int(round(point[0])), int(round(point[1]))).pause(0.05).click().perform()


def tap_canvas(duo, x: float, y: float, touch: bool = False) -> None:
    """Tap a canvas point (the map's own coordinates)."""
    scroll_stage_into_view(duo)
    cx, cy = duo.driver.execute_script("return tpx.toClient(arguments[0], arguments[1])", x, y)
    if touch:
        touch_tap(duo, cx, cy)
    else:
        ActionChains(duo.driver).move_to_location(int(round(cx)), int(round(cy))).pause(0.05).click().perform()


def region_canvas_point(atlas, drawing: str, region_id: str, side: str) -> tuple[float, float]:
    """A point well inside a region of a drawing, in canvas coordinates."""
    from explorer.figures.canvas import placement

    shape = max(
        (s for s in atlas.drawings[drawing].shapes if s.region_id == region_id and s.side in (side, "midline")),
        key=lambda s: s.polygon.area,
    )
    inner = shape.polygon.buffer(-1.2)
    point = (inner if not inner.is_empty else shape.polygon).representative_point()
    return placement(drawing).point(point.x, point.y)


def painted_starts(duo, layer: str) -> list[tuple[float, float]]:
    """The first point of every ring painted on an overlay layer (canvas coordinates), sorted."""
    points = duo.driver.execute_script(
        "var d = document.querySelector('#stage-paint [data-layer=\"' + arguments[0] + '\"]').getAttribute('d') || '';"
        "return (d.match(/M[^L]*/g) || []).map(function (m) { var p = m.slice(1).trim().split(' '); return [+p[0], -p[1]]; });",
        layer,
    )
    return sorted((round(x, 1), round(y, 1)) for x, y in points)


def expected_starts(atlas, keys) -> list[tuple[float, float]]:
    """The first point of every ring of the given region keys, sorted: what the browser should paint."""
    from explorer.figures import stage

    rings = stage.rings(atlas)
    return sorted((round(rings.x[start], 1), round(rings.y[start], 1)) for key in keys for start, _end in rings.slices.get(key, []))


class PhoneDuo:
    """The parts of dash_duo these tests use, on a Chromium that emulates a 390 x 844 touch phone."""

    def __init__(self, server_url: str) -> None:
        from bench.browser import make_driver

        self.server_url = server_url.rstrip("/")
        self.driver = make_driver(390, 844, mobile=True)

    def find_element(self, selector: str):
        return self.driver.find_element("css selector", selector)

    def find_elements(self, selector: str):
        return self.driver.find_elements("css selector", selector)

    def wait_for_element(self, selector: str, timeout: float = 5.0):
        return wait(lambda: self.find_elements(selector) and self.find_elements(selector)[0], timeout, f"no {selector}")

    def get_logs(self) -> list:
        return [entry for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]
