"""Page layout: small factory functions, one per part of the screen."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from explorer import content, ids
from explorer.data.model import LEFT, RIGHT, Atlas
from explorer.features import learn, quiz
from explorer.features import map as map_feature
from explorer.state import EXPLORE, PAIN, format_mark
from explorer.words import AUDIENCES, DEFAULT_AUDIENCE


def header() -> html.Header:
    """Title bar: the name, the pages, who is reading, and the education-only note."""
    return html.Header(
        className="app-header",
        children=[
            html.Div(
                className="container-fluid header-row",
                children=[
                    dcc.Link(html.H1("Trigger Point Explorer", className="h4 m-0"), href="/", className="brand"),
                    html.Nav(
                        [dcc.Link("Map", href="/", className="nav-link-map"), dcc.Link("Learn", href="/learn", className="nav-link-learn")],
                        className="header-nav",
                        **{"aria-label": "Pages"},
                    ),
                    audience_switch(),
                    html.Span(content.DISCLAIMER_SHORT, className="header-note"),
                ],
            ),
        ],
    )


def audience_switch() -> html.Div:
    """Who is reading: the panel's words and sections follow (kept in the address)."""
    return html.Div(
        className="audience",
        role="group",
        **{"aria-labelledby": "audience-label"},
        children=[
            html.Span("I am a", className="audience-label", id="audience-label"),
            dbc.RadioItems(
                id=ids.AUDIENCE,
                className="btn-group btn-group-sm audience-switch",
                inputClassName="btn-check",
                labelClassName="btn btn-outline-light btn-sm",
                labelCheckedClassName="active",
                options=[{"label": label.lower(), "value": value} for value, label in AUDIENCES.items()],
                value=DEFAULT_AUDIENCE,
            ),
        ],
    )


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
            # Options arrive as the user types (the server's search knows abbreviations and misspellings);
            # a full list here would cost the browser half a second of indexing at every page load.
            dcc.Dropdown(id=ids.TP_SEARCH, options=[], placeholder="Type a muscle: trap, SCM, pec, glute, piriformis…", clearable=True),
        ],
    )


def pain_controls(atlas: Atlas) -> html.Div:
    """Keyboard-friendly list of body areas for the pain drawing."""
    return html.Div(
        id=ids.PAIN_CONTROLS,
        hidden=True,
        children=[
            html.Label("Where does it hurt? Add every area", htmlFor=ids.PAIN_SELECT, className="form-label fw-semibold"),
            dcc.Dropdown(id=ids.PAIN_SELECT, options=[], placeholder="Type an area: temple, jaw, low back, calf…", clearable=False),
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
            html.Div(id=ids.PANEL, **{"aria-live": "polite"}),
        ],
    )


def toolbar() -> html.Div:
    """Mode switch and the screen's actions."""
    return html.Div(
        className="screen-toolbar",
        children=[
            mode_switch(),
            html.Div(
                className="d-flex gap-2 align-items-center flex-wrap",
                children=[
                    dbc.Button("Clear (Esc)", id=ids.CLEAR, color="secondary", outline=True, size="sm"),
                    dbc.Button("Print handout", id=ids.PRINT, color="secondary", outline=True, size="sm"),
                    dbc.Button("Save map as picture", id=ids.SAVE_PICTURE, color="secondary", outline=True, size="sm"),
                    html.Span(id=ids.PRINT_SINK, hidden=True),
                    html.A("Link to this screen", id=ids.SHARE_LINK, href="/", className="small share-link"),
                ],
            ),
        ],
    )


def build_layout(atlas: Atlas) -> html.Div:
    """The whole page."""
    return html.Div(
        className="app",
        children=[
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.STATE, storage_type="memory"),
            dcc.Store(id=ids.QUERY, storage_type="memory"),
            dcc.Store(id=ids.ADDRESS_SINK, storage_type="memory"),
            *quiz.layout(),
            header(),
            html.Main(
                className="container-fluid",
                children=[
                    html.Div(id=ids.URL_MESSAGE, role="status"),
                    learn.layout(),
                    html.Div(
                        id=ids.MAP_PAGE,
                        className="row g-3",
                        children=[
                            dbc.Col(
                                lg=8,
                                xs=12,
                                children=[
                                    toolbar(),
                                    html.P(content.HOW_TO_EXPLORE, id=ids.MAP_HINT, className="hint"),
                                    map_feature.layout(atlas),
                                    legend(),
                                ],
                            ),
                            dbc.Col(lg=4, xs=12, children=[panel(atlas)]),
                        ],
                    ),
                ],
            ),
            html.Footer(className="app-footer", children=[content.DISCLAIMER]),
            html.Section(id=ids.SHEET, className="phone-sheet", hidden=True, **{"aria-live": "polite", "aria-label": "Result"}),
            html.Section(id=ids.HANDOUT, className="handout", **{"aria-hidden": "true"}),
        ],
    )
