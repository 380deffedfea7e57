"""On a phone (390 x 844, touch): the whole body is a navigator, close-ups take a finger, the result comes into view."""

from __future__ import annotations

import math

import pytest

from explorer.app import create_app
from explorer.figures.reach import PHONE, room_on_view
from tests.mapdriver import READY, PhoneDuo, open_page, region_canvas_point, state, tap_canvas, touch_tap, wait

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(dash_thread_server, atlas):
    dash_thread_server(create_app(atlas=atlas))
    duo = PhoneDuo(dash_thread_server.url)
    open_page(duo)
    yield duo
    duo.driver.quit()


UNCOVER = """
var key = arguments[0], d = tpx.visibleDots().filter(function (dot) { return dot[0] === key; })[0];
var sheet = document.getElementById('phone-sheet'), limit = sheet.hidden ? window.innerHeight : sheet.getBoundingClientRect().top;
if (d[2] > limit - 30 || d[2] < 10) { window.scrollBy({top: d[2] - Math.min(limit, window.innerHeight) / 2, behavior: 'instant'}); }
d = tpx.visibleDots().filter(function (dot) { return dot[0] === key; })[0];
return [d[1], d[2]];
"""


def _touch_dot(duo, key: str) -> None:
    """Tap a dot with a finger; first scroll it clear of the result sheet, as a person would."""
    x, y = duo.driver.execute_script(UNCOVER, key)
    touch_tap(duo, x, y)


def test_ph001_whole_body_is_a_navigator_then_a_finger_picks_a_dot_and_the_result_comes_up(phone, atlas):
    assert phone.driver.execute_script("return window.innerWidth") == 390
    assert phone.driver.execute_script("return tpx.visibleDots().length") == 0  # dots hidden on the whole body
    tap_canvas(phone, *region_canvas_point(atlas, "back", "low_back", "left"), touch=True)
    # the tap zooms to a close-up of the back that shows the low back
    wait(lambda: state(phone)["view"] and atlas.views[state(phone)["view"]].kind == "part")
    assert atlas.views[state(phone)["view"]].of == ("back",)
    dots = wait(lambda: phone.driver.execute_script("return tpx.visibleDots()"))
    key = dots[0][0]
    _touch_dot(phone, key)
    wait(lambda: f"{state(phone)['tp']}|{state(phone)['side']}" == key)
    sheet = phone.wait_for_element("#phone-sheet:not([hidden])", timeout=5)
    from explorer.words import muscle_title

    assert muscle_title(atlas, atlas.trigger_points[key.split("|")[0]].muscle_id, "patient")[0] in sheet.text
    bottom, screen = phone.driver.execute_script(
        "return [document.getElementById('phone-sheet').getBoundingClientRect().bottom, window.innerHeight]"
    )
    assert abs(bottom - screen) <= 1, (bottom, screen)  # on screen, at the bottom
    phone.find_element("[data-sheet=details]").click()
    wait(
        lambda: phone.driver.execute_script(
            "var r = document.querySelector('.panel').getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0"
        )
    )
    assert phone.find_element("#phone-sheet").get_attribute("hidden") is not None
    phone.driver.execute_script("document.getElementById('back-to-map').scrollIntoView({block: 'center', behavior: 'instant'})")
    phone.find_element("#back-to-map").click()
    wait(lambda: state(phone)["view"] is None)
    assert phone.driver.execute_script("return tpx.visibleDots().length") == 0
    assert phone.driver.execute_script("return document.documentElement.scrollWidth") <= 390
    assert phone.get_logs() == []


@pytest.mark.parametrize(
    "view", ["right_palm", "right_back_of_hand", "right_sole", "right_foot_top", "back_low_back", "right_thigh_front", "head_right"]
)
def test_ph002_every_dot_of_hand_foot_and_close_up_views_takes_a_finger(phone, view):
    open_page(phone, f"?view={view}")
    phone.driver.execute_script("document.getElementById('stage').scrollIntoView({block: 'center', behavior: 'instant'})")
    keys = [d[0] for d in wait(lambda: phone.driver.execute_script("return tpx.visibleDots()"))]
    assert keys
    for key in keys:
        _touch_dot(phone, key)
        assert f"{state(phone)['tp']}|{state(phone)['side']}" == key, key
    assert phone.driver.execute_script("return document.documentElement.scrollWidth") <= 390


def test_ph003_the_room_the_browser_gives_each_dot_is_the_room_the_model_computes(phone, atlas):
    """The 24 px rule is checked without a browser (tests/test_reach.py); this proves that model right on a phone."""
    for view in ("right_arm_front", "back_neck_shoulders", "head_right", "right_palm", "right_calf"):
        if view not in atlas.views:
            continue
        open_page(phone, f"?view={view}")
        wait(lambda: phone.driver.execute_script(READY))
        measured = phone.driver.execute_script(
            "var d = tpx.visibleDots(), out = {};"
            "d.forEach(function (a) { var m = Infinity; d.forEach(function (b) { if (a !== b) m = Math.min(m, Math.hypot(a[1] - b[1], a[2] - b[2])); }); out[a[0]] = m; });"
            "return out;"
        )
        expected = {r.key: r.px for r in room_on_view(atlas, view, PHONE)}
        assert set(measured) == set(expected), view
        for key, px in expected.items():
            if math.isfinite(px):
                assert abs(measured[key] - px) <= max(1.5, 0.03 * px), f"{view} {key}: browser {measured[key]:.1f} px, model {px:.1f} px"
