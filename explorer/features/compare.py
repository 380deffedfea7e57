"""Compare: two or three patterns at once, in distinct colour-blind-safe colours and hatchings, their overlap named."""

from __future__ import annotations

from dash import html

from explorer.data.model import Atlas
from explorer.domain.compare import overlaps
from explorer.domain.patterns import ESSENTIAL, lit_regions
from explorer.features.panel import select_attributes
from explorer.words import muscle_title, region_name, side_words

LETTERS = ("A", "B", "C")


def compare_panel(atlas: Atlas, items: list[tuple[str, str]], audience: str) -> html.Div:
    """The compared patterns, each with its colour key and main zone, and the areas they share."""
    rows = []
    for index, (tp_id, side) in enumerate(items):
        tp = atlas.trigger_points[tp_id]
        name = muscle_title(atlas, tp.muscle_id, audience)[0]
        main = [region_name(atlas, r.region_id, r.side, audience).lower() for r in lit_regions(atlas, tp_id, side) if r.zone == ESSENTIAL]
        rows.append(
            html.Li(
                className=f"compare-item compare-{index}",
                children=[
                    html.Span(LETTERS[index], className=f"compare-key swatch swatch-compare-{index}", **{"aria-hidden": "true"}),
                    html.Div(
                        [
                            html.Button(
                                [html.Strong(f"{LETTERS[index]}: {name}"), f" · {tp.label} ({side_words(side)})"],
                                type="button",
                                className="btn btn-link p-0 text-start",
                                **select_attributes(tp_id, side),
                            ),
                            html.Div("Main zone: " + (", ".join(dict.fromkeys(main)) or "none"), className="small"),
                        ]
                    ),
                    html.Button(
                        "×", type="button", className="btn btn-sm btn-link", title=f"Take {name} out of the comparison", **{"aria-label": f"Take {name} out of the comparison", "data-uncompare": f"{tp_id}|{side}"}
                    ),
                ],
            )
        )
    shared = overlaps(atlas, items)
    if len(items) < 2:
        overlap_text = html.P("Add a second trigger point (the 'Compare' button under any muscle) to see where the patterns meet.", className="small")
    elif not shared:
        overlap_text = html.P("These patterns do not reach any of the same areas.", className="small")
    else:
        lines = []
        for o in shared:
            who = " and ".join(LETTERS[i] for i in o.patterns)
            both = "all three" if len(o.patterns) == 3 else "both"
            main = f" (main zone of {' and '.join(LETTERS[i] for i in o.main_in)})" if o.main_in else ""
            lines.append(html.Li(f"{both.capitalize()} reach the {region_name(atlas, o.region_id, o.side, audience).lower()} ({who}){main}"))
        overlap_text = html.Div([html.H3("Where they meet (dashed outline on the map)", className="h6"), html.Ul(lines, **{"data-testid": "overlaps"})])
    return html.Div(
        className="compare-panel",
        children=[
            html.H2("Comparing patterns", className="h5"),
            html.Ol(rows, className="list-unstyled compare-list", **{"data-testid": "compare-list"}),
            overlap_text,
            html.Button("Stop comparing", type="button", className="btn btn-outline-secondary btn-sm", **{"data-compare": ""}),
        ],
    )
