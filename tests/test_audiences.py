"""Each audience's screens in a real browser: modes, shared addresses, the Learn page, compare, quizzes, the handout, the picture."""

from __future__ import annotations

import base64
import json
import re
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains

from explorer.app import create_app
from explorer.domain import quiz as q
from explorer.domain.compare import overlaps
from tests.mapdriver import open_page, painted_starts, query, region_canvas_point, state, tap_canvas, wait

pytestmark = pytest.mark.browser


@pytest.fixture
def duo(dash_duo, atlas):
    dash_duo.driver.set_window_size(1440, 1000)
    dash_duo.start_server(create_app(atlas=atlas))
    open_page(dash_duo)
    return dash_duo


def _panel(duo) -> str:
    return duo.find_element(".panel").text


def _click(duo, selector: str) -> None:
    element = duo.find_element(selector)
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def test_au001_each_audience_sees_its_own_words_and_the_address_keeps_it(duo):
    open_page(duo, "?tp=trapezius_tp1&side=right")
    duo.wait_for_contains_text(".tp-details", "Where the knot is", timeout=5)
    patient = _panel(duo)
    assert duo.find_element("#tp-title").text.startswith("Shoulder-top")  # the plain name leads
    assert "Mastoid process" not in patient and "Behind the ear" in patient
    _click(duo, "label[for='_dbcprivate_radioitems_audience-switch_input_clinician']")
    duo.wait_for_contains_text(".tp-details", "Location", timeout=5)
    clinician = _panel(duo)
    assert "Mastoid process" in clinician and "high" in clinician  # anatomical names, confidence per area
    assert "What it mimics and what to rule out" in clinician and "Notes on trigger point injection" in clinician
    wait(lambda: query(duo).get("audience") == "clinician")
    _click(duo, "label[for='_dbcprivate_radioitems_audience-switch_input_student']")
    duo.wait_for_contains_text(".tp-details", "In plain words", timeout=5)
    student = _panel(duo)
    assert "Behind the ear, right – Mastoid process" in student and "Test yourself" in student
    wait(lambda: query(duo).get("audience") == "student")
    # the address reproduces the screen
    duo.driver.get(duo.driver.current_url)
    duo.wait_for_contains_text(".tp-details", "In plain words", timeout=8)
    assert duo.find_element("#_dbcprivate_radioitems_audience-switch_input_student").is_selected()
    assert duo.get_logs() == []


@pytest.mark.parametrize(
    "address",
    [
        "?tp=infraspinatus_upper&side=left&audience=clinician",
        "?mode=pain&pain=low_back.r,low_back.l,sacroiliac.r,sacroiliac.l",
        "?compare=trapezius_tp1.r,temporalis_tp1.r",
        "?view=right_palm&tp=adductor_pollicis_tp&side=right",
        "?region=temple.r&audience=student",
    ],
)
def test_au002_a_shared_address_reopens_the_same_screen(duo, address):
    open_page(duo, address)
    wait(lambda: len(_panel(duo)) > 100)
    time.sleep(0.4)
    first, first_state = _panel(duo), state(duo)
    shared = duo.find_element("#share-link").get_attribute("href")
    duo.driver.delete_all_cookies()
    duo.driver.get(shared)
    wait(lambda: duo.driver.execute_script("return !!(window.tpx && tpx.readyAt)"), 15)
    wait(lambda: _panel(duo) == first, message="the shared address showed a different panel")
    assert {k: v for k, v in state(duo).items() if k != "view"} == {k: v for k, v in first_state.items() if k != "view"}


def test_au003_compare_paints_each_pattern_and_names_where_they_meet(duo, atlas):
    items = [("trapezius_tp1", "right"), ("temporalis_tp1", "right")]
    open_page(duo, "?compare=trapezius_tp1.r,temporalis_tp1.r")
    duo.wait_for_element("[data-testid=compare-list]", timeout=5)
    assert painted_starts(duo, "compare_0_essential") and painted_starts(duo, "compare_1_essential")
    shared = overlaps(atlas, items)
    assert shared, "these two patterns are known to meet at the temple"
    assert painted_starts(duo, "overlap")
    text = duo.find_element("[data-testid=overlaps]").text.lower()
    assert "both reach the temple" in text
    # a third pattern joins by tapping its dot; the panel lists three
    dot = next(d for d in duo.driver.execute_script("return tpx.visibleDots()") if d[0] == "sternocleidomastoid_sternal|right")
    ActionChains(duo.driver).move_to_location(int(dot[1]), int(dot[2])).pause(0.05).click().perform()
    wait(lambda: len(state(duo)["compare"]) == 3)
    wait(lambda: len(duo.find_elements("[data-testid=compare-list] > li")) == 3)
    assert painted_starts(duo, "compare_2_essential")
    assert query(duo)["compare"].count(",") == 2


def test_au004_one_full_round_of_which_muscle(duo, atlas):
    open_page(duo, "?audience=student&quiz=which-muscle")
    duo.wait_for_element("[data-quiz-answer]", timeout=5)
    card = state(duo)["card"]
    right = atlas.trigger_points[card.split("|")[0]].muscle_id
    assert painted_starts(duo, "essential") and not duo.driver.execute_script("return tpx.visibleDots().length")
    options = [b.get_attribute("data-quiz-answer") for b in duo.find_elements("[data-quiz-answer]")]
    assert len(options) == 4 and right in options and options == q.choices(atlas, card)
    wrong = next(o for o in options if o != right)
    _click(duo, f"[data-quiz-answer='{wrong}']")
    duo.wait_for_element("[data-correct=false]", timeout=5)
    assert painted_starts(duo, "compare_0_essential") and painted_starts(duo, "compare_1_essential")
    wait(lambda: duo.driver.execute_script("return localStorage.getItem('quiz-progress')"))
    progress = json.loads(duo.driver.execute_script("return localStorage.getItem('quiz-progress')"))["which-muscle"]
    assert progress["wrong"] == 1 and progress["cards"][card][0] == 0  # a miss goes back to the first box
    _click(duo, "[data-quiz-next]")
    wait(lambda: state(duo)["card"] != card and not state(duo)["answer"])
    _click(duo, f"[data-quiz-answer='{atlas.trigger_points[state(duo)['card'].split('|')[0]].muscle_id}']")
    duo.wait_for_element("[data-correct=true]", timeout=5)
    wait(lambda: json.loads(duo.driver.execute_script("return localStorage.getItem('quiz-progress')"))["which-muscle"]["right"] == 1)
    _click(duo, "[data-quiz-next]")
    wait(lambda: duo.find_element(".quiz-score").text == "Score: 1 right of 2")


def test_au005_one_full_round_of_paint_the_zone(duo, atlas):
    open_page(duo, "?audience=student&quiz=paint-zone&card=trapezius_tp1")
    duo.wait_for_element("[data-quiz-check]", timeout=5)
    truth = sorted(q.essential_keys(atlas, "trapezius_tp1|right"))
    for key in truth:
        region_id, _, code = key.partition(".")
        side = {"r": "right", "l": "left"}.get(code, "midline")
        drawing = next(d for d in ("head_right", "back", "front", "face") if atlas.drawings[d].shapes_of(region_id, side))
        tap_canvas(duo, *region_canvas_point(atlas, drawing, region_id, side))
    wait(lambda: sorted(state(duo)["marks"]) == truth)
    wait(lambda: duo.find_element("[data-quiz-check]").is_enabled())
    _click(duo, "[data-quiz-check]")
    verdict = duo.wait_for_element(".quiz-verdict", timeout=5)
    assert verdict.get_attribute("data-jaccard") == "1.000" and "Well done" in verdict.text
    assert painted_starts(duo, "essential")  # the truth is shown once checked
    wait(
        lambda: (
            json.loads(duo.driver.execute_script("return localStorage.getItem('quiz-progress')") or "{}").get("paint-zone", {}).get("right")
            == 1
        )
    )


def test_au006_the_handout_prints_on_at_most_two_pages_with_title_address_and_qr(duo, tmp_path):
    for address, title in (
        ("?tp=trapezius_tp1&side=right&audience=clinician", "Trapezius · TP1"),
        ("?mode=pain&pain=temple.r,plantar_heel.r", "Your pain drawing"),
    ):
        open_page(duo, address)
        wait(lambda: duo.find_elements(".handout-title"))
        duo.driver.execute_script(
            "window.print = function () { window.__printed = true; }; document.getElementById('print-button').click();"
        )
        wait(lambda: duo.driver.execute_script("return window.__printed === true"), 15)
        assert duo.driver.execute_script("return document.querySelector('[data-print-map]').src.indexOf('data:image/png') === 0")
        duo.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        assert duo.find_element(".handout-title").text == title
        printed = duo.find_element(".handout-address").text
        assert printed.startswith("http") and printed.endswith(duo.driver.execute_script("return location.search"))
        assert not duo.find_element(".stage").is_displayed()  # only the handout is printed
        duo.driver.save_screenshot(str(tmp_path / "handout.png"))
        pdf = base64.b64decode(duo.driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})["data"])
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert 1 <= pages <= 2, f"{address}: {pages} pages"
        letter = base64.b64decode(duo.driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.5, "paperHeight": 11})["data"])
        assert len(re.findall(rb"/Type\s*/Page[^s]", letter)) <= 2
        duo.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    clinician_text = "Trigger point injection (for the clinician)"
    open_page(duo, "?tp=trapezius_tp1&side=right")
    wait(lambda: duo.find_elements(".handout-title"))
    assert clinician_text not in duo.driver.execute_script("return document.querySelector('.handout').textContent")


def test_au007_save_the_map_as_a_png(duo, tmp_path):
    duo.driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    open_page(duo, "?tp=trapezius_tp1&side=right")
    _click(duo, "#save-picture")
    saved = tmp_path / "trigger-point-map.png"
    wait(lambda: saved.exists() and saved.stat().st_size > 10_000, timeout=15)
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_au008_the_learn_page_is_linked_from_the_header_and_every_muscle_card(duo):
    open_page(duo, "?tp=trapezius_tp1&side=right")
    duo.wait_for_contains_text(".tp-details", "Could an injection help?", timeout=5)
    _click(duo, ".tp-details .learn-link")
    wait(lambda: duo.driver.execute_script("return location.pathname") == "/learn")
    page = duo.wait_for_element("#learn-page:not([hidden])", timeout=5)
    for heading in ("What is a trigger point injection?", "not medical advice"):
        assert heading.lower() in page.text.lower()
    assert not duo.find_element("#map-page").is_displayed()
    _click(duo, "#learn-back")
    wait(lambda: duo.find_element("#map-page").is_displayed())
    _click(duo, ".nav-link-learn")
    duo.wait_for_element("#learn-page:not([hidden])", timeout=5)
    assert duo.get_logs() == []
