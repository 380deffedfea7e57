"""Benchmark: server-side cost of one click (state -> Patch for both maps) and the payload size.

Run: .venv/bin/python bench/bench_click.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import plotly  # noqa: E402

from explorer.callbacks import overlay_for_state  # noqa: E402
from explorer.data import load_atlas  # noqa: E402
from explorer.figures import BODY_SHEET, HEAD_SHEET, SheetArtist, overlay_patch  # noqa: E402
from explorer.state import ScreenState  # noqa: E402


def main() -> int:
    atlas = load_atlas()
    artists = [SheetArtist(atlas, BODY_SHEET), SheetArtist(atlas, HEAD_SHEET)]
    figures = [f for a in artists for f in (a.base_figure, a.overlay_figure, a.marker_figure)]
    base = sum(len(json.dumps(f.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder)) for f in figures)
    timings, sizes = [], []
    for tp_id in atlas.trigger_points:
        state = ScreenState(trigger_point_id=tp_id, side="right")
        start = time.perf_counter()
        overlay = overlay_for_state(atlas, state)
        patches = [overlay_patch(a, overlay).to_plotly_json() for a in artists]
        payload = json.dumps(patches, cls=plotly.utils.PlotlyJSONEncoder)
        timings.append((time.perf_counter() - start) * 1000)
        sizes.append(len(payload))
    print(f"initial figures: {base / 1024:.0f} KB uncompressed (both maps)")
    print(f"click -> patches for {len(timings)} trigger points: median {statistics.median(timings):.2f} ms, max {max(timings):.2f} ms")
    print(f"patch payload: median {statistics.median(sizes) / 1024:.1f} KB, max {max(sizes) / 1024:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
