"""Geometry of the hand and foot drawings, checked with shapely on the committed file.

Each check is a function returning its problems, so the same code is run on the bundled drawings
(no problems expected) and on deliberately broken copies (problems expected): a check that could
not fail would prove nothing.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
import shapely
from shapely import STRtree
from shapely.affinity import scale, translate
from shapely.geometry import Polygon
from shapely.ops import unary_union

from explorer.bodymap import extremities
from explorer.data.model import RegionShape

OVERLAP_TOLERANCE = 0.5  # square units, measured on the 0.1 grid the coordinates are stored on
GAP_TOLERANCE = 0.005  # share of the silhouette's area
MIRROR_TOLERANCE = 0.02  # share of the region's area

SILHOUETTES = {
    "hand_palmar": extremities.hand_silhouette,
    "hand_dorsal": extremities.hand_silhouette,
    "foot_dorsal": extremities.foot_dorsal_silhouette,
    "foot_plantar": extremities.foot_plantar_silhouette,
}
VIEWS = tuple(SILHOUETTES)
FINGERS = ("thumb", "index_finger", "middle_finger", "ring_finger", "little_finger")
EXPECTED_REGIONS = {
    "hand_palmar": {
        "palm",
        "thenar_eminence",
        "hypothenar_eminence",
        "base_of_thumb",
        "thumb_web",
        "front_of_wrist",
        "radial_wrist",
        "ulnar_wrist",
        *FINGERS,
    },
    "hand_dorsal": {"back_of_hand", "thumb_web", "base_of_thumb", "back_of_wrist", "radial_wrist", "ulnar_wrist", *FINGERS},
    "foot_dorsal": {
        "top_of_foot",
        "great_toe",
        "lesser_toes",
        "front_of_ankle",
        "medial_ankle",
        "lateral_ankle",
        "lateral_foot",
        "first_metatarsal_head",
        "fifth_metatarsal_head",
    },
    "foot_plantar": {
        "plantar_heel",
        "medial_heel",
        "lateral_heel",
        "back_of_heel",
        "arch",
        "ball_of_foot",
        "first_metatarsal_head",
        "fifth_metatarsal_head",
        "lateral_foot",
        "great_toe",
        "lesser_toes",
    },
}
# Where the patient's right hand or foot is drawn: the palm and the top of the foot are seen from
# the front (the right on the viewer's left), the back of the hand and the sole from behind.
RIGHT_ON_VIEWER_LEFT = {"hand_palmar": True, "hand_dorsal": False, "foot_dorsal": True, "foot_plantar": False}


# ---------------------------------------------------------------- checks


def _union(shapes: list[RegionShape], region_id: str | None = None, side: str | None = None):
    return unary_union([s.polygon for s in shapes if (region_id is None or s.region_id == region_id) and (side is None or s.side == side)])


def overlaps(shapes: list[RegionShape]) -> list[str]:
    """Pairs of region polygons that share more than a rounding error of area."""
    polygons = [s.polygon for s in shapes]
    tree = STRtree(polygons)
    found = []
    for i, polygon in enumerate(polygons):
        for j in tree.query(polygon):
            if j <= i:
                continue
            overlap = shapely.intersection(polygon, polygons[j], grid_size=0.1).area
            if overlap >= OVERLAP_TOLERANCE:
                found.append(f"{shapes[i].region_id}/{shapes[i].side} overlaps {shapes[j].region_id}/{shapes[j].side} by {overlap:.2f}")
    return found


def gaps(shapes: list[RegionShape], silhouette) -> list[str]:
    """Parts of the silhouette in no region, and regions reaching outside it."""
    union = _union(shapes)
    problems = []
    uncovered = silhouette.difference(union).area
    if uncovered / silhouette.area >= GAP_TOLERANCE:
        problems.append(f"{uncovered:.1f} square units of the silhouette are in no region")
    outside = union.difference(silhouette.buffer(0.5)).area
    if outside / silhouette.area >= GAP_TOLERANCE:
        problems.append(f"{outside:.1f} square units of regions lie outside the silhouette")
    return problems


def mirror_mismatches(shapes: list[RegionShape]) -> list[str]:
    """Regions whose left polygon is not the mirror image of the right one."""
    problems = []
    for region_id in sorted({s.region_id for s in shapes}):
        right, left = _union(shapes, region_id, "right"), _union(shapes, region_id, "left")
        if right.is_empty or left.is_empty:
            problems.append(f"{region_id} is drawn on one side only")
            continue
        mismatch = scale(right, -1, 1, origin=(0, 0)).symmetric_difference(left).area
        if mismatch >= MIRROR_TOLERANCE * max(right.area, 1):
            problems.append(f"{region_id}: left differs from the mirrored right by {mismatch:.1f}")
    return problems


def wrong_side(shapes: list[RegionShape], right_on_viewer_left: bool) -> list[str]:
    """Polygons of the patient's right (or left) drawn on the wrong half of the page."""
    problems = []
    for s in shapes:
        x0, _, x1, _ = s.polygon.bounds
        on_viewer_left = x1 <= 0
        on_viewer_right = x0 >= 0
        if not (on_viewer_left or on_viewer_right):
            problems.append(f"{s.region_id}/{s.side} straddles the midline")
        elif on_viewer_left != ((s.side == "right") == right_on_viewer_left):
            problems.append(f"{s.region_id}/{s.side} is on the viewer's {'left' if on_viewer_left else 'right'}")
    return problems


def stray_pieces(shapes: list[RegionShape]) -> list[str]:
    """Regions (on one side) whose polygons do not form one piece."""
    pieces = defaultdict(list)
    for s in shapes:
        pieces[(s.region_id, s.side)].append(s.polygon)
    problems = []
    for (region_id, side), polygons in sorted(pieces.items()):
        merged = unary_union(polygons).buffer(0.5)
        if not isinstance(merged, Polygon):
            problems.append(f"{region_id}/{side} has {len(merged.geoms)} separate pieces")
    return problems


def distance_from_midline(shapes: list[RegionShape], region_id: str, side: str = "right") -> float:
    return abs(_union(shapes, region_id, side).centroid.x)


def top_of(shapes: list[RegionShape], region_id: str, side: str = "right") -> float:
    return _union(shapes, region_id, side).bounds[3]


# ---------------------------------------------------------------- the bundled drawings


@pytest.fixture(params=VIEWS)
def view(request):
    return request.param


def test_no_two_regions_overlap(atlas, view):
    assert overlaps(atlas.drawings[view].shapes) == []


def test_regions_cover_the_silhouette(atlas, view):
    assert gaps(atlas.drawings[view].shapes, SILHOUETTES[view]()) == []


def test_left_side_is_the_mirror_image_of_the_right(atlas, view):
    assert mirror_mismatches(atlas.drawings[view].shapes) == []


def test_patient_right_is_on_the_expected_side(atlas, view):
    shapes = atlas.drawings[view].shapes
    assert wrong_side(shapes, RIGHT_ON_VIEWER_LEFT[view]) == []
    right_x = _union(shapes, side="right").centroid.x
    assert (right_x < 0) == RIGHT_ON_VIEWER_LEFT[view]


def test_every_listed_region_is_drawn_on_both_sides(atlas, view):
    shapes = atlas.drawings[view].shapes
    for side in ("right", "left"):
        drawn = {s.region_id for s in shapes if s.side == side}
        assert EXPECTED_REGIONS[view] - drawn == set(), f"{view}/{side} lacks regions"


def test_no_region_has_a_stray_piece(atlas, view):
    assert stray_pieces(atlas.drawings[view].shapes) == []


def test_sizes_and_spacing(atlas, view):
    shapes = atlas.drawings[view].shapes
    x0, y0, x1, y1 = _union(shapes, side="right").bounds
    assert abs(y0) < 3, "the wrist or heel end is at y = 0"
    assert 230 <= y1 <= 250, "the middle fingertip or the longest toe reaches y = 230..250"
    assert 100 <= x1 - x0 <= 120, "one hand or foot is 100..120 units wide"
    assert 25 <= 2 * min(abs(x0), abs(x1)) <= 35, "the two hands or feet stand about 30 units apart"


@pytest.mark.parametrize("view", ["hand_palmar", "hand_dorsal"])
def test_thumb_is_lateral_and_fingers_have_natural_lengths(atlas, view):
    shapes = atlas.drawings[view].shapes
    assert distance_from_midline(shapes, "thumb") > distance_from_midline(shapes, "index_finger")
    assert distance_from_midline(shapes, "index_finger") > distance_from_midline(shapes, "little_finger")
    middle, ring, index, little = (top_of(shapes, f) for f in ("middle_finger", "ring_finger", "index_finger", "little_finger"))
    assert middle > ring > index > little
    thumb_base = _union(shapes, "thumb", "right").bounds[1]
    assert thumb_base < _union(shapes, "index_finger", "right").bounds[1], "the thumb leaves the hand nearer the wrist"


def test_thenar_is_over_the_thumb_side_and_hypothenar_over_the_little_finger_side(atlas):
    shapes = atlas.drawings["hand_palmar"].shapes
    thenar, hypothenar = distance_from_midline(shapes, "thenar_eminence"), distance_from_midline(shapes, "hypothenar_eminence")
    assert thenar > distance_from_midline(shapes, "palm") > hypothenar
    assert abs(thenar - distance_from_midline(shapes, "thumb")) < abs(hypothenar - distance_from_midline(shapes, "thumb"))


@pytest.mark.parametrize("view", ["foot_dorsal", "foot_plantar"])
def test_great_toe_is_medial(atlas, view):
    shapes = atlas.drawings[view].shapes
    assert distance_from_midline(shapes, "great_toe") < distance_from_midline(shapes, "lesser_toes")
    assert distance_from_midline(shapes, "first_metatarsal_head") < distance_from_midline(shapes, "fifth_metatarsal_head")
    assert distance_from_midline(shapes, "lateral_foot") > distance_from_midline(shapes, "great_toe")
    assert top_of(shapes, "great_toe") > top_of(shapes, "lesser_toes")


def test_sole_runs_heel_arch_ball_toes_with_the_arch_medial(atlas):
    shapes = atlas.drawings["foot_plantar"].shapes

    def height(region_id):
        return _union(shapes, region_id, "right").centroid.y

    assert height("plantar_heel") < height("arch") < height("ball_of_foot") < height("lesser_toes")
    assert height("ball_of_foot") == pytest.approx(height("first_metatarsal_head"), abs=25)
    assert distance_from_midline(shapes, "arch") < distance_from_midline(shapes, "lateral_foot")
    assert distance_from_midline(shapes, "medial_heel") < distance_from_midline(shapes, "lateral_heel")


# ---------------------------------------------------------------- the checks catch breakage


def _moved(shapes: list[RegionShape], region_id: str, dx: float, dy: float = 0.0) -> list[RegionShape]:
    return [RegionShape(s.view, s.region_id, s.side, translate(s.polygon, dx, dy)) if s.region_id == region_id else s for s in shapes]


def test_checks_catch_an_overlap_and_a_gap(atlas):
    shapes = atlas.drawings["hand_palmar"].shapes
    nudged = _moved(shapes, "thenar_eminence", 6)
    assert overlaps(nudged)
    without_palm = [s for s in shapes if s.region_id != "palm"]
    assert gaps(without_palm, extremities.hand_silhouette())


def test_checks_catch_a_broken_mirror_and_a_wrong_side(atlas):
    shapes = atlas.drawings["foot_plantar"].shapes
    assert mirror_mismatches(_moved(shapes, "arch", 5))
    swapped = [RegionShape(s.view, s.region_id, {"right": "left", "left": "right"}[s.side], s.polygon) for s in shapes]
    assert wrong_side(swapped, RIGHT_ON_VIEWER_LEFT["foot_plantar"])
    assert wrong_side(shapes, not RIGHT_ON_VIEWER_LEFT["foot_plantar"])


def test_checks_catch_a_stray_piece(atlas):
    shapes = atlas.drawings["foot_dorsal"].shapes
    stray = next(s for s in shapes if s.region_id == "great_toe" and s.side == "right")
    far_away = RegionShape(stray.view, stray.region_id, stray.side, translate(stray.polygon, 0, -150))
    assert stray_pieces([*shapes, far_away])
    assert not stray_pieces(shapes)


def test_lateral_checks_catch_a_thumb_on_the_wrong_side(atlas):
    shapes = atlas.drawings["hand_palmar"].shapes
    mirrored_about_the_hand = [
        RegionShape(s.view, s.region_id, s.side, scale(s.polygon, -1, 1, origin=(-73, 0)) if s.side == "right" else s.polygon)
        for s in shapes
    ]
    assert distance_from_midline(mirrored_about_the_hand, "thumb") < distance_from_midline(mirrored_about_the_hand, "little_finger")
