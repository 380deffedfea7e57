"""The map: three stacked Plotly layers in one stage that the browser hit-tests and paints (assets/tpx.js).

Nothing a tap does waits for the server: the browser paints the overlays from the paint index and
writes the new state to the store; the server then renders the panel (features/screen.py).
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Dash, Input, Output, State, dcc, html

from explorer import content, ids
from explorer.data.model import Atlas
from explorer.figures import stage
from explorer.figures.canvas import view_window, views_in_menu_order

# Layers are drawn by Plotly and never take events themselves: the stage element does.
LAYER_CONFIG = {"staticPlot": True, "displayModeBar": False, "responsive": True, "showTips": False}


def default_views(atlas: Atlas) -> dict[str, str]:
    """The view a screen opens with: everything on a laptop, the whole body (a navigator) on a phone."""
    wide = "overview" if "overview" in atlas.views else next(iter(atlas.views))
    narrow = "body" if "body" in atlas.views else wide
    return {"wide": wide, "narrow": narrow}


def view_options(atlas: Atlas) -> list[dict]:
    """The view picker's options: overviews, drawings, then close-ups."""
    return [{"label": view.label, "value": view.view_id} for view in views_in_menu_order(atlas)]


def layout(atlas: Atlas) -> html.Div:
    """The stage (three layers), its caption and the view picker."""
    first = default_views(atlas)["wide"]
    window = view_window(atlas, atlas.views[first])
    style = {"height": "100%", "width": "100%"}
    layers = [
        dcc.Graph(id=ids.STAGE_BASE, figure=stage.base_figure(atlas, first), config=LAYER_CONFIG, className="stage-layer", style=style),
        dcc.Graph(id=ids.STAGE_MARKERS, figure=stage.marker_figure(atlas, first), config=LAYER_CONFIG, className="stage-layer", style=style),
    ]
    return html.Div(
        className="map",
        children=[
            html.Div(
                className="map-toolbar",
                children=[
                    html.Button("← Whole body", id=ids.BACK_TO_MAP, type="button", hidden=True, className="btn btn-outline-secondary btn-sm"),
                    html.Label("View", htmlFor=ids.VIEW_SELECT, className="form-label mb-0 small"),
                    dbc.Select(id=ids.VIEW_SELECT, options=view_options(atlas), value=default_views(atlas)["wide"], size="sm", className="view-select"),
                ],
            ),
            html.Div(
                id=ids.STAGE,
                className="stage",
                tabIndex=0,
                # the arrow keys belong to the map (a screen reader passes them on in an application)
                role="application",
                style={"--aspect": f"{window.aspect:.4f}"},  # drawn in the shape of the first view: no resize when it is shown
                **{"aria-label": content.MAP_LABEL, "aria-roledescription": "body map", "aria-describedby": ids.STAGE_SUMMARY, "data-view": first},
                children=layers,
            ),
            html.P(id=ids.STAGE_POINTER, className="stage-pointer", **{"aria-live": "polite"}),
            html.P(id=ids.STAGE_SUMMARY, className="visually-hidden"),
            dcc.Store(id=ids.INDEX, data=stage.browser_index(atlas, default_views(atlas))),
            dcc.Store(id=ids.PAINT_SINK),
        ],
    )


def register(app: Dash, atlas: Atlas) -> None:
    """Browser-side callbacks of the map (no server round trip)."""
    app.clientside_callback(
        ClientsideFunction("tpx", "apply"),
        Output(ids.PAINT_SINK, "data"),
        Input(ids.STATE, "data"),
        State(ids.INDEX, "data"),
    )
    app.clientside_callback(
        ClientsideFunction("tpx", "control"),
        Output(ids.STATE, "data", allow_duplicate=True),
        Input(ids.TP_SEARCH, "value"),
        Input(ids.PAIN_SELECT, "value"),
        Input(ids.MODE, "value"),
        Input(ids.VIEW_SELECT, "value"),
        Input(ids.CLEAR, "n_clicks"),
        Input(ids.AUDIENCE, "value"),
        State(ids.STATE, "data"),
        prevent_initial_call=True,
    )
