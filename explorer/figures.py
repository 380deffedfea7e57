"""Pure functions from atlas and screen state to Plotly figures and Patches.

Two figures ("sheets") show the views: the whole body (front and back side by side) and the
head (right side, face, left side). Regions are one static trace of rings; everything that changes
with a click lives in a handful of overlay traces, so an update is a small Patch of trace data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import plotly.graph_objects as go
from dash import Patch
from shapely.ops import unary_union

from explorer.data.model import LEFT, MIDLINE, RIGHT, Atlas
from explorer.domain.patterns import ESSENTIAL, lit_regions

# Trace order inside every sheet figure.
# Trace order in each layer: the overlay layer (redrawn on every change) and the marker layer.
PAIN_TRACE, SPILLOVER_TRACE, ESSENTIAL_TRACE, MUSCLE_TRACE, SELECTED_TRACE = range(5)
OUTLINE_TRACE, MARKER_TRACE = range(2)

SKIN = "#f4e6d8"
REGION_LINE = "#c8b09b"
OUTLINE = "#6b5645"
ESSENTIAL_FILL = "rgba(180, 35, 24, 0.88)"
ESSENTIAL_LINE = "#6d120b"
SPILLOVER_FILL = "rgba(250, 200, 185, 0.9)"
SPILLOVER_LINE = "#b42318"
PAIN_FILL = "rgba(205, 224, 247, 0.95)"
PAIN_LINE = "#1d4f91"
MARKER = "#0b6e69"
MUSCLE_LINE = "#3b2a80"


@dataclass(frozen=True)
class Panel:
    """One view placed on a sheet."""

    view: str
    offset: float
    title: str
    right_letter_x: float | None  # where the 'R' marker goes, relative to the view (None: no letters)
    left_letter_x: float | None


@dataclass(frozen=True)
class Sheet:
    """A figure holding several views side by side."""

    sheet_id: str
    panels: tuple[Panel, ...]
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    title_y: float
    letter_y: float
    marker_size: int

    def panel_at(self, x: float) -> Panel:
        """The panel whose column contains sheet coordinate x."""
        return min(self.panels, key=lambda p: abs(p.offset - x))

    def panel_of(self, view: str) -> Panel | None:
        """The panel showing a view, if this sheet has it."""
        return next((p for p in self.panels if p.view == view), None)


BODY_SHEET = Sheet(
    "body",
    (
        Panel("front", -195.0, "Front", right_letter_x=-150.0, left_letter_x=150.0),
        Panel("back", 195.0, "Back", right_letter_x=150.0, left_letter_x=-150.0),
    ),
    x_range=(-385.0, 385.0),
    y_range=(-45.0, 845.0),
    title_y=828.0,
    letter_y=760.0,
    marker_size=8,
)
HEAD_SHEET = Sheet(
    "head",
    (
        Panel("head_right", -132.0, "Right side", right_letter_x=-48.0, left_letter_x=None),
        Panel("face", 0.0, "Face", right_letter_x=-50.0, left_letter_x=50.0),
        Panel("head_left", 132.0, "Left side", right_letter_x=None, left_letter_x=48.0),
    ),
    x_range=(-192.0, 192.0),
    y_range=(-64.0, 138.0),
    title_y=131.0,
    letter_y=112.0,
    marker_size=10,
)
SHEETS = (BODY_SHEET, HEAD_SHEET)


def _ring_xy(polygon, dx: float) -> tuple[list, list]:
    xs, ys = polygon.exterior.coords.xy
    return [round(x + dx, 1) for x in xs], [round(y, 1) for y in ys]


class SheetArtist:
    """Builds one sheet's figure and the overlay data for any screen state (cached geometry)."""

    def __init__(self, atlas: Atlas, sheet: Sheet) -> None:
        self.atlas = atlas
        self.sheet = sheet
        self._region_xy: dict[tuple[str, str], tuple[list, list]] = {}
        for panel in sheet.panels:
            for shape in atlas.drawings[panel.view].shapes:
                xs, ys = _ring_xy(shape.polygon, panel.offset)
                acc = self._region_xy.setdefault((shape.region_id, shape.side), ([], []))
                acc[0].extend([*xs, None])
                acc[1].extend([*ys, None])

    # ---------------------------------------------------------------- the three layers

    def _layout(self, interactive: bool, background: str) -> dict:
        sheet = self.sheet
        layout = dict(
            showlegend=False,
            margin=dict(l=0, r=0, t=0, b=0),
            plot_bgcolor=background,
            paper_bgcolor=background,
            dragmode=False,
            hovermode="closest" if interactive else False,
            xaxis=dict(range=list(sheet.x_range), visible=False, fixedrange=True),
            yaxis=dict(range=list(sheet.y_range), visible=False, fixedrange=True, scaleanchor="x", scaleratio=1),
            uirevision=sheet.sheet_id,
        )
        if interactive:
            layout.update(
                hoverdistance=8,
                clickmode="event",
                clickanywhere=True,
                hoveranywhere=True,
                hoverlabel=dict(bgcolor="white", font=dict(size=13)),
            )
        return layout

    @cached_property
    def base_figure(self) -> go.Figure:
        """Bottom layer, never redrawn: the regions (one trace of None-separated rings), titles, R and L."""
        sheet = self.sheet
        region_x: list = []
        region_y: list = []
        for panel in sheet.panels:
            for shape in self.atlas.drawings[panel.view].shapes:
                xs, ys = _ring_xy(shape.polygon, panel.offset)
                region_x.extend([*xs, None])
                region_y.extend([*ys, None])
        regions = go.Scatter(
            x=region_x,
            y=region_y,
            mode="lines",
            fill="toself",
            fillcolor=SKIN,
            name="Body regions",
            hoverinfo="skip",
            line=dict(color=REGION_LINE, width=0.6),
        )
        annotations = []
        for panel in sheet.panels:
            annotations.append(
                dict(x=panel.offset, y=sheet.title_y, text=f"<b>{panel.title}</b>", showarrow=False, font=dict(size=14, color="#333"))
            )
            for letter, lx in (("R", panel.right_letter_x), ("L", panel.left_letter_x)):
                if lx is not None:
                    annotations.append(
                        dict(
                            x=panel.offset + lx,
                            y=sheet.letter_y,
                            text=f"<b>{letter}</b>",
                            showarrow=False,
                            font=dict(size=15, color="#fff"),
                            bgcolor="#555",
                            borderpad=3,
                        )
                    )
        figure = go.Figure(data=[regions])
        figure.update_layout(annotations=annotations, **self._layout(interactive=False, background="white"))
        return figure

    @cached_property
    def overlay_figure(self) -> go.Figure:
        """Middle layer, the only one a click redraws: pain drawing, zones, muscle outline, selection ring."""
        figure = go.Figure(
            data=[
                _overlay("Your pain", PAIN_FILL, PAIN_LINE, 1.4, pattern="x"),
                _overlay("Spillover zone", SPILLOVER_FILL, SPILLOVER_LINE, 1.1, pattern="/", dash="dot"),
                _overlay("Essential zone", ESSENTIAL_FILL, ESSENTIAL_LINE, 1.6),
                go.Scatter(
                    x=[], y=[], mode="lines", name="Muscle outline", hoverinfo="skip", line=dict(color=MUSCLE_LINE, width=2, dash="dash")
                ),
                go.Scatter(
                    x=[],
                    y=[],
                    mode="markers",
                    name="Selected",
                    hoverinfo="skip",
                    marker=dict(symbol="circle-open", size=self.sheet.marker_size + 12, color="#111", line=dict(width=3, color="#111")),
                ),
            ]
        )
        figure.update_layout(**self._layout(interactive=False, background="rgba(0,0,0,0)"))
        return figure

    @cached_property
    def marker_figure(self) -> go.Figure:
        """Top layer, the one that takes clicks and hovers: body outline and trigger point markers."""
        outline_x: list = []
        outline_y: list = []
        for panel in self.sheet.panels:
            silhouette = self.atlas.drawings[panel.view].silhouette
            for polygon in getattr(silhouette, "geoms", [silhouette]):
                xs, ys = _ring_xy(polygon, panel.offset)
                outline_x.extend([*xs, None])
                outline_y.extend([*ys, None])
        figure = go.Figure(
            data=[
                go.Scatter(
                    x=outline_x, y=outline_y, mode="lines", name="Body outline", hoverinfo="skip", line=dict(color=OUTLINE, width=1.3)
                ),
                self._marker_trace(),
            ]
        )
        figure.update_layout(**self._layout(interactive=True, background="rgba(0,0,0,0)"))
        return figure

    def _marker_trace(self) -> go.Scatter:
        xs, ys, ids, texts, symbols = [], [], [], [], []
        for tp in self.atlas.trigger_points.values():
            muscle = self.atlas.muscles[tp.muscle_id]
            for side in (RIGHT, LEFT):
                for dot in self.atlas.dots(tp.trigger_point_id, side):
                    panel = self.sheet.panel_of(dot.view)
                    if panel is None:
                        continue
                    xs.append(round(dot.x + panel.offset, 1))
                    ys.append(round(dot.y, 1))
                    ids.append(f"{tp.trigger_point_id}|{side}")
                    kind = "" if tp.pain else " (no pain: other symptom)"
                    texts.append(f"{muscle.name}, {tp.label} ({side}){kind}")
                    symbols.append("circle" if tp.pain else "diamond")
        return go.Scatter(
            x=xs,
            y=ys,
            customdata=ids,
            hovertext=texts,
            mode="markers",
            name="Trigger points",
            hovertemplate="%{hovertext}<extra></extra>",
            marker=dict(size=self.sheet.marker_size, color=MARKER, symbol=symbols, line=dict(width=1.5, color="white")),
        )

    def hit_outlines(self, tolerance: float) -> list[list]:
        """[name, xs, ys] per region polygon (simplified) for naming the area under the pointer in the browser."""
        outlines = []
        for panel in self.sheet.panels:
            for shape in self.atlas.drawings[panel.view].shapes:
                region = self.atlas.regions[shape.region_id]
                side = "" if shape.side == MIDLINE else f", {shape.side}"
                xs, ys = _ring_xy(shape.polygon.simplify(tolerance), panel.offset)
                outlines.append([f"{region.plain_label}{side} ({region.label})", xs[:-1], ys[:-1]])
        return outlines

    # ---------------------------------------------------------------- overlays

    def regions_xy(self, marks) -> tuple[list, list]:
        """Concatenated outlines of (region, side) pairs on this sheet, split by None."""
        xs: list = []
        ys: list = []
        for region_id, side in marks:
            for key in ((region_id, side), (region_id, MIDLINE)):
                if key in self._region_xy:
                    rx, ry = self._region_xy[key]
                    xs.extend(rx)
                    ys.extend(ry)
                    break
        return xs, ys

    def muscle_outline_xy(self, muscle_id: str, side: str) -> tuple[list, list]:
        """Dashed outline of a muscle (union of its outline regions) if its view is on this sheet."""
        muscle = self.atlas.muscles[muscle_id]
        if not muscle.outline_view or not muscle.outline_regions:
            return [], []
        view = "head_left" if (muscle.outline_view == "head_right" and side == LEFT) else muscle.outline_view
        panel = self.sheet.panel_of(view)
        if panel is None:
            return [], []
        geometry = self.atlas.drawings[view]
        polygons = [s.polygon for r in muscle.outline_regions for s in geometry.shapes_of(r, side)]
        if not polygons:
            return [], []
        merged = unary_union([p.buffer(0.4) for p in polygons]).buffer(-0.4)
        xs: list = []
        ys: list = []
        for polygon in getattr(merged, "geoms", [merged]):
            px, py = _ring_xy(polygon.simplify(0.5), panel.offset)
            xs.extend([*px, None])
            ys.extend([*py, None])
        return xs, ys

    def markers_xy(self, trigger_point_id: str, side: str) -> tuple[list, list]:
        """Position of one trigger point on this sheet (empty if its view is elsewhere)."""
        xs, ys = [], []
        for dot in self.atlas.dots(trigger_point_id, side):
            panel = self.sheet.panel_of(dot.view)
            if panel is not None:
                xs.append(round(dot.x + panel.offset, 1))
                ys.append(round(dot.y, 1))
        return xs, ys


def _overlay(name: str, fill: str, line: str, width: float, pattern: str | None = None, dash: str = "solid") -> go.Scatter:
    extra = {}
    if pattern:
        extra["fillpattern"] = dict(shape=pattern, fgcolor=line, fgopacity=0.75, size=7, solidity=0.25)
    return go.Scatter(
        x=[],
        y=[],
        mode="lines",
        fill="toself",
        fillcolor=fill,
        name=name,
        hoverinfo="skip",
        line=dict(color=line, width=width, dash=dash),
        **extra,
    )


@dataclass(frozen=True)
class Overlay:
    """What the overlay traces should show for a screen state."""

    pain: tuple[tuple[str, str], ...] = ()
    essential: tuple[tuple[str, str], ...] = ()
    spillover: tuple[tuple[str, str], ...] = ()
    muscle_id: str | None = None
    trigger_point: tuple[str, str] | None = None  # (trigger_point_id, side)


def overlay_for_selection(atlas: Atlas, trigger_point_id: str, side: str, pain=()) -> Overlay:
    """Overlay of one trigger point's pattern (and the muscle it belongs to)."""
    lit = lit_regions(atlas, trigger_point_id, side)
    return Overlay(
        pain=tuple(pain),
        essential=tuple((r.region_id, r.side) for r in lit if r.zone == ESSENTIAL),
        spillover=tuple((r.region_id, r.side) for r in lit if r.zone != ESSENTIAL),
        muscle_id=atlas.trigger_points[trigger_point_id].muscle_id,
        trigger_point=(trigger_point_id, side),
    )


NARROW_SCREEN_PX = 600


def marker_size(sheet: Sheet, viewport_width: int | None) -> int:
    """Trigger point dot size in pixels: smaller on a phone, where the map itself is small."""
    narrow = viewport_width is not None and viewport_width < NARROW_SCREEN_PX
    return sheet.marker_size - 3 if narrow else sheet.marker_size


def overlay_patch(artist: SheetArtist, overlay: Overlay, viewport_width: int | None = None) -> Patch:
    """A Patch that moves one sheet's overlay layer to the given state."""
    patch = Patch()
    for index, marks in ((PAIN_TRACE, overlay.pain), (ESSENTIAL_TRACE, overlay.essential), (SPILLOVER_TRACE, overlay.spillover)):
        xs, ys = artist.regions_xy(marks)
        patch["data"][index]["x"] = xs
        patch["data"][index]["y"] = ys
    if overlay.muscle_id and overlay.trigger_point:
        mx, my = artist.muscle_outline_xy(overlay.muscle_id, overlay.trigger_point[1])
    else:
        mx, my = [], []
    patch["data"][MUSCLE_TRACE]["x"] = mx
    patch["data"][MUSCLE_TRACE]["y"] = my
    sx, sy = artist.markers_xy(*overlay.trigger_point) if overlay.trigger_point else ([], [])
    patch["data"][SELECTED_TRACE]["x"] = sx
    patch["data"][SELECTED_TRACE]["y"] = sy
    patch["data"][SELECTED_TRACE]["marker"]["size"] = marker_size(artist.sheet, viewport_width) + 12
    return patch


def marker_patch(artist: SheetArtist, show_markers: bool, viewport_width: int | None = None) -> Patch:
    """A Patch for the marker layer: dots shown or hidden, and their size for the screen."""
    patch = Patch()
    patch["data"][MARKER_TRACE]["visible"] = show_markers
    patch["data"][MARKER_TRACE]["marker"]["size"] = marker_size(artist.sheet, viewport_width)
    return patch


def sheet_point(sheet: Sheet, x: float, y: float) -> tuple[str, float, float]:
    """(view, x, y) in view coordinates for a click at sheet coordinates."""
    panel = sheet.panel_at(x)
    return panel.view, x - panel.offset, y
