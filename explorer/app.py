"""The app factory: data -> figures -> layout -> callbacks -> a Dash app with a secured, cache-friendly server."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sys
from pathlib import Path

import brotli
from backports import zstd
from dash import Dash
from dash._utils import to_json
from flask import Response, jsonify, request

import explorer
from explorer import guard, headers
from explorer.data import Atlas, DataValidationError, load_atlas
from explorer.features import learn, quiz, screen
from explorer.features import map as map_feature
from explorer.layout import build_layout

ASSETS_DIR = Path(__file__).resolve().parents[1] / "assets"
# Responses that are the same for every user and every request: compressed once per worker, then served from memory.
STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/", "/_dash-layout", "/_dash-dependencies")
COMPRESSORS = {
    "br": lambda data: brotli.compress(data, quality=9),
    "zstd": lambda data: zstd.compress(data, level=12),
    "gzip": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
}


class ExplorerDash(Dash):
    """Dash with a trimmed plotly.js bundle and a layout serialised once (it is the same for every user)."""

    def _setup_plotlyjs(self):
        # assets/vendor/ serves a plotly.js bundle with only the traces the map draws (see its README);
        # dcc.Graph uses window.Plotly when it is defined, so the full 4.8 MB bundle is never registered.
        self._plotlyjs_url = ""

    def serve_layout(self):
        cached = getattr(self, "_layout_json", None)
        if cached is None:
            # keys sorted: Dash orders some attributes by hash, which differs between processes; sorted,
            # every instance of the app serves the same bytes (and the same ETag) for the same layout
            canonical = json.dumps(json.loads(to_json(self.get_layout())), sort_keys=True, separators=(",", ":"))
            cached = self._layout_json = canonical.encode("utf-8")
        response = Response(cached, mimetype="application/json")
        response.set_etag(hashlib.sha256(cached).hexdigest()[:20])
        response.headers["Cache-Control"] = "no-cache"
        return response.make_conditional(request)


def create_app(data_dir: Path | str | None = None, atlas: Atlas | None = None) -> Dash:
    """Build the app on a validated atlas (raises DataValidationError if the data is broken)."""
    atlas = atlas or load_atlas(data_dir)
    app = ExplorerDash(
        __name__,
        title="Trigger Point Explorer",
        assets_folder=str(ASSETS_DIR),
        serve_locally=True,
        compress=True,
        update_title=None,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description", "content": "Interactive map of myofascial trigger points and their referred pain."},
        ],
    )
    app.layout = build_layout(atlas)
    map_feature.register(app, atlas)
    screen.register(app, atlas)
    learn.register(app, atlas)
    quiz.register(app, atlas)
    _serve_health(app, atlas)
    _cache_static(app)
    guard.install(app)
    headers.install(app)
    return app


def _serve_health(app: Dash, atlas: Atlas) -> None:
    """GET /health: the atlas this worker serves, for load balancers and monitoring."""
    counts = {"muscles": len(atlas.muscles), "trigger_points": len(atlas.trigger_points), "regions": len(atlas.regions)}

    @app.server.route("/health")
    def health():
        response = jsonify(status="ok", version=explorer.__version__, **counts)
        response.headers["Cache-Control"] = "no-store"
        return response


def _cache_static(app: Dash) -> None:
    """Compress each static response once per encoding and keep it; long cache lifetimes for fingerprinted files."""
    store: dict[tuple[str, str], bytes] = {}

    @app.server.after_request
    def compressed_once(response: Response) -> Response:
        if request.method != "GET" or response.status_code != 200 or not request.path.startswith(STATIC_PREFIXES):
            return response
        if request.path.startswith("/assets/") and request.args.get("m"):
            response.cache_control.max_age = 31536000
            response.cache_control.public = True
        accepted = request.headers.get("Accept-Encoding", "")
        encoding = next((e for e in ("br", "zstd", "gzip") if e in accepted), None)
        if encoding is None or "Content-Encoding" in response.headers or response.mimetype == "image/png":
            return response
        key = (request.full_path, encoding)
        body = store.get(key)
        if body is None:
            response.direct_passthrough = False
            body = store[key] = COMPRESSORS[encoding](response.get_data())
        response.direct_passthrough = False
        response.set_data(body)
        response.headers["Content-Encoding"] = encoding
        response.headers["Vary"] = "Accept-Encoding"
        etag, weak = response.get_etag()
        if etag and not weak:
            response.set_etag(f"{etag}:{encoding}")
        return response


def warm_static(server) -> int:
    """Fill the compressed-response cache for the page's static files and layout, in every encoding (returns how many)."""
    import re

    client = server.test_client()
    page = client.get("/").get_data(as_text=True)
    paths = ["/_dash-layout", "/_dash-dependencies", *re.findall(r'(?:src|href)="(/[^"]+)"', page)]
    for path in paths:
        for encoding in ("br", "gzip", "zstd"):
            client.get(path, headers={"Accept-Encoding": encoding})
    return len(paths)


_default_app: Dash | None = None
# gunicorn stops (rather than restarting workers forever) when a worker exits with this code.
WORKER_BOOT_ERROR = 3


def __getattr__(name: str):
    """`explorer.app:server` for gunicorn, built on first use rather than at import.

    The data folder comes from EXPLORER_DATA_DIR (default: the bundled data). Broken data stops the
    server with the list of problems, not a traceback.
    """
    global _default_app
    if name in ("server", "app"):
        if _default_app is None:
            try:
                _default_app = create_app(os.environ.get("EXPLORER_DATA_DIR") or None)
            except DataValidationError as error:
                print(error.report(), file=sys.stderr)
                raise SystemExit(WORKER_BOOT_ERROR) from None
        return _default_app.server if name == "server" else _default_app
    raise AttributeError(name)
