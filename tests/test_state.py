"""The address: round trips, and every tampered parameter named in a message (never an exception)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.state import PAIN, ScreenState, from_store, parse_query, to_query


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


def test_view_round_trip_and_unknown_view(atlas):
    state = ScreenState(view="head_right")
    assert to_query(state) == "?view=head_right"
    assert parse_query("?view=head_right", atlas) == state
    bad = parse_query("?view=elbow_close_up", atlas)
    assert bad.view is None and any("Parameter 'view'" in m for m in bad.messages)


def test_both_sides_is_a_side(atlas):
    assert parse_query("?tp=trapezius_tp1&side=both", atlas).side == "both"


def test_store_round_trip(atlas):
    state = ScreenState(mode=PAIN, pain=(("temple", "right"), ("sacrum", "midline")), trigger_point_id="trapezius_tp1", side="left", view="body")
    assert state.to_store()["pain"] == ["temple.r", "sacrum"]
    assert from_store(state.to_store(), atlas) == (state, ())


@pytest.mark.parametrize(
    "stored",
    [
        "text",
        [1, 2],
        {"mode": ["pain"]},
        {"mode": "dance", "tp": "nope", "side": "up", "pain": "temple.r", "region": 5, "view": "x" * 500},
        {"pain": [{"a": 1}, "elbowz.l", None, 3, "temple.q"]},
        {"tp": {"$where": 1}},
        {"pain": ["temple.r"] * 5000},
    ],
)
def test_a_tampered_store_is_read_as_far_as_it_can_be_with_notes(atlas, stored):
    state, notes = from_store(stored, atlas)
    assert isinstance(state, ScreenState)
    assert notes
    assert state.trigger_point_id is None or state.trigger_point_id in atlas.trigger_points
    assert len(state.pain) <= 300


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["mode", "tp", "side", "pain", "region", "view", "x"]), json_values, max_size=7))
def test_any_store_reads_without_error(atlas, stored):
    state, notes = from_store(stored, atlas)
    assert state.mode in ("explore", "pain")
    assert all(isinstance(n, str) and len(n) < 200 for n in notes)
