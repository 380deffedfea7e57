"""The server's gate: every request comes from an untrusted browser.

Sizes and the shape of each callback request are checked here, before Dash reads them; the values
inside are then checked by `explorer.state` (the screen state and the address) and by each callback.
Whatever cannot be served gets a short answer naming the problem (a page for a person, JSON for the
app's own requests), never a traceback, and nothing a user sent reaches the log.
"""

from __future__ import annotations

import html
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

from dash import Dash
from dash.exceptions import DependencyException
from flask import Response, jsonify, request
from werkzeug.exceptions import HTTPException

# The largest request the app itself sends (a full quiz progress with a 300-area pain drawing) is
# about 25 KB; nginx (deploy/nginx.conf) uses the same bound.
MAX_REQUEST_BYTES = 64 * 1024
CALLBACK_PATH = "/_dash-update-component"
# Paths that are pages a person opens; Dash serves its single page for each.
PAGES = frozenset({"/", "/learn"})
# Everything else the server answers: Dash's bundles and API, the app's assets, the health check.
SERVED_PREFIXES = (
    "/_dash-component-suites/",
    "/_dash-layout",
    "/_dash-dependencies",
    CALLBACK_PATH,
    "/assets/",
    "/_favicon.ico",
    "/health",
)
PACKAGE_DIR = str(Path(__file__).resolve().parent)

Spec = tuple[str, str]  # (component id, property)


@dataclass(frozen=True)
class Signature:
    """What a server callback accepts: its inputs, states and outputs, in order."""

    inputs: tuple[Spec, ...]
    state: tuple[Spec, ...]
    outputs: tuple[Spec, ...]
    multi: bool


def signatures(app: Dash) -> dict[str, Signature]:
    """The server callbacks of an app by Dash's output key (clientside callbacks have no server side)."""
    found = {}
    for key, entry in app.callback_map.items():
        if "callback" not in entry:
            continue
        multi = key.startswith("..")
        parts = key.strip(".").split("...") if multi else [key]
        outputs = tuple(tuple(part.split(".", 1)) for part in parts)
        found[key] = Signature(
            inputs=tuple((i["id"], i["property"]) for i in entry["inputs"]),
            state=tuple((s["id"], s["property"]) for s in entry.get("state", [])),
            outputs=outputs,
            multi=multi,
        )
    return found


def _specs_problem(field: str, sent: object, expected: tuple[Spec, ...]) -> str | None:
    if not isinstance(sent, list) or len(sent) != len(expected):
        return f"'{field}' must list {len(expected)} value{'s' if len(expected) != 1 else ''}"
    for position, (item, (component, prop)) in enumerate(zip(sent, expected, strict=True)):
        if not isinstance(item, dict) or item.get("id") != component or item.get("property") != prop:
            return f"'{field}' item {position + 1} must be {component}.{prop}"
    return None


def envelope_problem(body: object, known: dict[str, Signature]) -> str | None:
    """Why a callback request does not have the shape of one this app sends (None when it does)."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in known:
        return "'output' does not name a callback of this app"
    signature = known[output]
    for field in ("inputs", "state"):
        problem = _specs_problem(field, body.get(field, []), getattr(signature, field))
        if problem:
            return problem
    outputs = body.get("outputs")
    sent = outputs if signature.multi else [outputs]
    if not isinstance(sent, list) or len(sent) != len(signature.outputs):
        return "'outputs' does not match the callback"
    for item, (component, prop) in zip(sent, signature.outputs, strict=True):
        if not isinstance(item, dict) or item.get("id") != component or item.get("property") != prop:
            return "'outputs' does not match the callback"
    changed = body.get("changedPropIds", [])
    allowed = {f"{c}.{p}" for c, p in signature.inputs}
    if not isinstance(changed, list) or not all(isinstance(c, str) and c in allowed for c in changed):
        return "'changedPropIds' must name inputs of the callback"
    return None


def wants_page() -> bool:
    """True when a person's browser asked for a page (an error is then a page, not JSON)."""
    return request.method == "GET" and not request.path.startswith(SERVED_PREFIXES) and "text/html" in request.headers.get("Accept", "")


def error_page_html(title: str, detail: str) -> str:
    """A short page with a way back to the map; it never repeats what was sent."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · Trigger Point Explorer</title><link rel="stylesheet" href="/assets/app.css">
</head><body class="error-page"><main><h1>{html.escape(title)}</h1><p>{html.escape(detail)}</p><p><a href="/">Open the map</a></p></main></body></html>
"""


def error_page(status: int, title: str, detail: str) -> Response:
    """The error page as a response that no cache keeps."""
    response = Response(error_page_html(title, detail), status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    return response


def refusal(status: int, title: str, detail: str) -> Response:
    """The answer to a request that cannot be served: a page for a person, JSON for the app's own requests."""
    if wants_page():
        return error_page(status, title, detail)
    response = jsonify(error=title, detail=detail)
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


HTTP_WORDS = {
    400: ("Bad request", "The request could not be read."),
    403: ("Forbidden", "This server does not accept requests from there."),
    404: ("Page not found", "There is no page at this address."),
    405: ("Method not allowed", "This address does not take that kind of request."),
    413: ("Request too large", f"A request may send at most {MAX_REQUEST_BYTES // 1024} KB."),
    414: ("Link too long", "This link is too long to be one of this app's links."),
    431: ("Headers too large", "The request's headers are too large."),
}


def where_in_app(tb) -> str:
    """The innermost line of this package a traceback passed through ('explorer/x.py:12'), for the log."""
    frames = [f for f in traceback.extract_tb(tb) if f.filename.startswith(PACKAGE_DIR)]
    frame = frames[-1] if frames else (traceback.extract_tb(tb)[-1] if tb else None)
    if frame is None:
        return "unknown place"
    name = frame.filename[len(PACKAGE_DIR) - len("explorer") :] if frame.filename.startswith(PACKAGE_DIR) else Path(frame.filename).name
    return f"{name}:{frame.lineno}"


def install(app: Dash) -> None:
    """Bound request sizes, check callback requests, answer every error cleanly and keep the log free of user input."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    known = signatures(app)
    dev_tools = getattr(app, "_dev_tools", None)
    hot_reload = bool(dev_tools and dev_tools.get("hot_reload"))

    @server.before_request
    def gate():
        path = request.path
        if path == "/_reload-hash" and not hot_reload:
            return refusal(404, *HTTP_WORDS[404])  # development tooling: absent in production
        if path == CALLBACK_PATH:
            if request.method != "POST":
                return refusal(405, *HTTP_WORDS[405])
            try:
                body = request.get_json(silent=True)
            except RecursionError:
                body = None
            if body is None:
                return refusal(400, "Malformed callback request", "the body must be JSON")
            problem = envelope_problem(body, known)
            if problem:
                return refusal(400, "Malformed callback request", problem)
            return None
        if request.method == "GET" and path not in PAGES and not path.startswith(SERVED_PREFIXES):
            return refusal(404, *HTTP_WORDS[404])
        return None

    @server.errorhandler(DependencyException)
    def unknown_bundle(_error):
        return refusal(404, "Not found", "There is no such file.")

    @server.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        title, detail = HTTP_WORDS.get(error.code or 500, (error.name, "The request could not be served."))
        return refusal(error.code or 500, title, detail)

    @server.errorhandler(Exception)
    def unexpected(error: Exception):
        log_exception((type(error), error, error.__traceback__))
        return refusal(500, "Something went wrong", "The server could not answer this request; nothing you entered was kept.")

    def log_exception(exc_info) -> None:
        # Flask would log the traceback and the request line; both can carry what a user marked.
        kind, _, tb = exc_info if exc_info and exc_info[0] else sys.exc_info()
        server.logger.error("Unhandled %s at %s (request details withheld)", getattr(kind, "__name__", "error"), where_in_app(tb))

    server.log_exception = log_exception
