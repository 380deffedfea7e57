"""Security headers: a CSP without inline scripts or outside hosts, framing set by an environment variable,
HSTS only over TLS, and no development tooling in production."""

from __future__ import annotations

import http.server
import threading

import pytest

from explorer import headers
from explorer.app import create_app
from tests.mapdriver import wait


def _csp(response) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in response.headers["Content-Security-Policy"].split("; ")}


@pytest.fixture
def make_client(atlas, monkeypatch):
    def make(**environ):
        for name in (headers.FRAME_ANCESTORS_ENV, headers.HSTS_ENV):
            monkeypatch.delenv(name, raising=False)
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
        return create_app(atlas=atlas).server.test_client()

    return make


def test_he001_scripts_only_from_this_server_and_inline_scripts_by_hash(make_client):
    response = make_client().get("/")
    csp = _csp(response)
    assert csp["default-src"] == ["'self'"] and csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'self'"]
    assert csp["script-src"][0] == "'self'" and all(s.startswith("'sha256-") for s in csp["script-src"][1:])
    assert not any(k in " ".join(csp["script-src"]) for k in ("unsafe-inline", "unsafe-eval", "http", "*"))
    assert all("http" not in " ".join(v) and "*" not in v for v in csp.values())
    assert csp["frame-ancestors"] == ["'none'"] and response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer" and response.headers["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_he002_a_clinic_can_allow_its_records_system_to_frame_the_app(make_client):
    response = make_client(EXPLORER_FRAME_ANCESTORS="'self' https://records.clinic.example https://*.clinic.example:8443").get("/")
    assert _csp(response)["frame-ancestors"] == ["'self'", "https://records.clinic.example", "https://*.clinic.example:8443"]
    assert "X-Frame-Options" not in response.headers  # it cannot name origins; the CSP does


@pytest.mark.parametrize("value", ["*", "https://a.example/path", "javascript:alert(1)", "'unsafe-inline'", "records.example"])
def test_he003_an_unusable_framing_setting_stops_the_app_with_a_message_naming_the_variable(make_client, value):
    with pytest.raises(headers.HeaderSettingError, match=headers.FRAME_ANCESTORS_ENV):
        make_client(EXPLORER_FRAME_ANCESTORS=value)


def test_he004_hsts_only_over_tls_and_configurable(make_client):
    client = make_client()
    assert "Strict-Transport-Security" not in client.get("/").headers
    assert client.get("/", base_url="https://clinic.example").headers["Strict-Transport-Security"] == "max-age=31536000"
    short = make_client(EXPLORER_HSTS_MAX_AGE="600")
    assert short.get("/", base_url="https://clinic.example").headers["Strict-Transport-Security"] == "max-age=600"
    off = make_client(EXPLORER_HSTS_MAX_AGE="0")
    assert "Strict-Transport-Security" not in off.get("/", base_url="https://clinic.example").headers
    with pytest.raises(headers.HeaderSettingError, match=headers.HSTS_ENV):
        make_client(EXPLORER_HSTS_MAX_AGE="a year")


def test_he005_no_development_tooling_answers(make_client):
    client = make_client()
    assert client.get("/_reload-hash").status_code == 404
    assert "_dash-hot-reload" not in client.get("/").get_data(as_text=True)


class _Embedder(http.server.BaseHTTPRequestHandler):
    target = ""

    def do_GET(self):  # a records system's page that shows the app in a frame
        body = f'<!DOCTYPE html><title>records</title><iframe id="app" src="{self.target}" width="1200" height="900"></iframe>'.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.browser
@pytest.mark.parametrize("allowed", [True, False])
def test_he006_the_app_shows_in_a_frame_only_where_allowed(dash_duo, atlas, monkeypatch, allowed):
    embedder = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Embedder)
    origin = f"http://localhost:{embedder.server_address[1]}"
    monkeypatch.setenv(headers.FRAME_ANCESTORS_ENV, origin if allowed else "'none'")
    threading.Thread(target=embedder.serve_forever, daemon=True).start()
    try:
        dash_duo.start_server(create_app(atlas=atlas))
        _Embedder.target = dash_duo.server_url + "/?tp=trapezius_tp1&side=right"
        dash_duo.driver.get(origin + "/")
        dash_duo.driver.switch_to.frame(dash_duo.driver.find_element("id", "app"))
        if allowed:
            wait(lambda: dash_duo.driver.execute_script("return !!(window.tpx && tpx.ready())"), 15)
            assert "Shoulder-top" in dash_duo.driver.find_element("id", "tp-title").text
        else:
            import time

            time.sleep(2)
            assert not dash_duo.driver.find_elements("id", "stage")  # the browser refused to show it
        dash_duo.driver.switch_to.default_content()
    finally:
        embedder.shutdown()


def test_he007_the_run_command_refuses_an_unusable_setting_without_a_traceback():
    import os
    import subprocess
    import sys

    env = {**os.environ, headers.FRAME_ANCESTORS_ENV: "https://records.example/embed"}
    done = subprocess.run([sys.executable, "-m", "explorer", "--port", "0"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1 and headers.FRAME_ANCESTORS_ENV in done.stderr and "Traceback" not in done.stderr
