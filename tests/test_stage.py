"""The map's figures and the browser paint index, checked against the domain without a browser."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from explorer.data.model import PART
from explorer.domain.patterns import ESSENTIAL, lit_regions, region_key
from explorer.features.map import default_views
from explorer.figures import stage
from explorer.figures.canvas import placement, view_window


@pytest.fixture(scope="module")
def index(atlas):
    return stage.browser_index(atlas, default_views(atlas))


def test_the_index_lights_exactly_what_the_domain_lights(atlas, index):
    for tp_id in atlas.trigger_points:
        for side in ("right", "left", "both"):
            lit = lit_regions(atlas, tp_id, side)
            essential, spillover = index["patterns"][f"{tp_id}|{side}"]
            assert set(essential) == {region_key(r.region_id, r.side) for r in lit if r.zone == ESSENTIAL}
            assert set(spillover) == {region_key(r.region_id, r.side) for r in lit if r.zone != ESSENTIAL}
            assert not set(essential) & set(spillover)


def test_every_region_key_of_a_pattern_is_drawn(atlas, index):
    for essential, spillover in index["patterns"].values():
        for key in essential + spillover:
            assert key in index["rings"], key


def test_ring_slices_point_at_closed_rings_of_the_base_figure(atlas, index):
    base = stage.base_figure(atlas, "overview")
    xs, ys = base["data"][0]["x"], base["data"][0]["y"]
    for key, slices in index["rings"].items():
        for start, end in slices:
            assert end - start >= 4, key
            assert None not in xs[start:end] and xs[end] is None
            assert (xs[start], ys[start]) == (xs[end - 1], ys[end - 1]), f"{key} ring is not closed"


def test_every_dot_is_on_both_sides_and_inside_its_drawing(atlas):
    dots = stage.dots(atlas)
    positions = sum(len(tp.positions) for tp in atlas.trigger_points.values())
    assert len(dots) == 2 * positions
    for dot in dots:
        drawing = atlas.drawings[dot.drawing]
        place = placement(dot.drawing)
        x, y = (dot.x - place.dx) / place.scale, (dot.y - place.dy) / place.scale
        assert drawing.silhouette.buffer(1.5).contains(Point(x, y)), dot.key


def test_every_view_window_shows_its_drawings(atlas):
    for view in atlas.views.values():
        window = view_window(atlas, view)
        assert window.x1 > window.x0 and window.y1 > window.y0
        if view.kind != PART:
            for drawing_id in view.drawings:
                x0, y0, x1, y1 = atlas.drawings[drawing_id].bounds
                place = placement(drawing_id)
                assert window.contains(*place.point(x0, y0)) and window.contains(*place.point(x1, y1)), view.view_id


def test_drawings_do_not_overlap_on_the_canvas(atlas):
    from explorer.figures.canvas import drawing_box

    boxes = {view: drawing_box(atlas, view) for view in atlas.drawings}
    names = sorted(boxes)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            p, q = boxes[a], boxes[b]
            assert p.x1 <= q.x0 or q.x1 <= p.x0 or p.y1 <= q.y0 or q.y1 <= p.y0, f"{a} and {b} overlap on the canvas"


def test_each_view_has_r_and_l_where_it_shows_both_sides(atlas, index):
    for view_id, view in index["views"].items():
        letters = [a["text"] for a in view["annotations"] if a["text"] in ("<b>R</b>", "<b>L</b>")]
        assert letters, view_id
        if atlas.views[view_id].side == "both" and atlas.views[view_id].kind != PART:
            assert "<b>R</b>" in letters and "<b>L</b>" in letters, view_id
