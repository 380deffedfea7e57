"""Geometry invariants, checked with shapely on the committed file (and the generator itself)."""

from __future__ import annotations

import csv

import pytest
import shapely
from shapely import STRtree
from shapely.affinity import scale
from shapely.ops import unary_union

from explorer.bodymap import views
from explorer.bodymap.generate import build_regions, render_csv
from explorer.data import DEFAULT_DATA_DIR
from tests.conftest import SHARED_DIR

OVERLAP_TOLERANCE = 0.5  # square units on a body 800 units tall


@pytest.mark.parametrize("view", ["front", "back", "face", "head_right", "head_left"])
def test_no_two_regions_overlap(atlas, view):
    shapes = atlas.drawings[view].shapes
    polygons = [s.polygon for s in shapes]
    tree = STRtree(polygons)
    for i, polygon in enumerate(polygons):
        for j in tree.query(polygon):
            if j <= i:
                continue
            # Coordinates are stored on a 0.1 grid: measure overlap at that precision, not float noise below it.
            overlap = shapely.intersection(polygon, polygons[j], grid_size=0.1).area
            assert overlap < OVERLAP_TOLERANCE, (
                f"{view}: {shapes[i].region_id}/{shapes[i].side} overlaps {shapes[j].region_id}/{shapes[j].side} by {overlap:.2f}"
            )


@pytest.mark.parametrize(
    ("view", "silhouette"),
    [
        ("front", views.body_silhouette),
        ("back", views.body_silhouette),
        ("face", views.face_silhouette),
        ("head_right", views.lateral_silhouette),
    ],
)
def test_regions_cover_the_silhouette(atlas, view, silhouette):
    outline = silhouette()
    union = unary_union([s.polygon for s in atlas.drawings[view].shapes])
    gaps = outline.difference(union).area
    assert gaps / outline.area < 0.005, f"{view}: {gaps:.1f} units of the body are not in any region"
    assert union.difference(outline.buffer(0.5)).area / outline.area < 0.005


def test_every_vocabulary_region_is_drawn(atlas):
    shared = SHARED_DIR / "regions.csv"
    vocabulary = [row["region_id"] for row in csv.DictReader(shared.open(encoding="utf-8"))] if shared.exists() else list(atlas.regions)
    missing = [r for r in vocabulary if r not in atlas.regions]
    assert not missing, f"regions.csv lacks shared vocabulary ids: {missing}"
    undrawn = [r for r in vocabulary if not atlas.views_showing(r)]
    assert not undrawn


def test_sided_regions_are_drawn_on_both_sides_as_mirror_images(atlas):
    for view, geometry in atlas.drawings.items():
        if view.startswith("head_"):
            continue
        for region_id in {s.region_id for s in geometry.shapes if s.side == "right"}:
            right = unary_union([s.polygon for s in geometry.shapes_of(region_id, "right") if s.side == "right"])
            left = unary_union([s.polygon for s in geometry.shapes if s.region_id == region_id and s.side == "left"])
            mirrored = scale(right, -1, 1, origin=(0, 0))
            assert mirrored.symmetric_difference(left).area < 0.02 * max(right.area, 1), f"{view}/{region_id} is not mirrored"


def test_lateral_head_views_mirror_each_other(atlas):
    right = unary_union([s.polygon for s in atlas.drawings["head_right"].shapes])
    left = unary_union([s.polygon for s in atlas.drawings["head_left"].shapes])
    assert scale(right, -1, 1, origin=(0, 0)).symmetric_difference(left).area < 1.0


def test_front_view_puts_patient_right_on_viewer_left(atlas):
    right_hand = unary_union([s.polygon for s in atlas.drawings["front"].shapes if s.region_id == "palm" and s.side == "right"])
    assert right_hand.centroid.x < 0
    back_right_hand = unary_union([s.polygon for s in atlas.drawings["back"].shapes if s.region_id == "back_of_hand" and s.side == "right"])
    assert back_right_hand.centroid.x > 0


def test_body_proportions_follow_the_eight_head_canon(atlas):
    front = atlas.drawings["front"]
    _, miny, _, maxy = front.silhouette.bounds
    height = maxy - miny
    chin = min(p.bounds[1] for s in front.shapes if s.region_id == "chin" for p in [s.polygon])
    knee = front.shapes_of("front_of_knee", "right")[0].polygon.centroid.y
    assert 7.7 < height / 100 < 8.6
    assert 0.84 < (chin - miny) / height < 0.9
    assert 0.22 < (knee - miny) / height < 0.3


def test_generator_reproduces_the_committed_file():
    committed = (DEFAULT_DATA_DIR / "body_geometry.csv").read_text(encoding="utf-8")
    assert render_csv(build_regions()) == committed


def test_hit_testing_finds_the_region_under_a_point(atlas):
    front = atlas.drawings["front"]
    chin = front.shapes_of("sternum", "right")[0].polygon.representative_point()
    assert front.region_at(chin.x, chin.y).region_id == "sternum"
    assert front.region_at(-380, 10) is None


# (view, region_id, side) triples allowed to have pieces apart from each other, with the reason. None today.
DELIBERATELY_SPLIT: dict[tuple[str, str, str], str] = {}


def test_no_region_has_a_stray_piece(atlas):
    """Each region is one connected area on every drawing: a hip region must not also paint the forearm."""
    stray = []
    for view, geometry in sorted(atlas.drawings.items()):
        pieces: dict[tuple[str, str], list] = {}
        for shape in geometry.shapes:
            pieces.setdefault((shape.region_id, shape.side), []).append(shape.polygon)
        for (region_id, side), polygons in sorted(pieces.items()):
            joined = unary_union([p.buffer(0.5) for p in polygons])
            if joined.geom_type != "Polygon" and (view, region_id, side) not in DELIBERATELY_SPLIT:
                parts = sorted(joined.geoms, key=lambda g: -g.area)
                where = ", ".join(f"({p.centroid.x:.0f}, {p.centroid.y:.0f})" for p in parts)
                stray.append(f"{view}: {region_id}/{side} has {len(parts)} separate pieces at {where}")
    assert not stray, "\n".join(stray)
