"""Screen state, its address, and its browser form: parse, validate and write (no Dash import).

The state lives in the browser (a dcc.Store) and in the address. Both come from the browser and are
untrusted: every value is checked against the atlas here, in one place, and whatever cannot be used
is dropped with a note that names it; nothing here raises on bad input.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlencode

from explorer.data.model import BOTH, LEFT, MIDLINE, RIGHT, Atlas
from explorer.domain.patterns import region_key
from explorer.words import AUDIENCES, DEFAULT_AUDIENCE

EXPLORE, PAIN = "explore", "pain"
MODES = (EXPLORE, PAIN)
SELECTION_SIDES = (RIGHT, LEFT, BOTH)
SIDE_CODES = {"r": RIGHT, "right": RIGHT, "l": LEFT, "left": LEFT, "both": BOTH, "b": BOTH}
KNOWN_PARAMETERS = ("tp", "side", "pain", "mode", "region", "view", "audience", "compare", "quiz", "card", "part")
QUIZ_KINDS = ("which-muscle", "paint-zone")
MAX_PAIN_MARKS = 300
MAX_COMPARE = 3
SIDE_SUFFIX = {RIGHT: "r", LEFT: "l", BOTH: "b"}
MAX_QUERY_CHARS = 8_000
MAX_VALUE_CHARS = 120

Mark = tuple[str, str]


@dataclass(frozen=True)
class ScreenState:
    """Everything that decides what the screen shows; it lives in the browser and the URL."""

    mode: str = EXPLORE
    trigger_point_id: str | None = None
    side: str = RIGHT
    pain: tuple[Mark, ...] = ()
    region: Mark | None = None  # a region clicked in explore mode
    view: str | None = None  # None: the default view for the screen size
    audience: str = DEFAULT_AUDIENCE  # patient | clinician | student: how the panel speaks
    compare: tuple[tuple[str, str], ...] = ()  # up to three (trigger point, side) shown together
    quiz: str | None = None  # which-muscle | paint-zone
    card: str | None = None  # the question: 'trigger_point_id|right'
    part: str = "all"  # quiz filter: a muscle body part, or all
    answer: str | None = None  # which-muscle: the muscle id chosen
    marks: tuple[str, ...] = ()  # paint-zone: the areas painted (region keys)
    checked: bool = False  # paint-zone: the painting was checked
    qturn: int = 0  # the progress turn at which the question was asked (so an answer is recorded once)
    messages: tuple[str, ...] = field(default=(), compare=False)

    def to_store(self) -> dict:
        """JSON-safe form for the browser (the shape assets/tpx.js reads and writes)."""
        return {
            "mode": self.mode,
            "tp": self.trigger_point_id,
            "side": self.side,
            "pain": [region_key(*m) for m in self.pain],
            "region": region_key(*self.region) if self.region else None,
            "view": self.view,
            "audience": self.audience,
            "compare": [f"{tp}|{side}" for tp, side in self.compare],
            "quiz": self.quiz,
            "card": self.card,
            "part": self.part,
            "answer": self.answer,
            "marks": list(self.marks),
            "checked": self.checked,
            "qturn": self.qturn,
        }

    def toggle_pain(self, mark: Mark) -> ScreenState:
        """Add or remove one marked area."""
        marks = [m for m in self.pain if m != mark]
        if len(marks) == len(self.pain):
            marks.append(mark)
        return replace(self, pain=tuple(marks), trigger_point_id=None)


def format_mark(mark: Mark) -> str:
    """'temple.r', 'temple.l' or 'sacrum' for a midline region."""
    return region_key(*mark)


def to_query(state: ScreenState) -> str:
    """The query string ('?tp=...&side=...') that reopens this screen."""
    params: dict[str, str] = {}
    if state.mode == PAIN:
        params["mode"] = PAIN
        if state.pain:
            params["pain"] = ",".join(format_mark(m) for m in state.pain)
    if state.trigger_point_id:
        params["tp"] = state.trigger_point_id
        params["side"] = state.side
    elif state.region and state.mode == EXPLORE:
        params["region"] = format_mark(state.region)
    if state.compare:
        params["compare"] = ",".join(f"{tp}.{SIDE_SUFFIX[side]}" for tp, side in state.compare)
    if state.quiz:
        params["quiz"] = state.quiz
        if state.card:
            params["card"] = state.card.partition("|")[0]
        if state.part != "all":
            params["part"] = state.part
    if state.view:
        params["view"] = state.view
    if state.audience != DEFAULT_AUDIENCE:
        params["audience"] = state.audience
    return "?" + urlencode(params, safe=",.") if params else ""


def parse_query(search: str | None, atlas: Atlas) -> ScreenState:
    """Screen state from a query string; bad parameters are named in `messages`, never raised."""
    text = search if isinstance(search, str) else ""
    text = text.lstrip("?")
    if len(text) > MAX_QUERY_CHARS:
        return ScreenState(messages=(f"The address is {len(text):,} characters long; at most {MAX_QUERY_CHARS:,} are read. Showing the start screen.",))
    messages: list[str] = []
    try:
        raw = parse_qs(text, keep_blank_values=True, strict_parsing=False, max_num_fields=20)
    except ValueError:
        return ScreenState(messages=("The address has too many parameters; showing the start screen.",))
    values = {key: items[-1].strip() for key, items in raw.items()}
    for key in [k for k, v in values.items() if k in KNOWN_PARAMETERS and not v.isprintable()]:
        # a NUL byte or another control character has no place in any value: say so rather than
        # quoting the value without it (which would look like a valid id that was refused)
        messages.append(f"Parameter '{key}' contains a control character (such as a NUL byte) and was ignored.")
        del values[key]
    for key in raw:
        if key not in KNOWN_PARAMETERS:
            messages.append(f"Parameter '{clip(key)}' is not used by this app and was ignored.")
    for key, items in raw.items():
        if key in KNOWN_PARAMETERS and len(items) > 1:
            messages.append(f"Parameter '{key}' is given {len(items)} times; the last one is used.")

    mode = values.get("mode", "")
    if mode and mode not in MODES:
        messages.append(f"Parameter 'mode' must be 'explore' or 'pain' (got '{clip(mode)}'); showing explore mode.")
        mode = ""

    side = RIGHT
    if "side" in values:
        side = SIDE_CODES.get(values["side"].lower(), "")
        if not side:
            messages.append(f"Parameter 'side' must be 'left', 'right' or 'both' (got '{clip(values['side'])}'); using right.")
            side = RIGHT

    trigger_point_id = values.get("tp") or None
    if trigger_point_id and trigger_point_id not in atlas.trigger_points:
        messages.append(f"Parameter 'tp': '{clip(trigger_point_id)}' is not a trigger point in this atlas; nothing is selected.")
        trigger_point_id = None

    pain: list[Mark] = []
    if values.get("pain"):
        items = [item for item in values["pain"].split(",") if item.strip()]
        if len(items) > MAX_PAIN_MARKS:
            messages.append(f"Parameter 'pain' lists {len(items)} areas; at most {MAX_PAIN_MARKS} are read.")
            items = items[:MAX_PAIN_MARKS]
        for item in items:
            mark, problem = parse_mark(item.strip(), atlas)
            if problem:
                messages.append(f"Parameter 'pain': {problem}")
            elif mark not in pain:
                pain.append(mark)
        if not mode:
            mode = PAIN

    region = None
    if values.get("region"):
        region, problem = parse_mark(values["region"], atlas)
        if problem:
            messages.append(f"Parameter 'region': {problem}")

    view = values.get("view") or None
    if view and view not in atlas.views:
        messages.append(f"Parameter 'view': '{clip(view)}' is not a view of this map; showing the usual view.")
        view = None

    audience = values.get("audience") or DEFAULT_AUDIENCE
    if audience not in AUDIENCES:
        messages.append(f"Parameter 'audience' must be {', '.join(repr(a) for a in AUDIENCES)} (got '{clip(audience)}'); showing the patient view.")
        audience = DEFAULT_AUDIENCE

    compare: list[tuple[str, str]] = []
    if values.get("compare"):
        items = [item.strip() for item in values["compare"].split(",") if item.strip()]
        if len(items) > MAX_COMPARE:
            messages.append(f"Parameter 'compare' lists {len(items)} trigger points; at most {MAX_COMPARE} are compared.")
        for item in items[:MAX_COMPARE]:
            tp_id, _, code = item.partition(".")
            item_side = {"r": RIGHT, "l": LEFT, "b": BOTH, "": side}.get(code.lower())
            if tp_id not in atlas.trigger_points or item_side is None:
                messages.append(f"Parameter 'compare': '{clip(item)}' is not a trigger point of this atlas (write trigger_point_id or trigger_point_id.l); it was left out.")
            elif (tp_id, item_side) not in compare:
                compare.append((tp_id, item_side))

    quiz, card, part = _quiz_from(values, atlas, messages)
    return ScreenState(
        mode=mode or EXPLORE,
        trigger_point_id=trigger_point_id,
        side=side,
        pain=tuple(pain),
        region=region,
        view=view,
        audience=audience,
        compare=tuple(compare),
        quiz=quiz,
        card=card,
        part=part,
        messages=tuple(messages),
    )


def _quiz_from(values: dict, atlas: Atlas, messages: list[str]) -> tuple[str | None, str | None, str]:
    quiz = values.get("quiz") or None
    if quiz and quiz not in QUIZ_KINDS:
        messages.append(f"Parameter 'quiz' must be 'which-muscle' or 'paint-zone' (got '{clip(quiz)}'); no quiz is shown.")
        quiz = None
    card = values.get("card") or None
    if card and (card not in atlas.trigger_points or not atlas.trigger_points[card].pain):
        messages.append(f"Parameter 'card': '{clip(card)}' is not a pain-referring trigger point of this atlas; a new question is chosen.")
        card = None
    part = values.get("part") or "all"
    parts = {m.body_part for m in atlas.muscles.values()}
    if part != "all" and part not in parts:
        messages.append(f"Parameter 'part': '{clip(part)}' is not a body part of this atlas; questions come from every part.")
        part = "all"
    return quiz, (f"{card}|right" if card and quiz else None), part


def parse_mark(item: str, atlas: Atlas) -> tuple[Mark | None, str]:
    """('temple', 'right') from 'temple.r'; or an error message naming the item."""
    region_id, _, side_code = item.partition(".")
    region = atlas.regions.get(region_id)
    if region is None:
        return None, f"'{clip(region_id)}' is not a body region; it was left out."
    if not region.sided:
        return (region_id, MIDLINE), ""
    side = SIDE_CODES.get(side_code.lower()) if side_code else RIGHT
    if side not in (RIGHT, LEFT):
        return None, f"'{clip(item)}' has side '{clip(side_code)}'; use '.r' or '.l'. It was left out."
    return (region_id, side), ""


def from_store(data: object, atlas: Atlas) -> tuple[ScreenState, tuple[str, ...]]:
    """The state a browser store holds, checked like an address: (state, notes on what was dropped)."""
    if not isinstance(data, dict):
        return ScreenState(), (() if data is None else ("The screen state sent by the browser was not readable; starting again.",))
    notes: list[str] = []

    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or len(value) > MAX_VALUE_CHARS:
            notes.append(f"The screen's '{key}' value could not be used.")
            return None
        return value

    mode = text("mode") or EXPLORE
    if mode not in MODES:
        notes.append(f"The screen's mode '{clip(mode)}' is unknown; showing explore mode.")
        mode = EXPLORE
    tp = text("tp")
    if tp is not None and tp not in atlas.trigger_points:
        notes.append(f"'{clip(tp)}' is not a trigger point in this atlas.")
        tp = None
    side = text("side") or RIGHT
    if side not in SELECTION_SIDES:
        notes.append(f"Side '{clip(side)}' is unknown; using right.")
        side = RIGHT
    pain: list[Mark] = []
    raw_pain = data.get("pain") or []
    if not isinstance(raw_pain, list):
        notes.append("The marked areas could not be read.")
        raw_pain = []
    for item in raw_pain[:MAX_PAIN_MARKS]:
        if not isinstance(item, str) or len(item) > MAX_VALUE_CHARS:
            notes.append("A marked area could not be read and was left out.")
            continue
        mark, problem = parse_mark(item, atlas)
        if problem:
            notes.append(problem)
        elif mark not in pain:
            pain.append(mark)
    if len(raw_pain) > MAX_PAIN_MARKS:
        notes.append(f"At most {MAX_PAIN_MARKS} marked areas are read.")
    region = None
    raw_region = text("region")
    if raw_region:
        region, problem = parse_mark(raw_region, atlas)
        if problem:
            notes.append(problem)
    view = text("view")
    if view is not None and view not in atlas.views:
        notes.append(f"'{clip(view)}' is not a view of this map.")
        view = None
    audience = text("audience") or DEFAULT_AUDIENCE
    if audience not in AUDIENCES:
        notes.append(f"Audience '{clip(audience)}' is unknown; speaking to a patient.")
        audience = DEFAULT_AUDIENCE
    compare: list[tuple[str, str]] = []
    raw_compare = data.get("compare") or []
    if not isinstance(raw_compare, list):
        notes.append("The compared trigger points could not be read.")
        raw_compare = []
    for item in raw_compare[:MAX_COMPARE]:
        tp_id, _, item_side = item.partition("|") if isinstance(item, str) and len(item) <= MAX_VALUE_CHARS else ("", "", "")
        if tp_id in atlas.trigger_points and item_side in SELECTION_SIDES and (tp_id, item_side) not in compare:
            compare.append((tp_id, item_side))
        else:
            notes.append("A compared trigger point could not be read and was left out.")
    quiz, card, part, answer, marks, checked, qturn = _quiz_from_store(data, atlas, notes)
    state = ScreenState(
        mode=mode,
        trigger_point_id=tp,
        side=side,
        pain=tuple(pain),
        region=region,
        view=view,
        audience=audience,
        compare=tuple(compare),
        quiz=quiz,
        card=card,
        part=part,
        answer=answer,
        marks=marks,
        checked=checked,
        qturn=qturn,
    )
    return state, tuple(notes)


def _quiz_from_store(data: dict, atlas: Atlas, notes: list[str]):
    quiz = data.get("quiz")
    if quiz is None:
        return None, None, "all", None, (), False, 0
    if quiz not in QUIZ_KINDS:
        notes.append("The quiz could not be read; no quiz is shown.")
        return None, None, "all", None, (), False, 0
    card = data.get("card")
    if not (isinstance(card, str) and card.endswith("|right") and card[:-6] in atlas.trigger_points):
        card = None
    part = data.get("part") if isinstance(data.get("part"), str) and data.get("part") in {m.body_part for m in atlas.muscles.values()} else "all"
    answer = data.get("answer") if isinstance(data.get("answer"), str) and data.get("answer") in atlas.muscles else None
    raw = data.get("marks") if isinstance(data.get("marks"), list) else []
    marks = []
    for item in raw[:MAX_PAIN_MARKS]:
        mark, problem = parse_mark(item, atlas) if isinstance(item, str) and len(item) <= MAX_VALUE_CHARS else (None, "x")
        if mark and region_key(*mark) not in marks:
            marks.append(region_key(*mark))
    checked = data.get("checked") is True
    qturn = data.get("qturn") if isinstance(data.get("qturn"), int) and not isinstance(data.get("qturn"), bool) and 0 <= data.get("qturn") <= 10**6 else 0
    return quiz, card, part, answer, tuple(marks), checked, qturn


def clip(text: str, limit: int = 40) -> str:
    """A value safe to show in a message: printable characters only, at most `limit` long."""
    cleaned = "".join(ch for ch in str(text) if ch.isprintable())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"
