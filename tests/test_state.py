"""The address: round trips, and every tampered parameter named in a message (never an exception)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.state import PAIN, ScreenState, parse_query, to_query


def test_round_trip_selection(atlas):
    state = ScreenState(trigger_point_id="trapezius_tp1", side="left")
    assert to_query(state) == "?tp=trapezius_tp1&side=left"
    assert parse_query(to_query(state), atlas) == state


def test_round_trip_pain_drawing(atlas):
    state = ScreenState(mode=PAIN, pain=(("temple", "right"), ("sacrum", "midline"), ("medial_knee", "left")))
    query = to_query(state)
    assert query == "?mode=pain&pain=temple.r,sacrum,medial_knee.l"
    assert parse_query(query, atlas) == state


def test_pain_implies_pain_mode(atlas):
    assert parse_query("?pain=temple.l", atlas).mode == PAIN


def test_unknown_trigger_point_is_named(atlas):
    state = parse_query("?tp=not_a_point&side=right", atlas)
    assert state.trigger_point_id is None
    assert any("Parameter 'tp'" in m and "not_a_point" in m for m in state.messages)


def test_bad_side_is_named(atlas):
    state = parse_query("?tp=trapezius_tp1&side=up", atlas)
    assert state.side == "right"
    assert any("Parameter 'side'" in m for m in state.messages)


def test_bad_pain_items_are_named_and_good_ones_kept(atlas):
    state = parse_query("?pain=temple.r,elbowz.l,temple.x", atlas)
    assert state.pain == (("temple", "right"),)
    assert any("'elbowz'" in m for m in state.messages)
    assert any("'temple.x'" in m for m in state.messages)


def test_unknown_parameter_and_mode(atlas):
    state = parse_query("?foo=1&mode=dance", atlas)
    assert any("Parameter 'foo'" in m for m in state.messages)
    assert any("Parameter 'mode'" in m for m in state.messages)


def test_toggle_pain():
    state = ScreenState(mode=PAIN).toggle_pain(("temple", "right"))
    assert state.pain == (("temple", "right"),)
    assert state.toggle_pain(("temple", "right")).pain == ()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_query_string_parses_without_error(atlas, text):
    state = parse_query(text, atlas)
    assert state.mode in ("explore", "pain")
    assert all(len(m) < 400 for m in state.messages)
