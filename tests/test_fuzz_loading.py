"""Fuzzing the loader: any single corrupted cell gives a clean verdict, never a crash or a half-load.

Hypothesis changes one cell of one file (any row, any column) to a nasty value. The loader must then
either refuse with located problems (real files, lines inside the file, real columns) and a bounded
report, or load the whole atlas: every row of every file, and the new value where it was put.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.data import DEFAULT_DATA_DIR, FILES, Atlas, DataValidationError, load_atlas

NASTY = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "\t",
            "-1",
            "1e309",
            "nan",
            "NaN",
            "None",
            "0,0 1,1",
            "0,0 10,10 10,0 0,10",
            "essential",
            "Essential",
            " essential",
            "left",
            "yes",
            "é",
            "\x00",
            '"',
            "a,b",
            "a\nb",
            "a\r\nb",
            "\u2028",
            "\ufeff",
            "\x0c",
            '=HYPERLINK("http://x","y")',
            "x" * 25_000,
        ]
    ),
)


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


BUNDLED = {name: _read(DEFAULT_DATA_DIR / name) for name in FILES}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(file=st.sampled_from(FILES), row=st.integers(min_value=1, max_value=10_000), column=st.integers(min_value=0, max_value=30), value=NASTY)
def test_one_bad_cell_never_crashes_or_half_loads(atlas, file, row, column, value):
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(DEFAULT_DATA_DIR, data)
        path = data / file
        rows = [list(r) for r in BUNDLED[file]]
        target_row = 1 + row % (len(rows) - 1)  # a data row, not the header
        target_column = column % len(rows[0])
        rows[target_row][target_column] = value
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
        physical_lines = path.read_text(encoding="utf-8").count("\n") + 1
        try:
            loaded = load_atlas(data)
        except DataValidationError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.file in FILES
                limit = physical_lines if problem.file == file else len(BUNDLED[problem.file]) + 1
                assert 0 <= problem.line <= limit, problem
                header = BUNDLED[problem.file][0]
                assert problem.column == "" or problem.column in header, problem
                assert problem.message and "Traceback" not in problem.message
            report = error.report()
            assert report.startswith("The data is invalid") and len(report.splitlines()) <= 300
        else:
            assert isinstance(loaded, Atlas)
            assert len(loaded.regions) == len(atlas.regions)
            assert len(loaded.views) == len(atlas.views)
            assert len(loaded.muscles) == len(atlas.muscles)
            assert len(loaded.trigger_points) == len(atlas.trigger_points)
            assert sum(len(t.referrals) for t in loaded.trigger_points.values()) == sum(len(t.referrals) for t in atlas.trigger_points.values())
            assert sum(len(t.positions) for t in loaded.trigger_points.values()) == sum(len(t.positions) for t in atlas.trigger_points.values())
            assert len(loaded.red_flags) == len(atlas.red_flags)
            assert len(loaded.unused_regions) == len(atlas.unused_regions)
