"""Typed, validated tables of the atlas: what the rest of the app reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from shapely import STRtree
from shapely.geometry import Point, Polygon

RIGHT, LEFT, MIDLINE = "right", "left", "midline"
SIDES = (RIGHT, LEFT)


def other_side(side: str) -> str:
    """The opposite body side."""
    return LEFT if side == RIGHT else RIGHT


@dataclass(frozen=True)
class Region:
    """A body surface region of the vocabulary."""

    region_id: str
    label: str
    plain_label: str
    body_part: str
    sided: bool
    choir_right: tuple[str, ...]
    choir_left: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class RegionShape:
    """One polygon of a region on one side of a view."""

    view: str
    region_id: str
    side: str
    polygon: Polygon


@dataclass
class ViewGeometry:
    """All region polygons of one view, with a spatial index for hit-testing clicks."""

    view: str
    shapes: list[RegionShape]
    silhouette: Polygon
    _tree: STRtree = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._tree = STRtree([s.polygon for s in self.shapes])

    def region_at(self, x: float, y: float) -> RegionShape | None:
        """The region under a point, or None outside the body."""
        point = Point(x, y)
        for index in self._tree.query(point, predicate="intersects"):
            return self.shapes[int(index)]
        return None

    def shapes_of(self, region_id: str, side: str) -> list[RegionShape]:
        """Polygons drawing one region on one side (midline regions answer for any side)."""
        return [s for s in self.shapes if s.region_id == region_id and s.side in (side, MIDLINE)]


@dataclass(frozen=True)
class Muscle:
    """A muscle (or a group the Manual treats as one) with its clinical notes."""

    muscle_id: str
    name: str
    plain_name: str
    aliases: tuple[str, ...]
    body_part: str
    attachments: str
    action: str
    innervation: str
    symptoms: str
    mimics: str
    perpetuating_factors: str
    self_care: str
    outline_view: str
    outline_regions: tuple[str, ...]
    source: str
    note: str


@dataclass(frozen=True)
class Referral:
    """One region of a trigger point's referral pattern."""

    trigger_point_id: str
    region_id: str
    zone: str  # essential | spillover
    laterality: str  # ipsilateral | contralateral | bilateral
    source: str
    confidence: str
    note: str


@dataclass(frozen=True)
class TriggerPoint:
    """A trigger point, stored at its place on the patient's right side."""

    trigger_point_id: str
    muscle_id: str
    label: str
    view: str
    x: float
    y: float
    region_id: str
    location: str
    pain: bool
    prevalence: str
    pattern_summary: str
    note: str
    referrals: tuple[Referral, ...]

    def position(self, side: str) -> tuple[str, float, float]:
        """(view, x, y) of this trigger point on the given side: the left is the mirror image."""
        if side == RIGHT:
            return self.view, self.x, self.y
        view = "head_left" if self.view == "head_right" else self.view
        return view, -self.x, self.y


@dataclass(frozen=True)
class RedFlag:
    """A warning sign tied to body regions that needs medical attention."""

    flag_id: str
    region_ids: tuple[str, ...]
    title: str
    warning: str
    action: str
    urgency: str
    source: str


@dataclass(eq=False)  # compared and hashed by identity, so derived indexes can be cached per atlas
class Atlas:
    """Everything the app knows, validated as a whole."""

    regions: dict[str, Region]
    views: dict[str, ViewGeometry]
    muscles: dict[str, Muscle]
    trigger_points: dict[str, TriggerPoint]
    red_flags: list[RedFlag]
    unused_regions: dict[str, str]

    def trigger_points_of(self, muscle_id: str) -> list[TriggerPoint]:
        """Trigger points of one muscle, in file order."""
        return [tp for tp in self.trigger_points.values() if tp.muscle_id == muscle_id]

    def views_showing(self, region_id: str) -> list[str]:
        """Views on which a region is drawn."""
        return [v for v, g in self.views.items() if any(s.region_id == region_id for s in g.shapes)]
