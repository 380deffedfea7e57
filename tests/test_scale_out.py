"""Scale-out: two separate gunicorn instances behind nginx (round robin) answer one user exactly as one instance does.

Workers share nothing: every request carries the state it needs (the address, the browser's store).
This starts both instances with the production settings and Debian's nginx on loopback, replays a
user's whole sequence (deep link, clicks, pain drawing, ranking, search) through nginx, and compares
every answer with the one a single instance gives to the same request.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import urllib.request
from pathlib import Path

import pytest

from bench import dashreq
from tests.servers import NGINX, free_port, gunicorn, stop, wait_for

pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="Debian's nginx is installed by tests/run_all.sh")


NGINX_CONF = """
{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    log_format upstream_only '$upstream_addr';
    access_log {tmp}/upstreams.log upstream_only;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    upstream explorer {{
        server 127.0.0.1:{a};
        server 127.0.0.1:{b};
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://explorer;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
        }}
    }}
}}
"""


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx")
    a, b, front = free_port(), free_port(), free_port()
    instances = [gunicorn(a), gunicorn(b)]
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(NGINX_CONF.format(user=user, tmp=tmp, a=a, b=b, port=front))
    nginx = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"], stderr=subprocess.PIPE)
    try:
        for port in (a, b, front):
            if nginx.poll() is not None:
                raise AssertionError(f"nginx did not start: {nginx.stderr.read().decode()}")
            wait_for(f"http://127.0.0.1:{port}/health")
        yield {"front": f"http://127.0.0.1:{front}", "single": f"http://127.0.0.1:{a}", "log": tmp / "upstreams.log", "ports": (a, b)}
    finally:
        stop(nginx, *instances)


def _call(base: str, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    # the same Host header both ways: the handout prints the address the browser used
    headers = {"Content-Type": "application/json", "Host": "clinic.example:8080"}
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def _user_sequence(dependencies: list) -> list[tuple[str, str, dict | None]]:
    """A person's visit: a deep link, three clicks, a switch to the pain drawing, two marks, a search."""
    restore = dashreq.find(dependencies, "url", "search")
    render = dashreq.find(dependencies, "screen-state", "data", "side-panel.children")
    search = dashreq.find(dependencies, "tp-search", "search_value")
    areas = dashreq.find(dependencies, "pain-select", "search_value")
    states = [
        {"mode": "explore", "tp": "trapezius_tp1", "side": "right", "pain": [], "region": None, "view": None},
        {"mode": "explore", "tp": "infraspinatus_upper", "side": "left", "pain": [], "region": None, "view": None},
        {"mode": "explore", "tp": None, "side": "right", "pain": [], "region": "temple.r", "view": "head"},
        {"mode": "pain", "tp": None, "side": "right", "pain": ["low_back.r"], "region": None, "view": None},
        {"mode": "pain", "tp": None, "side": "right", "pain": ["low_back.r", "low_back.l", "sacroiliac.l"], "region": None, "view": None},
        {"mode": "pain", "tp": "quadratus_lumborum_superficial_upper", "side": "right", "pain": ["low_back.r", "low_back.l"], "region": None, "view": None},
    ]
    steps: list[tuple[str, str, dict | None]] = [
        ("GET", "/?tp=trapezius_tp1&side=right", None),
        ("GET", "/_dash-layout", None),
        ("GET", "/_dash-dependencies", None),
        ("POST", "/_dash-update-component", dashreq.request(restore, {"url.search": "?tp=trapezius_tp1&side=right"}, "url.search")),
    ]
    for state in states:
        steps.append(("POST", "/_dash-update-component", dashreq.request(render, {"screen-state.data": state}, "screen-state.data")))
    steps.append(("POST", "/_dash-update-component", dashreq.request(search, {"tp-search.search_value": "glute med"}, "tp-search.search_value")))
    steps.append(("POST", "/_dash-update-component", dashreq.request(areas, {"pain-select.search_value": "low back"}, "pain-select.search_value")))
    return steps


# Dash signs a fresh token into every page it serves (end_id; it is only checked by background callbacks,
# which this app has none of): the one part of an answer that differs between two loads from one instance.
END_ID = re.compile(rb'"end_id":"[^"]*"')


def _content(body: bytes):
    """What an answer says: JSON parsed (Dash orders some keys by a per-process hash), the page without its token."""
    try:
        return json.loads(body)
    except ValueError:
        return END_ID.sub(b"", body)


def test_so001_two_instances_behind_nginx_answer_a_user_as_one_instance_does(cluster):
    _, raw = _call(cluster["single"], "GET", "/_dash-dependencies")
    steps = _user_sequence(json.loads(raw))
    _, page = _call(cluster["front"], "GET", "/")
    token = re.search(rb'"end_id":"([^"]*)"', page).group(1).decode()
    for _round in range(2):  # twice, so round robin sends each step to both instances
        for method, path, body in steps:
            # callbacks carry the page's token, as the browser sends it, whichever instance served the page
            path = f"{path}?endId={token}" if method == "POST" else path
            status_front, front = _call(cluster["front"], method, path, body)
            status_single, single = _call(cluster["single"], method, path, body)
            assert status_front == status_single == 200, path
            assert _content(front) == _content(single), f"{method} {path}: nginx and a single instance answered differently"
    served_by = set(cluster["log"].read_text().split())
    assert {f"127.0.0.1:{port}" for port in cluster["ports"]} <= served_by
