"""Quizzes in Student mode: 'Which muscle?' and 'Paint the zone'; the score and schedule stay in the browser."""

from __future__ import annotations

from dataclasses import replace

from dash import Dash, Input, Output, State, dcc, html, no_update

from explorer import ids
from explorer.data.model import Atlas
from explorer.data.schemas import MUSCLE_BODY_PARTS
from explorer.domain import quiz as q
from explorer.state import ScreenState, from_store

PART_NAMES = {
    "all": "All parts",
    "head_face": "Head and face",
    "neck": "Neck",
    "shoulder_upper_back": "Shoulder and upper back",
    "arm_elbow": "Arm and elbow",
    "forearm_hand": "Forearm and hand",
    "chest_abdomen": "Chest and belly",
    "thoracic_lumbar_back": "Mid and low back",
    "pelvis": "Pelvis",
    "hip_buttock": "Hip and buttock",
    "thigh_knee": "Thigh and knee",
    "leg_ankle": "Leg and ankle",
    "foot": "Foot",
}


def layout() -> list:
    """The browser-only stores of the quizzes (the progress survives a reload; nothing goes to the server's disk)."""
    return [dcc.Store(id=ids.QUIZ_PROGRESS, storage_type="local"), dcc.Store(id=ids.QUIZ_REQUEST, storage_type="memory")]


def _score_line(progress: q.Progress) -> html.P:
    asked = progress.right + progress.wrong
    return html.P(f"Score: {progress.right} right of {asked}" if asked else "Your score is kept on this device only.", className="small text-muted quiz-score")


def _filters(state: ScreenState) -> html.Div:
    kinds = [
        html.Button(label, type="button", className="btn btn-sm " + ("btn-primary" if state.quiz == kind else "btn-outline-primary"), **{"data-quiz-kind": kind})
        for kind, label in ((q.WHICH_MUSCLE, "Which muscle?"), (q.PAINT_ZONE, "Paint the zone"))
    ]
    parts = html.Div(
        [html.Label("Body part", htmlFor="quiz-part", className="small me-1")]
        + [
            html.Button(
                PART_NAMES.get(p, p),
                type="button",
                className="btn btn-sm quiz-part " + ("btn-secondary" if state.part == p else "btn-outline-secondary"),
                **{"data-quiz-part": p, "aria-pressed": "true" if state.part == p else "false"},
            )
            for p in ["all", *MUSCLE_BODY_PARTS]
        ],
        className="quiz-parts d-flex flex-wrap gap-1 my-2",
        role="group",
        **{"aria-label": "Questions from"},
    )
    return html.Div([html.Div(kinds, className="d-flex gap-2"), parts])


def _names(atlas: Atlas, keys) -> str:
    """Plain names of areas (the side is the card's: the right)."""
    names = [atlas.regions[k.partition(".")[0]].plain_label.lower() for k in sorted(keys)]
    return ", ".join(dict.fromkeys(names)) or "nothing"


def quiz_panel(atlas: Atlas, state: ScreenState, progress: q.Progress) -> html.Div:
    """The question, the answer once given, and the way on."""
    head = [html.H2("Test yourself", className="h5"), _filters(state), _score_line(progress)]
    if not state.card:
        return html.Div([*head, html.P("No question in this part of the body yet; choose another part.")], className="quiz")
    tp_id = state.card.partition("|")[0]
    tp = atlas.trigger_points[tp_id]
    right = atlas.muscles[tp.muscle_id]
    next_button = html.Button("Next question", type="button", className="btn btn-primary btn-sm mt-2", **{"data-quiz-next": "1"})
    if state.quiz == q.WHICH_MUSCLE:
        body = [html.P("The map shows a referral pattern: the main zone solid, where it sometimes reaches hatched. Which muscle's trigger point sends pain there?")]
        options = []
        for muscle_id in q.choices(atlas, state.card):
            muscle = atlas.muscles[muscle_id]
            chosen = state.answer == muscle_id
            kind = "btn-outline-dark"
            if state.answer:
                kind = "btn-success" if muscle_id == right.muscle_id else ("btn-danger" if chosen else "btn-outline-secondary")
            options.append(
                html.Button(
                    [html.Strong(muscle.name), html.Span(f" ({muscle.plain_name})", className="small")],
                    type="button",
                    className=f"btn {kind} text-start quiz-choice",
                    disabled=bool(state.answer),
                    **{"data-quiz-answer": muscle_id, "aria-pressed": "true" if chosen else "false"},
                )
            )
        body.append(html.Div(options, className="d-grid gap-2 quiz-choices", role="group", **{"aria-label": "Answers"}))
        if state.answer:
            body.append(_which_feedback(atlas, state, right.muscle_id))
            body.append(next_button)
    else:
        truth = q.essential_keys(atlas, state.card)
        body = [
            html.P(
                [
                    "Tap every area of the main (essential) zone of ",
                    html.Strong(f"{right.name}, {tp.label} ({right.plain_name}), right side"),
                    ", then press Check. Tap an area again to clear it.",
                ]
            ),
            html.P(f"Painted: {len(state.marks)} area{'s' if len(state.marks) != 1 else ''}.", className="small"),
        ]
        if not state.checked:
            body.append(html.Button("Check", type="button", className="btn btn-primary btn-sm", disabled=not state.marks, **{"data-quiz-check": "1"}))
        else:
            painted = set(state.marks)
            score = q.jaccard(painted, truth)
            verdict = "Well done" if score >= q.PASS_JACCARD else "Not yet"
            body += [
                html.P([html.Strong(f"{verdict}: overlap {score:.2f}"), " (shared areas divided by all areas painted or in the zone; the map now shows the main zone in red)."], className="quiz-verdict", **{"data-jaccard": f"{score:.3f}"}),
                html.Ul(
                    [
                        html.Li("Found: " + _names(atlas, painted & truth)),
                        html.Li("Missed: " + _names(atlas, truth - painted)),
                        html.Li("Not in the main zone: " + _names(atlas, painted - truth)),
                    ],
                    className="small",
                ),
                next_button,
            ]
    return html.Div([*head, *body], className="quiz", **{"data-testid": "quiz", "data-card": state.card})


def _which_feedback(atlas: Atlas, state: ScreenState, right_id: str) -> html.Div:
    right = atlas.muscles[right_id]
    tp = atlas.trigger_points[state.card.partition("|")[0]]
    if state.answer == right_id:
        return html.P([html.Strong("Right. "), f"It is {right.name}, {tp.label}: {tp.pattern_summary}"], className="quiz-verdict text-success", **{"data-correct": "true"})
    chosen = atlas.muscles[state.answer]
    truth = q._pattern(atlas, state.card)
    other = set().union(*(q._pattern(atlas, f"{t.trigger_point_id}|right") for t in atlas.trigger_points_of(chosen.muscle_id) if t.pain)) or set()
    only_right = truth - other
    only_chosen = other - truth
    difference = []
    if only_right:
        difference.append(f"{right.name} reaches {_names(atlas, only_right)}")
    if only_chosen:
        difference.append(f"{chosen.name} reaches {_names(atlas, only_chosen)} instead")
    return html.Div(
        [
            html.P([html.Strong("Not quite. "), f"It is {right.name}, {tp.label}."], className="quiz-verdict text-danger", **{"data-correct": "false"}),
            html.P("The difference: " + "; ".join(difference) + "." if difference else "Their patterns cover the same areas.", className="small"),
            html.P("Both patterns are on the map: orange for the right answer, blue for your choice.", className="small text-muted"),
        ]
    )


def _one_of(value: object, allowed) -> str | None:
    """A value the browser sent, if it is one of the allowed names (anything else, of any type, is None)."""
    return value if isinstance(value, str) and value in allowed else None


def first_tp(atlas: Atlas, muscle_id: str) -> str:
    """The muscle's first pain-referring trigger point (for drawing its pattern next to the right answer)."""
    return next(t.trigger_point_id for t in atlas.trigger_points_of(muscle_id) if t.pain)


def register(app: Dash, atlas: Atlas) -> None:
    """Choose the next question and keep the score (server logic; the progress itself stays in the browser)."""

    @app.callback(
        Output(ids.STATE, "data", allow_duplicate=True),
        Input(ids.QUIZ_REQUEST, "data"),
        State(ids.QUIZ_PROGRESS, "data"),
        State(ids.STATE, "data"),
        prevent_initial_call=True,
    )
    def next_question(request, stored_progress, stored_state):
        state, _ = from_store(stored_state, atlas)
        request = request if isinstance(request, dict) else {}
        kind = _one_of(request.get("kind"), q.KINDS) or state.quiz or q.WHICH_MUSCLE
        part = _one_of(request.get("part"), PART_NAMES) or state.part
        progress = q.read_progress(atlas, (stored_progress or {}).get(kind) if isinstance(stored_progress, dict) else None)
        card = q.next_card(atlas, progress, part)
        fresh = replace(
            state, quiz=kind, part=part, card=card, answer=None, marks=(), checked=False, qturn=progress.turn, trigger_point_id=None, compare=(), region=None, mode="explore"
        )
        return fresh.to_store()

    @app.callback(
        Output(ids.QUIZ_PROGRESS, "data"),
        Input(ids.STATE, "data"),
        State(ids.QUIZ_PROGRESS, "data"),
        prevent_initial_call=True,
    )
    def keep_score(stored_state, stored_progress):
        """Record an answer once: when the question's turn is still the progress's turn."""
        state, _ = from_store(stored_state, atlas)
        if not state.quiz or not state.card or not (state.answer or state.checked):
            return no_update
        all_progress = stored_progress if isinstance(stored_progress, dict) else {}
        progress = q.read_progress(atlas, all_progress.get(state.quiz))
        if progress.turn != state.qturn:
            return no_update
        if state.quiz == q.WHICH_MUSCLE:
            correct = state.answer == atlas.trigger_points[state.card.partition("|")[0]].muscle_id
        else:
            correct = q.jaccard(set(state.marks), q.essential_keys(atlas, state.card)) >= q.PASS_JACCARD
        updated = q.record(progress, state.card, correct)
        return {kind: (updated.as_json() if kind == state.quiz else q.read_progress(atlas, all_progress.get(kind)).as_json()) for kind in q.KINDS}


def start_card(atlas: Atlas, state: ScreenState, stored_progress) -> ScreenState:
    """An address that asks for a quiz without a question gets one (from the student's own schedule)."""
    if not state.quiz or state.card:
        return state
    progress = q.read_progress(atlas, (stored_progress or {}).get(state.quiz) if isinstance(stored_progress, dict) else None)
    return replace(state, card=q.next_card(atlas, progress, state.part), qturn=progress.turn)
