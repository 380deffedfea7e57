"""Component ids, in one place so layout, callbacks and tests agree."""

URL = "url"
STATE = "screen-state"
URL_MESSAGE = "url-message"
MODE = "mode-switch"
BODY_GRAPH = "body-graph"
HEAD_GRAPH = "head-graph"
CLEAR = "clear-button"
TP_SEARCH = "tp-search"
PAIN_SELECT = "pain-select"
PANEL = "side-panel"
HIGHLIGHT_LIST = "highlight-list"
SHARE_LINK = "share-link"
RED_FLAGS = "red-flags"
CANDIDATES = "candidates"
MAP_HINT = "map-hint"
CANDIDATE = "candidate"  # pattern-matching type: {"type": CANDIDATE, "index": "<tp>|<side>"}
REGION_TP = "region-tp"  # pattern-matching type for trigger points listed under a clicked region
