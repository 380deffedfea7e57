"""Thin callbacks: turn browser events into a new screen state, and a state into the screen."""

from __future__ import annotations

from dataclasses import replace

import dash_bootstrap_components as dbc
from dash import ALL, Dash, Input, Output, State, ctx, html, no_update

from explorer import content, ids, panels
from explorer.data.model import RIGHT, SIDES, Atlas
from explorer.domain.patterns import lit_regions
from explorer.domain.ranking import rank
from explorer.domain.search import search_muscles
from explorer.figures import MARKER_TRACE, Overlay, SheetArtist, marker_patch, overlay_for_selection, overlay_patch, sheet_point
from explorer.layout import trigger_point_options
from explorer.state import EXPLORE, PAIN, ScreenState, format_mark, parse_mark, parse_query, to_query

MAX_CLICK_COORD = 10_000.0
NAME_UNDER_POINTER_JS = """
function (hover, outlines) {
    if (!hover || !hover.xvals || !hover.yvals || !outlines) { return ""; }
    var x = hover.xvals[0], y = hover.yvals[0];
    for (var i = 0; i < outlines.length; i++) {
        var xs = outlines[i][1], ys = outlines[i][2], inside = false;
        for (var a = 0, b = xs.length - 1; a < xs.length; b = a++) {
            if ((ys[a] > y) !== (ys[b] > y) && x < (xs[b] - xs[a]) * (y - ys[a]) / (ys[b] - ys[a]) + xs[a]) { inside = !inside; }
        }
        if (inside) { return outlines[i][0]; }
    }
    return "";
}
"""
REFERRER_LIMIT = 25


def click_target(atlas: Atlas, artist: SheetArtist, click: dict | None) -> tuple[str, str, str] | None:
    """('tp', id, side) for a marker click, ('region', id, side) for a body click, else None."""
    if not isinstance(click, dict):
        return None
    for point in click.get("points") or []:
        if isinstance(point, dict) and point.get("curveNumber") == MARKER_TRACE:
            tp_id, _, side = str(point.get("customdata", "")).partition("|")
            if tp_id in atlas.trigger_points and side in SIDES:
                return ("tp", tp_id, side)
    xs, ys = click.get("xvals"), click.get("yvals")
    if not (isinstance(xs, list) and isinstance(ys, list) and xs and ys):
        return None
    try:
        x, y = float(xs[0]), float(ys[0])
    except (TypeError, ValueError):
        return None
    if not (abs(x) < MAX_CLICK_COORD and abs(y) < MAX_CLICK_COORD):
        return None
    view, vx, vy = sheet_point(artist.sheet, x, y)
    shape = atlas.drawings[view].region_at(vx, vy)
    if shape is None:
        return None
    return ("region", shape.region_id, shape.side)


def next_state(atlas: Atlas, artists: dict[str, SheetArtist], state: ScreenState, trigger, value) -> ScreenState:
    """The state after one user action (pure: tested without a browser)."""
    if trigger == ids.CLEAR:
        return ScreenState(mode=state.mode)
    if trigger == ids.MODE:
        return ScreenState(mode=value if value in (EXPLORE, PAIN) else EXPLORE, pain=state.pain)
    if trigger == ids.TP_SEARCH:
        if value in atlas.trigger_points:
            return replace(state, trigger_point_id=value, side=state.side if state.trigger_point_id else RIGHT, region=None)
        return replace(state, trigger_point_id=None) if value is None else state
    if trigger == ids.PAIN_SELECT:
        marks = []
        for item in value or []:
            mark, problem = parse_mark(str(item), atlas)
            if mark and mark not in marks:
                marks.append(mark)
        return replace(state, mode=PAIN, pain=tuple(marks), trigger_point_id=None)
    if isinstance(trigger, dict) and trigger.get("type") in (ids.CANDIDATE, ids.REGION_TP):
        tp_id, _, side = str(trigger.get("index", "")).partition("|")
        if tp_id in atlas.trigger_points and side in SIDES:
            return replace(state, trigger_point_id=tp_id, side=side, region=None if state.mode == EXPLORE else state.region)
        return state
    if trigger in (ids.BODY_GRAPH, ids.HEAD_GRAPH):
        artist = artists["body" if trigger == ids.BODY_GRAPH else "head"]
        target = click_target(atlas, artist, value)
        if target is None:
            return state
        kind, target_id, side = target
        if kind == "tp":
            return replace(state, trigger_point_id=target_id, side=side, region=None)
        if state.mode == PAIN:
            return state.toggle_pain((target_id, side))
        return replace(state, region=(target_id, side), trigger_point_id=None)
    return state


def url_messages(messages) -> list:
    """A dismissable notice naming each bad address parameter."""
    if not messages:
        return []
    return [
        dbc.Alert(
            [html.Strong("Part of this link could not be used. "), html.Ul([html.Li(m) for m in messages])],
            color="warning",
            dismissable=True,
            className="py-2",
        )
    ]


def overlay_for_state(atlas: Atlas, state: ScreenState) -> Overlay:
    """What the map overlays show for a state."""
    pain = state.pain if state.mode == PAIN else ()
    if state.trigger_point_id:
        return overlay_for_selection(atlas, state.trigger_point_id, state.side, pain=pain)
    if state.mode == PAIN:
        return Overlay(pain=pain)
    if state.region:
        return Overlay(pain=(state.region,))
    return Overlay()


def _screen_width(value) -> int | None:
    """The browser-reported width, or None when it is missing or not a whole number."""
    return value if isinstance(value, int) else None


def register_callbacks(app: Dash, atlas: Atlas, artists: dict[str, SheetArtist]) -> None:
    """Attach every callback to this app instance (never module-level: see design notes)."""

    @app.callback(
        Output(ids.STATE, "data"),
        Output(ids.URL, "search"),
        Output(ids.MODE, "value"),
        Output(ids.TP_SEARCH, "value"),
        Output(ids.PAIN_SELECT, "value"),
        Output(ids.URL_MESSAGE, "children"),
        Input(ids.URL, "search"),
        Input(ids.BODY_GRAPH, "clickData"),
        Input(ids.HEAD_GRAPH, "clickData"),
        Input(ids.CLEAR, "n_clicks"),
        Input(ids.MODE, "value"),
        Input(ids.TP_SEARCH, "value"),
        Input(ids.PAIN_SELECT, "value"),
        Input({"type": ids.CANDIDATE, "index": ALL}, "n_clicks"),
        Input({"type": ids.REGION_TP, "index": ALL}, "n_clicks"),
        State(ids.STATE, "data"),
    )
    def update_state(search, body_click, head_click, _clear, mode, tp_value, pain_value, _cands, _refs, stored):
        trigger = ctx.triggered_id
        messages = no_update
        if trigger is None or trigger == ids.URL:
            state = parse_query(search, atlas)
            messages = url_messages(state.messages)
        else:
            if isinstance(trigger, dict) and not ctx.triggered[0]["value"]:
                return (no_update,) * 6  # a list re-rendered: no click happened
            value = (
                {
                    ids.BODY_GRAPH: body_click,
                    ids.HEAD_GRAPH: head_click,
                    ids.MODE: mode,
                    ids.TP_SEARCH: tp_value,
                    ids.PAIN_SELECT: pain_value,
                }.get(trigger)
                if not isinstance(trigger, dict)
                else None
            )
            state = next_state(atlas, artists, ScreenState.from_store(stored), trigger, value)
        query = to_query(state)
        return (
            state.to_store(),
            query if trigger not in (None, ids.URL) else no_update,
            state.mode,
            state.trigger_point_id if state.mode == EXPLORE else None,
            [format_mark(m) for m in state.pain],
            messages,
        )

    def map_patches(state: ScreenState, viewport_width) -> tuple:
        overlay = overlay_for_state(atlas, state)
        width = _screen_width(viewport_width)
        return overlay_patch(artists["body"], overlay, width), overlay_patch(artists["head"], overlay, width)

    # The maps and the panel are separate callbacks so the small map Patch paints without waiting
    # for the panel's larger component tree.
    @app.callback(
        Output(ids.BODY_OVERLAY, "figure"),
        Output(ids.HEAD_OVERLAY, "figure"),
        Input(ids.STATE, "data"),
        Input(ids.VIEWPORT, "data"),
    )
    def render_maps(stored, viewport_width):
        return map_patches(ScreenState.from_store(stored), viewport_width)

    @app.callback(
        Output(ids.PANEL, "children"),
        Output(ids.HIGHLIGHT_LIST, "children"),
        Output(ids.CANDIDATES, "children"),
        Output(ids.RED_FLAGS, "children"),
        Output(ids.SHARE_LINK, "href"),
        Output(ids.EXPLORE_CONTROLS, "hidden"),
        Output(ids.PAIN_CONTROLS, "hidden"),
        Output(ids.MAP_HINT, "children"),
        Input(ids.STATE, "data"),
    )
    def render_panel(stored):
        state = ScreenState.from_store(stored)
        share = "/" + to_query(state)
        pain_mode = state.mode == PAIN
        hint = content.HOW_TO_MARK if pain_mode else content.HOW_TO_EXPLORE

        selected_tp = atlas.trigger_points.get(state.trigger_point_id) if state.trigger_point_id else None
        details = panels.trigger_point_details(atlas, selected_tp, state.side) if selected_tp else None
        lit = lit_regions(atlas, selected_tp.trigger_point_id, state.side) if selected_tp else []
        highlights = panels.highlight_list(atlas, lit) if selected_tp else []

        if pain_mode:
            candidates = rank(atlas, state.pain)
            selected = (state.trigger_point_id, state.side) if selected_tp else None
            ranked = panels.candidate_list(atlas, candidates, selected)
            flags = panels.red_flag_alerts(atlas, state.pain)
            drawing = panels.pain_drawing_list(atlas, state.pain)
            selection = [html.Hr(), highlights, details] if details else None
            return selection, drawing, ranked, flags, share, True, False, hint
        if state.region:
            region_id, side = state.region
            referrers = rank(atlas, [state.region], top=REFERRER_LIMIT)
            panel = panels.region_referrers(atlas, region_id, side, referrers)
            return panel, [], [], [], share, False, True, hint
        if selected_tp:
            safety = panels.red_flag_alerts(atlas, [(r.region_id, r.side) for r in lit], heading=panels.PATTERN_FLAGS_HEADING)
            return [details, *safety], highlights, [], [], share, False, True, hint
        return panels.intro(), [], [], [], share, False, True, hint

    @app.callback(
        Output(ids.BODY_OVERLAY, "figure", allow_duplicate=True),
        Output(ids.HEAD_OVERLAY, "figure", allow_duplicate=True),
        Input({"type": ids.CANDIDATE_TIP, "index": ALL}, "is_open"),
        State(ids.STATE, "data"),
        State(ids.VIEWPORT, "data"),
        prevent_initial_call=True,
    )
    def preview_candidate(open_flags, stored, viewport_width):
        """While the pointer rests on a candidate, overlay its pattern; afterwards, show the state again."""
        if all(flag is None for flag in open_flags):
            return no_update, no_update  # the list was just drawn: render_maps already painted this state
        state = ScreenState.from_store(stored)
        hovered = next((item["id"]["index"] for item, is_open in zip(ctx.inputs_list[0], open_flags, strict=False) if is_open), None)
        if hovered:
            tp_id, _, side = hovered.partition("|")
            if tp_id in atlas.trigger_points and side in SIDES:
                state = replace(state, trigger_point_id=tp_id, side=side)
        return map_patches(state, viewport_width)

    @app.callback(
        Output(ids.BODY_GRAPH, "figure"),
        Output(ids.HEAD_GRAPH, "figure"),
        Input(ids.MODE, "value"),
        Input(ids.VIEWPORT, "data"),
    )
    def show_markers(mode, viewport_width):
        """Trigger point dots: hidden while marking pain (so every click marks an area), sized for the screen."""
        width = _screen_width(viewport_width)
        visible = mode != PAIN
        return marker_patch(artists["body"], visible, width), marker_patch(artists["head"], visible, width)

    # Naming the area under the pointer runs in the browser: a server round trip per mouse move would be waste.
    for graph_id, hover_id, outlines_id in (
        (ids.BODY_GRAPH, ids.BODY_HOVER, ids.BODY_OUTLINES),
        (ids.HEAD_GRAPH, ids.HEAD_HOVER, ids.HEAD_OUTLINES),
    ):
        app.clientside_callback(
            NAME_UNDER_POINTER_JS,
            Output(hover_id, "children"),
            Input(graph_id, "hoverData"),
            State(outlines_id, "data"),
            prevent_initial_call=True,
        )

    # The screen width decides the dot size; only the browser knows it.
    app.clientside_callback(
        "function(_) { return Math.round(window.innerWidth); }",
        Output(ids.VIEWPORT, "data"),
        Input(ids.URL, "pathname"),
    )

    # Printing happens in the browser; the print stylesheet turns the screen into a handout.
    app.clientside_callback(
        "function(n) { if (n) { window.print(); } return ''; }",
        Output(ids.PRINT_SINK, "children"),
        Input(ids.PRINT, "n_clicks"),
        prevent_initial_call=True,
    )

    all_options = trigger_point_options(atlas)

    @app.callback(
        Output(ids.TP_SEARCH, "options"),
        Input(ids.TP_SEARCH, "search_value"),
        State(ids.TP_SEARCH, "value"),
        prevent_initial_call=True,
    )
    def search_options(query, current):
        if not query:
            return all_options
        muscle_ids = [hit.muscle.muscle_id for hit in search_muscles(atlas, query, limit=20)]
        by_value = {o["value"]: o for o in all_options}
        options = []
        for muscle_id in muscle_ids:
            for tp in atlas.trigger_points_of(muscle_id):
                option = dict(by_value[tp.trigger_point_id])
                option["search"] = f"{option['search']} {query}"  # the fuzzy match was ours: keep it visible
                options.append(option)
        if current and current in by_value and current not in {o["value"] for o in options}:
            options.append(by_value[current])
        return options
