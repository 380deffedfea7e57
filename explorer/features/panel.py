"""The side panel in explore mode: what the map shows, in words, for a patient, a clinician or a student.

The same data in each; what is shown and how it is worded changes. The muscle's name comes first.
"""

from __future__ import annotations

from dash import dcc, html

from explorer import content
from explorer.data.model import Atlas, RedFlag, TriggerPoint
from explorer.domain.patterns import ESSENTIAL, LitRegion, lit_regions
from explorer.domain.ranking import Candidate
from explorer.domain.redflags import red_flags_for_pattern
from explorer.words import CLINICIAN, PATIENT, STUDENT, UNKNOWN, muscle_title, region_name, side_words

CONFIDENCE_WORDS = {
    "high": "high: clear in the Manual's drawing",
    "medium": "medium: from the Manual, but the mapping to our areas or main-versus-sometimes is uncertain",
    "low": "low: a secondary source, or disputed",
}


def select_attributes(trigger_point_id: str, side: str, preview: bool = False) -> dict:
    """Data attributes that make a button select (and, on hover, preview) a trigger point in the browser."""
    attributes = {"data-select-tp": f"{trigger_point_id}|{side}"}
    if preview:
        attributes["data-preview-tp"] = f"{trigger_point_id}|{side}"
    return attributes


def _field(label: str, value: str) -> html.Div:
    return html.Div(className="field", children=[html.Dt(label), html.Dd(value or UNKNOWN, className="" if value else "unknown")])


def _section(title: str, children, open_: bool = False, name: str = "") -> html.Details:
    """A foldable section (native <details>: keyboard and screen-reader friendly, no script)."""
    return html.Details([html.Summary(title), html.Div(children, className="details-body")], open=open_, className=f"card-section {name}")


def intro(audience: str) -> html.Div:
    """What to do first."""
    return html.Div(
        className="intro",
        children=[
            html.H2("Start here", className="h5"),
            html.P(content.HOW_TO_EXPLORE),
            html.P("Or choose 'Where does it hurt?' to mark your pain and see which trigger points could explain it."),
            html.P(dcc.Link("What are trigger points, and could an injection help?", href="/learn", className="learn-link")),
            html.P(
                [
                    "Test yourself: ",
                    dcc.Link("Which muscle?", href="/?audience=student&quiz=which-muscle"),
                    " · ",
                    dcc.Link("Paint the zone", href="/?audience=student&quiz=paint-zone"),
                ]
            )
            if audience == STUDENT
            else None,
        ],
        **{"data-audience": audience},
    )


def highlights(atlas: Atlas, lit: list[LitRegion], audience: str, tp: TriggerPoint | None = None) -> html.Div:
    """The lit areas in text: the main zone, then where it sometimes reaches; for clinicians and students
    with the confidence and source of every area."""
    by_zone = [(ESSENTIAL, "Main zone (felt by nearly everyone with this point)"), ("spillover", "Sometimes also (some people)")]
    if audience != PATIENT:
        by_zone = [(ESSENTIAL, "Essential zone"), ("spillover", "Spillover zone")]
    sources = {}
    groups = []
    for zone, title in by_zone:
        rows = [r for r in lit if r.zone == zone]
        if not rows:
            continue
        items = []
        for r in rows:
            name = region_name(atlas, r.region_id, r.side, audience)
            if audience == PATIENT:
                items.append(html.Li(name))
                continue
            referral = _referral(tp, r)
            number = sources.setdefault(referral.source, len(sources) + 1)
            items.append(
                html.Li(
                    [
                        html.Span(name),
                        html.Span(f" {r.confidence}", className=f"confidence confidence-{r.confidence}", title=CONFIDENCE_WORDS[r.confidence]),
                        html.Sup(f"[{number}]", title=referral.source, className="source-ref"),
                    ]
                )
            )
        groups.append(html.Div([html.H3(title, className=f"h6 zone-title zone-{zone}"), html.Ul(items, className=f"zone-list zone-{zone}")]))
    if sources:
        groups.append(
            html.Ol([html.Li(source) for source in sources], className="sources small", **{"aria-label": "Sources of the areas above"})
        )
    return html.Div(groups, className="highlight-list", **{"data-testid": "highlight-list"})


def _referral(tp: TriggerPoint, lit: LitRegion):
    """The trigger point's pattern row that lit an area."""
    return next(r for r in tp.referrals if r.region_id == lit.region_id and r.zone == lit.zone)


def help_note(flags: list[RedFlag]) -> html.Details | None:
    """One compact 'when to get help' note for a pattern's warning signs, most relevant first, folded."""
    if not flags:
        return None
    first = flags[0]
    return html.Details(
        className="help-note",
        children=[
            html.Summary(["When to get help: ", html.Span(first.title.lower(), className="help-first")]),
            html.Ul(
                [
                    html.Li([html.Strong(f.title + ": "), f.warning, " ", html.Strong(f.action)], className="red-flag", **{"data-flag": f.flag_id})
                    for f in flags
                ]
            ),
        ],
    )


def muscle_card(atlas: Atlas, tp: TriggerPoint, side: str, audience: str) -> html.Article:
    """Everything about the selected trigger point and its muscle, for one audience."""
    muscle = atlas.muscles[tp.muscle_id]
    lit = lit_regions(atlas, tp.trigger_point_id, side)
    heading, subheading = muscle_title(atlas, muscle.muscle_id, audience)
    number = f"{tp.label} · {side_words(side)}"
    children = [
        html.H2([heading, html.Span(f" · {tp.label}", className="tp-label") if audience != PATIENT else None], className="h5 mb-0", id="tp-title"),
        html.P(subheading + (f" · {side_words(side)}" if audience != PATIENT else f" · trigger point {number}"), className="text-muted mb-2"),
    ]
    if not tp.pain:
        children.append(html.P("This point causes a symptom other than pain; it is not used to explain pain.", className="alert alert-info py-1"))
    if audience == PATIENT:
        children += [
            html.Dl([_field("Where the knot is", tp.location_plain), _field("Where you may feel it", tp.pattern_summary)]),
            highlights(atlas, lit, audience, tp),
            help_note(red_flags_for_pattern(atlas, lit)),
            _section("What it can feel like", html.P(muscle.symptoms or UNKNOWN), open_=True),
            _section("What you can do", html.Dl([_field("Self-care", muscle.self_care), _field("What can keep it going", muscle.perpetuating_factors)])),
            html.P(dcc.Link("Could an injection help?", href="/learn#what_is_an_injection", className="learn-link")),
            _sources_line(tp),
        ]
    else:
        both_names = audience == STUDENT
        children += [
            html.Dl(
                [
                    _field("Location", tp.location),
                    _field("In plain words", tp.location_plain) if both_names else None,
                    _field("Referral pattern", tp.pattern_summary),
                ]
            ),
            highlights(atlas, lit, audience, tp),
            help_note(red_flags_for_pattern(atlas, lit)),
            _section(
                "What it mimics and what to rule out" if audience == CLINICIAN else "What people notice, and what it is mistaken for",
                html.Dl([_field("Typical complaints", muscle.symptoms), _field("Can mimic / tell apart from", muscle.mimics)]),
                open_=audience == CLINICIAN,
            ),
            _section("Perpetuating factors and self-care", html.Dl([_field("Perpetuating factors", muscle.perpetuating_factors), _field("Self-care to advise", muscle.self_care)])),
            _section(
                "Anatomy",
                html.Dl([_field("Attachments", muscle.attachments), _field("Action", muscle.action), _field("Nerve supply", muscle.innervation)]),
                open_=audience == STUDENT,
            ),
            _section("Sources and notes", _notes(tp, muscle)),
            _section("Notes on trigger point injection", _injection_notes()) if audience == CLINICIAN else None,
            html.P(dcc.Link("Test yourself on this pattern", href="/?audience=student&quiz=which-muscle", className="learn-link")) if audience == STUDENT else None,
        ]
    children.append(
        html.Button(
            "Compare with another pattern",
            type="button",
            className="btn btn-outline-secondary btn-sm mt-2",
            title="Keep this pattern on the map and add another one (tap its dot) to see where they meet",
            **{"data-add-compare": f"{tp.trigger_point_id}|{side}"},
        )
    )
    others = [t for t in atlas.trigger_points_of(muscle.muscle_id) if t.trigger_point_id != tp.trigger_point_id]
    if others:
        children.append(
            html.Div(
                className="mt-2 other-points",
                children=[
                    html.Span("Other trigger points of this muscle: ", className="small"),
                    *[html.Button(t.label, type="button", className="btn btn-link btn-sm p-0 me-2", **select_attributes(t.trigger_point_id, side)) for t in others],
                ],
            )
        )
    return html.Article(className=f"tp-details audience-{audience}", children=[c for c in children if c is not None])


def _sources_line(tp: TriggerPoint) -> html.P:
    sources = sorted({r.source for r in tp.referrals})
    return html.P(["Source: ", "; ".join(sources)], className="small text-muted sources-line")


def _notes(tp: TriggerPoint, muscle) -> list:
    notes = [n for n in [tp.note, muscle.note, *(r.note for r in tp.referrals)] if n]
    return [
        html.P(["Muscle: ", muscle.source], className="small"),
        html.P("Confidence of each area: " + "; ".join(CONFIDENCE_WORDS.values()) + ".", className="small"),
        html.Ul([html.Li(n) for n in dict.fromkeys(notes)], className="notes small") if notes else None,
    ]


def _injection_notes() -> html.Dl:
    return html.Dl(
        [
            _field("What they are", content.INJECTIONS["what"]),
            _field("Who they may suit", content.INJECTIONS["who"]),
            _field("Who should avoid them", content.INJECTIONS["avoid"]),
            _field("Sources", content.INJECTIONS["source"]),
            html.P(dcc.Link("The patient page on injections", href="/learn#what_is_an_injection")),
        ]
    )


def region_referrers(atlas: Atlas, region_id: str, side: str, candidates: list[Candidate], audience: str) -> html.Div:
    """Trigger points whose pattern reaches a region the user tapped in explore mode."""
    title = f"Trigger points that can send pain to: {region_name(atlas, region_id, side, audience)}"
    if not candidates:
        return html.Div([html.H2(title, className="h6"), html.P("No trigger point in this atlas refers pain here.")])
    items = []
    for c in candidates:
        zone = ("main zone" if audience == PATIENT else "essential zone") if c.essential_hits else ("sometimes" if audience == PATIENT else "spillover zone")
        name = muscle_title(atlas, c.muscle_id, audience)[0]
        items.append(
            html.Li(
                html.Button(
                    f"{name} · {c.trigger_point} ({zone})",
                    type="button",
                    className="btn btn-link p-0 text-start",
                    **select_attributes(c.trigger_point_id, c.side, preview=True),
                )
            )
        )
    return html.Div([html.H2(title, className="h6"), html.Ul(items, className="region-referrers")])
