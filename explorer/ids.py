"""Component ids, in one place so layout, callbacks and tests agree."""

URL = "url"
STATE = "screen-state"
VIEWPORT = "viewport-width"
URL_MESSAGE = "url-message"
MODE = "mode-switch"
# Each map is three stacked graphs: a static base, the overlays a click redraws, and the markers
# layer on top that takes clicks and hovers (BODY_GRAPH / HEAD_GRAPH).
BODY_GRAPH = "body-graph"
HEAD_GRAPH = "head-graph"
BODY_OVERLAY = "body-overlay"
HEAD_OVERLAY = "head-overlay"
BODY_BASE = "body-base"
HEAD_BASE = "head-base"
CLEAR = "clear-button"
PRINT = "print-button"
PRINT_SINK = "print-sink"
TP_SEARCH = "tp-search"
PAIN_SELECT = "pain-select"
PANEL = "side-panel"
HIGHLIGHT_LIST = "highlight-list"
SHARE_LINK = "share-link"
RED_FLAGS = "red-flags"
CANDIDATES = "candidates"
MAP_HINT = "map-hint"
CANDIDATE_TIP = "candidate-tip"  # pattern-matching: tooltip whose is_open previews a candidate
CANDIDATE = "candidate"  # pattern-matching type: {"type": CANDIDATE, "index": "<tp>|<side>"}
REGION_TP = "region-tp"  # pattern-matching type for trigger points listed under a clicked region
BODY_HOVER = "body-hover"
HEAD_HOVER = "head-hover"
BODY_OUTLINES = "body-outlines"
HEAD_OUTLINES = "head-outlines"
