"""Page layout: small factory functions, one per part of the screen."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from explorer import content, ids
from explorer.data.model import LEFT, RIGHT, Atlas
from explorer.figures import SheetArtist
from explorer.state import EXPLORE, PAIN, format_mark

GRAPH_CONFIG = {
    "displayModeBar": False,
    "scrollZoom": False,
    "doubleClick": False,
    "responsive": True,
    "showTips": False,
}


def header() -> html.Header:
    """Title bar with the education-only note."""
    return html.Header(
        className="app-header",
        children=[
            html.Div(
                className="container-fluid d-flex flex-wrap align-items-baseline gap-3",
                children=[
                    html.H1("Trigger Point Explorer", className="h4 m-0"),
                    html.Span("Where trigger points send their pain, and where your pain may come from", className="subtitle"),
                ],
            ),
        ],
    )


def disclaimer() -> html.Div:
    """The note that the app educates and does not diagnose."""
    return html.Div(content.DISCLAIMER, className="disclaimer", role="note")


def mode_switch() -> dbc.RadioItems:
    """Switch between exploring trigger points and marking where it hurts."""
    return dbc.RadioItems(
        id=ids.MODE,
        className="btn-group mode-switch",
        inputClassName="btn-check",
        labelClassName="btn btn-outline-primary",
        labelCheckedClassName="active",
        options=[
            {"label": "Explore trigger points", "value": EXPLORE},
            {"label": "Where does it hurt?", "value": PAIN},
        ],
        value=EXPLORE,
    )


def legend() -> html.Ul:
    """Key to the overlay styles, readable without colour."""
    items = [
        ("swatch-essential", content.ZONES_LEGEND["essential"]),
        ("swatch-spillover", content.ZONES_LEGEND["spillover"]),
        ("swatch-pain", content.ZONES_LEGEND["pain"]),
        ("swatch-muscle", content.ZONES_LEGEND["muscle"]),
        ("swatch-marker", "Trigger point (dot; a diamond marks a point that causes another symptom, not pain)."),
    ]
    return html.Ul(
        className="legend list-unstyled",
        children=[html.Li([html.Span(className=f"swatch {cls}", **{"aria-hidden": "true"}), text]) for cls, text in items],
    )


HIT_TOLERANCE = {"body": 1.0, "head": 0.4}


STATIC_GRAPH_CONFIG = {**GRAPH_CONFIG, "staticPlot": True}


def sheet_graph(graph_id: str, overlay_id: str, base_id: str, hover_id: str, outlines_id: str, artist: SheetArtist, label: str) -> html.Div:
    """One map: three aligned layers (static base, overlays, markers on top) and a line naming the area under the pointer."""
    sheet_id = artist.sheet.sheet_id
    style = {"height": "100%", "width": "100%"}
    return html.Div(
        className=f"sheet sheet-{sheet_id}",
        role="group",
        **{"aria-label": label},
        children=[
            dcc.Graph(id=base_id, figure=artist.base_figure, config=STATIC_GRAPH_CONFIG, className="sheet-graph sheet-layer", style=style),
            dcc.Graph(
                id=overlay_id, figure=artist.overlay_figure, config=STATIC_GRAPH_CONFIG, className="sheet-graph sheet-layer", style=style
            ),
            dcc.Graph(id=graph_id, figure=artist.marker_figure, config=GRAPH_CONFIG, className="sheet-graph", style=style),
            html.Div(id=hover_id, className="hover-label", **{"aria-hidden": "true"}),
            dcc.Store(id=outlines_id, data=artist.hit_outlines(HIT_TOLERANCE[sheet_id])),
        ],
    )


def trigger_point_options(atlas: Atlas) -> list[dict]:
    """Every trigger point as a search option, labelled by muscle."""
    options = []
    for tp in sorted(atlas.trigger_points.values(), key=lambda t: (atlas.muscles[t.muscle_id].name, t.trigger_point_id)):
        muscle = atlas.muscles[tp.muscle_id]
        options.append(
            {
                "label": f"{muscle.name} · {tp.label} ({muscle.plain_name})",
                "value": tp.trigger_point_id,
                "search": " ".join([muscle.name, muscle.plain_name, tp.label, *muscle.aliases]),
            }
        )
    return options


def pain_region_options(atlas: Atlas) -> list[dict]:
    """Every region and side as an option for marking pain with the keyboard."""
    options = []
    for region in sorted(atlas.regions.values(), key=lambda r: r.plain_label):
        sides = (RIGHT, LEFT) if region.sided else ("midline",)
        for side in sides:
            where = f"{side} side" if side != "midline" else "middle"
            options.append(
                {
                    "label": f"{region.plain_label}, {where} ({region.label})",
                    "value": format_mark((region.region_id, side)),
                    "search": f"{region.plain_label} {region.label} {side} {region.region_id.replace('_', ' ')}",
                }
            )
    return options


def explore_controls(atlas: Atlas) -> html.Div:
    """Search box for a muscle or trigger point."""
    return html.Div(
        id=ids.EXPLORE_CONTROLS,
        children=[
            html.Label("Find a muscle", htmlFor=ids.TP_SEARCH, className="form-label fw-semibold"),
            dcc.Dropdown(
                id=ids.TP_SEARCH,
                options=trigger_point_options(atlas),
                placeholder="Type a muscle: trap, SCM, pec, glute, piriformis…",
                clearable=True,
            ),
        ],
    )


def pain_controls(atlas: Atlas) -> html.Div:
    """Keyboard-friendly list of body areas for the pain drawing."""
    return html.Div(
        id=ids.PAIN_CONTROLS,
        hidden=True,
        children=[
            html.Label("Where does it hurt? Choose every area", htmlFor=ids.PAIN_SELECT, className="form-label fw-semibold"),
            dcc.Dropdown(
                id=ids.PAIN_SELECT,
                options=pain_region_options(atlas),
                multi=True,
                placeholder="Type an area: temple, jaw, low back, calf…",
                closeOnSelect=False,
            ),
        ],
    )


def panel(atlas: Atlas) -> html.Aside:
    """Right-hand (or, on a phone, lower) panel: controls and what the map shows, in words."""
    return html.Aside(
        className="panel",
        **{"aria-label": "Details"},
        children=[
            explore_controls(atlas),
            pain_controls(atlas),
            html.Div(
                className="d-flex gap-2 align-items-center my-2 flex-wrap",
                children=[
                    dbc.Button("Clear (Esc)", id=ids.CLEAR, color="secondary", outline=True, size="sm"),
                    dbc.Button("Print handout", id=ids.PRINT, color="secondary", outline=True, size="sm"),
                    html.Span(id=ids.PRINT_SINK, hidden=True),
                    html.A("Link to this screen", id=ids.SHARE_LINK, href="/", className="small share-link"),
                ],
            ),
            html.Div(id=ids.RED_FLAGS, **{"aria-live": "polite"}),
            html.Div(id=ids.HIGHLIGHT_LIST, **{"aria-live": "polite"}),
            html.Div(id=ids.CANDIDATES, **{"aria-live": "polite"}),
            html.Div(id=ids.PANEL),
        ],
    )


def build_layout(atlas: Atlas, artists: dict[str, SheetArtist]) -> html.Div:
    """The whole page."""
    return html.Div(
        className="app",
        children=[
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.STATE, storage_type="memory"),
            dcc.Store(id=ids.VIEWPORT, storage_type="memory"),
            header(),
            html.Main(
                className="container-fluid",
                children=[
                    disclaimer(),
                    html.Div(id=ids.URL_MESSAGE, role="status"),
                    dbc.Row(
                        className="g-3",
                        children=[
                            dbc.Col(
                                lg=7,
                                xs=12,
                                children=[
                                    html.Div(className="d-flex flex-wrap gap-2 align-items-center", children=[mode_switch()]),
                                    html.P(content.HOW_TO_EXPLORE, id=ids.MAP_HINT, className="hint"),
                                    sheet_graph(
                                        ids.BODY_GRAPH,
                                        ids.BODY_OVERLAY,
                                        ids.BODY_BASE,
                                        ids.BODY_HOVER,
                                        ids.BODY_OUTLINES,
                                        artists["body"],
                                        "Body map: front and back views",
                                    ),
                                    sheet_graph(
                                        ids.HEAD_GRAPH,
                                        ids.HEAD_OVERLAY,
                                        ids.HEAD_BASE,
                                        ids.HEAD_HOVER,
                                        ids.HEAD_OUTLINES,
                                        artists["head"],
                                        "Head and neck: right side, face, left side",
                                    ),
                                    legend(),
                                ],
                            ),
                            dbc.Col(lg=5, xs=12, children=[panel(atlas)]),
                        ],
                    ),
                ],
            ),
            html.Footer(className="app-footer", children=[content.DISCLAIMER]),
        ],
    )
