"""The side panel in pain mode: warning signs first, the drawing, what could explain it alone and together."""

from __future__ import annotations

from dash import html

from explorer import content
from explorer.data.model import Atlas
from explorer.domain.ranking import Candidate, Together, explain, fit_words
from explorer.domain.redflags import red_flags_for
from explorer.features.panel import select_attributes
from explorer.state import format_mark
from explorer.words import CLINICIAN, PATIENT, choir_codes, muscle_title, region_name, side_words

WARNINGS_HEADING = "Check these warning signs first"


def warnings(atlas: Atlas, marks) -> list:
    """Warning signs for the marked areas: the emergencies open, the others folded under them."""
    flags = red_flags_for(atlas, [r for r, _ in marks])
    if not flags:
        return []
    urgent = [f for f in flags if f.urgency == "emergency"]
    rest = [f for f in flags if f.urgency != "emergency"]
    out = [html.H2(WARNINGS_HEADING, className="h6 text-danger mt-2")]
    if urgent:
        # one box, one line each: the signs that need emergency help are read first, without a wall of boxes
        out.append(
            html.Div(
                [
                    html.Strong("Get emergency help at once (call your local emergency number) if you have:"),
                    html.Ul(
                        [html.Li([html.Strong(f.title + ": "), f.warning], className="red-flag", **{"data-flag": f.flag_id}) for f in urgent],
                        className="mb-0",
                    ),
                ],
                className="alert alert-danger py-2 mb-2 urgent-flags",
                role="alert",
            )
        )
    if rest:
        out.append(
            html.Details(
                className="help-note more-flags",
                open=not urgent,
                children=[
                    html.Summary(f"{'Other warning signs' if urgent else 'Warning signs'} for these areas ({len(rest)})"),
                    html.Ul(
                        [html.Li([html.Strong(f.title + ": "), f.warning, " ", html.Strong(f.action)], className="red-flag", **{"data-flag": f.flag_id}) for f in rest]
                    ),
                ],
            )
        )
    return out


def drawing_list(atlas: Atlas, marks, audience: str) -> html.Div:
    """The marked areas in words, each with a button to remove it; CHOIR codes for clinic records."""
    if not marks:
        return html.P("No areas marked yet.", className="text-muted")
    items = []
    for r, s in marks:
        name = region_name(atlas, r, s, audience)
        items.append(
            html.Li(
                [
                    html.Span(name),
                    html.Button(
                        "×",
                        type="button",
                        className="btn btn-sm btn-link remove-mark",
                        title=f"Remove {name}",
                        **{"aria-label": f"Remove {name}", "data-remove-pain": format_mark((r, s))},
                    ),
                ]
            )
        )
    codes = None
    if audience != PATIENT:
        codes = html.P(["CHOIR body-map codes: ", html.Code(", ".join(choir_codes(atlas, marks)))], className="small text-muted choir-codes")
    return html.Div([html.H3("Your pain drawing", className="h6"), html.Ul(items, className="pain-list"), codes], **{"data-testid": "pain-list"})


def together_section(atlas: Atlas, found: Together, audience: str) -> html.Div | None:
    """The fewest trigger points that could explain the drawing together (only when one is not enough)."""
    if len(found.members) < 2:
        return None
    items = []
    for member in found.members:
        name = muscle_title(atlas, member.muscle_id, audience)[0]
        areas = ", ".join(region_name(atlas, r, s, audience).lower() for r, s in member.explained)
        items.append(
            html.Li(
                [
                    html.Button(
                        [html.Strong(name), f" · {member.trigger_point} ({side_words(member.side)})"],
                        type="button",
                        className="btn btn-link p-0 text-start",
                        **select_attributes(member.trigger_point_id, member.side, preview=True),
                    ),
                    html.Span(f": {areas}", className="small"),
                ]
            )
        )
    missing = None
    if found.unexplained:
        missing = html.P(
            "Not explained by any of them: " + ", ".join(region_name(atlas, r, s, audience).lower() for r, s in found.unexplained) + ".",
            className="small text-muted",
        )
    together = ",".join(f"{m.trigger_point_id}|{m.side}" for m in found.members)
    return html.Div(
        className="together",
        children=[
            html.H2("No single trigger point explains it all; together these could", className="h6 mt-3"),
            html.Ul(items, className="together-list", **{"data-testid": "together"}),
            missing,
            html.Button("Show them together on the map", type="button", className="btn btn-outline-primary btn-sm", **{"data-compare": together}),
        ],
    )


def candidate_list(atlas: Atlas, candidates: list[Candidate], selected: tuple[str, str] | None, audience: str) -> html.Div:
    """The ranked trigger points, each with how well it fits in words; selecting one shows its pattern on the map."""
    if not candidates:
        return html.Div()
    items = []
    for c in candidates:
        is_selected = selected == (c.trigger_point_id, c.side)
        name = muscle_title(atlas, c.muscle_id, audience)[0]
        items.append(
            html.Li(
                className="candidate" + (" selected" if is_selected else ""),
                children=[
                    html.Button(
                        [html.Span(f"{c.rank}. ", className="rank"), html.Strong(name), f" · {c.trigger_point} ({side_words(c.side)})"],
                        type="button",
                        className="btn btn-light candidate-button text-start w-100",
                        title="Shows this pattern over your drawing; select it to keep it",
                        **{"aria-pressed": "true" if is_selected else "false"},
                        **select_attributes(c.trigger_point_id, c.side, preview=True),
                    ),
                    html.Div(
                        className="d-flex gap-2 align-items-start",
                        children=[
                            html.Span(fit_words(c), className="badge fit-badge"),
                            html.Span(explain(atlas, c, plain=audience != CLINICIAN), className="reason small"),
                        ],
                    ),
                ],
            )
        )
    return html.Div(
        [
            html.H2("Trigger points that could explain your pain", className="h6 mt-3"),
            html.P("Select one to see its pattern over your drawing. " + content.DISCLAIMER, className="small text-muted"),
            html.Ol(items, className="candidates list-unstyled", **{"data-testid": "candidates"}),
        ]
    )
