"""The naive way to build the map, for the benchmark only: every click goes to a server callback that returns the whole figure.

Same data, same drawings, same panel; the difference is the click path (Plotly clickData -> server ->
a new figure with the zones -> Plotly redraws everything). `bench/run.py` measures it next to the app.
"""

from __future__ import annotations

import os

import dash_bootstrap_components as dbc
from dash import Input, Output, dcc, html

from explorer import ids
from explorer.app import ASSETS_DIR, ExplorerDash
from explorer.data import Atlas, load_atlas
from explorer.domain.patterns import ESSENTIAL, lit_regions, region_key
from explorer.features.map import default_views
from explorer.features.screen import panel_for
from explorer.figures import stage
from explorer.state import ScreenState, to_query

GRAPH = "naive-map"


def _zone(name: str, xs: list, ys: list, fill: str, line: str) -> dict:
    return {"type": "scatter", "x": xs, "y": ys, "mode": "lines", "fill": "toself", "fillcolor": fill, "line": {"color": line}, "name": name, "hoverinfo": "skip"}


def whole_figure(atlas: Atlas, trigger_point_id: str | None, side: str) -> dict:
    """Regions, zones and dots in one figure, rebuilt for every click."""
    view = default_views(atlas)["wide"]
    base = stage.base_figure(atlas, view)
    markers = stage.marker_figure(atlas, view)["data"][0]
    markers = {**markers, "hoverinfo": "text", "hovertext": markers["text"]}
    r = stage.rings(atlas)
    zones = []
    if trigger_point_id:
        lit = lit_regions(atlas, trigger_point_id, side)
        for zone, fill, line in ((ESSENTIAL, "rgba(180,35,24,0.9)", "#5c0f09"), ("spillover", "rgba(250,200,185,0.9)", "#b42318")):
            xs: list = []
            ys: list = []
            for region in lit:
                if (region.zone == ESSENTIAL) != (zone == ESSENTIAL):
                    continue
                for start, end in r.slices.get(region_key(region.region_id, region.side), []):
                    xs.extend([*r.x[start:end], None])
                    ys.extend([*r.y[start:end], None])
            zones.append(_zone(zone, xs, ys, fill, line))
    layout = {**base["layout"], "hovermode": "closest", "hoverdistance": 8, "clickmode": "event"}
    return {"data": [*base["data"], *zones, markers], "layout": layout}


def create_naive_app(atlas: Atlas | None = None) -> ExplorerDash:
    """The naive variant: a server callback per click returns the whole figure and the panel."""
    atlas = atlas or load_atlas(os.environ.get("EXPLORER_DATA_DIR") or None)
    app = ExplorerDash(__name__, assets_folder=str(ASSETS_DIR), assets_ignore=r"tpx\.js|keyboard\.js", serve_locally=True, compress=True)
    app.layout = html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dbc.Row(
                [
                    dbc.Col(dcc.Graph(id=GRAPH, figure=whole_figure(atlas, None, "right"), style={"height": "80vh"}), lg=8),
                    dbc.Col(html.Aside(html.Div(id=ids.PANEL), className="panel"), lg=4),
                ]
            ),
        ],
        className="container-fluid",
    )

    @app.callback(Output(GRAPH, "figure"), Output(ids.PANEL, "children"), Output(ids.URL, "search"), Input(GRAPH, "clickData"), prevent_initial_call=True)
    def click(click_data):
        points = (click_data or {}).get("points") or []
        key = next((p.get("customdata") for p in points if isinstance(p.get("customdata"), str)), None)
        tp_id, _, side = (key or "").partition("|")
        if tp_id not in atlas.trigger_points:
            return whole_figure(atlas, None, "right"), panel_for(atlas, ScreenState())["panel"], ""
        state = ScreenState(trigger_point_id=tp_id, side=side)
        return whole_figure(atlas, tp_id, side), panel_for(atlas, state)["panel"], to_query(state)

    return app


def naive_server():
    """WSGI app for gunicorn: `gunicorn 'bench.naive_app:naive_server()'`."""
    return create_naive_app().server
