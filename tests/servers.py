"""Real server processes for tests: gunicorn with the production settings, the development server, nginx."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float = 60.0) -> None:
    end = time.time() + timeout
    while time.time() < end:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"{url} did not answer")


def gunicorn(port: int, log=subprocess.PIPE, cwd: Path = ROOT, extra_env: dict | None = None) -> subprocess.Popen:
    """gunicorn with deploy/gunicorn.conf.py on loopback (one worker, two threads)."""
    env = {**os.environ, "EXPLORER_BIND": f"127.0.0.1:{port}", "EXPLORER_WORKERS": "1", "EXPLORER_THREADS": "2", "PYTHONPATH": str(ROOT), **(extra_env or {})}
    command = [str(Path(sys.executable).with_name("gunicorn")), "-c", str(ROOT / "deploy" / "gunicorn.conf.py")]
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=log)


def development_server(port: int, log, cwd: Path = ROOT, extra_env: dict | None = None) -> subprocess.Popen:
    """`python -m explorer` (the README's run command) on loopback."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(extra_env or {})}
    return subprocess.Popen([sys.executable, "-m", "explorer", "--port", str(port)], cwd=cwd, env=env, stdout=log, stderr=log)


def nginx_from_deploy_conf(tmp: Path, upstream_port: int, port: int) -> subprocess.Popen:
    """Debian's nginx running deploy/nginx.conf, with the upstream, the port and the paths moved to loopback and tmp."""
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    conf = conf.replace("server app:8050;", f"server 127.0.0.1:{upstream_port};").replace("listen 8080;", f"listen 127.0.0.1:{port};")
    conf = conf.replace("error_log /dev/stderr crit;", f"error_log {tmp}/error.log crit;")
    conf = "\n".join(line for line in conf.splitlines() if not line.strip().startswith("resolver "))
    paths = "".join(f"    {kind}_temp_path {tmp}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = conf.replace("http {", "http {\n" + paths, 1)
    head = ("user root;\n" if os.geteuid() == 0 else "") + f"pid {tmp}/nginx.pid;\n"
    (tmp / "nginx.conf").write_text(head + conf)
    return subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"], stderr=subprocess.PIPE)


def stop(*processes: subprocess.Popen) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
