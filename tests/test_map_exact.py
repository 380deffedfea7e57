"""The map in a real browser is exact: it paints what the Python domain lights, and every dot can be hit."""

from __future__ import annotations

import pytest

from explorer.app import create_app
from explorer.domain.patterns import ESSENTIAL, lit_regions, region_key
from tests.mapdriver import expected_starts, open_page, scroll_stage_into_view

pytestmark = pytest.mark.browser

PAINT_EVERY_PATTERN = r"""
var out = {}, base = Object.assign({}, tpx.state, {mode: 'explore', pain: [], region: null});
function starts(layer) {
  var d = document.querySelector('#stage-paint [data-layer="' + layer + '"]').getAttribute('d') || '';
  return (d.match(/M[^L]*/g) || []).map(function (m) { var p = m.slice(1).trim().split(' '); return [+p[0], -p[1]]; });
}
Object.keys(tpx.index.muscleOf).forEach(function (tp) {
  ['right', 'left', 'both'].forEach(function (side) {
    tpx.apply(Object.assign({}, base, {tp: tp, side: side}));
    out[tp + '|' + side] = [starts('essential'), starts('spillover')];
  });
});
tpx.apply(base);
return out;
"""


@pytest.fixture
def map_duo(dash_duo, atlas):
    dash_duo.driver.set_window_size(1440, 1000)
    dash_duo.start_server(create_app(atlas=atlas))
    open_page(dash_duo)
    return dash_duo


def test_mx001_the_browser_paints_exactly_what_the_domain_lights_for_every_trigger_point_and_side(map_duo, atlas):
    painted = map_duo.driver.execute_script(PAINT_EVERY_PATTERN)
    assert len(painted) == 3 * len(atlas.trigger_points)
    wrong = []
    for key, (essential, spillover) in painted.items():
        tp_id, side = key.split("|")
        lit = lit_regions(atlas, tp_id, side)
        want_essential = expected_starts(atlas, [region_key(r.region_id, r.side) for r in lit if r.zone == ESSENTIAL])
        want_spillover = expected_starts(atlas, [region_key(r.region_id, r.side) for r in lit if r.zone != ESSENTIAL])
        got_essential = sorted((round(x, 1), round(y, 1)) for x, y in essential)
        got_spillover = sorted((round(x, 1), round(y, 1)) for x, y in spillover)
        if got_essential != want_essential or got_spillover != want_spillover:
            wrong.append(key)
    assert wrong == []


CLICK_RESULT = "return tpx.state && tpx.state.tp ? tpx.state.tp + '|' + tpx.state.side : null"
WHERE_IS = """
var stage = document.getElementById('stage'), r = stage.getBoundingClientRect();
if (r.top < 0 || r.bottom > window.innerHeight) { stage.scrollIntoView({block: 'center', behavior: 'instant'}); }
var key = arguments[0], d = tpx.visibleDots().filter(function (dot) { return dot[0] === key; })[0];
return [d[1], d[2]];
"""


def _click(duo, x: float, y: float) -> None:
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        params = {"type": kind, "x": x, "y": y, "button": "none" if kind == "mouseMoved" else "left", "buttons": 1 if kind == "mousePressed" else 0}
        if kind != "mouseMoved":
            params["clickCount"] = 1
        duo.driver.execute_cdp_cmd("Input.dispatchMouseEvent", params)


def _settled_dots(duo) -> list:
    """The visible dots once the stage has finished resizing to the view's shape."""
    import time

    previous = None
    for _ in range(40):
        dots = duo.driver.execute_script("return tpx.visibleDots()")
        if dots == previous:
            return dots
        previous = dots
        time.sleep(0.15)
    return previous or []


def test_mx002_every_dot_of_every_view_selects_itself(map_duo, atlas):
    missed: list[tuple[str, str, str]] = []
    clicked = 0
    for view_id in atlas.views:
        map_duo.driver.execute_script("tpx.commit(Object.assign({}, tpx.state, {view: arguments[0], tp: null, region: null}))", view_id)
        scroll_stage_into_view(map_duo)
        keys = [dot[0] for dot in _settled_dots(map_duo)]
        for key in keys:
            # where the dot is now: the panel's answer to the last click may have moved the page
            x, y = map_duo.driver.execute_script(WHERE_IS, key)
            _click(map_duo, x, y)
            clicked += 1
            selected = map_duo.driver.execute_script(CLICK_RESULT)
            if selected != key:
                missed.append((view_id, key, selected))
    assert clicked > 1000
    assert missed == []
