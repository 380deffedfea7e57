"""The server's part of a screen, without a browser: state from the address, panel and address from the state."""

from __future__ import annotations

import json

import pytest
from dash import no_update

from explorer.features.screen import panel_for, render_screen, restore_state
from explorer.state import PAIN, ScreenState


def _text(component) -> str:
    """All text in a rendered component tree."""
    return json.dumps(component, default=lambda c: c.to_plotly_json() if hasattr(c, "to_plotly_json") else str(c))


def test_an_address_gives_its_state_with_a_notice_for_bad_parts(atlas):
    store, notice = restore_state(atlas, "?tp=trapezius_tp1&side=left&bogus=1", None)
    assert (store["tp"], store["side"]) == ("trapezius_tp1", "left")
    assert "bogus" in _text(notice)


def test_the_address_the_app_wrote_itself_changes_nothing(atlas):
    state = ScreenState(trigger_point_id="trapezius_tp1", side="left")
    assert restore_state(atlas, "?tp=trapezius_tp1&side=left", state.to_store()) == (no_update, no_update)


def test_render_answers_with_panel_and_address(atlas):
    state = ScreenState(trigger_point_id="infraspinatus_upper", side="right")
    panel, highlights, candidates, flags, href, query, explore_hidden, pain_hidden, _hint = render_screen(atlas, state.to_store())
    assert "Infraspinatus" in _text(panel)
    assert query == "?tp=infraspinatus_upper&side=right" and href == "/" + query
    assert (explore_hidden, pain_hidden) == (False, True)
    assert candidates == [] and flags == []
    assert "Essential zone" in _text(highlights)


def test_render_ranks_a_pain_drawing(atlas):
    state = ScreenState(mode=PAIN, pain=(("medial_knee", "right"),))
    out = panel_for(atlas, state)
    assert "Vastus medialis" in _text(out["candidates"])
    assert "Your pain drawing" in _text(out["highlights"])


def test_render_names_what_a_tampered_store_lost(atlas):
    panel, *_ = render_screen(atlas, {"tp": "nope", "pain": ["elbowz.l"], "mode": "pain"})
    text = _text(panel)
    assert "'nope' is not a trigger point" in text
    assert "elbowz" in text


@pytest.mark.parametrize("stored", [None, {}, "x", {"mode": "explore", "region": "temple.l"}])
def test_render_never_fails(atlas, stored):
    assert len(render_screen(atlas, stored)) == 9


def test_every_panel_renders(atlas):
    from explorer import panels
    from explorer.domain.ranking import rank

    for tp_id in atlas.trigger_points:
        for side in ("right", "left", "both"):
            assert panel_for(atlas, ScreenState(trigger_point_id=tp_id, side=side))["panel"]
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
