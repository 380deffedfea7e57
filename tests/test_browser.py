"""Real-browser tests (headless Chromium through dash_duo): what a person does with the map."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from explorer import ids
from explorer.app import create_app
from explorer.domain.patterns import lit_regions
from explorer.domain.ranking import rank
from explorer.figures import BODY_SHEET, ESSENTIAL_TRACE, HEAD_SHEET
from explorer.panels import region_name

pytestmark = pytest.mark.browser

TO_PIXELS = """
const [graphId, x, y] = arguments;
const gd = document.querySelector('#' + graphId + ' .js-plotly-plot');
const fl = gd._fullLayout;
const rect = gd.getBoundingClientRect();
return [rect.left + fl._size.l + fl.xaxis.l2p(x), rect.top + fl._size.t + fl.yaxis.l2p(y)];
"""


@pytest.fixture
def app_duo(dash_duo, atlas):
    dash_duo.driver.set_window_size(1400, 2200)
    dash_duo.start_server(create_app(atlas=atlas))
    dash_duo.wait_for_element(f"#{ids.BODY_GRAPH} .js-plotly-plot .main-svg", timeout=10)
    return dash_duo


def _open(duo, query: str) -> None:
    duo.driver.get(duo.server_url + "/" + query)
    duo.wait_for_element(f"#{ids.BODY_GRAPH} .js-plotly-plot .main-svg", timeout=10)
    time.sleep(0.5)


def _click_at(duo, graph_id: str, x: float, y: float) -> None:
    duo.driver.execute_script(f"document.getElementById('{graph_id}').scrollIntoView({{block: 'center'}});")
    time.sleep(0.2)
    px, py = duo.driver.execute_script(TO_PIXELS, graph_id, x, y)
    actions = ActionChains(duo.driver)
    actions.move_to_location(int(px), int(py)).pause(0.15).click().perform()
    time.sleep(0.35)


def _click_marker(duo, atlas, tp_id: str, side: str) -> None:
    dot = atlas.dots(tp_id, side)[0]
    view, x, y = dot.view, dot.x, dot.y
    sheet, graph = (BODY_SHEET, ids.BODY_GRAPH) if BODY_SHEET.panel_of(view) else (HEAD_SHEET, ids.HEAD_GRAPH)
    _click_at(duo, graph, x + sheet.panel_of(view).offset, y)


def _click_region(duo, atlas, view: str, region_id: str, side: str) -> None:
    sheet, graph = (BODY_SHEET, ids.BODY_GRAPH) if BODY_SHEET.panel_of(view) else (HEAD_SHEET, ids.HEAD_GRAPH)
    shape = max(
        (s for s in atlas.drawings[view].shapes if s.region_id == region_id and s.side in (side, "midline")), key=lambda s: s.polygon.area
    )
    point = shape.polygon.buffer(-1.5).representative_point()
    _click_at(duo, graph, point.x + sheet.panel_of(view).offset, point.y)


def _type_in_dropdown(duo, dropdown_id: str, text: str) -> None:
    """Open a dropdown, type into its search box and take the first match with Enter, as a keyboard user does."""
    duo.find_element(f"#{dropdown_id}").click()
    duo.wait_for_element(".dash-dropdown-search", timeout=5)
    duo.driver.switch_to.active_element.send_keys(text)
    time.sleep(0.8)
    duo.driver.switch_to.active_element.send_keys(Keys.ENTER)
    time.sleep(0.5)
    duo.driver.switch_to.active_element.send_keys(Keys.ESCAPE)


def _highlight_texts(duo) -> list[str]:
    return [li.text for li in duo.find_elements("[data-testid=highlight-list] li")]


def _wait(condition, timeout: float = 5.0) -> None:
    end = time.time() + timeout
    while time.time() < end:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def _query(duo) -> dict:
    return {k: v[0] for k, v in parse_qs(urlparse(duo.driver.current_url).query).items()}


def _trace_parts(duo, graph_id: str, trace: int) -> int:
    return duo.driver.execute_script(
        "const gd = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');"
        "return (gd.data[arguments[1]].x || []).filter(v => v === null).length;",
        graph_id,
        trace,
    )


def _expected_names(atlas, tp_id, side):
    return sorted(region_name(atlas, r.region_id, r.side) for r in lit_regions(atlas, tp_id, side))


def test_br001_page_loads_without_console_errors(app_duo):
    app_duo.wait_for_text_to_equal("#explore-controls label", "Find a muscle")
    assert app_duo.find_element(".disclaimer").text.startswith("For education only")
    assert app_duo.get_logs() == []


def test_br002_clicking_a_marker_highlights_exactly_its_regions(app_duo, atlas):
    _click_marker(app_duo, atlas, "trapezius_tp1", "right")
    app_duo.wait_for_contains_text("#tp-title", "Trapezius", timeout=5)
    assert sorted(_highlight_texts(app_duo)) == _expected_names(atlas, "trapezius_tp1", "right")
    assert _query(app_duo) == {"tp": "trapezius_tp1", "side": "right"}
    essential_rows = [r for r in lit_regions(atlas, "trapezius_tp1", "right") if r.zone == "essential"]
    expected_head_parts = sum(len(atlas.drawings[v].shapes_of(r.region_id, r.side)) for r in essential_rows for v in ("head_right", "face"))
    assert _trace_parts(app_duo, ids.HEAD_OVERLAY, ESSENTIAL_TRACE) == expected_head_parts
    # another click switches
    _click_marker(app_duo, atlas, "infraspinatus_upper", "left")
    app_duo.wait_for_contains_text("#tp-title", "Infraspinatus", timeout=5)
    assert sorted(_highlight_texts(app_duo)) == _expected_names(atlas, "infraspinatus_upper", "left")
    assert app_duo.get_logs() == []


def test_br003_deep_link_selects_and_clear_resets(app_duo, atlas):
    tp_id = "masseter_superficial_upper"
    _open(app_duo, f"?tp={tp_id}&side=left")
    app_duo.wait_for_contains_text("#tp-title", "Masseter", timeout=5)
    assert sorted(_highlight_texts(app_duo)) == _expected_names(atlas, tp_id, "left")
    app_duo.find_element(f"#{ids.CLEAR}").click()
    app_duo.wait_for_text_to_equal(f"#{ids.PANEL} h2", "Start here", timeout=5)
    assert _highlight_texts(app_duo) == []
    assert _trace_parts(app_duo, ids.HEAD_OVERLAY, ESSENTIAL_TRACE) == 0
    assert _query(app_duo) == {}


def test_br004_escape_key_clears(app_duo, atlas):
    _open(app_duo, "?tp=trapezius_tp1&side=right")
    app_duo.wait_for_contains_text("#tp-title", "Trapezius", timeout=5)
    app_duo.find_element("body").send_keys(Keys.ESCAPE)
    app_duo.wait_for_text_to_equal(f"#{ids.PANEL} h2", "Start here", timeout=5)


def test_br005_tampered_link_gets_a_clear_message(app_duo):
    _open(app_duo, "?tp=nope&side=sideways")
    app_duo.wait_for_contains_text(f"#{ids.URL_MESSAGE}", "Parameter 'tp'", timeout=5)
    assert "Parameter 'side'" in app_duo.find_element(f"#{ids.URL_MESSAGE}").text
    assert app_duo.get_logs() == []


def test_br006_pain_drawing_on_every_sheet_ranks_and_warns(app_duo, atlas):
    app_duo.find_element(f"label[for='_dbcprivate_radioitems_{ids.MODE}_input_pain']").click()
    app_duo.wait_for_element("#pain-controls:not([hidden])", timeout=5)
    marks = [("front", "upper_chest", "left"), ("back", "interscapular", "left"), ("head_left", "angle_of_jaw", "left")]
    for view, region_id, side in marks:
        _click_region(app_duo, atlas, view, region_id, side)
    app_duo.wait_for_element("[data-testid=pain-list]", timeout=5)
    listed = [li.text for li in app_duo.find_elements("[data-testid=pain-list] li")]
    assert sorted(listed) == sorted(region_name(atlas, r, s) for _, r, s in marks)
    expected = rank(atlas, [(r, s) for _, r, s in marks])
    app_duo.wait_for_element("[data-testid=candidates] li", timeout=5)
    shown = app_duo.find_elements("[data-testid=candidates] .candidate-button")
    assert len(shown) == len(expected)
    assert expected[0].muscle in shown[0].text
    flags = [el.get_attribute("data-flag") for el in app_duo.find_elements(".red-flag")]
    assert "chest_heart" in flags
    query = _query(app_duo)
    assert query["mode"] == "pain"
    assert set(query["pain"].split(",")) == {"upper_chest.l", "interscapular.l", "angle_of_jaw.l"}
    # selecting a candidate overlays its pattern on the drawing
    shown[0].click()
    app_duo.wait_for_element(".candidate.selected", timeout=5)
    assert _trace_parts(app_duo, ids.BODY_OVERLAY, ESSENTIAL_TRACE) + _trace_parts(app_duo, ids.HEAD_OVERLAY, ESSENTIAL_TRACE) > 0
    # clicking a marked region again unmarks it
    _click_region(app_duo, atlas, "back", "interscapular", "left")
    _wait(lambda: len(app_duo.find_elements("[data-testid=pain-list] li")) == 2)
    assert app_duo.get_logs() == []


def test_br007_pain_drawing_by_keyboard_and_deep_link(app_duo, atlas):
    _open(app_duo, "?mode=pain&pain=medial_knee.r")
    app_duo.wait_for_element("[data-testid=candidates] li", timeout=5)
    names = [el.text for el in app_duo.find_elements("[data-testid=candidates] .candidate-button")][:5]
    for muscle in ("Vastus medialis", "Gracilis", "Sartorius"):
        assert any(muscle in n for n in names)
    _type_in_dropdown(app_duo, ids.PAIN_SELECT, "lower calf")
    _wait(lambda: "lower_calf.r" in _query(app_duo).get("pain", ""))


def test_br008_search_box_selects_a_muscle(app_duo):
    _type_in_dropdown(app_duo, ids.TP_SEARCH, "trapezious")
    app_duo.wait_for_contains_text("#tp-title", "Trapezius", timeout=5)


def test_br009_phone_width_stacks_the_panel(dash_duo, atlas):
    dash_duo.driver.set_window_size(390, 844)
    dash_duo.start_server(create_app(atlas=atlas))
    dash_duo.wait_for_element(f"#{ids.BODY_GRAPH} .js-plotly-plot .main-svg", timeout=10)
    graph = dash_duo.find_element(f"#{ids.BODY_GRAPH}").rect
    panel = dash_duo.find_element(".panel").rect
    assert panel["y"] > graph["y"] + graph["height"] - 1
    assert graph["width"] <= 390
    width = dash_duo.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 390


def test_br010_pointer_names_the_area_under_it(app_duo, atlas):
    view, region_id = "back", "low_back"
    shape = max((s for s in atlas.drawings[view].shapes if s.region_id == region_id and s.side == "left"), key=lambda s: s.polygon.area)
    point = shape.polygon.buffer(-1.5).representative_point()
    app_duo.driver.execute_script(f"document.getElementById('{ids.BODY_GRAPH}').scrollIntoView({{block: 'center'}});")
    time.sleep(0.2)
    px, py = app_duo.driver.execute_script(TO_PIXELS, ids.BODY_GRAPH, point.x + BODY_SHEET.panel_of(view).offset, point.y)
    ActionChains(app_duo.driver).move_to_location(int(px), int(py)).pause(0.2).move_by_offset(1, 0).perform()
    expected = atlas.regions[region_id].plain_label + ", left"
    app_duo.wait_for_contains_text(f"#{ids.BODY_HOVER}", expected, timeout=5)


def test_br011_hovering_a_candidate_previews_its_pattern(app_duo, atlas):
    _open(app_duo, "?mode=pain&pain=medial_knee.r")
    app_duo.wait_for_element("[data-testid=candidates] li", timeout=5)
    assert _trace_parts(app_duo, ids.BODY_OVERLAY, ESSENTIAL_TRACE) == 0
    button = app_duo.find_elements("[data-testid=candidates] .candidate-button")[1]
    ActionChains(app_duo.driver).move_to_element(button).pause(0.3).perform()
    _wait(lambda: _trace_parts(app_duo, ids.BODY_OVERLAY, ESSENTIAL_TRACE) > 0)
    ActionChains(app_duo.driver).move_to_element(app_duo.find_element(".disclaimer")).pause(0.3).perform()
    _wait(lambda: _trace_parts(app_duo, ids.BODY_OVERLAY, ESSENTIAL_TRACE) == 0)
    assert _query(app_duo).get("tp") is None
