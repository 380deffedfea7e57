"""Fuzzing the loader: any single corrupted cell gives a clean verdict, never a crash or a half-load."""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.data import DEFAULT_DATA_DIR, Atlas, DataValidationError, load_atlas

FILES = [
    "regions.csv",
    "views.csv",
    "muscles.csv",
    "trigger_points.csv",
    "trigger_point_positions.csv",
    "referral_patterns.csv",
    "red_flags.csv",
    "body_geometry.csv",
]
NASTY = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "-1", "1e309", "nan", "NaN", "None", "0,0 1,1", "essential", "left", "yes", "é", "\x00", '"', "a,b"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(FILES), row=st.integers(min_value=2, max_value=40), column=st.integers(min_value=0, max_value=15), value=NASTY)
def test_one_bad_cell_never_crashes(file, row, column, value):
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(DEFAULT_DATA_DIR, data)
        path = data / file
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        target = rows[min(row, len(rows)) - 1]
        target[column % len(target)] = value
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
        try:
            atlas = load_atlas(data)
        except DataValidationError as error:
            assert error.problems
            assert all(p.file in FILES + ["unused_regions.csv"] for p in error.problems)
        else:
            assert isinstance(atlas, Atlas) and atlas.trigger_points
