"""gunicorn settings for serving Trigger Point Explorer: `gunicorn -c deploy/gunicorn.conf.py`.

Every value can be set from the environment (EXPLORER_*), so a container or a clinic's service
manager changes them without editing this file.
"""

import multiprocessing
import os

wsgi_app = "explorer.app:server"
bind = os.environ.get("EXPLORER_BIND", "0.0.0.0:8050")
# Workers share nothing (all user state is in the browser and the address): one per core, a few
# threads each for the short callback requests.
workers = int(os.environ.get("EXPLORER_WORKERS", multiprocessing.cpu_count()))
# gunicorn's threaded worker, answering malformed requests without logging their request line
worker_class = "explorer.serving.PrivateThreadWorker"
threads = int(os.environ.get("EXPLORER_THREADS", 4))
# Load and validate the atlas once, before forking: workers share its memory, start at once, and
# broken data stops the server in one place with one report.
preload_app = True
# A user reads a panel for a while before the next click: keep the connection open longer than
# that pause, or the next request meets a reset connection (gunicorn's default is 2 s).
keepalive = int(os.environ.get("EXPLORER_KEEPALIVE", 75))
timeout = int(os.environ.get("EXPLORER_TIMEOUT", 30))
graceful_timeout = 20
# Bounds on what a request may send (the app's own limits are far below these).
limit_request_line = 8190
limit_request_fields = 60
limit_request_field_size = 8190
# No access log: pain drawings travel in the address. Errors go to stderr without request lines.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("EXPLORER_LOG_LEVEL", "warning")
forwarded_allow_ips = os.environ.get("EXPLORER_FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_worker_init(worker):
    """Compress the static files once per worker, in the background, before the first visitor needs them."""
    import threading

    from explorer.app import warm_static

    threading.Thread(target=warm_static, args=(worker.wsgi,), daemon=True, name="warm-static").start()
