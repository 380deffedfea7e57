"""The server's part of a screen: the state from the address, and the panel and address from the state.

One request per state change: `render` answers with everything the panel shows and the address;
the map was already painted in the browser. `restore` only runs when the address changes from
outside (a deep link, back and forward).
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Dash, Input, Output, State, html, no_update

from explorer import content, ids, panels
from explorer.data.model import Atlas
from explorer.domain.patterns import lit_regions
from explorer.domain.ranking import rank
from explorer.domain.search import search_muscles
from explorer.layout import pain_region_options, trigger_point_options
from explorer.state import PAIN, ScreenState, from_store, parse_query, to_query

REFERRER_LIMIT = 25
MAX_SEARCH_CHARS = 80


def notice(messages) -> list:
    """A dismissable notice naming each part of the address or the browser's state that could not be used."""
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


def panel_for(atlas: Atlas, state: ScreenState) -> dict:
    """Everything the side panel shows for a state (pure: tested without a browser)."""
    pain_mode = state.mode == PAIN
    selected_tp = atlas.trigger_points.get(state.trigger_point_id) if state.trigger_point_id else None
    side = state.side
    details = panels.trigger_point_details(atlas, selected_tp, side) if selected_tp else None
    lit = lit_regions(atlas, selected_tp.trigger_point_id, side) if selected_tp else []
    highlights = panels.highlight_list(atlas, lit) if selected_tp else []
    out = {"panel": None, "highlights": [], "candidates": [], "flags": [], "hint": content.HOW_TO_MARK if pain_mode else content.HOW_TO_EXPLORE}
    if pain_mode:
        candidates = rank(atlas, state.pain)
        selected = (state.trigger_point_id, side) if selected_tp else None
        out["candidates"] = panels.candidate_list(atlas, candidates, selected)
        out["flags"] = panels.red_flag_alerts(atlas, state.pain)
        out["highlights"] = panels.pain_drawing_list(atlas, state.pain)
        out["panel"] = [html.Hr(), highlights, details] if details else None
    elif state.region:
        region_id, region_side = state.region
        referrers = rank(atlas, [state.region], top=REFERRER_LIMIT)
        out["panel"] = panels.region_referrers(atlas, region_id, region_side, referrers)
    elif selected_tp:
        safety = panels.red_flag_alerts(atlas, [(r.region_id, r.side) for r in lit], heading=panels.PATTERN_FLAGS_HEADING)
        out["panel"] = [details, *safety]
        out["highlights"] = highlights
    else:
        out["panel"] = panels.intro()
    return out


def restore_state(atlas: Atlas, search, stored):
    """(store, notice) for an address (first load, back and forward); (no_update, no_update) when it is the one shown."""
    current, _ = from_store(stored, atlas)
    if stored is not None and to_query(current) == (search if isinstance(search, str) else ""):
        return no_update, no_update
    state = parse_query(search, atlas)
    return state.to_store(), notice(state.messages)


def render_screen(atlas: Atlas, stored) -> tuple:
    """Panel, highlights, candidates, warnings, share link, address and control visibility for a browser state."""
    state, notes = from_store(stored, atlas)
    out = panel_for(atlas, state)
    query = to_query(state)
    panel = [*notice(notes), out["panel"]] if notes else out["panel"]
    pain_mode = state.mode == PAIN
    return (panel, out["highlights"], out["candidates"], out["flags"], "/" + query, query, pain_mode, not pain_mode, out["hint"])


def register(app: Dash, atlas: Atlas) -> None:
    """The screen's server callbacks."""

    @app.callback(
        Output(ids.STATE, "data"),
        Output(ids.URL_MESSAGE, "children"),
        Input(ids.URL, "search"),
        State(ids.STATE, "data"),
    )
    def restore(search, stored):
        return restore_state(atlas, search, stored)

    @app.callback(
        Output(ids.PANEL, "children"),
        Output(ids.HIGHLIGHT_LIST, "children"),
        Output(ids.CANDIDATES, "children"),
        Output(ids.RED_FLAGS, "children"),
        Output(ids.SHARE_LINK, "href"),
        Output(ids.QUERY, "data"),
        Output(ids.EXPLORE_CONTROLS, "hidden"),
        Output(ids.PAIN_CONTROLS, "hidden"),
        Output(ids.MAP_HINT, "children"),
        Input(ids.STATE, "data"),
    )
    def render(stored):
        return render_screen(atlas, stored)

    app.clientside_callback(
        ClientsideFunction("tpx", "address"),
        Output(ids.ADDRESS_SINK, "data"),
        Input(ids.QUERY, "data"),
        prevent_initial_call=True,
    )

    by_value = {o["value"]: o for o in trigger_point_options(atlas)}
    region_options = pain_region_options(atlas)

    @app.callback(
        Output(ids.TP_SEARCH, "options"),
        Input(ids.TP_SEARCH, "search_value"),
        State(ids.TP_SEARCH, "value"),
        prevent_initial_call=True,
    )
    def search_options(query, current):
        """Options for what was typed: the server's search (abbreviations, misspellings) decides the order."""
        if not isinstance(query, str) or not query.strip():
            return [by_value[current]] if isinstance(current, str) and current in by_value else []
        query = query[:MAX_SEARCH_CHARS]
        muscle_ids = [hit.muscle.muscle_id for hit in search_muscles(atlas, query, limit=20)]
        options = []
        for muscle_id in muscle_ids:
            for tp in atlas.trigger_points_of(muscle_id):
                option = dict(by_value[tp.trigger_point_id])
                option["search"] = f"{option['search']} {query}"  # the fuzzy match was ours: keep it visible
                options.append(option)
        if isinstance(current, str) and current in by_value and current not in {o["value"] for o in options}:
            options.append(by_value[current])
        return options

    @app.callback(
        Output(ids.PAIN_SELECT, "options"),
        Input(ids.PAIN_SELECT, "search_value"),
        prevent_initial_call=True,
    )
    def area_options(query):
        """Body areas matching what was typed (every word must match the start of a word of the name)."""
        if not isinstance(query, str) or not query.strip():
            return []
        words = query[:MAX_SEARCH_CHARS].lower().split()
        matches = [o for o in region_options if all(any(w.startswith(q) for w in o["search"].lower().split()) for q in words)]
        return matches[:40]
