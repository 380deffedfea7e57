"""The server's part of a screen: the state from the address, and the panel and address from the state.

One request per state change: `render` answers with everything the panel shows and the address;
the map was already painted in the browser. `restore` only runs when the address changes from
outside (a deep link, back and forward).
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import flask
from dash import ClientsideFunction, Dash, Input, Output, State, html, no_update

from explorer import content, ids
from explorer.data.model import Atlas
from explorer.domain.patterns import ESSENTIAL, lit_regions
from explorer.domain.quiz import read_progress
from explorer.domain.ranking import rank, together
from explorer.domain.search import search_muscles
from explorer.features import compare, pain, panel, quiz
from explorer.features.handout import handout
from explorer.layout import pain_region_options, trigger_point_options
from explorer.state import PAIN, ScreenState, from_store, parse_query, to_query
from explorer.words import muscle_title, region_name, side_words

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


def panel_for(atlas: Atlas, state: ScreenState, progress=None) -> dict:
    """Everything the side panel shows for a state (pure: tested without a browser)."""
    audience = state.audience
    selected = atlas.trigger_points.get(state.trigger_point_id) if state.trigger_point_id else None
    card = panel.muscle_card(atlas, selected, state.side, audience) if selected else None
    out = {"hint": content.HOW_TO_MARK if state.mode == PAIN else content.HOW_TO_EXPLORE, "candidates": []}
    if state.quiz:
        kind_progress = (progress or {}).get(state.quiz) if isinstance(progress, dict) else None
        out["panel"] = quiz.quiz_panel(atlas, state, read_progress(atlas, kind_progress))
        out["hint"] = content.HOW_TO_QUIZ
        out["sheet"] = []
        return out
    if state.compare:
        out["panel"] = [compare.compare_panel(atlas, list(state.compare), audience), html.Hr() if card else None, card]
    elif state.mode == PAIN:
        candidates = rank(atlas, state.pain)
        out["candidates"] = candidates
        chosen = (state.trigger_point_id, state.side) if selected else None
        out["panel"] = [
            *pain.warnings(atlas, state.pain),
            pain.drawing_list(atlas, state.pain, audience),
            pain.together_section(atlas, together(atlas, state.pain), audience),
            pain.candidate_list(atlas, candidates, chosen, audience),
            html.Hr() if card else None,
            card,
        ]
    elif state.region:
        region_id, region_side = state.region
        referrers = rank(atlas, [state.region], top=REFERRER_LIMIT)
        out["panel"] = panel.region_referrers(atlas, region_id, region_side, referrers, audience)
    elif card:
        out["panel"] = card
    else:
        out["panel"] = panel.intro(audience)
    out["sheet"] = phone_sheet(atlas, state, out["candidates"])
    return out


def phone_sheet(atlas: Atlas, state: ScreenState, candidates) -> list:
    """The short result a phone shows at the bottom of the screen after a tap, with the way to the details."""
    actions = html.Div(
        [
            html.Button("See details", type="button", className="btn btn-primary btn-sm", **{"data-sheet": "details"}),
            html.Button("Whole body", type="button", className="btn btn-outline-secondary btn-sm", **{"data-sheet": "body"}),
            html.Button("×", type="button", className="btn btn-link btn-sm sheet-close", title="Close", **{"aria-label": "Close", "data-sheet": "close"}),
        ],
        className="d-flex gap-2 align-items-center",
    )
    if state.trigger_point_id:
        tp = atlas.trigger_points[state.trigger_point_id]
        heading, _ = muscle_title(atlas, tp.muscle_id, state.audience)
        main = [r for r in lit_regions(atlas, tp.trigger_point_id, state.side) if r.zone == ESSENTIAL]
        names = ", ".join(dict.fromkeys(region_name(atlas, r.region_id, r.side, state.audience).split(",")[0].lower() for r in main))
        return [
            html.Strong(f"{heading} · {tp.label}"),
            html.Span(f" ({side_words(state.side)})", className="text-muted"),
            html.P(f"Felt mainly in: {names}." if names else tp.pattern_summary, className="mb-1 small"),
            actions,
        ]
    if state.mode == PAIN and state.pain:
        best = muscle_title(atlas, candidates[0].muscle_id, state.audience)[0] if candidates else None
        count = len(state.pain)
        line = f"{count} area{'s' if count != 1 else ''} marked." + (f" Best fit: {best}." if best else "")
        return [html.Strong("Your pain drawing"), html.P(line, className="mb-1 small"), actions]
    if state.region:
        region_id, side = state.region
        return [html.Strong(region_name(atlas, region_id, side, state.audience)), html.P("Trigger points that can send pain here are listed below.", className="mb-1 small"), actions]
    return []


def restore_state(atlas: Atlas, search, stored, progress=None):
    """(store, notice) for an address (first load, back and forward); (no_update, no_update) when it is the one shown."""
    current, _ = from_store(stored, atlas)
    if stored is not None and to_query(current) == (search if isinstance(search, str) else ""):
        return no_update, no_update
    state = quiz.start_card(atlas, parse_query(search, atlas), progress)
    return state.to_store(), notice(state.messages)


def render_screen(atlas: Atlas, stored, progress=None, base_url: str = "") -> tuple:
    """Panel, share link, address, control visibility, hint, phone sheet and handout for a browser state."""
    state, notes = from_store(stored, atlas)
    out = panel_for(atlas, state, progress)
    query = to_query(state)
    main = out["panel"] if isinstance(out["panel"], list) else [out["panel"]]
    pain_mode = state.mode == PAIN
    sheet = handout(atlas, state, f"{base_url.rstrip('/')}/{query}")
    return ([*notice(notes), *main], "/" + query, query, pain_mode or bool(state.quiz), not pain_mode, out["hint"], out["sheet"], sheet)


def register(app: Dash, atlas: Atlas) -> None:
    """The screen's server callbacks."""

    @app.callback(
        Output(ids.STATE, "data"),
        Output(ids.URL_MESSAGE, "children"),
        Input(ids.URL, "search"),
        State(ids.STATE, "data"),
        State(ids.QUIZ_PROGRESS, "data"),
    )
    def restore(search, stored, progress):
        return restore_state(atlas, search, stored, progress)

    @app.callback(
        Output(ids.PANEL, "children"),
        Output(ids.SHARE_LINK, "href"),
        Output(ids.QUERY, "data"),
        Output(ids.EXPLORE_CONTROLS, "hidden"),
        Output(ids.PAIN_CONTROLS, "hidden"),
        Output(ids.MAP_HINT, "children"),
        Output(ids.SHEET, "children"),
        Output(ids.HANDOUT, "children"),
        Input(ids.STATE, "data"),
        State(ids.QUIZ_PROGRESS, "data"),
    )
    def render(stored, progress):
        return render_screen(atlas, stored, progress, flask.request.host_url)

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
        """Options for what was typed: names, short forms, misspellings, symptoms and complaints."""
        if not isinstance(query, str) or not query.strip():
            return [by_value[current]] if isinstance(current, str) and current in by_value else []
        query = query[:MAX_SEARCH_CHARS]
        options = []
        for hit in search_muscles(atlas, query, limit=20):
            for tp in atlas.trigger_points_of(hit.muscle.muscle_id):
                option = dict(by_value[tp.trigger_point_id])
                if hit.why != "name":
                    option["label"] = f"{option['label']} — {hit.why}"
                option["search"] = f"{option['search']} {query}"  # the match was ours (fuzzy, complaint): keep it visible
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
