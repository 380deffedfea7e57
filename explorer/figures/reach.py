"""How much room each dot has for a finger or a pointer, on each view, at a given screen size.

WCAG 2.2 (2.5.8, target size) asks for 24 x 24 CSS px targets or that much space around each. The
stage takes the shape of its view and fills the available width (assets/app.css), so a view's scale
in pixels per canvas unit follows from the screen: these functions compute it the same way, so the
rule can be checked without a browser (tests/test_reach.py) and in one (tests/test_phone.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from explorer.data.model import Atlas
from explorer.figures.canvas import Window, view_window
from explorer.figures.stage import dots

# A 390 x 844 CSS px phone: the page's side padding and the stage's border leave 364 px of width;
# the stage may be as tall as the screen minus the header and toolbar (app.css: 100vh - 11rem).
PHONE = (364.0, 844.0 - 176.0)
# A 1440 x 900 laptop: the map column's width and the same height rule.
LAPTOP = (945.0, 900.0 - 176.0)
TARGET_PX = 24.0


def pixels_per_unit(window: Window, screen: tuple[float, float]) -> float:
    """The scale at which a view is drawn on a screen (the stage keeps the view's shape)."""
    width, height = screen
    return min(width / (window.x1 - window.x0), height / (window.y1 - window.y0))


@dataclass(frozen=True)
class Room:
    """A dot's distance, in CSS pixels, to the nearest other dot on one view."""

    key: str
    view: str
    px: float


def room_on_view(atlas: Atlas, view_id: str, screen: tuple[float, float]) -> list[Room]:
    """Room of every dot drawn on a view."""
    window = view_window(atlas, atlas.views[view_id])
    scale = pixels_per_unit(window, screen)
    shown = [d for d in dots(atlas) if window.contains(d.x, d.y)]
    out = []
    for dot in shown:
        nearest = min((math.dist((dot.x, dot.y), (o.x, o.y)) for o in shown if o is not dot), default=math.inf)
        out.append(Room(dot.key, view_id, nearest * scale))
    return out


def best_room(atlas: Atlas, screen: tuple[float, float]) -> dict[str, Room]:
    """For every dot key ('tp|side'), the view where it has the most room."""
    best: dict[str, Room] = {}
    for view_id in atlas.views:
        for room in room_on_view(atlas, view_id, screen):
            if room.key not in best or room.px > best[room.key].px:
                best[room.key] = room
    return best


def too_crowded(atlas: Atlas, screen: tuple[float, float] = PHONE, target: float = TARGET_PX) -> list[Room]:
    """Pain-referring trigger points (either side) that no view gives `target` px of room."""
    best = best_room(atlas, screen)
    out = []
    for tp in atlas.trigger_points.values():
        if not tp.pain:
            continue
        rooms = [best[f"{tp.trigger_point_id}|{side}"] for side in ("right", "left") if f"{tp.trigger_point_id}|{side}" in best]
        top = max(rooms, key=lambda r: r.px) if rooms else Room(f"{tp.trigger_point_id}|right", "", 0.0)
        if top.px < target:
            out.append(top)
    return sorted(out, key=lambda r: r.px)
