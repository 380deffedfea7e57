"""Components for the side panel: what the map shows, said in words."""

from __future__ import annotations

from collections import Counter

import dash_bootstrap_components as dbc
from dash import html

from explorer import content
from explorer.data.model import MIDLINE, Atlas, TriggerPoint
from explorer.domain.patterns import ESSENTIAL, LitRegion
from explorer.domain.ranking import Candidate, explain
from explorer.domain.redflags import red_flags_for
from explorer.state import format_mark

UNKNOWN = "Not recorded in our sources."


def select_attributes(trigger_point_id: str, side: str, preview: bool = False) -> dict:
    """Data attributes that make a button select (and, on hover, preview) a trigger point in the browser."""
    attributes = {"data-select-tp": f"{trigger_point_id}|{side}"}
    if preview:
        attributes["data-preview-tp"] = f"{trigger_point_id}|{side}"
    return attributes


def side_words(side: str) -> str:
    """'right side', 'left side' or 'middle'."""
    return "middle" if side == MIDLINE else f"{side} side"


def region_name(atlas: Atlas, region_id: str, side: str) -> str:
    """Plain name, side and clinical name of a region, e.g. 'Temple (right) – Temporal region'."""
    region = atlas.regions[region_id]
    where = "" if side == MIDLINE else f", {side}"
    clinical = f" – {region.label}" if region.label.lower() != region.plain_label.lower() else ""
    return f"{region.plain_label}{where}{clinical}"


def intro() -> html.Div:
    """What to do first."""
    return html.Div(
        className="intro",
        children=[
            html.H2("Start here", className="h5"),
            html.P(content.HOW_TO_EXPLORE),
            html.P("Or switch to 'Where does it hurt?' to mark your pain and see which trigger points could explain it."),
            _injections(),
        ],
    )


def highlight_list(atlas: Atlas, lit: list[LitRegion]) -> html.Div:
    """The lit regions in text, essential then spillover."""
    groups = []
    for zone, title in ((ESSENTIAL, "Essential zone (strong)"), ("spillover", "Spillover zone (some people)")):
        names = [region_name(atlas, r.region_id, r.side) for r in lit if r.zone == zone]
        if names:
            groups.append(
                html.Div(
                    [
                        html.H3(title, className=f"h6 zone-title zone-{zone}"),
                        html.Ul([html.Li(n) for n in names], className=f"zone-list zone-{zone}"),
                    ]
                )
            )
    return html.Div(groups, className="highlight-list", **{"data-testid": "highlight-list"})


def _field(label: str, value: str) -> html.Div:
    return html.Div(className="field", children=[html.Dt(label), html.Dd(value or UNKNOWN, className="" if value else "unknown")])


def trigger_point_details(atlas: Atlas, tp: TriggerPoint, side: str) -> html.Article:
    """Everything about the selected trigger point and its muscle."""
    muscle = atlas.muscles[tp.muscle_id]
    confidence = Counter(r.confidence for r in tp.referrals)
    sources = sorted({r.source for r in tp.referrals})
    notes = [r.note for r in tp.referrals if r.note]
    others = [t for t in atlas.trigger_points_of(muscle.muscle_id) if t.trigger_point_id != tp.trigger_point_id]
    return html.Article(
        className="tp-details",
        children=[
            html.H2([muscle.name, html.Span(f" · {tp.label}", className="tp-label")], className="h5 mb-0", id="tp-title"),
            html.P(f"{muscle.plain_name.capitalize()} · {side_words(side)}", className="text-muted mb-2"),
            html.Dl(
                [
                    _field("Where the trigger point is", tp.location),
                    _field("Where it sends pain", tp.pattern_summary),
                ]
            ),
            html.P("This point causes a symptom other than pain; it is not used to explain pain.", className="alert alert-info py-1")
            if not tp.pain
            else None,
            dbc.Accordion(
                start_collapsed=True,
                always_open=True,
                children=[
                    dbc.AccordionItem(
                        title="What people notice, and what it can be mistaken for",
                        children=html.Dl(
                            [_field("Typical complaints", muscle.symptoms), _field("Can mimic / tell apart from", muscle.mimics)]
                        ),
                    ),
                    dbc.AccordionItem(
                        title="Self-care",
                        children=html.Dl(
                            [_field("What you can do", muscle.self_care), _field("What keeps it going", muscle.perpetuating_factors)]
                        ),
                    ),
                    dbc.AccordionItem(
                        title="Anatomy",
                        children=html.Dl(
                            [
                                _field("Attachments", muscle.attachments),
                                _field("Action", muscle.action),
                                _field("Nerve supply", muscle.innervation),
                            ]
                        ),
                    ),
                    dbc.AccordionItem(
                        title="Source and confidence",
                        children=[
                            html.Ul([html.Li(s) for s in sources], className="sources"),
                            html.P(
                                "Confidence of the pattern's rows: "
                                + ", ".join(f"{confidence[c]} {c}" for c in ("high", "medium", "low") if confidence[c])
                                + ". High: clear in the Manual's drawing; medium: mapping to our regions or essential-vs-spillover uncertain; low: secondary source or disputed."
                            ),
                            html.Ul([html.Li(n) for n in [tp.note, muscle.note, *notes] if n], className="notes"),
                        ],
                    ),
                    _injections_item(),
                ],
            ),
            html.Div(
                className="mt-2",
                children=[
                    html.Span("Other trigger points of this muscle: ", className="small"),
                    *[
                        html.Button(
                            t.label,
                            type="button",
                            className="btn btn-link btn-sm p-0 me-2",
                            **select_attributes(t.trigger_point_id, side),
                        )
                        for t in others
                    ],
                ]
                if others
                else [],
            ),
        ],
    )


def _injections_item() -> dbc.AccordionItem:
    return dbc.AccordionItem(title=content.INJECTIONS["title"], children=_injections_body())


def _injections_body() -> html.Dl:
    return html.Dl(
        [
            _field("What they are", content.INJECTIONS["what"]),
            _field("Who they may suit", content.INJECTIONS["who"]),
            _field("Who should avoid them", content.INJECTIONS["avoid"]),
            _field("Sources", content.INJECTIONS["source"]),
        ]
    )


def _injections() -> dbc.Accordion:
    return dbc.Accordion([_injections_item()], start_collapsed=True)


def region_referrers(atlas: Atlas, region_id: str, side: str, candidates: list[Candidate]) -> html.Div:
    """Trigger points whose pattern reaches a region the user clicked in explore mode."""
    title = f"Trigger points that can send pain to: {region_name(atlas, region_id, side)}"
    if not candidates:
        return html.Div([html.H2(title, className="h6"), html.P("No trigger point in this atlas refers pain here.")])
    items = []
    for c in candidates:
        zone = "essential" if c.essential_hits else "spillover"
        items.append(
            html.Li(
                html.Button(
                    f"{c.muscle} · {c.trigger_point} ({zone} zone)",
                    type="button",
                    className="btn btn-link p-0 text-start",
                    **select_attributes(c.trigger_point_id, c.side),
                )
            )
        )
    return html.Div([html.H2(title, className="h6"), html.Ul(items, className="region-referrers")])


def pain_drawing_list(atlas: Atlas, marks) -> html.Div:
    """The user's marked areas, in words."""
    if not marks:
        return html.P("No areas marked yet.", className="text-muted")
    return html.Div(
        [
            html.H3("Your pain drawing", className="h6"),
            html.Ul(
                [
                    html.Li(
                        [
                            html.Span(region_name(atlas, r, s)),
                            html.Button(
                                "×",
                                type="button",
                                className="btn btn-sm btn-link remove-mark",
                                title=f"Remove {region_name(atlas, r, s)}",
                                **{"aria-label": f"Remove {region_name(atlas, r, s)}", "data-remove-pain": format_mark((r, s))},
                            ),
                        ]
                    )
                    for r, s in marks
                ],
                className="pain-list",
            ),
            html.P(
                ["CHOIR body-map codes (for pain clinic records): ", html.Code(", ".join(choir_codes(atlas, marks)))],
                className="small text-muted choir-codes",
            ),
        ],
        **{"data-testid": "pain-list"},
    )


def choir_codes(atlas: Atlas, marks) -> list[str]:
    """The CHOIR body-map codes that a drawing falls in, front codes first."""
    codes: set[str] = set()
    for region_id, side in marks:
        region = atlas.regions[region_id]
        codes.update(region.choir_left if side == "left" else region.choir_right)
    return sorted(codes, key=lambda c: (c[0] != "f", c))


PAIN_FLAGS_HEADING = "Check these warning signs first"
PATTERN_FLAGS_HEADING = "Pain in these areas can also have serious causes. Get help if:"


def red_flag_alerts(atlas: Atlas, marks, heading: str = PAIN_FLAGS_HEADING) -> list:
    """Warnings tied to the given areas (the pain drawing, or a selected pattern)."""
    flags = red_flags_for(atlas, [r for r, _ in marks])
    if not flags:
        return []
    alerts = [html.H2(heading, className="h6 text-danger mt-3")]
    for flag in flags:
        color = "danger" if flag.urgency == "emergency" else "warning"
        alerts.append(
            html.Div(
                [html.Strong(flag.title + ": "), flag.warning, " ", html.Strong(flag.action)],
                className=f"alert alert-{color} py-2 mb-2 red-flag",
                role="alert",
                **{"data-flag": flag.flag_id},
            )
        )
    return alerts


def candidate_list(atlas: Atlas, candidates: list[Candidate], selected: tuple[str, str] | None) -> html.Div:
    """The ranked trigger points, each with its reason; selecting one shows its pattern on the map."""
    if not candidates:
        return html.Div()
    items = []
    for c in candidates:
        is_selected = selected == (c.trigger_point_id, c.side)
        items.append(
            html.Li(
                className="candidate" + (" selected" if is_selected else ""),
                children=[
                    html.Button(
                        [html.Span(f"{c.rank}. ", className="rank"), html.Strong(c.muscle), f" · {c.trigger_point} ({c.side})"],
                        type="button",
                        className="btn btn-light candidate-button text-start w-100",
                        title="Shows this pattern over your drawing; select it to keep it",
                        **{"aria-pressed": "true" if is_selected else "false"},
                        **select_attributes(c.trigger_point_id, c.side, preview=True),
                    ),
                    html.Div(
                        className="d-flex gap-2 align-items-start",
                        children=[
                            html.Span(f"match {round(c.score * 100)}%", className="badge text-bg-secondary"),
                            html.Span(explain(atlas, c), className="reason small"),
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
