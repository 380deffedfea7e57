"""The app factory: data -> figures -> layout -> callbacks -> a Dash app with a secured server."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dash import Dash
from flask import jsonify
from flask_talisman import Talisman

from explorer.callbacks import register_callbacks
from explorer.data import Atlas, DataValidationError, load_atlas
from explorer.figures import BODY_SHEET, HEAD_SHEET, SheetArtist
from explorer.layout import build_layout

ASSETS_DIR = Path(__file__).resolve().parents[1] / "assets"


def create_app(data_dir: Path | str | None = None, atlas: Atlas | None = None) -> Dash:
    """Build the app on a validated atlas (raises DataValidationError if the data is broken)."""
    atlas = atlas or load_atlas(data_dir)
    artists = {"body": SheetArtist(atlas, BODY_SHEET), "head": SheetArtist(atlas, HEAD_SHEET)}
    app = Dash(
        __name__,
        title="Trigger Point Explorer",
        assets_folder=str(ASSETS_DIR),
        serve_locally=True,
        compress=True,
        health_endpoint="health",
        update_title=None,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {"name": "description", "content": "Interactive map of myofascial trigger points and their referred pain."},
        ],
    )
    app.layout = build_layout(atlas, artists)
    register_callbacks(app, atlas, artists)
    _secure(app)
    return app


def _secure(app: Dash) -> None:
    """Security headers (CSP without CDNs) and error pages without tracebacks."""
    policy = {
        "default-src": "'self'",
        "script-src": ["'self'", *app.csp_hashes()],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'none'",
    }
    Talisman(
        app.server,
        content_security_policy=policy,
        force_https=False,
        strict_transport_security=False,
        session_cookie_secure=False,
        referrer_policy="no-referrer",
        frame_options="DENY",
    )

    @app.server.errorhandler(400)
    def bad_request(error):
        return jsonify(error="bad request", detail=getattr(error, "description", "")), 400

    @app.server.errorhandler(404)
    def not_found(error):
        return jsonify(error="not found"), 404

    @app.server.errorhandler(500)
    def server_error(error):
        return jsonify(error="the server could not handle this request"), 500


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
