"""Shared fixtures: the bundled atlas (loaded once) and a writable copy of the data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer.data import DEFAULT_DATA_DIR, load_atlas

SHARED_DIR = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def atlas():
    return load_atlas()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


def edit_csv(path: Path, line: int, column: str, value: str) -> None:
    """Set one cell (line numbers count the header as 1) of a CSV file."""
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    rows[line - 1][header.index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def cell(path: Path, line: int, column: str) -> str:
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[line - 1][rows[0].index(column)]
