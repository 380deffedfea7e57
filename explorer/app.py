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
# Dash's page, with the language declared (screen readers pick their voice from it) and the scripts
# outside a <footer> (Dash's default adds a second contentinfo landmark next to the app's own).
INDEX_PAGE = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""
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
        index_string=INDEX_PAGE,
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
# Without preload_app, a worker that waits for another to stop the server gives up after this long.
WORKER_WAIT_SECONDS = 60


def __getattr__(name: str):
    """`explorer.app:server` for gunicorn, built on first use rather than at import.

    The data folder comes from EXPLORER_DATA_DIR (default: the bundled data). Broken data stops the
    server with the list of problems, printed once, not a traceback (see _refuse).
    """
    global _default_app
    if name in ("server", "app"):
        if _default_app is None:
            try:
                _default_app = create_app(os.environ.get("EXPLORER_DATA_DIR") or None)
            except DataValidationError as error:
                _refuse(error.report())
            except headers.HeaderSettingError as error:
                _refuse(f"Cannot start: {error}")
        return _default_app.server if name == "server" else _default_app
    raise AttributeError(name)


def _refuse(report: str):
    """Print the report (the data's problems, or a setting that cannot be used) and stop with WORKER_BOOT_ERROR, once per server.

    With gunicorn's preload_app (deploy/gunicorn.conf.py) the data is loaded once, before forking,
    and this simply exits. Without it every worker loads the data and fails at the same moment; if
    two of them exited with WORKER_BOOT_ERROR, gunicorn would print the report twice and, stopping
    for the first, crash with a traceback on the second. So the first worker of a gunicorn master
    to get here reports and exits; the others wait quietly to be stopped along with the server.
    """
    worker = _gunicorn_worker()
    if worker is not None and not worker.alive:
        os._exit(0)  # the server is already stopping (another worker has reported): leave quietly
    if worker is not None and not _first_to_report(worker):
        _wait_to_be_stopped(worker)
    print(report, file=sys.stderr, flush=True)
    raise SystemExit(WORKER_BOOT_ERROR) from None


def _gunicorn_worker():
    """The gunicorn worker loading this app (None outside a gunicorn worker, e.g. preloading in the master)."""
    base = sys.modules.get("gunicorn.workers.base")
    frame = sys._getframe(1) if base is not None else None
    while frame is not None:
        candidate = frame.f_locals.get("self")
        if isinstance(candidate, base.Worker):
            return candidate
        frame = frame.f_back
    return None


def _report_marker(worker) -> Path:
    """A file naming this gunicorn master (its pid and listening socket), created by the worker that reports."""
    import tempfile

    sockets = getattr(worker, "sockets", None) or []
    inode = os.fstat(sockets[0].fileno()).st_ino if sockets else 0
    return Path(tempfile.gettempdir()) / f"{_MARKER_PREFIX}{os.getuid()}-{worker.ppid}-{inode}"


_MARKER_PREFIX = "trigger-point-explorer-refused-"


def _first_to_report(worker) -> bool:
    if int(getattr(worker.cfg, "workers", 1) or 1) <= 1:
        return True
    marker = _report_marker(worker)
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        return False
    except OSError:
        return True  # no temporary folder: report (at worst twice) rather than not at all
    _forget_stopped_servers(marker)
    return True


def _forget_stopped_servers(keep: Path) -> None:
    """Remove the markers of earlier gunicorn masters that have stopped (a marker is never removed while its master runs)."""
    for old in keep.parent.glob(f"{_MARKER_PREFIX}{os.getuid()}-*"):
        try:
            master = int(old.name.removeprefix(_MARKER_PREFIX).split("-")[1])
            if old != keep:
                os.kill(master, 0)
        except ProcessLookupError:
            old.unlink(missing_ok=True)
        except (ValueError, IndexError, OSError):
            continue


def _wait_to_be_stopped(worker) -> None:
    """Sleep until gunicorn stops this worker (it is stopping for the one that reported), then exit quietly."""
    import signal
    import time

    for signum in (signal.SIGTERM, signal.SIGQUIT, signal.SIGINT):
        signal.signal(signum, lambda *_: os._exit(0))
    if not worker.alive:  # told to stop while it was still loading
        os._exit(0)
    deadline = time.monotonic() + WORKER_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.2)
    # Nobody stopped the server (a stale marker of an earlier server with the same pid?): report after all.
