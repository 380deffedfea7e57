"""Benchmark: rank a 10-region pain drawing over the whole atlas (goal: under 5 ms).

Run: .venv/bin/python bench/bench_ranking.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explorer.data import load_atlas  # noqa: E402
from explorer.domain.ranking import rank  # noqa: E402

GOAL_MS = 5.0


def main(repeats: int = 300) -> int:
    atlas = load_atlas()
    rng = random.Random(7)
    region_ids = sorted(atlas.regions)
    drawings = [[(r, rng.choice(["right", "left"])) for r in rng.sample(region_ids, 10)] for _ in range(repeats)]
    rank(atlas, drawings[0])  # warm up
    timings = []
    for drawing in drawings:
        start = time.perf_counter()
        rank(atlas, drawing)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    median = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95)]
    print(f"rank(): 10-region drawing, {len(atlas.trigger_points)} trigger points, {repeats} drawings")
    print(f"  median {median:.2f} ms, p95 {p95:.2f} ms, max {timings[-1]:.2f} ms (goal < {GOAL_MS} ms)")
    return 0 if median < GOAL_MS else 1


if __name__ == "__main__":
    sys.exit(main())
