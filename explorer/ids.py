"""Component ids, in one place so layout, callbacks, the browser module (assets/tpx.js) and tests agree."""

URL = "url"
STATE = "screen-state"  # the screen state (explorer.state.ScreenState.to_store); the browser writes it
INDEX = "paint-index"  # the browser paint index (explorer.figures.stage.browser_index), sent once
QUERY = "screen-query"  # the address the server computed for the state; the browser writes it to the history
PAINT_SINK = "paint-sink"
ADDRESS_SINK = "address-sink"
URL_MESSAGE = "url-message"
MODE = "mode-switch"
VIEW_SELECT = "view-select"

# The map: Plotly draws the body (base) and the dots (markers); between them the browser paints
# the overlays in an SVG (id "stage-paint", made by assets/tpx.js); the stage element takes taps, pointer and keys.
STAGE = "stage"
STAGE_BASE = "stage-base"
STAGE_MARKERS = "stage-markers"
STAGE_POINTER = "stage-pointer"  # live: the name under the pointer or the keyboard cursor
STAGE_SUMMARY = "stage-summary"  # the map in words (the view, what is lit or marked): the stage's description

CLEAR = "clear-button"
PRINT = "print-button"
PRINT_SINK = "print-sink"
EXPLORE_CONTROLS = "explore-controls"
PAIN_CONTROLS = "pain-controls"
TP_SEARCH = "tp-search"
PAIN_SELECT = "pain-select"
PANEL = "side-panel"
SHARE_LINK = "share-link"
MAP_HINT = "map-hint"
SHEET = "phone-sheet"  # on a phone: the short result after a tap, at the bottom of the screen
BACK_TO_MAP = "back-to-map"

LEARN = "learn-page"
LEARN_BACK = "learn-back"
MAP_PAGE = "map-page"
AUDIENCE = "audience-switch"
QUIZ_PROGRESS = "quiz-progress"  # localStorage: the student's score and schedule, never sent anywhere but back to this app
QUIZ_REQUEST = "quiz-request"  # the browser asks for the next question
HANDOUT = "handout"  # printed only: what a clinician hands out
SAVE_PICTURE = "save-picture"
