"""The served app: health, security headers, offline assets, no tracebacks for bad requests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.app import create_app

ROOT = Path(__file__).resolve().parents[1]


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


GUNICORN = Path(sys.executable).with_name("gunicorn")
REPORT_HEADLINE = "The data is invalid: 1 problem found. Nothing was loaded."
PROBLEM = "referral_patterns.csv, line 2, column 'zone': 'primary' is not allowed"


@pytest.fixture
def broken_data(data_copy):
    from tests.conftest import edit_csv

    edit_csv(data_copy / "referral_patterns.csv", 2, "zone", "primary")
    return data_copy


def _refusal(command: list[str], data_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "EXPLORER_DATA_DIR": str(data_dir), "EXPLORER_BIND": "127.0.0.1:0"}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)


def test_production_entry_point_refuses_broken_data_without_a_traceback(broken_data):
    done = _refusal([sys.executable, "-c", "import explorer.app as a; a.server"], broken_data)
    assert done.returncode == 3
    assert done.stderr.count(REPORT_HEADLINE) == 1 and PROBLEM in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed")
def test_gunicorn_with_the_deploy_config_refuses_broken_data_once(broken_data):
    """preload_app: the data is checked once, before any worker starts; gunicorn stops with the report."""
    done = _refusal([str(GUNICORN), "-c", "deploy/gunicorn.conf.py"], broken_data)
    assert done.returncode != 0
    assert done.stderr.count(REPORT_HEADLINE) == 1 and PROBLEM in done.stderr
    assert "Traceback" not in done.stderr
    assert "Booting worker" not in done.stderr


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed")
@pytest.mark.parametrize("workers", [2, 4])
def test_plain_gunicorn_with_several_workers_refuses_broken_data_once(broken_data, workers):
    """Without preload every worker loads the data and fails at once: one reports, gunicorn stops, no traceback."""
    command = [str(GUNICORN), "explorer.app:server", "--workers", str(workers), "--bind", "127.0.0.1:0"]
    done = _refusal(command, broken_data)
    assert done.returncode != 0
    assert done.stderr.count(REPORT_HEADLINE) == 1 and PROBLEM in done.stderr
    assert "Traceback" not in done.stderr
    assert "Worker failed to boot." in done.stderr  # gunicorn's own reason for stopping, from its arbiter
