"""The atlas as a whole: coverage of the Manual's body parts and of the region vocabulary."""

from __future__ import annotations

from collections import Counter

from explorer.data.schemas import MUSCLE_BODY_PARTS


def test_size(atlas):
    assert len(atlas.muscles) >= 120
    assert len(atlas.trigger_points) >= 200


def test_at_least_five_muscles_in_each_body_part(atlas):
    counts = Counter(m.body_part for m in atlas.muscles.values())
    assert {part: counts[part] for part in MUSCLE_BODY_PARTS if counts[part] < 5} == {}


def test_every_region_is_reached_or_listed_as_unused(atlas):
    reached = {r.region_id for tp in atlas.trigger_points.values() for r in tp.referrals}
    unaccounted = [r for r in atlas.regions if r not in reached and r not in atlas.unused_regions]
    assert unaccounted == []
    assert [r for r in atlas.unused_regions if r in reached] == []


def test_every_pattern_row_has_source_and_confidence(atlas):
    for tp in atlas.trigger_points.values():
        for referral in tp.referrals:
            assert referral.source.strip()
            assert referral.confidence in ("high", "medium", "low")


def test_trigger_points_lie_on_their_region(atlas):
    for tp in atlas.trigger_points.values():
        for side in ("right", "left"):
            for dot in atlas.dots(tp.trigger_point_id, side):
                shape = atlas.drawings[dot.view].region_at(dot.x, dot.y)
                near = [s for s in atlas.drawings[dot.view].shapes_of(tp.region_id, side)]
                assert shape is not None or near, tp.trigger_point_id


def test_non_pain_points_are_marked(atlas):
    assert any(not tp.pain for tp in atlas.trigger_points.values() if tp.muscle_id == "trapezius")


def test_split_muscles_follow_the_manual(atlas):
    labels = {
        m: [tp.label for tp in atlas.trigger_points_of(m)]
        for m in ("trapezius", "temporalis", "triceps_brachii", "gluteus_medius", "soleus", "vastus_lateralis")
    }
    assert sum(1 for label in labels["trapezius"] if label.startswith("TP")) >= 6
    assert len(labels["temporalis"]) >= 4
    assert len(labels["triceps_brachii"]) >= 5
    assert len(labels["gluteus_medius"]) >= 3
    assert len(labels["soleus"]) >= 3
    assert len(labels["vastus_lateralis"]) >= 5


def test_markers_do_not_sit_on_top_of_each_other(atlas):
    by_view: dict[str, list] = {}
    for tp in atlas.trigger_points.values():
        for dot in tp.positions:
            by_view.setdefault(dot.view, []).append((tp.trigger_point_id, dot.x, dot.y))
    for view, points in by_view.items():
        for i, (a, ax, ay) in enumerate(points):
            for b, bx, by in points[i + 1 :]:
                assert (ax - bx) ** 2 + (ay - by) ** 2 >= 3.0**2, f"{view}: {a} and {b} overlap"
