"""Privacy: after a session of normal and hostile requests, nothing a user marked, typed or selected is in
any server's log or on disk: gunicorn (production settings), the development server, nginx (deploy conf)."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench import dashreq
from tests import servers

# What this session's user marks, selects and types: none of it may reach a log or a file.
MARKED = ["plantar_heel.r", "suboccipital.l", "lateral_elbow.r"]
CHOSEN = "gluteus_minimus_anterior"
TYPED = "zebrafinchpain"
SECRETS = [*MARKED, "plantar_heel", "suboccipital", "lateral_elbow", CHOSEN, TYPED, "pain="]


def _get(base: str, path: str) -> int:
    try:
        with urllib.request.urlopen(base + path, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _post(base: str, path: str, body: bytes) -> int:
    request = urllib.request.Request(base + path, data=body, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _raw(port: int, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(data)
        answer = b""
        try:
            while chunk := connection.recv(65536):
                answer += chunk
        except OSError:
            pass
    return answer


def _session(base: str, port: int) -> dict:
    """A person's normal visit, then hostile requests carrying the same pain drawing; returns the statuses seen."""
    dependencies = json.loads(urllib.request.urlopen(base + "/_dash-dependencies", timeout=10).read())
    restore = dashreq.find(dependencies, "url", "search")
    render = dashreq.find(dependencies, "screen-state", "data", "side-panel.children")
    search = dashreq.find(dependencies, "tp-search", "search_value")
    drawing = ",".join(MARKED)
    store = {"mode": "pain", "tp": CHOSEN, "side": "right", "pain": MARKED}
    statuses = {
        "page": _get(base, f"/?mode=pain&pain={drawing}&tp={CHOSEN}"),
        "restore": _post(base, "/_dash-update-component", json.dumps(dashreq.request(restore, {"url.search": f"?mode=pain&pain={drawing}"}, "url.search")).encode()),
        "render": _post(base, "/_dash-update-component", json.dumps(dashreq.request(render, {"screen-state.data": store}, "screen-state.data")).encode()),
        "search": _post(base, "/_dash-update-component", json.dumps(dashreq.request(search, {"tp-search.search_value": TYPED}, "tp-search.search_value")).encode()),
        # hostile: the same drawing inside requests the app must refuse
        "unknown page": _get(base, f"/{TYPED}/{drawing}"),
        "long link": _get(base, f"/?mode=pain&pain={drawing}," + "a" * 20_000),
        "nul": _get(base, f"/?pain={drawing}%00"),
        "bad json": _post(base, "/_dash-update-component", f'{{"pain": "{drawing}"'.encode()),
        "bad shape": _post(base, "/_dash-update-component", json.dumps({"output": drawing, "inputs": MARKED}).encode()),
        "too large": _post(base, "/_dash-update-component", json.dumps({"pain": MARKED * 5_000}).encode()),
        "bad store": _post(base, "/_dash-update-component", json.dumps(dashreq.request(render, {"screen-state.data": {"pain": {drawing: [TYPED]}, "tp": [CHOSEN]}}, "screen-state.data")).encode()),
    }
    for name, line in {
        "bad request line": f"GET /?pain={drawing} HTTP/1.1 {TYPED}\r\n\r\n",
        "bad header": f"GET /?pain={drawing} HTTP/1.1\r\nHost: x\r\n{TYPED} {drawing}\r\n\r\n",
        "bad method": f"{TYPED.upper()}! /?pain={drawing} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "huge line": f"GET /?pain={drawing}{'b' * 40_000} HTTP/1.1\r\nHost: x\r\n\r\n",
    }.items():
        answer = _raw(port, line.encode())
        statuses[name] = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    return statuses


def _leaks(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", "replace")
            found += [f"{path.name}: {secret!r}" for secret in SECRETS if secret in text]
            if "Traceback" in text:
                found.append(f"{path.name}: a traceback")
    return found


def _assert_refused_cleanly(statuses: dict) -> None:
    assert statuses["page"] == statuses["restore"] == statuses["render"] == statuses["search"] == 200
    assert statuses["unknown page"] == 404 and statuses["nul"] == 200  # a NUL is named in a notice on the page
    assert statuses["bad json"] == statuses["bad shape"] == 400 and statuses["too large"] == 413
    refused = {name: code for name, code in statuses.items() if name in ("bad request line", "bad header", "bad method", "huge line", "long link")}
    assert all(500 > code >= 400 for code in refused.values()), refused


def test_pv001_gunicorn_logs_nothing_a_user_sent_and_writes_nothing(tmp_path):
    port = servers.free_port()
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as handle:
        process = servers.gunicorn(port, log=handle, cwd=tmp_path, extra_env={"TMPDIR": str(tmp_path), "EXPLORER_LOG_LEVEL": "debug"})
        try:
            servers.wait_for(f"http://127.0.0.1:{port}/health")
            statuses = _session(f"http://127.0.0.1:{port}", port)
            # behind the clinic's TLS proxy (a trusted address), responses carry HSTS; plain HTTP ones do not
            proxied = urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"X-Forwarded-Proto": "https"}), timeout=10)
            plain = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10)
        finally:
            servers.stop(process)
    _assert_refused_cleanly(statuses)
    assert proxied.headers["Strict-Transport-Security"] == "max-age=31536000" and "Strict-Transport-Security" not in plain.headers
    assert "Refused a malformed request" in log.read_text()  # refusals are logged, by kind only
    assert _leaks(tmp_path) == []


def test_pv002_the_development_server_logs_nothing_a_user_sent(tmp_path):
    port = servers.free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as handle:
        process = servers.development_server(port, log=handle, cwd=tmp_path, extra_env={"TMPDIR": str(tmp_path)})
        try:
            servers.wait_for(f"http://127.0.0.1:{port}/health")
            statuses = _session(f"http://127.0.0.1:{port}", port)
        finally:
            servers.stop(process)
    assert statuses["page"] == statuses["render"] == 200 and statuses["bad shape"] == 400
    assert _leaks(tmp_path) == []


@pytest.mark.skipif(not Path(servers.NGINX).exists(), reason="Debian's nginx is installed by tests/run_all.sh")
def test_pv003_nginx_with_the_deploy_conf_logs_and_buffers_nothing_a_user_sent(tmp_path):
    app_port, front = servers.free_port(), servers.free_port()
    app_dir, nginx_dir = tmp_path / "app", tmp_path / "nginx"
    app_dir.mkdir()
    nginx_dir.mkdir()
    with (app_dir / "gunicorn.log").open("wb") as handle:
        app = servers.gunicorn(app_port, log=handle, cwd=app_dir, extra_env={"TMPDIR": str(app_dir)})
        nginx = servers.nginx_from_deploy_conf(nginx_dir, app_port, front)
        try:
            servers.wait_for(f"http://127.0.0.1:{front}/health")
            statuses = _session(f"http://127.0.0.1:{front}", front)
            big_answer = _post(f"http://127.0.0.1:{front}", "/_dash-update-component", b"x" * 60_000)
            too_long = _raw(front, f"GET /?pain={','.join(MARKED)}{'c' * 40_000} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            servers.stop(app)  # the app is down: nginx's "upstream refused" message would quote the address
            app_down = _get(f"http://127.0.0.1:{front}", f"/?mode=pain&pain={','.join(MARKED)}")
        finally:
            servers.stop(nginx, app)
    _assert_refused_cleanly(statuses)
    assert big_answer == 400 and app_down == 502
    assert too_long.startswith(b"HTTP/1.1 414") and b"Open the map" in too_long
    assert _leaks(tmp_path) == []
    assert not [p for p in (nginx_dir / "client_body").rglob("*") if p.is_file()]  # no body was spooled to disk
