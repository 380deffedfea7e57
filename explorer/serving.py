"""Both servers keep what a user sent out of their logs.

A pain drawing travels in the address, so a request line, a query string or a traceback (whose
message can quote a value) is patient input. Neither server keeps an access log; what they still
log, and how they answer a request too malformed to reach the app, is set here:

- the development server (`python -m explorer`, Werkzeug): `quiet_development_server()`;
- gunicorn (deploy/gunicorn.conf.py): the worker class `PrivateThreadWorker`.
"""

from __future__ import annotations

import contextlib
import logging

from gunicorn.http import errors as http_errors
from gunicorn.util import write_nonblock
from gunicorn.workers.gthread import ThreadWorker

from explorer.guard import HTTP_WORDS, error_page_html, where_in_app

SAFE = "explorer_safe"  # marks log records this module wrote itself
WITHHELD = "details withheld: a request can carry what a user marked"


class WithholdRequestDetails(logging.Filter):
    """Drop a server's per-request lines and strip the arguments (request lines, values) from the rest."""

    def __init__(self, keep_plain_messages: bool) -> None:
        super().__init__()
        # gunicorn's own messages without arguments (worker started, stopped) carry no request data
        self.keep_plain_messages = keep_plain_messages

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, SAFE, False):
            return True  # written by this module, from nothing the client sent
        if record.levelno < logging.WARNING:
            return False  # access lines and chatter
        if record.exc_info and record.exc_info[0] is not None:
            kind, _, tb = record.exc_info
            record.msg, record.args = "%s at %s (%s)", (kind.__name__, where_in_app(tb), WITHHELD)
            record.exc_info = record.exc_text = None
            record.stack_info = None
        elif record.args or not self.keep_plain_messages:
            code = record.args[0] if isinstance(record.args, tuple) and record.args and isinstance(record.args[0], int) else None
            record.msg, record.args = (
                ("Refused a malformed request, code %s (%s)", (code, WITHHELD)) if code else ("Server message withheld (%s)", (WITHHELD,))
            )
        return True


def quiet_development_server() -> None:
    """The Werkzeug server: no request lines; errors logged by code only."""
    logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, WithholdRequestDetails) for f in logger.filters):
        logger.addFilter(WithholdRequestDetails(keep_plain_messages=False))


REFUSALS = (
    (http_errors.LimitRequestLine, 414),
    (http_errors.LimitRequestHeaders, 431),
    (http_errors.ForbiddenProxyRequest, 403),
)


def refusal_status(exc: BaseException) -> int:
    """The HTTP status for a request gunicorn could not parse."""
    return next((status for kind, status in REFUSALS if isinstance(exc, kind)), 400)


class PrivateThreadWorker(ThreadWorker):
    """gunicorn's threaded worker: malformed requests get the app's short page, and no request line is logged."""

    def init_process(self):
        logging.getLogger("gunicorn.error").addFilter(WithholdRequestDetails(keep_plain_messages=True))
        super().init_process()

    def handle_error(self, req, client, addr, exc):
        # gunicorn's own handler logs the request line and quotes it in its page: both can hold a pain drawing
        app_fault = isinstance(exc, (http_errors.InvalidResponseHeader, http_errors.InvalidResponseHeaderName))
        if isinstance(exc, http_errors.ParseException) and not app_fault:
            status = refusal_status(exc)
            title, detail = HTTP_WORDS.get(status, HTTP_WORDS[400])
            self.log.warning("Refused a malformed request: %s (%s)", type(exc).__name__, WITHHELD, extra={SAFE: True})
        else:
            status, title, detail = 500, "Something went wrong", "The server could not answer this request; nothing you entered was kept."
            self.log.error(
                "Error handling a request: %s at %s (%s)", type(exc).__name__, where_in_app(exc.__traceback__), WITHHELD, extra={SAFE: True}
            )
        body = error_page_html(title, detail).encode("utf-8")
        head = f"HTTP/1.1 {status} {title}\r\nConnection: close\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: {len(body)}\r\n\r\n"
        with contextlib.suppress(OSError):  # the client has gone: nothing to answer
            write_nonblock(client, head.encode("latin-1") + body)
