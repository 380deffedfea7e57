"""Cut a silhouette into regions that tile it: no gaps, no overlaps, by construction."""

from __future__ import annotations

from dataclasses import dataclass

from shapely import voronoi_polygons
from shapely.geometry import MultiPoint, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

# Pieces smaller than this (in view units squared) are slivers left by cutting; they join a neighbour.
SLIVER_AREA = 2.0


@dataclass(frozen=True)
class RegionSpec:
    """A region's claim: everything of `shape` inside the silhouette that no earlier spec took."""

    region_id: str
    shape: BaseGeometry | None = None
    midline: bool = False
    seed: tuple[float, float] | None = None  # instead of a shape: take the leftover nearest this point


def tile(silhouette: BaseGeometry, specs: list[RegionSpec], claimed: dict[str, BaseGeometry] | None = None) -> dict[str, BaseGeometry]:
    """Assign every part of the silhouette to exactly one region, earlier specs first.

    `claimed` holds regions fixed beforehand (for example a face pasted onto a body). What no spec
    reaches is merged into the neighbour it shares the longest border with, so nothing is left blank.
    """
    regions: dict[str, BaseGeometry] = {k: v.buffer(0) for k, v in (claimed or {}).items()}
    taken = unary_union(list(regions.values())) if regions else Polygon()
    for spec in specs:
        if spec.shape is None:
            continue
        piece = spec.shape.buffer(0).intersection(silhouette).difference(taken).buffer(0)
        if piece.is_empty or piece.area < SLIVER_AREA:
            continue
        previous = regions.get(spec.region_id)
        regions[spec.region_id] = piece if previous is None else previous.union(piece)
        taken = taken.union(piece)
    seeded = [spec for spec in specs if spec.seed is not None]
    if seeded:
        leftover = silhouette.difference(taken)
        cells = voronoi_polygons(MultiPoint([spec.seed for spec in seeded]), extend_to=silhouette.envelope.buffer(50))
        for cell in cells.geoms:
            owner = next(spec for spec in seeded if cell.contains(Point(spec.seed)))
            piece = cell.intersection(leftover).buffer(0)
            if piece.is_empty:
                continue
            previous = regions.get(owner.region_id)
            regions[owner.region_id] = piece if previous is None else previous.union(piece)
            taken = taken.union(piece)
    leftover = silhouette.difference(taken)
    for part in _parts(leftover):
        if part.area > 1e-6:
            _merge_into_neighbour(regions, part)
    for region_id in list(regions):
        _absorb_slivers(regions, region_id)
    return {region_id: _polygonal(shape) for region_id, shape in regions.items()}


def _polygonal(shape: BaseGeometry) -> BaseGeometry:
    """Drop the points and lines that set operations can leave behind."""
    parts = _parts(shape)
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _parts(shape: BaseGeometry) -> list[Polygon]:
    if shape.is_empty:
        return []
    if isinstance(shape, Polygon):
        return [shape]
    found: list[Polygon] = []
    for g in getattr(shape, "geoms", []):
        found.extend(_parts(g))
    return found


def _merge_into_neighbour(regions: dict[str, BaseGeometry], part: Polygon, exclude: str | None = None) -> None:
    best_id, best_len = None, 0.0
    for region_id, shape in regions.items():
        if region_id == exclude:
            continue
        shared = part.boundary.intersection(shape.buffer(1e-6)).length
        if shared > best_len:
            best_id, best_len = region_id, shared
    if best_id is None:
        nearest = min((r for r in regions if r != exclude), key=lambda r: regions[r].distance(part))
        best_id = nearest
    regions[best_id] = regions[best_id].union(part)


def _absorb_slivers(regions: dict[str, BaseGeometry], region_id: str) -> None:
    """Give a region's stray small fragments to the neighbour they touch most."""
    shape = regions[region_id]
    parts = _parts(shape)
    if len(parts) <= 1:
        return
    biggest = max(parts, key=lambda p: p.area)
    keep = [biggest]
    for part in parts:
        if part is biggest:
            continue
        if part.area < max(SLIVER_AREA * 10, biggest.area * 0.08):
            _merge_into_neighbour(regions, part, exclude=region_id)
        else:
            keep.append(part)
    regions[region_id] = unary_union(keep)


def polygons_of(shape: BaseGeometry) -> list[Polygon]:
    """The polygons making up a region, largest first."""
    if isinstance(shape, MultiPolygon):
        return sorted(shape.geoms, key=lambda g: -g.area)
    if isinstance(shape, Polygon):
        return [shape]
    return sorted(_parts(shape), key=lambda g: -g.area)
