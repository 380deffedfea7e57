"""Real-browser tests (headless Chromium through dash_duo): what a person does with the map."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from explorer import ids
from explorer.app import create_app
from explorer.domain.patterns import ESSENTIAL, lit_regions, region_key
from explorer.domain.ranking import rank
from explorer.words import region_name
from tests.mapdriver import (
    expected_starts,
    open_page,
    painted_starts,
    query,
    region_canvas_point,
    state,
    tap_canvas,
    tap_dot,
    wait,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def app_duo(dash_duo, atlas):
    dash_duo.driver.set_window_size(1440, 1000)
    dash_duo.start_server(create_app(atlas=atlas))
    open_page(dash_duo)
    return dash_duo


def _highlight_texts(duo) -> list[str]:
    return [li.text for li in duo.find_elements("[data-testid=highlight-list] li")]


def _expected_names(atlas, tp_id, side):
    return sorted(region_name(atlas, r.region_id, r.side, "patient") for r in lit_regions(atlas, tp_id, side))


def _keys(atlas, tp_id, side, zone):
    return [region_key(r.region_id, r.side) for r in lit_regions(atlas, tp_id, side) if (r.zone == ESSENTIAL) == (zone == ESSENTIAL)]


def _type_in_dropdown(duo, dropdown_id: str, text: str, expected: str) -> None:
    """Open a dropdown, type, wait for the server's options and take the first with Enter, as a keyboard user does."""
    duo.find_element(f"#{dropdown_id}").click()
    search = duo.wait_for_element(".dash-dropdown-search", timeout=5)
    search.send_keys(text)
    wait(lambda: any(o.text.startswith(expected) for o in duo.find_elements(".dash-dropdown-option")), message=f"no option {expected!r}")
    search.send_keys(Keys.ENTER)


def test_br001_page_loads_without_console_errors(app_duo):
    app_duo.wait_for_text_to_equal("#explore-controls label", "Find a muscle")
    assert "Education, not a diagnosis" in app_duo.find_element(".app-header").text
    assert app_duo.get_logs() == []


def test_br002_tapping_a_dot_paints_exactly_its_pattern_then_the_panel_follows(app_duo, atlas):
    tap_dot(app_duo, "trapezius_tp1|right")
    assert state(app_duo)["tp"] == "trapezius_tp1"
    assert painted_starts(app_duo, "essential") == expected_starts(atlas, _keys(atlas, "trapezius_tp1", "right", ESSENTIAL))
    assert painted_starts(app_duo, "spillover") == expected_starts(atlas, _keys(atlas, "trapezius_tp1", "right", "spillover"))
    app_duo.wait_for_contains_text(".tp-details", "Trapezius", timeout=5)
    assert sorted(_highlight_texts(app_duo)) == _expected_names(atlas, "trapezius_tp1", "right")
    wait(lambda: query(app_duo) == {"tp": "trapezius_tp1", "side": "right"})
    tap_dot(app_duo, "infraspinatus_upper|left")
    app_duo.wait_for_contains_text(".tp-details", "Infraspinatus", timeout=5)
    assert sorted(_highlight_texts(app_duo)) == _expected_names(atlas, "infraspinatus_upper", "left")
    assert app_duo.get_logs() == []


def test_br003_deep_link_paints_and_clear_resets(app_duo, atlas):
    tp_id = "masseter_superficial_upper"
    open_page(app_duo, f"?tp={tp_id}&side=left")
    app_duo.wait_for_contains_text(".tp-details", "Masseter", timeout=5)
    assert painted_starts(app_duo, "essential") == expected_starts(atlas, _keys(atlas, tp_id, "left", ESSENTIAL))
    assert sorted(_highlight_texts(app_duo)) == _expected_names(atlas, tp_id, "left")
    app_duo.find_element(f"#{ids.CLEAR}").click()
    app_duo.wait_for_text_to_equal(f"#{ids.PANEL} h2", "Start here", timeout=5)
    assert painted_starts(app_duo, "essential") == []
    wait(lambda: query(app_duo) == {})


def test_br004_escape_key_clears(app_duo):
    open_page(app_duo, "?tp=trapezius_tp1&side=right")
    app_duo.wait_for_contains_text(".tp-details", "Trapezius", timeout=5)
    app_duo.find_element("body").send_keys(Keys.ESCAPE)
    app_duo.wait_for_text_to_equal(f"#{ids.PANEL} h2", "Start here", timeout=5)


def test_br005_tampered_link_gets_a_clear_message(app_duo):
    open_page(app_duo, "?tp=nope&side=sideways&view=moon")
    app_duo.wait_for_contains_text(f"#{ids.URL_MESSAGE}", "Parameter 'tp'", timeout=5)
    text = app_duo.find_element(f"#{ids.URL_MESSAGE}").text
    assert "Parameter 'side'" in text and "Parameter 'view'" in text
    assert app_duo.get_logs() == []


def test_br006_pain_drawing_on_several_drawings_ranks_and_warns(app_duo, atlas):
    open_page(app_duo, "?audience=clinician")
    app_duo.find_element(f"label[for='_dbcprivate_radioitems_{ids.MODE}_input_pain']").click()
    app_duo.wait_for_element("#pain-controls:not([hidden])", timeout=5)
    marks = [("front", "upper_chest", "left"), ("back", "interscapular", "left"), ("head_left", "angle_of_jaw", "left")]
    for drawing, region_id, side in marks:
        tap_canvas(app_duo, *region_canvas_point(atlas, drawing, region_id, side))
    wait(lambda: len(state(app_duo)["pain"]) == 3)
    assert painted_starts(app_duo, "pain") == expected_starts(atlas, [region_key(r, s) for _, r, s in marks])
    app_duo.wait_for_element("[data-testid=pain-list]", timeout=5)
    wait(lambda: len(app_duo.find_elements("[data-testid=pain-list] li")) == 3)
    listed = [li.find_element("css selector", "span").text for li in app_duo.find_elements("[data-testid=pain-list] li")]
    assert sorted(listed) == sorted(region_name(atlas, r, s, "clinician") for _, r, s in marks)
    expected = rank(atlas, [(r, s) for _, r, s in marks])
    app_duo.wait_for_element("[data-testid=candidates] li", timeout=5)
    shown = app_duo.find_elements("[data-testid=candidates] .candidate-button")
    assert len(shown) == len(expected) and expected[0].muscle in shown[0].text
    assert "chest_heart" in [el.get_attribute("data-flag") for el in app_duo.find_elements(".red-flag")]
    wait(lambda: set(query(app_duo).get("pain", "").split(",")) == {"upper_chest.l", "interscapular.l", "angle_of_jaw.l"})
    # choosing a candidate paints its pattern over the drawing
    app_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", shown[0])
    shown[0].click()
    wait(lambda: state(app_duo)["tp"] == expected[0].trigger_point_id)
    assert painted_starts(app_duo, "essential")
    # tapping a marked area again unmarks it
    tap_canvas(app_duo, *region_canvas_point(atlas, "back", "interscapular", "left"))
    wait(lambda: len(app_duo.find_elements("[data-testid=pain-list] li")) == 2)
    assert app_duo.get_logs() == []


def test_br007_pain_drawing_by_keyboard_and_deep_link(app_duo):
    open_page(app_duo, "?mode=pain&pain=medial_knee.r&audience=clinician")
    app_duo.wait_for_element("[data-testid=candidates] li", timeout=5)
    names = [el.text for el in app_duo.find_elements("[data-testid=candidates] .candidate-button")][:5]
    for muscle in ("Vastus medialis", "Gracilis", "Sartorius"):
        assert any(muscle in n for n in names)
    app_duo.wait_for_element("#pain-controls:not([hidden])", timeout=5)
    _type_in_dropdown(app_duo, ids.PAIN_SELECT, "lower calf", "Lower calf, right side")
    wait(lambda: "lower_calf.r" in query(app_duo).get("pain", ""))
    # a marked area is removed from the list by keyboard as well
    remove = app_duo.find_element("[data-remove-pain='medial_knee.r']")
    remove.send_keys(Keys.ENTER)
    wait(lambda: "medial_knee" not in query(app_duo).get("pain", ""))


def test_br008_search_box_finds_a_misspelled_muscle(app_duo):
    _type_in_dropdown(app_duo, ids.TP_SEARCH, "trapezious", "Trapezius")
    app_duo.wait_for_contains_text(".tp-details", "Trapezius", timeout=5)
    assert painted_starts(app_duo, "essential")


def test_br009_phone_width_fits_and_stacks_the_panel(dash_duo, atlas):
    dash_duo.driver.set_window_size(390, 844)
    dash_duo.start_server(create_app(atlas=atlas))
    open_page(dash_duo)
    stage = dash_duo.find_element(f"#{ids.STAGE}").rect
    panel = dash_duo.find_element(".panel").rect
    assert panel["y"] >= stage["y"] + stage["height"] - 1
    assert dash_duo.driver.execute_script("return document.documentElement.scrollWidth") <= 390


def test_br010_pointer_names_the_area_under_it(app_duo, atlas):
    open_page(app_duo, "?mode=pain")  # no dots in the way
    x, y = region_canvas_point(atlas, "back", "low_back", "left")
    cx, cy = app_duo.driver.execute_script("return tpx.toClient(arguments[0], arguments[1])", x, y)
    ActionChains(app_duo.driver).move_to_location(int(cx), int(cy)).pause(0.1).move_by_offset(1, 0).perform()
    app_duo.wait_for_contains_text(f"#{ids.STAGE_POINTER}", atlas.regions["low_back"].plain_label + ", left", timeout=5)


def test_br011_resting_on_a_candidate_previews_its_pattern(app_duo):
    open_page(app_duo, "?mode=pain&pain=medial_knee.r")
    app_duo.wait_for_element("[data-testid=candidates] li", timeout=5)
    assert painted_starts(app_duo, "essential") == []
    button = app_duo.find_elements("[data-testid=candidates] .candidate-button")[1]
    ActionChains(app_duo.driver).move_to_element(button).pause(0.2).perform()
    wait(lambda: painted_starts(app_duo, "essential"))
    ActionChains(app_duo.driver).move_to_element(app_duo.find_element(".app-header")).pause(0.2).perform()
    wait(lambda: painted_starts(app_duo, "essential") == [])
    assert query(app_duo).get("tp") is None


def test_br012_back_button_returns_to_the_previous_selection(app_duo):
    tap_dot(app_duo, "trapezius_tp1|right")
    wait(lambda: query(app_duo).get("tp") == "trapezius_tp1")
    tap_dot(app_duo, "infraspinatus_upper|left")
    wait(lambda: query(app_duo).get("tp") == "infraspinatus_upper")
    app_duo.driver.back()
    wait(lambda: state(app_duo)["tp"] == "trapezius_tp1")
    app_duo.wait_for_contains_text(".tp-details", "Trapezius", timeout=5)
