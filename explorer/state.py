"""Screen state and its address: parse and write the query string (no Dash import)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlencode

from explorer.data.model import LEFT, MIDLINE, RIGHT, Atlas

EXPLORE, PAIN = "explore", "pain"
MODES = (EXPLORE, PAIN)
SIDE_CODES = {"r": RIGHT, "right": RIGHT, "l": LEFT, "left": LEFT}
KNOWN_PARAMETERS = ("tp", "side", "pain", "mode", "region")
MAX_PAIN_MARKS = 300

Mark = tuple[str, str]


@dataclass(frozen=True)
class ScreenState:
    """Everything that decides what the screen shows; it lives in the browser and the URL."""

    mode: str = EXPLORE
    trigger_point_id: str | None = None
    side: str = RIGHT
    pain: tuple[Mark, ...] = ()
    region: Mark | None = None  # a region clicked in explore mode
    messages: tuple[str, ...] = field(default=(), compare=False)

    def to_store(self) -> dict:
        """JSON-safe form for a dcc.Store."""
        return {
            "mode": self.mode,
            "tp": self.trigger_point_id,
            "side": self.side,
            "pain": [list(m) for m in self.pain],
            "region": list(self.region) if self.region else None,
        }

    @classmethod
    def from_store(cls, data: dict | None) -> ScreenState:
        """Inverse of to_store (trusted: the store is only written by the app)."""
        if not data:
            return cls()
        return cls(
            mode=data.get("mode", EXPLORE),
            trigger_point_id=data.get("tp"),
            side=data.get("side", RIGHT),
            pain=tuple(tuple(m) for m in data.get("pain", [])),
            region=tuple(data["region"]) if data.get("region") else None,
        )

    def toggle_pain(self, mark: Mark) -> ScreenState:
        """Add or remove one marked area."""
        marks = [m for m in self.pain if m != mark]
        if len(marks) == len(self.pain):
            marks.append(mark)
        return replace(self, pain=tuple(marks), trigger_point_id=None)


def format_mark(mark: Mark) -> str:
    """'temple.r', 'temple.l' or 'sacrum' for a midline region."""
    region_id, side = mark
    return region_id if side == MIDLINE else f"{region_id}.{side[0]}"


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
    return "?" + urlencode(params, safe=",.") if params else ""


def parse_query(search: str | None, atlas: Atlas) -> ScreenState:
    """Screen state from a query string; bad parameters are named in `messages`, never raised."""
    text = (search or "").lstrip("?")
    messages: list[str] = []
    try:
        raw = parse_qs(text, keep_blank_values=True, strict_parsing=False, max_num_fields=20)
    except ValueError:
        return ScreenState(messages=("The address has too many parameters; showing the start screen.",))
    values = {key: items[-1].strip() for key, items in raw.items()}
    for key in raw:
        if key not in KNOWN_PARAMETERS:
            messages.append(f"Parameter '{_clip(key)}' is not used by this app and was ignored.")

    mode = values.get("mode", "")
    if mode and mode not in MODES:
        messages.append(f"Parameter 'mode' must be 'explore' or 'pain' (got '{_clip(mode)}'); showing explore mode.")
        mode = ""

    side = RIGHT
    if "side" in values:
        side = SIDE_CODES.get(values["side"].lower(), "")
        if not side:
            messages.append(f"Parameter 'side' must be 'left' or 'right' (got '{_clip(values['side'])}'); using right.")
            side = RIGHT

    trigger_point_id = values.get("tp") or None
    if trigger_point_id and trigger_point_id not in atlas.trigger_points:
        messages.append(f"Parameter 'tp': '{_clip(trigger_point_id)}' is not a trigger point in this atlas; nothing is selected.")
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

    return ScreenState(
        mode=mode or EXPLORE,
        trigger_point_id=trigger_point_id,
        side=side,
        pain=tuple(pain),
        region=region,
        messages=tuple(messages),
    )


def parse_mark(item: str, atlas: Atlas) -> tuple[Mark | None, str]:
    """('temple', 'right') from 'temple.r'; or an error message naming the item."""
    region_id, _, side_code = item.partition(".")
    region = atlas.regions.get(region_id)
    if region is None:
        return None, f"'{_clip(region_id)}' is not a body region; it was left out."
    if not region.sided:
        return (region_id, MIDLINE), ""
    side = SIDE_CODES.get(side_code.lower()) if side_code else RIGHT
    if side is None:
        return None, f"'{_clip(item)}' has side '{_clip(side_code)}'; use '.r' or '.l'. It was left out."
    return (region_id, side), ""


def _clip(text: str, limit: int = 40) -> str:
    cleaned = "".join(ch for ch in text if ch.isprintable())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"
