"""Callback logic without a browser: clicks to state, state to figure patches and panels."""

from __future__ import annotations

import pytest

from explorer import ids
from explorer.callbacks import click_target, next_state, overlay_for_state
from explorer.figures import (
    BODY_SHEET,
    ESSENTIAL_TRACE,
    HEAD_SHEET,
    MARKER_TRACE,
    SPILLOVER_TRACE,
    SheetArtist,
    marker_patch,
    overlay_patch,
)
from explorer.state import PAIN, ScreenState


@pytest.fixture(scope="module")
def artists(atlas):
    return {"body": SheetArtist(atlas, BODY_SHEET), "head": SheetArtist(atlas, HEAD_SHEET)}


def _click_on_region(atlas, artist, view, region_id, side):
    panel = artist.sheet.panel_of(view)
    shape = next(s for s in atlas.drawings[view].shapes if s.region_id == region_id and s.side == side)
    point = shape.polygon.representative_point()
    return {"points": [], "xvals": [point.x + panel.offset], "yvals": [point.y]}


def test_marker_click_selects_trigger_point(atlas, artists):
    click = {"points": [{"curveNumber": MARKER_TRACE, "customdata": "trapezius_tp1|left"}]}
    assert click_target(atlas, artists["body"], click) == ("tp", "trapezius_tp1", "left")
    state = next_state(atlas, artists, ScreenState(), ids.BODY_GRAPH, click)
    assert (state.trigger_point_id, state.side) == ("trapezius_tp1", "left")


@pytest.mark.parametrize(
    ("sheet", "view", "region_id", "side"),
    [
        ("body", "front", "sternum", "midline"),
        ("body", "back", "scapula", "right"),
        ("head", "head_left", "temple", "left"),
        ("head", "face", "chin", "right"),
    ],
)
def test_region_click_is_hit_tested(atlas, artists, sheet, view, region_id, side):
    click = _click_on_region(atlas, artists[sheet], view, region_id, side)
    assert click_target(atlas, artists[sheet], click) == ("region", region_id, side)


def test_region_click_in_pain_mode_toggles(atlas, artists):
    click = _click_on_region(atlas, artists["body"], "back", "low_back", "left")
    state = next_state(atlas, artists, ScreenState(mode=PAIN), ids.BODY_GRAPH, click)
    assert state.pain == (("low_back", "left"),)
    state = next_state(atlas, artists, state, ids.BODY_GRAPH, click)
    assert state.pain == ()


@pytest.mark.parametrize(
    "click",
    [
        None,
        {},
        {"points": "x"},
        {"points": [], "xvals": ["a"], "yvals": [1]},
        {"points": [], "xvals": [1e308], "yvals": [1]},
        {"points": [{"curveNumber": MARKER_TRACE, "customdata": "nope|left"}]},
        {"points": [], "xvals": [], "yvals": []},
    ],
)
def test_malformed_clicks_change_nothing(atlas, artists, click):
    state = ScreenState(trigger_point_id="trapezius_tp1")
    assert next_state(atlas, artists, state, ids.BODY_GRAPH, click) == state


def test_clear_keeps_mode(atlas, artists):
    state = ScreenState(mode=PAIN, pain=(("temple", "right"),), trigger_point_id="trapezius_tp1")
    assert next_state(atlas, artists, state, ids.CLEAR, 1) == ScreenState(mode=PAIN)


def test_patch_paints_exactly_the_pattern(atlas, artists):
    state = ScreenState(trigger_point_id="trapezius_tp1", side="right")
    patch = overlay_patch(artists["head"], overlay_for_state(atlas, state)).to_plotly_json()
    values = {tuple(op["location"]): op["params"]["value"] for op in patch["operations"]}
    essential_x = values[("data", ESSENTIAL_TRACE, "x")]
    spill_x = values[("data", SPILLOVER_TRACE, "x")]
    tp = atlas.trigger_points["trapezius_tp1"]
    expected_parts = sum(
        1
        for r in tp.referrals
        if r.zone == "essential"
        for v in ("face", "head_right")
        for s in atlas.drawings[v].shapes_of(r.region_id, "right")
    )
    assert essential_x.count(None) == expected_parts
    assert spill_x  # trapezius TP1 has spillover regions on the head


def test_markers_hide_while_marking_pain_and_shrink_on_phones(artists):
    shown = marker_patch(artists["body"], True, 1400).to_plotly_json()
    hidden = marker_patch(artists["body"], False, 390).to_plotly_json()
    shown_values = {tuple(op["location"]): op["params"]["value"] for op in shown["operations"]}
    hidden_values = {tuple(op["location"]): op["params"]["value"] for op in hidden["operations"]}
    assert shown_values[("data", MARKER_TRACE, "visible")] is True
    assert hidden_values[("data", MARKER_TRACE, "visible")] is False
    assert hidden_values[("data", MARKER_TRACE, "marker", "size")] < shown_values[("data", MARKER_TRACE, "marker", "size")]


def test_every_panel_renders(atlas):
    from explorer import panels
    from explorer.domain.ranking import rank

    for tp_id in atlas.trigger_points:
        for side in ("right", "left"):
            assert panels.trigger_point_details(atlas, atlas.trigger_points[tp_id], side) is not None
    every_region = [(r, "right") for r in atlas.regions]
    assert panels.red_flag_alerts(atlas, every_region)
    candidates = rank(atlas, every_region, top=30)
    assert panels.candidate_list(atlas, candidates, (candidates[0].trigger_point_id, candidates[0].side)) is not None
    assert panels.region_referrers(atlas, "temple", "right", rank(atlas, [("temple", "right")])) is not None
    assert panels.pain_drawing_list(atlas, every_region) is not None


def test_choir_codes_follow_the_side(atlas):
    from explorer.panels import choir_codes

    right = choir_codes(atlas, [("temple", "right")])
    left = choir_codes(atlas, [("temple", "left")])
    assert right and left and not set(right) & set(left)
    assert set(choir_codes(atlas, [("sacrum", "midline")])) == set(atlas.regions["sacrum"].choir_right)


def test_a_chest_pattern_carries_the_heart_warning(atlas):
    from explorer import panels
    from explorer.domain.patterns import lit_regions

    pattern = [(r.region_id, r.side) for r in lit_regions(atlas, "pectoralis_major_sternal_intermediate", "left")]
    alerts = panels.red_flag_alerts(atlas, pattern, heading=panels.PATTERN_FLAGS_HEADING)
    flags = [a.to_plotly_json()["props"].get("data-flag") for a in alerts[1:]]
    assert "chest_heart" in flags
