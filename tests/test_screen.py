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
    panel, href, query, explore_hidden, pain_hidden, _hint, sheet, printed = render_screen(atlas, state.to_store(), base_url="http://clinic.example/")
    assert "Infraspinatus" in _text(panel)
    assert query == "?tp=infraspinatus_upper&side=right" and href == "/" + query
    assert (explore_hidden, pain_hidden) == (False, True)
    assert "Main zone" in _text(panel)
    assert "Felt mainly in" in _text(sheet)
    assert "http://clinic.example/?tp=infraspinatus_upper&side=right" in _text(printed) and "data:image/svg+xml;base64," in _text(printed)


def test_render_ranks_a_pain_drawing(atlas):
    state = ScreenState(mode=PAIN, pain=(("medial_knee", "right"),))
    out = panel_for(atlas, state)
    assert "Vastus medialis" in [c.muscle for c in out["candidates"]]
    assert "Your pain drawing" in _text(out["panel"])


def test_render_names_what_a_tampered_store_lost(atlas):
    panel, *_ = render_screen(atlas, {"tp": "nope", "pain": ["elbowz.l"], "mode": "pain"})
    text = _text(panel)
    assert "'nope' is not a trigger point" in text
    assert "elbowz" in text


@pytest.mark.parametrize("stored", [None, {}, "x", {"mode": "explore", "region": "temple.l"}])
def test_render_never_fails(atlas, stored):
    assert len(render_screen(atlas, stored)) == 8


def test_every_panel_renders_for_every_audience(atlas):
    from explorer.words import AUDIENCES

    for audience in AUDIENCES:
        for tp_id in atlas.trigger_points:
            for side in ("right", "left", "both"):
                assert panel_for(atlas, ScreenState(trigger_point_id=tp_id, side=side, audience=audience))["panel"]
        every_region = tuple((r, "right") for r in atlas.regions)
        assert panel_for(atlas, ScreenState(mode=PAIN, pain=every_region, audience=audience))["panel"]
        assert panel_for(atlas, ScreenState(region=("temple", "right"), audience=audience))["panel"]
        assert panel_for(atlas, ScreenState(compare=(("trapezius_tp1", "right"), ("temporalis_tp1", "right")), audience=audience))["panel"]


def test_choir_codes_follow_the_side(atlas):
    from explorer.words import choir_codes

    right = choir_codes(atlas, [("temple", "right")])
    left = choir_codes(atlas, [("temple", "left")])
    assert right and left and not set(right) & set(left)
    assert set(choir_codes(atlas, [("sacrum", "midline")])) == set(atlas.regions["sacrum"].choir_right)


def test_a_chest_pattern_carries_the_heart_warning_and_a_neck_and_temple_one_does_not(atlas):
    text = _text(panel_for(atlas, ScreenState(trigger_point_id="pectoralis_major_sternal_intermediate", side="left"))["panel"])
    assert "chest_heart" in text
    text = _text(panel_for(atlas, ScreenState(trigger_point_id="trapezius_tp1", side="right"))["panel"])
    assert "chest_heart" not in text
