"""Deterministic generator of `data/body_geometry.csv` from the landmarks in `views`.

Run `python -m explorer generate-geometry` after changing a landmark; the output is committed so
that the app never computes geometry at start-up and every change shows up as a diff.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

import shapely
from shapely.geometry import LineString, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import split, unary_union

from explorer.bodymap import extremities, views
from explorer.bodymap.primitives import mirror_x, rect
from explorer.bodymap.tiling import polygons_of, tile

# Views and how the patient's right half maps onto the page: the front and face views show the
# patient's right on the viewer's left; the back view on the viewer's right. The palm and the top of
# the foot are seen from the front, the back of the hand and the sole from behind.
VIEW_IDS = ("front", "back", "face", "head_right", "head_left", "hand_palmar", "hand_dorsal", "foot_dorsal", "foot_plantar")
RIGHT_ON_VIEWER_LEFT = {
    "front": True,
    "face": True,
    "back": False,
    "hand_palmar": True,
    "hand_dorsal": False,
    "foot_dorsal": True,
    "foot_plantar": False,
}
COORD_PRECISION = 0.1
SIMPLIFY_TOLERANCE = 0.25
GEOMETRY_COLUMNS = ("view", "region_id", "side", "part", "outline")


@dataclass(frozen=True)
class RegionPolygon:
    """One polygon of one region on one side of one view."""

    view: str
    region_id: str
    side: str  # right | left | midline
    part: int
    polygon: Polygon


def _half_plane() -> Polygon:
    return rect(0, -1000, 1000, 2000)


def _symmetric_view(view: str, silhouette: BaseGeometry, specs, claimed=None) -> list[tuple[str, str, BaseGeometry]]:
    """Tile the patient's right half, then mirror it to the left; midline regions span both."""
    half = silhouette.intersection(_half_plane())
    regions = tile(half, specs, claimed)
    midline_ids = {spec.region_id for spec in specs if spec.midline}
    flip = -1.0 if RIGHT_ON_VIEWER_LEFT[view] else 1.0
    out: list[tuple[str, str, BaseGeometry]] = []
    for region_id, shape in regions.items():
        right = shape if flip > 0 else mirror_x(shape)
        if region_id in midline_ids:
            out.append((region_id, "midline", unary_union([right, mirror_x(right)])))
        else:
            out.append((region_id, "right", right))
            out.append((region_id, "left", mirror_x(right)))
    return out


def _lateral_views() -> list[tuple[str, str, str, BaseGeometry]]:
    regions = tile(views.lateral_silhouette(), views.lateral_specs())
    rows = []
    for region_id, shape in regions.items():
        rows.append(("head_right", region_id, "right", shape))
        rows.append(("head_left", region_id, "left", mirror_x(shape)))
    return rows


def build_regions() -> list[RegionPolygon]:
    """Every region polygon of every view, in a stable order."""
    raw: list[tuple[str, str, str, BaseGeometry]] = []
    for region_id, side, shape in _symmetric_view("face", views.face_silhouette(), views.face_specs()):
        raw.append(("face", region_id, side, shape))
    body = views.body_silhouette()
    face_claims = views.body_face_claims()
    for region_id, side, shape in _symmetric_view("front", body, views.body_front_specs(), face_claims):
        raw.append(("front", region_id, side, shape))
    for region_id, side, shape in _symmetric_view("back", body, views.body_back_specs()):
        raw.append(("back", region_id, side, shape))
    raw.extend(_lateral_views())
    close_ups = [
        ("hand_palmar", extremities.hand_silhouette(), extremities.hand_palmar_specs()),
        ("hand_dorsal", extremities.hand_silhouette(), extremities.hand_dorsal_specs()),
        ("foot_dorsal", extremities.foot_dorsal_silhouette(), extremities.foot_dorsal_specs()),
        ("foot_plantar", extremities.foot_plantar_silhouette(), extremities.foot_plantar_specs()),
    ]
    for view, silhouette, specs in close_ups:
        raw.extend((view, region_id, side, shape) for region_id, side, shape in _symmetric_view(view, silhouette, specs))

    result: list[RegionPolygon] = []
    for view in VIEW_IDS:
        entries = sorted((r for r in raw if r[0] == view), key=lambda r: (r[1], r[2]))
        simplified = shapely.coverage_simplify([e[3] for e in entries], SIMPLIFY_TOLERANCE)
        taken = Polygon()
        for (_, region_id, side, _), shape in zip(entries, simplified, strict=True):
            # Simplifying and rounding can leave slivers where neighbours meet; the earlier region keeps them.
            # Overlay on the output grid itself, so rounding cannot reopen an overlap afterwards.
            shape = shapely.difference(shapely.set_precision(shape, COORD_PRECISION), taken, grid_size=COORD_PRECISION)
            shape = unary_union(polygons_of(shape))
            taken = shapely.union(taken, shape, grid_size=COORD_PRECISION)
            for part, polygon in enumerate(_hole_free(shape)):
                result.append(RegionPolygon(view, region_id, side, part, polygon))
    return result


def _hole_free(shape: BaseGeometry) -> list[Polygon]:
    """Split polygons with holes so each piece is a simple ring (plotly fills rings, not holes)."""
    pieces: list[Polygon] = []
    for polygon in polygons_of(shape):
        if polygon.area < 0.5:
            continue
        if not polygon.interiors:
            pieces.append(polygon)
            continue
        hole = Polygon(polygon.interiors[0])
        cx = hole.centroid.x
        minx, miny, maxx, maxy = polygon.bounds
        cutter = LineString([(cx, miny - 1), (cx, maxy + 1)])
        for piece in split(polygon, cutter).geoms:
            pieces.extend(_hole_free(piece))
    return sorted(pieces, key=lambda p: (-round(p.area, 1), round(p.centroid.x, 1)))


def format_outline(polygon: Polygon) -> str:
    """Outline as 'x,y x,y ...' (exterior ring, closing point dropped)."""
    coords = list(polygon.exterior.coords)[:-1]
    return " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in coords)


def _fmt(value: float) -> str:
    text = f"{round(value, 1):.1f}"
    return "0.0" if text == "-0.0" else text


def rows(regions: list[RegionPolygon]) -> Iterator[tuple[str, str, str, str, str]]:
    """CSV rows for the regions."""
    for r in regions:
        yield (r.view, r.region_id, r.side, str(r.part), format_outline(r.polygon))


def render_csv(regions: list[RegionPolygon]) -> str:
    """The geometry file's full text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(GEOMETRY_COLUMNS)
    writer.writerows(rows(regions))
    return buffer.getvalue()
