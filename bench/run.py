"""The benchmark: every speed and capacity figure, measured in one run on this machine, written to bench/results.{md,json}.

    .venv/bin/python bench/run.py            # the full run (about 6 minutes on 2 cores)
    .venv/bin/python bench/run.py --quick    # a short run that only proves the benchmark works

What it measures, all against the production configuration (gunicorn, deploy/gunicorn.conf.py):
- click to painted zones and to the updated panel, in headless Chromium with trusted pointer events,
  over 100+ clicks on different trigger points of every overview, next to a naive variant (a server
  callback returning the whole figure, bench/naive_app.py);
- bytes and requests per click; first-load bytes, requests and time until the map can be clicked;
- ranking latency for drawings of 1, 5, 10 and 20 regions;
- load: locust (headless, loopback only) with 200 users for 60 s loading the page, choosing trigger
  points and ranking drawings, and a capacity run without pauses (requests per second per core);
- memory per worker after the load, and start-up time (process start to a healthy /health).
Targets are read from the report; nothing here fails because a number is slow.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import browser  # noqa: E402
from explorer.data import load_atlas  # noqa: E402
from explorer.domain.ranking import rank  # noqa: E402

PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
LOCUST = str(Path(PYTHON).with_name("locust"))
TARGETS = {
    "paint_p95_ms": 50.0,
    "speedup_vs_naive": 5.0,
    "first_load_bytes": 1_000_000,
    "clickable_ms": 1000.0,
    "load_failures": 0,
    "load_p95_ms": 200.0,
    "worker_memory_mb": 150.0,
    "startup_s": 1.5,
}
CLICK_VIEWS = ("overview", "head", "hands", "feet", "body")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A gunicorn process serving one app on a loopback port, with the production settings."""

    def __init__(self, app: str | None = None, workers: int | None = None) -> None:
        self.port = free_port()
        env = {**os.environ, "EXPLORER_BIND": f"127.0.0.1:{self.port}", "PYTHONPATH": str(ROOT)}
        if workers:
            env["EXPLORER_WORKERS"] = str(workers)
        command = [GUNICORN, "-c", str(ROOT / "deploy" / "gunicorn.conf.py")]
        if app:
            command.append(app)
        started = time.perf_counter()
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.startup_s = self._wait_healthy(started)
        time.sleep(1.0)  # let the workers finish compressing their static files (deploy/gunicorn.conf.py)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def _wait_healthy(self, started: float) -> float:
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.process.stderr.read()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "health", timeout=1) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("server did not become healthy in 60 s")

    def worker_memory_mb(self) -> list[dict]:
        """RSS and PSS of every worker (PSS counts memory shared with the other processes once, in shares)."""
        children = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True).stdout.split()
        out = []
        for pid in children:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            fields = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines()[1:] if line.split()[1].isdigit()}
            out.append({"pid": int(pid), "rss_mb": round(fields["Rss"] / 1024, 1), "pss_mb": round(fields["Pss"] / 1024, 1)})
        return out

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def clicks(url: str, views: tuple[str, ...], total: int) -> list[browser.Click]:
    """`total` clicks on different trigger points, spread over the given views."""
    per_view = max(1, total // len(views))
    out: list[browser.Click] = []
    for index, view in enumerate(views):
        count = per_view if index < len(views) - 1 else total - per_view * (len(views) - 1)
        page = url if view is None else f"{url}?view={view}"
        out.extend(browser.click_markers(page, count, seed=index))
    return out


def click_summary(results: list[browser.Click]) -> dict:
    return {
        "clicks": len(results),
        "exact": sum(c.exact for c in results),
        "paint_ms": browser.summary([c.paint_ms for c in results]),
        "panel_ms": browser.summary([c.panel_ms for c in results]),
        "requests_per_click": browser.summary([c.requests for c in results]),
        "bytes_per_click": browser.summary([c.bytes for c in results]),
    }


def first_loads(url: str, runs: int) -> dict:
    loads = [browser.first_load(url) for _ in range(runs)]
    return {
        "runs": runs,
        "transferred_bytes": int(statistics.median(load.transferred_bytes for load in loads)),
        "decoded_bytes": int(statistics.median(load.decoded_bytes for load in loads)),
        "requests": int(statistics.median(load.requests for load in loads)),
        "clickable_ms": round(statistics.median(load.clickable_ms for load in loads)),
        "largest": dict(sorted(loads[-1].by_url.items(), key=lambda kv: -kv[1])[:6]),
    }


def ranking_latency(repeats: int) -> dict:
    atlas = load_atlas()
    rng = random.Random(7)
    region_ids = sorted(atlas.regions)
    out = {}
    for size in (1, 5, 10, 20):
        drawings = [[(r, rng.choice(["right", "left"])) for r in rng.sample(region_ids, size)] for _ in range(repeats)]
        rank(atlas, drawings[0])
        timings = []
        for drawing in drawings:
            start = time.perf_counter()
            rank(atlas, drawing)
            timings.append((time.perf_counter() - start) * 1000)
        out[str(size)] = browser.summary(timings) | {"median": round(statistics.median(timings), 2), "p95": round(sorted(timings)[int(0.95 * len(timings))], 2)}
    return out


def load_test(server: Server, users: int, seconds: int, think: tuple[float, float], label: str) -> dict:
    atlas = load_atlas()
    env = {
        **os.environ,
        "BENCH_ATLAS": json.dumps({"tps": sorted(atlas.trigger_points), "regions": [f"{r}.r" for r in sorted(atlas.regions)][:120]}),
        "BENCH_THINK_MIN": str(think[0]),
        "BENCH_THINK_MAX": str(think[1]),
    }
    prefix = ROOT / "bench" / "results" / f"locust_{label}"
    prefix.parent.mkdir(exist_ok=True)
    command = [
        LOCUST,
        "-f",
        str(ROOT / "bench" / "locustfile.py"),
        "--headless",
        "--host",
        server.url.rstrip("/"),
        "-u",
        str(users),
        "-r",
        str(max(1, users // 5)),
        "-t",
        f"{seconds}s",
        "--csv",
        str(prefix),
        "--only-summary",
        "--stop-timeout",
        "5",
    ]
    subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=seconds + 120)
    rows = Path(f"{prefix}_stats.csv").read_text().splitlines()
    header = rows[0].split(",")
    total = dict(zip(header, rows[-1].split(","), strict=False))
    requests = int(total["Request Count"])
    failures = int(total["Failure Count"])
    cores = os.cpu_count() or 1
    rps = float(total["Requests/s"])
    return {
        "users": users,
        "seconds": seconds,
        "think_s": list(think),
        "requests": requests,
        "failures": failures,
        "failure_share": round(failures / requests, 4) if requests else None,
        "median_ms": float(total["50%"]),
        "p95_ms": float(total["95%"]),
        "p99_ms": float(total["99%"]),
        "requests_per_s": round(rps, 1),
        "requests_per_s_per_core": round(rps / cores, 1),
    }


def run(quick: bool) -> dict:
    results: dict = {
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(), "quick": quick},
        "targets": TARGETS,
    }
    startups = []
    for _ in range(1 if quick else 3):
        server = Server()
        startups.append(server.startup_s)
        server.stop()
    results["startup_s"] = {"median": round(statistics.median(startups), 2), "runs": [round(s, 2) for s in startups]}

    server = Server()
    naive = Server("bench.naive_app:naive_server()")
    try:
        total = 10 if quick else 100
        app_clicks = clicks(server.url, CLICK_VIEWS, total + (0 if quick else 20))
        naive_clicks = clicks(naive.url, (None,), total)
        results["clicks"] = {"app": click_summary(app_clicks), "naive": click_summary(naive_clicks)}
        app_p95 = results["clicks"]["app"]["paint_ms"]["p95"]
        naive_p95 = results["clicks"]["naive"]["paint_ms"]["p95"]
        app_median = results["clicks"]["app"]["paint_ms"]["median"]
        naive_median = results["clicks"]["naive"]["paint_ms"]["median"]
        results["clicks"]["speedup"] = {
            "median": round(naive_median / app_median, 1) if app_median else None,
            "p95": round(naive_p95 / app_p95, 1) if app_p95 else None,
        }
        results["first_load"] = first_loads(server.url, 1 if quick else 3)
        results["ranking_ms"] = ranking_latency(30 if quick else 300)
        if quick:
            results["load"] = load_test(server, 10, 5, (0.5, 1.0), "quick")
        else:
            results["load"] = load_test(server, 200, 60, (1.0, 5.0), "200_users")
            results["capacity"] = load_test(server, 40, 20, (0.0, 0.0), "capacity")
        results["worker_memory_mb"] = server.worker_memory_mb()
    finally:
        server.stop()
        naive.stop()
    return results


def verdicts(r: dict) -> list[tuple[str, str, str, bool]]:
    """(what, measured, target, met) for every target."""
    t = r["targets"]
    app, naive = r["clicks"]["app"], r["clicks"]["naive"]
    memory = max((w["rss_mb"] for w in r["worker_memory_mb"]), default=0)
    pss = max((w["pss_mb"] for w in r["worker_memory_mb"]), default=0)
    return [
        ("click to painted zones, p95", f"{app['paint_ms']['p95']} ms", f"<= {t['paint_p95_ms']:.0f} ms", (app["paint_ms"]["p95"] or 1e9) <= t["paint_p95_ms"]),
        ("faster than the naive variant (p95)", f"{r['clicks']['speedup']['p95']}x", f">= {t['speedup_vs_naive']:.0f}x", (r["clicks"]["speedup"]["p95"] or 0) >= t["speedup_vs_naive"]),
        ("first load, transferred", f"{r['first_load']['transferred_bytes'] / 1e6:.2f} MB", "<= 1.00 MB", r["first_load"]["transferred_bytes"] <= t["first_load_bytes"]),
        ("first load, map clickable", f"{r['first_load']['clickable_ms']} ms", f"<= {t['clickable_ms']:.0f} ms", r["first_load"]["clickable_ms"] <= t["clickable_ms"]),
        ("load test failures", f"{r['load']['failures']} of {r['load']['requests']}", "0", r["load"]["failures"] == 0),
        ("load test p95", f"{r['load']['p95_ms']:.0f} ms", f"<= {t['load_p95_ms']:.0f} ms", r["load"]["p95_ms"] <= t["load_p95_ms"]),
        ("memory per worker after the load (PSS; RSS)", f"{pss} MB; {memory} MB", f"<= {t['worker_memory_mb']:.0f} MB", pss <= t["worker_memory_mb"]),
        ("start-up to a healthy /health", f"{r['startup_s']['median']} s", f"<= {t['startup_s']} s", r["startup_s"]["median"] <= t["startup_s"]),
        ("clicks that selected the dot clicked", f"{app['exact']} of {app['clicks']} (naive {naive['exact']} of {naive['clicks']})", "all", app["exact"] == app["clicks"]),
    ]


def report(r: dict) -> str:
    """The results as markdown."""
    app, naive = r["clicks"]["app"], r["clicks"]["naive"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured by `bench/run.py{' --quick' if r['machine']['quick'] else ''}` on {r['machine']['cores']} cores, Python {r['machine']['python']},"
        f" {r['machine']['platform']}; the server is gunicorn with `deploy/gunicorn.conf.py`, the browser headless Chromium on the same machine.",
        "",
        "## Targets",
        "",
        "| what | measured | target | met |",
        "|---|---|---|---|",
    ]
    for what, measured, target, met in verdicts(r):
        lines.append(f"| {what} | {measured} | {target} | {'yes' if met else '**no**'} |")
    lines += [
        "",
        "## Clicks",
        "",
        "| | app | naive (server returns the whole figure) |",
        "|---|---|---|",
        f"| clicks | {app['clicks']} | {naive['clicks']} |",
        f"| click to painted zones, median / p95 | {app['paint_ms']['median']} / {app['paint_ms']['p95']} ms | {naive['paint_ms']['median']} / {naive['paint_ms']['p95']} ms |",
        f"| click to updated panel, median / p95 | {app['panel_ms']['median']} / {app['panel_ms']['p95']} ms | {naive['panel_ms']['median']} / {naive['panel_ms']['p95']} ms |",
        f"| requests per click (median) | {app['requests_per_click']['median']} | {naive['requests_per_click']['median']} |",
        f"| bytes per click (median) | {app['bytes_per_click']['median']} | {naive['bytes_per_click']['median']} |",
        f"| speed-up, median / p95 | {r['clicks']['speedup']['median']}x / {r['clicks']['speedup']['p95']}x | |",
        "",
        "## First load (cold cache)",
        "",
        f"{r['first_load']['requests']} requests, {r['first_load']['transferred_bytes'] / 1e6:.2f} MB transferred"
        f" ({r['first_load']['decoded_bytes'] / 1e6:.1f} MB decoded), map clickable after {r['first_load']['clickable_ms']} ms (median of {r['first_load']['runs']}).",
        "",
        "| largest responses | bytes |",
        "|---|---|",
        *[f"| `{path}` | {size:,} |" for path, size in r["first_load"]["largest"].items()],
        "",
        "## Ranking",
        "",
        "| regions in the drawing | median | p95 |",
        "|---|---|---|",
        *[f"| {size} | {v['median']} ms | {v['p95']} ms |" for size, v in r["ranking_ms"].items()],
        "",
        "## Load",
        "",
        "| run | users | pause between actions | requests | failures | median | p95 | p99 | requests/s | per core |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in ("load", "capacity"):
        if name in r:
            x = r[name]
            lines.append(
                f"| {name} | {x['users']} | {x['think_s'][0]}-{x['think_s'][1]} s | {x['requests']} | {x['failures']} | {x['median_ms']:.0f} ms"
                f" | {x['p95_ms']:.0f} ms | {x['p99_ms']:.0f} ms | {x['requests_per_s']} | {x['requests_per_s_per_core']} |"
            )
    lines += [
        "",
        "Locust runs on the same cores as the server, so the capacity figure is a lower bound for a machine that only serves.",
        "",
        "## Memory and start-up",
        "",
        *[f"- worker {w['pid']}: RSS {w['rss_mb']} MB, PSS {w['pss_mb']} MB" for w in r["worker_memory_mb"]],
        f"- start-up (process start to a healthy `/health`): median {r['startup_s']['median']} s over {len(r['startup_s']['runs'])} starts",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a short run that proves the benchmark works")
    parser.add_argument("--out", type=Path, default=ROOT / "bench", help="folder for results.md and results.json")
    args = parser.parse_args()
    results = run(args.quick)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(report(results), encoding="utf-8")
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
