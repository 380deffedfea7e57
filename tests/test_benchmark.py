"""The benchmark runs (briefly) and writes a report with every measurement, so it cannot rot unnoticed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.browser


def test_bn001_the_quick_benchmark_measures_everything(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads((tmp_path / "results.json").read_text())
    for key in ("clicks", "first_load", "ranking_ms", "load", "worker_memory_mb", "startup_s"):
        assert key in results, key
    assert results["clicks"]["app"]["clicks"] >= 10 and results["clicks"]["naive"]["clicks"] >= 10
    assert results["clicks"]["app"]["exact"] == results["clicks"]["app"]["clicks"]
    assert results["load"]["requests"] > 0 and results["worker_memory_mb"]
    assert set(results["ranking_ms"]) == {"1", "5", "10", "20"}
    report = (tmp_path / "results.md").read_text()
    assert "| click to painted zones, p95 |" in report and "naive" in report
