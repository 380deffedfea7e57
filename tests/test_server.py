"""The served app: health, security headers, offline assets, no tracebacks for bad requests."""

from __future__ import annotations

import re

import pytest

from explorer.app import create_app


@pytest.fixture(scope="module")
def client(atlas):
    return create_app(atlas=atlas).server.test_client()


def test_health(client):
    assert client.get("/health").status_code == 200


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_page_loads_nothing_from_other_hosts(client):
    html = client.get("/").get_data(as_text=True)
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not url.startswith(("http://", "https://", "//")), url
    assert "00-bootstrap.min.css" in html


def test_malformed_callback_request_gets_no_traceback(client):
    response = client.post("/_dash-update-component", data="{not json", content_type="application/json")
    body = response.get_data(as_text=True)
    assert response.status_code in (400, 500)
    assert "Traceback" not in body and 'File "' not in body


def test_two_apps_in_one_process_both_work(atlas):
    first = create_app(atlas=atlas)
    second = create_app(atlas=atlas)
    assert len(first.callback_map) == len(second.callback_map) > 0


def test_unknown_path_is_404_json(client):
    response = client.get("/no/such/page.txt")
    assert response.status_code in (200, 404)


def test_production_entry_point_refuses_broken_data_without_a_traceback(data_copy):
    import os
    import subprocess
    import sys

    from tests.conftest import edit_csv

    edit_csv(data_copy / "referral_patterns.csv", 2, "zone", "primary")
    env = {**os.environ, "EXPLORER_DATA_DIR": str(data_copy)}
    done = subprocess.run(
        [sys.executable, "-c", "import explorer.app as a; a.server"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 3
    assert "referral_patterns.csv, line 2, column 'zone'" in done.stderr
    assert "Traceback" not in done.stderr
