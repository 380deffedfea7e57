"""Where each drawing sits on the one canvas the map draws, and the window each view shows of it.

Every drawing keeps its own coordinates (the body is 800 units tall, a head 116). The canvas
places them side by side, scaled, so one Plotly figure holds them all; a view is a window onto
the canvas (its axis ranges), so switching views is a relayout and a click paints every drawing.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.data.model import DRAWING, GROUP, PART, Atlas, View

# Space kept around a view's drawings (canvas units).
VIEW_MARGIN = 14.0
TITLE_SPACE = 26.0


@dataclass(frozen=True)
class Placement:
    """A drawing moved and scaled onto the canvas: canvas = (dx + scale * x, dy + scale * y)."""

    dx: float
    dy: float
    scale: float = 1.0

    def point(self, x: float, y: float) -> tuple[float, float]:
        """Canvas coordinates of a drawing point."""
        return self.dx + self.scale * x, self.dy + self.scale * y


# The overview (front, back, the three head drawings, the hands) fills a laptop screen; the feet
# sit below it and are shown by their own views.
PLACEMENTS: dict[str, Placement] = {
    "front": Placement(-195.0, 0.0),
    "back": Placement(195.0, 0.0),
    "head_right": Placement(493.0, 584.8, 1.85),
    "head_left": Placement(715.3, 584.8, 1.85),
    "face": Placement(490.0, 230.1, 1.85),
    "hand_palmar": Placement(708.0, 305.6, 0.58),
    "hand_dorsal": Placement(708.0, 140.5, 0.58),
    "foot_dorsal": Placement(-195.0, -330.0, 0.8),
    "foot_plantar": Placement(195.0, -330.0, 0.8),
}
DEFAULT_PLACEMENT = Placement(0.0, -700.0)


def placement(view: str) -> Placement:
    """Where a drawing sits; an unknown drawing (a clinic's own data) goes below everything else."""
    return PLACEMENTS.get(view, DEFAULT_PLACEMENT)


@dataclass(frozen=True)
class Window:
    """The part of the canvas a view shows, in canvas units."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def aspect(self) -> float:
        """Width over height."""
        return (self.x1 - self.x0) / (self.y1 - self.y0)

    def union(self, other: Window) -> Window:
        return Window(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))

    def contains(self, x: float, y: float) -> bool:
        """True if the canvas point is inside the window."""
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


def drawing_box(atlas: Atlas, view: str) -> Window:
    """A drawing's extent on the canvas (without margins)."""
    x0, y0, x1, y1 = atlas.drawings[view].bounds
    place = placement(view)
    (ax, ay), (bx, by) = place.point(x0, y0), place.point(x1, y1)
    return Window(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def view_window(atlas: Atlas, view: View) -> Window:
    """The canvas window that shows a view, with room for titles."""
    if view.kind == PART:
        place = placement(view.of[0])
        bx0, by0, bx1, by1 = view.box
        (ax, ay), (bx, by) = place.point(bx0, by0), place.point(bx1, by1)
        return Window(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by) + TITLE_SPACE * 0.6)
    boxes = [drawing_box(atlas, d) for d in view.drawings if d in atlas.drawings]
    box = boxes[0]
    for other in boxes[1:]:
        box = box.union(other)
    return Window(box.x0 - VIEW_MARGIN, box.y0 - VIEW_MARGIN, box.x1 + VIEW_MARGIN, box.y1 + TITLE_SPACE)


def drawing_title_point(atlas: Atlas, view: str) -> tuple[float, float]:
    """Where a drawing's title goes: centred above it."""
    box = drawing_box(atlas, view)
    return (box.x0 + box.x1) / 2, box.y1 + TITLE_SPACE * 0.5


def side_letters(atlas: Atlas, view: View, window: Window) -> list[tuple[str, float, float]]:
    """('R' or 'L', x, y) for each body side a view shows, near the top of the side it labels."""
    letters: list[tuple[str, float, float]] = []
    for drawing_id in view.drawings:
        drawing = atlas.drawings.get(drawing_id)
        if drawing is None:
            continue
        place = placement(drawing_id)
        right_sign = _right_sign(drawing)
        x0, y0, x1, y1 = view.box if view.kind == PART else drawing.bounds
        # on the title's line: "R  Front  L"
        box = drawing_box(atlas, drawing_id)
        narrow = box.x1 - box.x0 <= 220
        # on the title's line ("R  Front  L"), or just under it beside a narrow drawing's short title
        top = window.y1 - TITLE_SPACE * 0.5 if view.kind == PART else drawing_title_point(atlas, drawing_id)[1] - (18 if narrow else 0)
        sides = [s for s in ("right", "left") if any(shape.side == s for shape in drawing.shapes)]
        for side in sides:
            sign = right_sign if side == "right" else -right_sign
            if len(sides) == 1:
                x = x0 + 0.12 * (x1 - x0)
            elif (sign > 0 and x1 <= 0) or (sign < 0 and x0 >= 0):
                continue  # a part that shows only the other side
            else:
                x = (x1 if sign > 0 else x0) - sign * 0.1 * (x1 - x0)
            letters.append(("R" if side == "right" else "L", place.point(x, 0)[0], top))
    return letters


def _right_sign(drawing) -> float:
    """+1 if the patient's right is drawn at positive x, -1 if at negative x."""
    xs = [s.polygon.centroid.x for s in drawing.shapes if s.side == "right"]
    return 1.0 if xs and sum(xs) > 0 else -1.0


def views_in_menu_order(atlas: Atlas) -> list[View]:
    """Groups first (the overviews), then drawings, then parts, each in file order."""
    order = {GROUP: 0, DRAWING: 1, PART: 2}
    return sorted(atlas.views.values(), key=lambda v: order[v.kind])


# Which way each drawing faces, so a tap on the front of the body zooms to the palm, not the back of the hand.
FACING = {
    "front": "front",
    "face": "front",
    "hand_palmar": "front",
    "foot_dorsal": "front",
    "back": "back",
    "hand_dorsal": "back",
    "foot_plantar": "back",
    "head_right": "side",
    "head_left": "side",
}


def zoom_targets(atlas: Atlas) -> dict[str, dict[str, list[str]]]:
    """For a tap on a region of a drawing (on a phone's overview), the views to zoom to, best first.

    Candidates are the parts of the tapped drawing that hold most of the region and the other drawings
    that show it (with their parts): those facing the same way first, then the smallest view (the
    largest zoom); the tapped drawing itself comes last.
    """
    from explorer.domain.patterns import region_key

    windows = {v.view_id: view_window(atlas, v) for v in atlas.views.values()}
    area = {v: (w.x1 - w.x0) * (w.y1 - w.y0) for v, w in windows.items()}
    parts_of: dict[str, list[View]] = {}
    for view in atlas.views.values():
        if view.kind == PART:
            parts_of.setdefault(view.of[0], []).append(view)
    shows: dict[str, dict[str, list]] = {}
    for drawing_id, drawing in atlas.drawings.items():
        by_key = shows.setdefault(drawing_id, {})
        for shape in drawing.shapes:
            by_key.setdefault(region_key(shape.region_id, shape.side), []).append(shape.polygon)

    def parts_holding(drawing_id: str, key: str) -> list[str]:
        polygons = shows.get(drawing_id, {}).get(key, [])
        total = sum(p.area for p in polygons)
        held = []
        for part in parts_of.get(drawing_id, []):
            bx0, by0, bx1, by1 = part.box
            from shapely.geometry import box as shapely_box

            inside = sum(p.intersection(shapely_box(bx0, by0, bx1, by1)).area for p in polygons)
            if total and inside / total >= 0.5:
                held.append(part.view_id)
        return sorted(held, key=area.get)

    out: dict[str, dict[str, list[str]]] = {}
    for drawing_id, keys in shows.items():
        facing = FACING.get(drawing_id, "")
        for key in keys:
            candidates = [(True, part) for part in parts_holding(drawing_id, key)]
            for other in (d for d in shows if d != drawing_id and key in shows[d]):
                same = FACING.get(other, "") == facing
                candidates += [(same, part) for part in parts_holding(other, key)] + [(same, other)]
            # facing the same way first, then the largest zoom; the tapped drawing itself last
            ordered = [view for _, view in sorted(candidates, key=lambda c: (not c[0], area.get(c[1], 0)))] + [drawing_id]
            out.setdefault(drawing_id, {})[key] = list(dict.fromkeys(v for v in ordered if v in atlas.views))
    return out
