"""Response headers: a Content-Security-Policy with no inline script and no outside host, framing as
the site configures it, and HSTS when the app is reached over TLS.

Two settings come from the environment, checked when the app is built:

- EXPLORER_FRAME_ANCESTORS: who may show the app inside a frame. Empty or unset: nobody ('none');
  otherwise a space-separated list of 'self' and origins (https://records.example.org).
- EXPLORER_HSTS_MAX_AGE: seconds browsers should keep to HTTPS once they reached the app over TLS
  (default one year; 0 turns HSTS off). HSTS is only ever sent on an HTTPS request.
"""

from __future__ import annotations

import os
import re

from dash import Dash
from flask_talisman import Talisman

FRAME_ANCESTORS_ENV = "EXPLORER_FRAME_ANCESTORS"
HSTS_ENV = "EXPLORER_HSTS_MAX_AGE"
DEFAULT_HSTS_SECONDS = 365 * 24 * 3600
ORIGIN = re.compile(r"^https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$")


class HeaderSettingError(ValueError):
    """A header setting from the environment that cannot be used (the message names the variable)."""


def frame_ancestors(value: str | None) -> list[str]:
    """The CSP frame-ancestors sources for a setting ('none' when unset); refuses anything but 'self' and origins."""
    tokens = (value or "").split()
    if not tokens or tokens == ["'none'"]:
        return ["'none'"]
    for token in tokens:
        if token != "'self'" and not ORIGIN.match(token):
            raise HeaderSettingError(
                f"{FRAME_ANCESTORS_ENV}: {token!r} is not 'self' or an origin such as https://records.example.org "
                "(scheme and host, no path); separate several with spaces."
            )
    return tokens


def hsts_seconds(value: str | None) -> int:
    """HSTS max-age from its setting (default one year, 0 = off)."""
    if value is None or not value.strip():
        return DEFAULT_HSTS_SECONDS
    if not value.strip().isdigit():
        raise HeaderSettingError(f"{HSTS_ENV}: {value.strip()[:40]!r} is not a whole number of seconds.")
    return int(value)


def content_security_policy(app: Dash, ancestors: list[str]) -> dict:
    """The policy: scripts only from this server (Dash's inline scripts by hash), nothing from elsewhere."""
    return {
        "default-src": "'self'",
        "script-src": ["'self'", *app.csp_hashes()],
        # Inline styles stay allowed: plotly.js writes style attributes as it draws and dcc's Dropdown
        # injects <style> elements (style-src 'self' alone gave 30 violations and an unstyled search box).
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],  # Plotly draws pictures of the map through blob: images
        "font-src": ["'self'", "data:"],
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": ancestors,
    }


def install(app: Dash, environ: dict | None = None) -> None:
    """Set the security headers on every response (raises HeaderSettingError for an unusable setting)."""
    environ = os.environ if environ is None else environ
    ancestors = frame_ancestors(environ.get(FRAME_ANCESTORS_ENV))
    max_age = hsts_seconds(environ.get(HSTS_ENV))
    Talisman(
        app.server,
        content_security_policy=content_security_policy(app, ancestors),
        force_https=False,  # TLS ends at the clinic's proxy; gunicorn trusts its X-Forwarded-Proto
        strict_transport_security=max_age > 0,
        strict_transport_security_max_age=max_age,
        strict_transport_security_include_subdomains=False,
        session_cookie_secure=False,
        referrer_policy="no-referrer",
        # X-Frame-Options cannot list origins: send it only when nobody may frame the app
        frame_options="DENY" if ancestors == ["'none'"] else None,
        permissions_policy={"camera": "()", "microphone": "()", "geolocation": "()", "interest-cohort": "()"},
    )
