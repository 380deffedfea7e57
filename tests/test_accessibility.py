"""Accessibility in a real browser: axe-core over every screen and state (desktop and phone), the whole
app by keyboard (the map included), visible focus, the map in words, dots visible inside lit zones,
essential and spillover told apart in greyscale, and the page at 200% zoom."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from PIL import Image
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from explorer.app import create_app
from explorer.domain.patterns import ESSENTIAL, SPILLOVER, lit_regions, region_key
from tests.mapdriver import PhoneDuo, open_page, query, region_canvas_point, state, wait

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

# Every screen, each in the states a person brings it to (address, then what they do there).
SCREENS = [
    ("/", None),
    ("/", "open-search"),
    ("/?tp=trapezius_tp1&side=right", None),
    ("/?tp=trapezius_tp1&side=both&audience=clinician", None),
    ("/?tp=infraspinatus_upper&side=left&audience=student", None),
    ("/?region=temple.r", None),
    ("/?mode=pain", None),
    ("/?mode=pain&pain=temple.r,back_of_neck.r,low_back.r,low_back.l&audience=clinician", "open-details"),
    ("/?mode=pain&pain=front_of_chest.l", "open-details"),
    ("/?compare=trapezius_tp1.r,temporalis_tp1.r,sternocleidomastoid_sternal.r", None),
    ("/?quiz=which-muscle&audience=student", None),
    ("/?quiz=which-muscle&audience=student", "answer-wrong"),
    ("/?quiz=paint-zone&card=trapezius_tp1&audience=student&marks=temple.r", None),
    ("/?view=right_palm&tp=adductor_pollicis_tp&side=right", None),
    ("/?tp=no_such_point&side=sideways", None),
    ("/learn", "open-details"),
    ("/?tp=trapezius_tp1&side=right", "print"),
    ("/no/such/page", None),
]


def _axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: tests/run_all.sh installs axe-core from tests/package.json (npm ci)")
    return AXE.read_text(encoding="utf-8")


def blocking_violations(driver, source: str) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each."""
    driver.execute_script(source)
    driver.set_script_timeout(60)
    found = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations); }).catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });"
    )
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in found if v["impact"] in BLOCKING]


def _bring_to_state(driver, action: str | None) -> None:
    if action == "open-search":
        button = driver.find_element("css selector", "#tp-search")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button)
        button.click()
        wait(lambda: driver.find_elements("css selector", ".dash-dropdown-search"))
        driver.find_element("css selector", ".dash-dropdown-search").send_keys("trap")
        wait(lambda: driver.find_elements("css selector", ".dash-dropdown-option"))
    elif action == "open-details":
        driver.execute_script("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")
    elif action == "answer-wrong":
        wait(lambda: driver.find_elements("css selector", "[data-quiz-answer]"))
        right = driver.execute_script("return tpx.index.muscleOf[tpx.state.card.split('|')[0]]")
        wrong = next(b for b in driver.find_elements("css selector", "[data-quiz-answer]") if b.get_attribute("data-quiz-answer") != right)
        driver.execute_script("arguments[0].click()", wrong)
        wait(lambda: driver.find_elements("css selector", "[data-correct]"))
    elif action == "print":
        wait(lambda: driver.find_elements("css selector", ".handout-title"))
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})


def _scan(driver, base: str, source: str) -> dict:
    problems = {}
    for address, action in SCREENS:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        driver.get(base + address)
        if address.startswith("/no/"):
            wait(lambda: driver.find_elements("css selector", "h1"))
        else:
            wait(lambda: driver.execute_script("return !!(window.tpx && tpx.readyAt)"), 15)
            wait(lambda learn=address == "/learn": learn or len(driver.find_element("css selector", ".panel").text) > 40)
            time.sleep(0.3)
        _bring_to_state(driver, action)
        found = blocking_violations(driver, source)
        if found:
            problems[f"{address} [{action or 'as opened'}]"] = found
    return problems


def test_ax001_no_serious_or_critical_violation_on_any_screen_on_a_laptop(dash_duo, atlas):
    source = _axe_source()
    dash_duo.driver.set_window_size(1440, 900)
    dash_duo.start_server(create_app(atlas=atlas))
    assert _scan(dash_duo.driver, dash_duo.server_url, source) == {}


def test_ax002_no_serious_or_critical_violation_on_any_screen_on_a_phone(dash_thread_server, atlas):
    source = _axe_source()
    dash_thread_server(create_app(atlas=atlas))
    phone = PhoneDuo(dash_thread_server.url)
    try:
        problems = _scan(phone.driver, phone.server_url, source)
        # the phone's own states: the result sheet after a tap, and a close-up from the navigator
        phone.driver.get(phone.server_url + "/?view=head&tp=trapezius_tp1&side=right")
        wait(lambda: phone.driver.execute_script("return !!(window.tpx && tpx.readyAt) && !document.getElementById('phone-sheet').hidden"), 15)
        problems.update({"phone sheet": v} for v in [blocking_violations(phone.driver, source)] if v)
    finally:
        phone.driver.quit()
    assert problems == {}


@pytest.fixture
def duo(dash_duo, atlas):
    dash_duo.driver.set_window_size(1440, 1000)
    dash_duo.start_server(create_app(atlas=atlas))
    open_page(dash_duo)
    return dash_duo


def _press(duo, *keys) -> None:
    chain = ActionChains(duo.driver)
    for key in keys:
        chain.send_keys(key).pause(0.05)
    chain.perform()


def _focused(duo):
    return duo.driver.switch_to.active_element


def _tab_to(duo, element_id: str, limit: int = 40) -> int:
    """Press Tab until the element has focus; the number of presses it took."""
    duo.driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    for presses in range(1, limit + 1):
        _press(duo, Keys.TAB)
        if _focused(duo).get_attribute("id") == element_id:
            return presses
    raise AssertionError(f"#{element_id} is not reachable with Tab")


def test_ax003_a_trigger_point_is_chosen_on_the_map_by_keyboard(duo, atlas):
    _tab_to(duo, "stage")
    _press(duo, Keys.ARROW_RIGHT)
    first = duo.find_element("#stage-pointer").text
    assert "Enter shows where it refers pain" in first
    _press(duo, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_LEFT)
    assert duo.find_element("#stage-pointer").text != first  # the keyboard moved across the map
    ring = duo.find_element("#key-cursor")
    assert ring.is_displayed() and ring.size["width"] >= 24  # where the keyboard is, shown
    name = duo.find_element("#stage-pointer").text.split(".")[0]
    _press(duo, Keys.ENTER)
    wait(lambda: state(duo)["tp"], message="Enter chose nothing")
    chosen = state(duo)
    assert duo.driver.execute_script("return tpx.dotLabel(arguments[0])", f"{chosen['tp']}|{chosen['side']}") == name
    wait(lambda: query(duo).get("tp") == chosen["tp"])
    # the map in words names what is lit, as the domain does
    summary = duo.find_element("#stage-summary").get_attribute("textContent")
    names = duo.driver.execute_script("return tpx.index.names")
    for region in lit_regions(atlas, chosen["tp"], chosen["side"]):
        assert names[region_key(region.region_id, region.side)] in summary
    assert duo.find_element("#stage").get_attribute("aria-describedby") == "stage-summary"
    _press(duo, Keys.ESCAPE)
    wait(lambda: not state(duo)["tp"])


MODE_RADIO = "_dbcprivate_radioitems_mode-switch_input_"


def test_ax004_a_pain_drawing_and_a_search_are_made_by_keyboard_alone(duo):
    _tab_to(duo, MODE_RADIO + "explore")  # a radio group: Tab reaches the chosen mode, arrows change it
    _press(duo, Keys.ARROW_RIGHT)
    wait(lambda: state(duo)["mode"] == "pain")
    _tab_to(duo, "stage")
    _press(duo, Keys.ARROW_DOWN)
    area = duo.find_element("#stage-pointer").text
    assert "Enter marks it" in area
    _press(duo, Keys.ENTER)
    wait(lambda: len(state(duo)["pain"]) == 1)
    assert "marked. Enter unmarks it" in duo.find_element("#stage-pointer").text
    wait(lambda: duo.find_elements("[data-testid=candidates] li"))
    # back to exploring, then find a muscle by typing
    _press(duo, Keys.ESCAPE)
    wait(lambda: not state(duo)["pain"])
    _tab_to(duo, MODE_RADIO + "pain")
    _press(duo, Keys.ARROW_LEFT)
    wait(lambda: state(duo)["mode"] == "explore")
    _tab_to(duo, "tp-search")
    _press(duo, *"glute med")
    wait(lambda: any(o.text.startswith("Gluteus medius") for o in duo.find_elements(".dash-dropdown-option")))
    _press(duo, Keys.ARROW_DOWN, Keys.ENTER)
    wait(lambda: (state(duo)["tp"] or "").startswith("gluteus_medius"))


def test_ax005_every_tab_stop_shows_where_focus_is(duo):
    open_page(duo, "?tp=trapezius_tp1&side=right")
    duo.wait_for_contains_text(".tp-details", "Where the knot is", timeout=5)
    duo.driver.execute_script("window.scrollTo(0, 0)")
    seen = []
    for _ in range(60):
        _press(duo, Keys.TAB)
        element = _focused(duo)
        if element.tag_name.lower() == "body":
            break  # past the last tab stop
        style = duo.driver.execute_script(
            "var s = getComputedStyle(arguments[0]); return [s.outlineStyle, parseFloat(s.outlineWidth), s.boxShadow, arguments[0].tagName + '#' + arguments[0].id + '.' + arguments[0].className];",
            element,
        )
        visible = (style[0] != "none" and style[1] >= 2) or style[2] not in ("none", "")
        assert visible, f"no visible focus on {style[3]}"
        seen.append(style[3])
    assert any(s.startswith("DIV#stage") for s in seen) and len(seen) >= 15


def _screenshot(duo) -> Image.Image:
    return Image.open(io.BytesIO(duo.driver.get_screenshot_as_png())).convert("RGB")


def _luminance(rgb) -> float:
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_ax006_dots_inside_a_lit_zone_stay_visible(duo, atlas):
    open_page(duo, "?tp=trapezius_tp1&side=right")
    time.sleep(0.3)
    inside = duo.driver.execute_script(
        "var lit = tpx.pattern('trapezius_tp1', 'right')[0];"
        "return tpx.visibleDots().filter(function (d) { var c = tpx.toCanvas(d[1], d[2]); return lit.indexOf(tpx.regionAt(c[0], c[1])) >= 0; });"
    )
    assert inside, "some dots sit inside the lit main zone"
    shot = _screenshot(duo)
    ratio = duo.driver.execute_script("return window.devicePixelRatio")
    radius = duo.driver.execute_script("return tpx.layers().markers.data[0].marker.size") / 2
    for _key, x, y, label in inside:
        cx, cy = x * ratio, y * ratio
        dot = shot.getpixel((int(cx), int(cy)))
        # the white ring around the dot: its brightest pixel across the ring's width
        ring = max((shot.getpixel((int(cx + (radius + step / 2) * ratio), int(cy))) for step in range(-3, 4)), key=_luminance)
        around = [shot.getpixel((int(cx + dx * (radius + 4) * ratio), int(cy + dy * (radius + 4) * ratio))) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1), (0.7, 0.7), (-0.7, 0.7), (0.7, -0.7), (-0.7, -0.7))]
        zone = [p for p in around if p[0] > p[1] + 60]  # the main zone's red, where it shows beside the dot
        assert zone, (label, around)
        fill = max(set(zone), key=zone.count)  # the zone's own colour (edges are blended)
        assert _contrast(dot, ring) >= 3 and _contrast(ring, fill) >= 3, (label, dot, ring, fill)


def _patch(shot: Image.Image, x: float, y: float, ratio: float, size: int = 4) -> list[float]:
    grey = shot.convert("L")
    return [grey.getpixel((int(x * ratio) + dx, int(y * ratio) + dy)) for dx in range(-size, size + 1) for dy in range(-size, size + 1)]


def test_ax007_main_zone_spillover_and_unlit_skin_differ_in_greyscale(duo, atlas):
    open_page(duo, "?tp=trapezius_tp1&side=right&view=head")
    time.sleep(0.3)
    lit = lit_regions(atlas, "trapezius_tp1", "right")
    by_zone = {zone: next(r for r in lit if r.zone == zone) for zone in (ESSENTIAL, SPILLOVER)}
    ratio = duo.driver.execute_script("return window.devicePixelRatio")
    duo.driver.execute_script("tpx.layers().markers.style.visibility = 'hidden'")  # the zones, without dots on them
    shot = _screenshot(duo)

    def client(region_id, side):
        x, y = region_canvas_point(atlas, "head_right", region_id, side)
        return duo.driver.execute_script("return tpx.toClient(arguments[0], arguments[1])", x, y)

    essential = _patch(shot, *client(by_zone[ESSENTIAL].region_id, "right"), ratio)
    spill = _patch(shot, *client(by_zone[SPILLOVER].region_id, "right"), ratio)
    unlit = _patch(shot, *client("cheek", "right"), ratio)

    def mean(values):
        return sum(values) / len(values)

    def spread(values):
        return max(values) - min(values)

    assert mean(spill) - mean(essential) > 60  # the main zone is dark, the spillover light
    assert spread(spill) > 40 and spread(unlit) < 15  # the spillover is striped, unlit skin is plain
    assert abs(mean(unlit) - mean(essential)) > 60


def test_ax008_the_page_works_at_200_percent_zoom(duo, atlas):
    # 200% zoom on a 1280 x 800 screen: a 640 x 400 CSS viewport drawn at twice the pixels
    duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 640, "height": 400, "deviceScaleFactor": 2, "mobile": False})
    try:
        open_page(duo, "?tp=trapezius_tp1&side=right")
        overflow = duo.driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"the page scrolls sideways by {overflow} px"
        for selector in ("#mode-switch", "#tp-search", "#stage", ".panel", "#clear-button"):
            box = duo.driver.execute_script("var r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.left, r.right, r.width];", selector)
            assert box[0] >= -1 and box[1] <= 641 and box[2] > 40, (selector, box)
        # a narrow window: the whole body is a navigator, and the keyboard zooms in as a tap does
        assert duo.driver.execute_script("return tpx.isNavigator(tpx.state)")
        _tab_to(duo, "stage")
        _press(duo, Keys.ARROW_DOWN, Keys.ENTER)
        wait(lambda: len(duo.driver.execute_script("return tpx.visibleDots()")) > 3, message="Enter did not zoom in")
        _press(duo, Keys.ARROW_RIGHT, Keys.ENTER)
        wait(lambda: state(duo)["tp"], message="no trigger point chosen at 200%")
        assert blocking_violations(duo.driver, _axe_source()) == []
    finally:
        duo.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
