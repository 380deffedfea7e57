"""Highlight logic: which regions light up on which side."""

from __future__ import annotations

from dataclasses import replace

from explorer.data.model import Referral
from explorer.domain.patterns import lit_regions, referral_map, sides_reached


def _ref(region="temple", zone="essential", laterality="ipsilateral"):
    return Referral("tp", region, zone, laterality, "src", "high", "")


def test_ipsilateral_contralateral_bilateral_and_midline():
    assert sides_reached(_ref(), "left", True) == ("left",)
    assert sides_reached(_ref(laterality="contralateral"), "left", True) == ("right",)
    assert sides_reached(_ref(laterality="bilateral"), "left", True) == ("right", "left")
    assert sides_reached(_ref(laterality="bilateral"), "left", False) == ("midline",)


def test_selected_side_decides_where_pattern_lights_up(atlas):
    tp_id = next(t for t, tp in atlas.trigger_points.items() if all(r.laterality == "ipsilateral" for r in tp.referrals) and tp.pain)
    for side in ("right", "left"):
        lit = lit_regions(atlas, tp_id, side)
        assert lit
        assert {r.side for r in lit} <= {side, "midline"}


def test_lit_regions_are_exactly_the_pattern_rows(atlas):
    tp = atlas.trigger_points["trapezius_tp1"]
    lit = lit_regions(atlas, "trapezius_tp1", "right")
    assert {r.region_id for r in lit} == {r.region_id for r in tp.referrals}
    essential = [r for r in lit if r.zone == "essential"]
    assert essential and lit[: len(essential)] == essential  # essential first


def test_essential_wins_when_rows_overlap(atlas):
    tp = atlas.trigger_points["trapezius_tp1"]
    doubled = replace(tp, referrals=(*tp.referrals, _ref(region=tp.referrals[0].region_id, zone="spillover")))
    first = tp.referrals[0]
    lit = referral_map(atlas, doubled, "right")
    key = (first.region_id, "right" if atlas.regions[first.region_id].sided else "midline")
    assert lit[key].zone == first.zone
