"""Typed, validated tables of the atlas: what the rest of the app reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from shapely import STRtree
from shapely.geometry import Point, Polygon

RIGHT, LEFT, MIDLINE, BOTH = "right", "left", "midline", "both"
SIDES = (RIGHT, LEFT)

# Kinds of view (views.csv): a drawing of its own in body_geometry.csv, a part (crop) of a drawing,
# or a group of drawings shown side by side.
DRAWING, PART, GROUP = "drawing", "part", "group"


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
    """One polygon of a region on one side of a drawing."""

    view: str
    region_id: str
    side: str
    polygon: Polygon


@dataclass
class Drawing:
    """All region polygons of one drawing, with a spatial index for finding the region under a point."""

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

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(x_min, y_min, x_max, y_max) of the drawing."""
        return self.silhouette.bounds


@dataclass(frozen=True)
class View:
    """A row of views.csv: something the map can show, opened by `?view=<view_id>`."""

    view_id: str
    label: str
    shows: str
    kind: str  # drawing | part | group
    of: tuple[str, ...]  # part: (parent drawing,); group: member drawings; drawing: ()
    box: tuple[float, float, float, float] | None  # part: crop in the parent's coordinates
    side: str  # right | left | both: the body side(s) the view shows
    mirror_view: str  # drawing: where the mirror image (the patient's left) of a position lands

    @property
    def drawings(self) -> tuple[str, ...]:
        """The drawings this view shows (itself, its parent, or its members)."""
        return (self.view_id,) if self.kind == DRAWING else self.of


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
    complaints: tuple[str, ...]  # search words: symptoms and complaint names ('; '-separated in muscles.csv)
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
class Position:
    """Where a trigger point's dot sits on one drawing, for the patient's right side."""

    view: str
    x: float
    y: float


@dataclass(frozen=True)
class TriggerPoint:
    """A trigger point, with its dot on one or more drawings (stored for the patient's right side)."""

    trigger_point_id: str
    muscle_id: str
    label: str
    region_id: str
    location: str
    location_plain: str  # the same place in words a patient understands
    pain: bool
    prevalence: str
    pattern_summary: str
    note: str
    referrals: tuple[Referral, ...]
    positions: tuple[Position, ...]


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
    views: dict[str, View]
    drawings: dict[str, Drawing]
    muscles: dict[str, Muscle]
    trigger_points: dict[str, TriggerPoint]
    red_flags: list[RedFlag]
    unused_regions: dict[str, str]

    def trigger_points_of(self, muscle_id: str) -> list[TriggerPoint]:
        """Trigger points of one muscle, in file order."""
        return [tp for tp in self.trigger_points.values() if tp.muscle_id == muscle_id]

    def views_showing(self, region_id: str) -> list[str]:
        """Drawings on which a region is drawn."""
        return [v for v, g in self.drawings.items() if any(s.region_id == region_id for s in g.shapes)]

    def dots(self, trigger_point_id: str, side: str) -> list[Position]:
        """Every place the trigger point's dot is drawn for one body side (the left is the mirror image)."""
        tp = self.trigger_points[trigger_point_id]
        if side == RIGHT:
            return list(tp.positions)
        return [Position(self.views[p.view].mirror_view, -p.x, p.y) for p in tp.positions]
