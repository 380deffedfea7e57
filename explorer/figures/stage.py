"""Pure functions from the atlas to the map's three layers and to the index the browser paints from.

The map ("stage") has three aligned layers on one canvas (see canvas.py):
- base (Plotly): every region of every drawing as one trace of rings, and the body outlines;
- overlays: pain drawing, essential and spillover zones, compared patterns, muscle outline and the
  selection ring, painted by the browser as SVG paths from the index (assets/tpx.js; styles in
  assets/app.css), the only layer a click changes;
- markers (Plotly): the trigger point dots.
Figures are plain dicts (what dcc.Graph takes). The geometry is sent once, in the base figure; the
browser index says which rings of it belong to which region and which regions each trigger point
lights, so the browser paints a click without asking the server.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache

import shapely

from explorer.data.model import BOTH, GROUP, LEFT, RIGHT, SIDES, Atlas
from explorer.domain.patterns import ESSENTIAL, lit_regions, region_key
from explorer.figures.canvas import (
    Window,
    drawing_box,
    drawing_title_point,
    placement,
    side_letters,
    view_window,
    zoom_targets,
)

# The overlays, bottom to top (assets/tpx.js draws one SVG path for each, in this order).
OVERLAY_TRACES = (
    "pain",
    "spillover",
    "essential",
    "compare_0_spillover",
    "compare_0_essential",
    "compare_1_spillover",
    "compare_1_essential",
    "compare_2_spillover",
    "compare_2_essential",
    "overlap",
    "muscle",
    "selected",
)
MARKER_TRACE = 0

SKIN = "#f4e6d8"
REGION_LINE = "#c8b09b"
OUTLINE = "#6b5645"
MARKER_FILL = "#0b5e59"
MARKER_RING = "#ffffff"
COORD_DIGITS = 1


def _r(value: float) -> float:
    return round(value, COORD_DIGITS)


@dataclass(frozen=True)
class Rings:
    """Every region polygon of every drawing as canvas rings in one pair of arrays, split by None."""

    x: list
    y: list
    slices: dict[str, list[tuple[int, int]]]  # region key -> [start, end) offsets into x and y
    outline_x: list
    outline_y: list


@cache
def rings(atlas: Atlas) -> Rings:
    """The canvas rings of an atlas (built once per atlas)."""
    xs: list = []
    ys: list = []
    slices: dict[str, list[tuple[int, int]]] = {}
    for view, drawing in atlas.drawings.items():
        place = placement(view)
        for shape in drawing.shapes:
            start = len(xs)
            for x, y in shape.polygon.exterior.coords:
                cx, cy = place.point(x, y)
                xs.append(_r(cx))
                ys.append(_r(cy))
            slices.setdefault(region_key(shape.region_id, shape.side), []).append((start, len(xs)))
            xs.append(None)
            ys.append(None)
    outline_x: list = []
    outline_y: list = []
    for view, drawing in atlas.drawings.items():
        place = placement(view)
        for polygon in getattr(drawing.silhouette, "geoms", [drawing.silhouette]):
            for x, y in polygon.exterior.coords:
                cx, cy = place.point(x, y)
                outline_x.append(_r(cx))
                outline_y.append(_r(cy))
            outline_x.append(None)
            outline_y.append(None)
    return Rings(xs, ys, slices, outline_x, outline_y)


def _layout(window: Window, annotations: list | None = None) -> dict:
    return {
        "showlegend": False,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "dragmode": False,
        "hovermode": False,
        "xaxis": {"range": [_r(window.x0), _r(window.x1)], "visible": False, "fixedrange": True, "constrain": "domain"},
        "yaxis": {
            "range": [_r(window.y0), _r(window.y1)],
            "visible": False,
            "fixedrange": True,
            "scaleanchor": "x",
            "scaleratio": 1,
            "constrain": "domain",
        },
        "annotations": annotations or [],
    }


def view_annotations(atlas: Atlas, view_id: str) -> list[dict]:
    """Titles of the drawings a view shows and the R and L letters of its sides."""
    view = atlas.views[view_id]
    window = view_window(atlas, view)
    notes = []
    if view.kind != "part":
        for drawing_id in view.drawings:
            if drawing_id in atlas.drawings:
                x, y = drawing_title_point(atlas, drawing_id)
                box = drawing_box(atlas, drawing_id)
                # a narrow drawing gets a smaller title, so its R and L stay clear of it
                notes.append(_text_note(atlas.views[drawing_id].label, x, y, size=14 if box.x1 - box.x0 > 220 else 11))
    for letter, x, y in side_letters(atlas, view, window):
        notes.append(
            {
                "x": _r(x),
                "y": _r(y),
                "text": f"<b>{letter}</b>",
                "showarrow": False,
                "font": {"size": 14, "color": "#ffffff"},
                "bgcolor": "#3d3d3d",
                "borderpad": 3,
                "xref": "x",
                "yref": "y",
            }
        )
    return notes


def _text_note(text: str, x: float, y: float, size: int) -> dict:
    return {"x": _r(x), "y": _r(y), "text": f"<b>{text}</b>", "showarrow": False, "font": {"size": size, "color": "#2b2b2b"}, "xref": "x", "yref": "y"}


def base_figure(atlas: Atlas, view_id: str) -> dict:
    """Bottom layer, never redrawn by a click: every region (one trace of rings) and the body outlines."""
    r = rings(atlas)
    window = view_window(atlas, atlas.views[view_id])
    return {
        "data": [
            {
                "type": "scatter",
                "x": r.x,
                "y": r.y,
                "mode": "lines",
                "fill": "toself",
                "fillcolor": SKIN,
                "line": {"color": REGION_LINE, "width": 0.6},
                "hoverinfo": "skip",
                "name": "regions",
            },
            {
                "type": "scatter",
                "x": r.outline_x,
                "y": r.outline_y,
                "mode": "lines",
                "line": {"color": OUTLINE, "width": 1.3},
                "hoverinfo": "skip",
                "name": "body outline",
            },
        ],
        "layout": _layout(window, view_annotations(atlas, view_id)),
    }


@dataclass(frozen=True)
class Dot:
    """One trigger point dot on the canvas."""

    key: str  # "trigger_point_id|side"
    x: float
    y: float
    drawing: str
    label: str
    pain: bool


def dots(atlas: Atlas) -> list[Dot]:
    """Every dot of every trigger point, on both sides, on every drawing it is placed on."""
    out = []
    for tp in atlas.trigger_points.values():
        muscle = atlas.muscles[tp.muscle_id]
        for side in SIDES:
            for position in atlas.dots(tp.trigger_point_id, side):
                if position.view not in atlas.drawings:
                    continue
                cx, cy = placement(position.view).point(position.x, position.y)
                kind = "" if tp.pain else " (causes another symptom, not pain)"
                out.append(
                    Dot(f"{tp.trigger_point_id}|{side}", _r(cx), _r(cy), position.view, f"{muscle.name}, {tp.label} ({side}){kind}", tp.pain)
                )
    return out


def marker_figure(atlas: Atlas, view_id: str) -> dict:
    """Top layer: the trigger point dots (circles; a diamond marks a point that causes another symptom)."""
    all_dots = dots(atlas)
    window = view_window(atlas, atlas.views[view_id])
    return {
        "data": [
            {
                "type": "scatter",
                "x": [d.x for d in all_dots],
                "y": [d.y for d in all_dots],
                "customdata": [d.key for d in all_dots],
                "text": [d.label for d in all_dots],
                "mode": "markers",
                "hoverinfo": "skip",
                "marker": {
                    "size": 9,
                    "color": MARKER_FILL,
                    "symbol": ["circle" if d.pain else "diamond" for d in all_dots],
                    "line": {"width": 2, "color": MARKER_RING},
                },
                "name": "trigger points",
            }
        ],
        "layout": _layout(window),
    }


def muscle_outline(atlas: Atlas, muscle_id: str, side: str) -> tuple[list, list]:
    """Dashed outline of a muscle (the union of its outline regions) on the canvas, for one side."""
    muscle = atlas.muscles[muscle_id]
    if not muscle.outline_view or muscle.outline_view not in atlas.drawings or not muscle.outline_regions:
        return [], []
    view = muscle.outline_view
    if side == LEFT and atlas.views[view].side == RIGHT:
        view = atlas.views[view].mirror_view
    drawing = atlas.drawings.get(view)
    if drawing is None:
        return [], []
    polygons = [s.polygon for r in muscle.outline_regions for s in drawing.shapes_of(r, side)]
    if not polygons:
        return [], []
    # regions tile the drawing on a 0.1 grid, so their shared edges match exactly and a plain union closes them
    merged = shapely.union_all(polygons, grid_size=0.1)
    place = placement(view)
    xs: list = []
    ys: list = []
    for polygon in getattr(merged, "geoms", [merged]):
        for x, y in polygon.simplify(0.8).exterior.coords:
            cx, cy = place.point(x, y)
            xs.append(_r(cx))
            ys.append(_r(cy))
        xs.append(None)
        ys.append(None)
    return xs, ys


def _window_list(window: Window) -> tuple[float, float, float, float]:
    return (_r(window.x0), _r(window.x1), _r(window.y0), _r(window.y1))


def browser_index(atlas: Atlas, default_views: dict[str, str]) -> dict:
    """Everything the browser needs to paint any screen state without the server.

    - `rings`: region key -> [start, end) slices of the base figure's region trace;
    - `patterns`: "tp|side" -> [essential region keys, spillover region keys] (the Python domain's
      `lit_regions`, so the browser lights exactly what the domain lights);
    - `outlines`: "muscle|side" -> canvas polyline of the muscle's outline;
    - `views`: view id -> label, window, annotations;
    - `names`: region key -> name, for the label under the pointer and the text equivalent.
    """
    r = rings(atlas)
    patterns = {}
    for tp in atlas.trigger_points.values():
        for side in (*SIDES, BOTH):
            lit = lit_regions(atlas, tp.trigger_point_id, side)
            patterns[f"{tp.trigger_point_id}|{side}"] = [
                [region_key(x.region_id, x.side) for x in lit if x.zone == ESSENTIAL],
                [region_key(x.region_id, x.side) for x in lit if x.zone != ESSENTIAL],
            ]
    outlines = {}
    for muscle_id in atlas.muscles:
        for side in SIDES:
            xs, ys = muscle_outline(atlas, muscle_id, side)
            if xs:
                outlines[f"{muscle_id}|{side}"] = [xs, ys]
    names = {}
    for key in r.slices:
        region_id, _, side_code = key.partition(".")
        region = atlas.regions[region_id]
        side = {"r": ", right", "l": ", left"}.get(side_code, "")
        clinical = f" ({region.label})" if region.label.lower() != region.plain_label.lower() else ""
        names[key] = f"{region.plain_label}{side}{clinical}"
    views = {}
    for view in atlas.views.values():
        window = view_window(atlas, view)
        views[view.view_id] = {
            "label": view.label,
            "kind": view.kind,
            "side": view.side,
            "drawings": list(view.drawings),
            "window": [_r(window.x0), _r(window.x1), _r(window.y0), _r(window.y1)],
            "annotations": view_annotations(atlas, view.view_id),
            # on a phone a group of drawings is a navigator: a tap zooms in instead of choosing a dot
            "navigator": view.kind == GROUP,
        }
    index = {
        "overlayTraces": list(OVERLAY_TRACES),
        "rings": r.slices,
        "names": names,
        "patterns": patterns,
        "muscleOf": {tp.trigger_point_id: tp.muscle_id for tp in atlas.trigger_points.values()},
        # a muscle's first pain-referring trigger point: the pattern a quiz shows for a muscle chosen as the answer
        "firstPainTp": {m: next(t.trigger_point_id for t in atlas.trigger_points_of(m) if t.pain) for m in atlas.muscles if any(t.pain for t in atlas.trigger_points_of(m))},
        "outlines": outlines,
        "views": views,
        "defaultViews": default_views,
        "midline": sorted(rid for rid, region in atlas.regions.items() if not region.sided),
        "drawingWindows": {d: list(_window_list(drawing_box(atlas, d))) for d in atlas.drawings},
        "zoom": zoom_targets(atlas),
    }
    index["version"] = hashlib.sha256(json.dumps(index, sort_keys=True).encode()).hexdigest()[:12]
    return index
