"""The handout a clinician gives: at most two printed pages, made from what the screen shows.

A title (the muscle or the drawing), the date, the map with only the selected pattern (or the
drawing and its best candidate), self-care for those muscles, when to get help, the sources, and the
address that reopens the screen, as text and as a QR code made here, offline. The injection notes
only for clinicians. The browser fills in the map picture and the date when printing (assets/tpx.js).
"""

from __future__ import annotations

import base64
import io

import segno
from dash import html

from explorer import content
from explorer.data.model import Atlas
from explorer.domain.patterns import ESSENTIAL, lit_regions
from explorer.domain.ranking import rank
from explorer.domain.redflags import red_flags_for, red_flags_for_pattern
from explorer.state import PAIN, ScreenState
from explorer.words import CLINICIAN, muscle_title, region_name, side_words

HANDOUT_FLAGS = 4


def qr_image(url: str) -> html.Img:
    """The address as a QR code (an inline SVG image; no network)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=3, border=2, xmldecl=False, dark="#000000")
    source = "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return html.Img(src=source, alt="QR code of the address that reopens this screen", className="handout-qr", width=111, height=111)


def handout(atlas: Atlas, state: ScreenState, address: str) -> list:
    """The printable handout for a state (empty when there is nothing to hand out)."""
    audience = state.audience
    if state.mode == PAIN and state.pain:
        chosen = [(state.trigger_point_id, state.side)] if state.trigger_point_id else [(c.trigger_point_id, c.side) for c in rank(atlas, state.pain, top=1)]
        title = "Your pain drawing"
        intro = "Areas marked: " + ", ".join(region_name(atlas, r, s, audience) for r, s in state.pain) + "."
        flags = red_flags_for(atlas, [r for r, _ in state.pain])
    elif state.trigger_point_id:
        chosen = [(state.trigger_point_id, state.side)]
        tp = atlas.trigger_points[state.trigger_point_id]
        heading, sub = muscle_title(atlas, tp.muscle_id, audience)
        title = f"{heading} · {tp.label}"
        intro = f"{sub}, {side_words(state.side)}. " + tp.pattern_summary
        flags = red_flags_for_pattern(atlas, lit_regions(atlas, tp.trigger_point_id, state.side))
    else:
        return []
    muscles = list(dict.fromkeys(atlas.trigger_points[tp_id].muscle_id for tp_id, _ in chosen if tp_id))
    body = [
        html.Header(
            [
                html.P("Trigger Point Explorer · handout", className="handout-kicker"),
                html.H1(title, className="handout-title"),
                html.P(["Printed ", html.Span("", className="handout-date", **{"data-print-date": "1"})], className="handout-meta"),
            ]
        ),
        html.P(intro),
        html.Img(className="handout-map", alt="The map with the pattern described here", **{"data-print-map": "1"}),
    ]
    for tp_id, side in chosen:
        if not tp_id:
            continue
        tp = atlas.trigger_points[tp_id]
        main = [region_name(atlas, r.region_id, r.side, audience) for r in lit_regions(atlas, tp_id, side) if r.zone == ESSENTIAL]
        body.append(html.P([html.Strong("Where the pain is usually felt: "), "; ".join(main) + "."]))
    for muscle_id in muscles:
        muscle = atlas.muscles[muscle_id]
        heading = muscle_title(atlas, muscle_id, audience)[0]
        body += [html.H2(f"Self-care: {heading}", className="h6"), html.P(muscle.self_care or "Not recorded in our sources.")]
    if flags:
        body += [
            html.H2("When to get help", className="h6"),
            html.Ul([html.Li([html.Strong(f.title + ": "), f.warning, " ", html.Strong(f.action)]) for f in flags[:HANDOUT_FLAGS]]),
        ]
    if audience == CLINICIAN:
        body += [html.H2("Trigger point injection (for the clinician)", className="h6"), html.P(content.INJECTIONS["what"] + " " + content.INJECTIONS["avoid"], className="small")]
    sources = sorted({r.source for tp_id, _ in chosen if tp_id for r in atlas.trigger_points[tp_id].referrals})
    body += [
        html.H2("Sources", className="h6"),
        html.P("; ".join(sources) or "Travell & Simons, The Trigger Point Manual.", className="small"),
        html.Div(
            [qr_image(address), html.Div([html.P("Open this screen again:", className="mb-0"), html.P(address, className="handout-address")])],
            className="handout-link",
        ),
        html.P(content.DISCLAIMER, className="small handout-disclaimer"),
    ]
    return body
