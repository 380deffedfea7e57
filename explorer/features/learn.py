"""The Learn page (/learn): what trigger points and trigger point injections are, for patients, with sources."""

from __future__ import annotations

from dash import ClientsideFunction, Dash, Input, Output, dcc, html

from explorer import ids
from explorer.data.model import Atlas
from explorer.learn import content as text


def _sources(section: text.Section) -> html.Details | None:
    if not section.sources:
        return None
    items = [html.Li(html.A(s.label, href=s.url, rel="noopener noreferrer") if s.url else s.label) for s in section.sources]
    return html.Details([html.Summary("Sources"), html.Ol(items, className="small")], className="learn-sources")


def layout() -> html.Article:
    """The page, section by section, with a table of contents."""
    contents = html.Nav(
        html.Ol([html.Li(html.A(s.title, href=f"#{s.section_id}")) for s in text.SECTIONS]),
        className="learn-contents",
        **{"aria-label": "On this page"},
    )
    sections = []
    for section in text.SECTIONS:
        body = [html.H2(section.title, className="h5")]
        body += [html.P(p) for p in section.paragraphs]
        if section.bullets:
            body.append(html.Ul([html.Li(b) for b in section.bullets]))
        body.append(_sources(section))
        sections.append(html.Section(body, id=section.section_id, className="learn-section" + (" learn-urgent" if section.urgent else "")))
    return html.Article(
        id=ids.LEARN,
        className="learn-page",
        hidden=True,
        children=[
            dcc.Link("← Back to the map", href="/", className="btn btn-outline-secondary btn-sm mb-2", id=ids.LEARN_BACK),
            html.H1(text.TITLE, className="h3"),
            html.P(text.INTRO, className="lead"),
            html.P(text.NOT_ADVICE, className="alert alert-warning py-2", role="note"),
            contents,
            *sections,
            html.P(text.NOT_ADVICE, className="small text-muted mt-3"),
        ],
    )


def register(app: Dash, atlas: Atlas) -> None:
    """Show the Learn page or the map, by the address's path (in the browser: no round trip)."""
    app.clientside_callback(
        ClientsideFunction("tpx", "page"),
        Output(ids.LEARN, "hidden"),
        Output(ids.MAP_PAGE, "hidden"),
        Input(ids.URL, "pathname"),
    )
