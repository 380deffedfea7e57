"""A catalogue of broken data folders: each is refused with a message naming the file, line and column.

Every case starts from a copy of the bundled data, breaks one thing (or a few, where the point is
that all are reported together) and checks three things: load_atlas raises DataValidationError
(nothing is half-loaded), the expected problem is among the problems with the right file, physical
line and column, and `check-data` exits 1 with that problem in its report on stderr and no traceback.
The command is run in this process for every case, and as a real `python -m explorer check-data`
subprocess for the cases marked `cli=True` (one per way of failing; EXPLORER_TEST_ALL_CLI=1 runs it
for every case). A second catalogue holds data that look odd but are valid and must load unchanged.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import explorer.cli
from explorer.cli import main as cli_main
from explorer.data import DEFAULT_DATA_DIR, FILES, DataValidationError, load_atlas
from explorer.data import loader as loader_module
from explorer.data.csvio import MAX_FIELD_CHARS, MAX_FILE_BYTES
from explorer.data.schemas import MAY_BE_EMPTY, SCHEMAS
from tests.conftest import cell, edit_csv

ROOT = Path(__file__).resolve().parents[1]
ALL_CLI = os.environ.get("EXPLORER_TEST_ALL_CLI") == "1"

Expected = list[tuple[str, str]]  # (where, what): one problem must start with "where:" and contain "what"


# ---------------------------------------------------------------------- helpers


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]], quote_all: bool = False) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL).writerows(rows)


def find_line(path: Path, test: Callable[[dict[str, str]], bool]) -> int:
    """The first line (header = 1) whose row passes `test` (the bundled files have no multi-line values)."""
    rows = read_rows(path)
    for number, row in enumerate(rows[1:], start=2):
        if test(dict(zip(rows[0], row, strict=True))):
            return number
    raise AssertionError(f"no such row in {path.name}")


def line_of(path: Path, column: str, value: str) -> int:
    return find_line(path, lambda row: row[column] == value)


def drop_column(path: Path, column: str) -> None:
    rows = read_rows(path)
    index = rows[0].index(column)
    write_rows(path, [row[:index] + row[index + 1 :] for row in rows])


def rename_column(path: Path, old: str, new: str) -> None:
    rows = read_rows(path)
    rows[0][rows[0].index(old)] = new
    write_rows(path, rows)


def keep_header_only(path: Path) -> None:
    write_rows(path, read_rows(path)[:1])


def append_row(path: Path, row: list[str]) -> int:
    rows = read_rows(path)
    write_rows(path, [*rows, row])
    return len(rows) + 1


def delete_rows(path: Path, column: str, value: str) -> None:
    rows = read_rows(path)
    index = rows[0].index(column)
    write_rows(path, [rows[0]] + [row for row in rows[1:] if row[index] != value])


def replace_bytes(path: Path, old: bytes, new: bytes) -> None:
    data = path.read_bytes()
    assert data.count(old) == 1
    path.write_bytes(data.replace(old, new))


def set_physical_line(path: Path, line: int, change: Callable[[str], str]) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[line - 1] = change(lines[line - 1])
    path.write_text("\n".join(lines), encoding="utf-8")


# ---------------------------------------------------------------------- the catalogue of broken data

CASES: dict[str, tuple[Callable[[Path], Expected], bool]] = {}


def case(case_id: str, cli: bool = False):
    def register(build: Callable[[Path], Expected]) -> Callable[[Path], Expected]:
        assert case_id not in CASES
        CASES[case_id] = (build, cli)
        return build

    return register


def at(file: str, line: int | None = None, column: str | None = None) -> str:
    where = file
    if line:
        where += f", line {line}"
    if column:
        where += f", column '{column}'"
    return where


# --- whole files: missing, empty (0 bytes), only a header, too big

for _name in FILES:
    case(f"missing-{_name}", cli=_name == "muscles.csv")(
        lambda d, name=_name: (d / name).unlink() or [(at(name), "file not found")]
    )
    case(f"empty-0-bytes-{_name}")(
        lambda d, name=_name: (d / name).write_bytes(b"") or [(at(name), "file is empty (a header row naming the columns is required)")]
    )
    if _name not in MAY_BE_EMPTY:
        case(f"header-only-{_name}")(
            lambda d, name=_name: keep_header_only(d / name) or [(at(name), "the file has a header but no rows; at least one row is required")]
        )


@case("huge-file-over-the-byte-limit", cli=True)
def _(d):
    path = d / "referral_patterns.csv"
    with path.open("r+b") as handle:
        handle.truncate(MAX_FILE_BYTES + 5 * 2**20)  # sparse: quick to make, refused on its size before it is read
    return [(at("referral_patterns.csv"), "over the limit of 20 MB")]


# --- the header: missing, unknown, misspelt, duplicated columns

_MISSING = {
    "regions.csv": "sided",
    "views.csv": "mirror_view",
    "body_geometry.csv": "outline",
    "muscles.csv": "plain_name",
    "trigger_points.csv": "muscle_id",
    "trigger_point_positions.csv": "y",
    "referral_patterns.csv": "zone",
    "red_flags.csv": "urgency",
    "unused_regions.csv": "reason",
}
for _name, _column in _MISSING.items():
    case(f"missing-column-{_name}-{_column}")(
        lambda d, name=_name, column=_column: drop_column(d / name, column)
        or [(at(name, 1, column), "required column is missing from the header")]
    )


@case("every-column-of-every-file-missing")
def _(d):
    for name in FILES:
        (d / name).write_text("unrelated\nvalue\n", encoding="utf-8")
    return [(at(name, 1, column), "required column is missing") for name in FILES for column in SCHEMAS[name].columns] + [
        (at(name, 1, "unrelated"), "unknown column") for name in FILES
    ]


@case("misspelt-column", cli=True)
def _(d):
    rename_column(d / "referral_patterns.csv", "confidence", "confidance")
    return [
        (at("referral_patterns.csv", 1, "confidance"), "unknown column; did you mean 'confidence'?"),
        (at("referral_patterns.csv", 1, "confidence"), "required column is missing"),
    ]


@case("column-in-capitals")
def _(d):
    rename_column(d / "referral_patterns.csv", "zone", "Zone")
    return [(at("referral_patterns.csv", 1, "Zone"), "did you mean 'zone'? (column names are lower-case snake_case)")]


@case("column-with-a-space")
def _(d):
    rename_column(d / "muscles.csv", "self_care", "Self care")
    return [(at("muscles.csv", 1, "Self care"), "did you mean 'self_care'? (column names are lower-case snake_case)")]


@case("unknown-extra-column")
def _(d):
    rows = read_rows(d / "red_flags.csv")
    write_rows(d / "red_flags.csv", [rows[0] + ["colour"]] + [row + ["red"] for row in rows[1:]])
    return [(at("red_flags.csv", 1, "colour"), "unknown column (check its spelling")]


@case("column-twice-in-header")
def _(d):
    rows = read_rows(d / "unused_regions.csv")
    write_rows(d / "unused_regions.csv", [rows[0] + ["reason"]] + [row + ["x"] for row in rows[1:]])
    return [(at("unused_regions.csv", 1, "reason"), "column appears 2 times in the header")]


@case("header-with-trailing-comma")
def _(d):
    set_physical_line(d / "regions.csv", 1, lambda line: line + ",")
    return [(at("regions.csv", 1), "column 10 of the header has no name (remove the extra comma)")]


# --- ids: duplicates, unknown references across files

for _name, _column in [
    ("regions.csv", "region_id"),
    ("muscles.csv", "muscle_id"),
    ("trigger_points.csv", "trigger_point_id"),
    ("red_flags.csv", "flag_id"),
    ("views.csv", "view_id"),
    ("unused_regions.csv", "region_id"),
]:
    case(f"duplicate-id-{_name}")(
        lambda d, name=_name, column=_column: edit_csv(d / name, 3, column, cell(d / name, 2, column))
        or [(at(name, 3, column), f"{cell(d / name, 2, column)!r} is a duplicate id (first on line 2)")]
    )


@case("duplicate-referral-row")
def _(d):
    path = d / "referral_patterns.csv"
    line = append_row(path, read_rows(path)[11])
    return [(at("referral_patterns.csv", line, "region_id"), "is listed twice for")]


def _unknown(case_id: str, file: str, line: int | Callable[[Path], int], column: str, value: str, what: str, cli: bool = False) -> None:
    def build(d: Path) -> Expected:
        number = line(d) if callable(line) else line
        edit_csv(d / file, number, column, value)
        return [(at(file, number, column), what)]

    case(case_id, cli=cli)(build)


def _view_line(view_id: str) -> Callable[[Path], int]:
    return lambda d: line_of(d / "views.csv", "view_id", view_id)


def _outlined_muscle(d: Path) -> int:
    return find_line(d / "muscles.csv", lambda row: bool(row["outline_regions"]))


_unknown("unknown-muscle-of-trigger-point", "trigger_points.csv", 2, "muscle_id", "no_such_muscle", "unknown muscle 'no_such_muscle'")
_unknown("unknown-region-of-trigger-point", "trigger_points.csv", 5, "region_id", "nowhere", "unknown region 'nowhere' (not in regions.csv)")
_unknown("unknown-region-of-pattern", "referral_patterns.csv", 12, "region_id", "elbowz", "unknown region 'elbowz' (not in regions.csv)")
_unknown(
    "unknown-trigger-point-of-pattern", "referral_patterns.csv", 12, "trigger_point_id", "no_such_tp", "unknown trigger point 'no_such_tp'"
)
_unknown(
    "unknown-trigger-point-of-position", "trigger_point_positions.csv", 3, "trigger_point_id", "no_such_tp", "unknown trigger point 'no_such_tp'"
)
_unknown("unknown-region-of-red-flag", "red_flags.csv", 3, "region_ids", "vertex;no_such_region", "unknown region 'no_such_region'")
_unknown("unknown-outline-region-of-muscle", "muscles.csv", _outlined_muscle, "outline_regions", "no_such_region", "unknown region 'no_such_region'")
_unknown("unknown-outline-view-of-muscle", "muscles.csv", _outlined_muscle, "outline_view", "sideways", "'sideways' is not in views.csv")
_unknown("unknown-region-of-unused-region", "unused_regions.csv", 2, "region_id", "nowhere", "unknown region 'nowhere'")
_unknown("unknown-view-of-position", "trigger_point_positions.csv", 4, "view", "sideways", "'sideways' is not in views.csv")
_unknown("unknown-view-of-geometry-row", "body_geometry.csv", 6, "view", "sideways", "'sideways' is not in views.csv")
_unknown("unknown-region-of-geometry-row", "body_geometry.csv", 6, "region_id", "nowhere", "unknown region 'nowhere'")
_unknown("unknown-parent-drawing-of-part", "views.csv", _view_line("right_palm"), "of", "hand_palmer", "'hand_palmer' is not in views.csv")
_unknown("part-of-a-group", "views.csv", _view_line("right_palm"), "of", "hands", "'hands' is a group, not a drawing")
_unknown("unknown-member-of-group", "views.csv", _view_line("hands"), "of", "hand_palmar;hand_dorsl", "'hand_dorsl' is not in views.csv")
_unknown("part-as-member-of-group", "views.csv", _view_line("hands"), "of", "hand_palmar;right_palm", "'right_palm' is a part, not a drawing")
_unknown("unknown-mirror-view", "views.csv", _view_line("head_right"), "mirror_view", "head_lft", "'head_lft' is not in views.csv")

# --- enums: unknown values, wrong case, stray spaces; required text; formats

_ENUMS = [
    ("zone", "referral_patterns.csv", 12, "primary", "'primary' is not allowed; use one of 'essential', 'spillover'"),
    ("laterality", "referral_patterns.csv", 13, "both", "'both' is not allowed; use one of 'ipsilateral', 'contralateral', 'bilateral'"),
    ("confidence", "referral_patterns.csv", 14, "certain", "'certain' is not allowed; use one of 'high', 'medium', 'low'"),
    ("urgency", "red_flags.csv", 4, "asap", "'asap' is not allowed; use one of 'emergency', 'urgent', 'soon'"),
    ("sided", "regions.csv", 5, "both", "'both' is not allowed; use one of 'yes', 'midline'"),
    ("kind", "views.csv", 3, "drawings", "'drawings' is not allowed; use one of 'drawing', 'part', 'group'"),
    ("side", "views.csv", 4, "rightish", "'rightish' is not allowed; use one of 'right', 'left', 'both'"),
    ("side", "body_geometry.csv", 7, "center", "'center' is not allowed; use one of 'right', 'left', 'midline'"),
    ("body_part", "muscles.csv", 7, "elbowish", "'elbowish' is not allowed; use one of 'head_face', 'neck'"),
    ("pain", "trigger_points.csv", 6, "maybe", "'maybe' is not allowed; use one of 'yes', 'no'"),
    ("prevalence", "trigger_points.csv", 6, "often", "'often' is not allowed; use one of 'common', 'occasional', 'rare' or empty"),
]
for _column, _file, _line, _value, _what in _ENUMS:
    _unknown(f"bad-enum-{_file.removesuffix('.csv')}-{_column}", _file, _line, _column, _value, _what, cli=_column == "zone")

_unknown("enum-in-capitals", "referral_patterns.csv", 12, "zone", "Essential", "'Essential' is not allowed (use lower case); use one of 'essential'")
_unknown("enum-in-capitals-prevalence", "trigger_points.csv", 3, "prevalence", "Common", "'Common' is not allowed (use lower case)")
_unknown("stray-space-in-enum", "referral_patterns.csv", 12, "zone", "essential ", "'essential ' has a space at the start or end; remove it")
_unknown(
    "stray-space-in-id",
    "referral_patterns.csv",
    12,
    "trigger_point_id",
    " coracobrachialis_tp",
    "' coracobrachialis_tp' has a space at the start or end; remove it",
)
_unknown("stray-space-in-id-list", "red_flags.csv", 3, "region_ids", "vertex; forehead", "has the wrong format (expected region ids separated by ';')")
_unknown("id-not-snake-case", "muscles.csv", 4, "muscle_id", "Biceps-Brachii", "'Biceps-Brachii' has the wrong format (expected a snake_case id")
_unknown("required-text-only-spaces", "red_flags.csv", 3, "warning", "   ", "must not be only spaces")
_unknown("required-text-empty", "muscles.csv", 5, "name", "", "must not be empty")
_unknown("required-text-only-a-tab", "trigger_points.csv", 4, "location", "\t", "must not be only spaces")
_unknown("choir-code-format", "regions.csv", 6, "choir_right", "x01", "'x01' has the wrong format (expected CHOIR codes like 'f01;b02')")
_unknown("number-not-a-number", "trigger_point_positions.csv", 5, "y", "twelve", "'twelve' has the wrong format (expected a number such as 12.5 or -3)")
_unknown("number-too-long", "trigger_point_positions.csv", 5, "x", "1234567.5", "'1234567.5' has the wrong format (expected a number")
_unknown("number-nan", "trigger_point_positions.csv", 5, "x", "nan", "'nan' has the wrong format (expected a number")
_unknown("number-1e309", "trigger_point_positions.csv", 5, "x", "1e309", "'1e309' has the wrong format (expected a number")
_unknown("number-1e309-in-a-box", "views.csv", _view_line("right_palm"), "x_min", "1e309", "'1e309' has the wrong format (expected a number")
_unknown("number-with-comma", "trigger_point_positions.csv", 5, "x", "12,5", "'12,5' has the wrong format (expected a number")

# --- positions, outlines and boxes


def _position_case(case_id: str, view: str | None = None, x: str | None = None, column: str = "view", what: str = "") -> None:
    def build(d: Path) -> Expected:
        path = d / "trigger_point_positions.csv"
        if view is not None:
            edit_csv(path, 2, "view", view)
        if x is not None:
            edit_csv(path, 2, "x", x)
        return [(at("trigger_point_positions.csv", 2, column), what)]

    case(case_id)(build)


_position_case("position-outside-the-body", x="5000", column="x", what="position (5000, 574) is outside the body on 'front'")
_position_case("position-on-a-part", view="right_palm", what="'right_palm' is a part, not a drawing; positions are given on drawings")
_position_case("position-on-a-group", view="body", what="'body' is a group, not a drawing; positions are given on drawings")
_position_case("position-on-the-left-side-drawing", view="head_left", what="'head_left' shows the left side; positions are given for the right side")


@case("position-outside-its-region")
def _(d):
    tp = cell(d / "trigger_point_positions.csv", 2, "trigger_point_id")
    edit_csv(d / "trigger_points.csv", line_of(d / "trigger_points.csv", "trigger_point_id", tp), "region_id", "great_toe")
    return [(at("trigger_point_positions.csv", 2, "x"), "is not inside the trigger point's region 'great_toe'; it is on ")]


@case("position-twice-on-one-drawing")
def _(d):
    path = d / "trigger_point_positions.csv"
    row = read_rows(path)[1]
    line = append_row(path, [row[0], row[1], str(float(row[2]) + 0.5), row[3]])
    return [(at("trigger_point_positions.csv", line, "view"), f"{row[0]!r} already has a position on {row[1]!r} (line 2)")]


@case("trigger-point-without-a-position")
def _(d):
    tp = cell(d / "trigger_point_positions.csv", 2, "trigger_point_id")
    delete_rows(d / "trigger_point_positions.csv", "trigger_point_id", tp)
    line = line_of(d / "trigger_points.csv", "trigger_point_id", tp)
    return [(at("trigger_points.csv", line, "trigger_point_id"), f"{tp!r} has no position in trigger_point_positions.csv")]


@case("trigger-point-without-an-essential-region")
def _(d):
    path = d / "referral_patterns.csv"
    tp = cell(path, 2, "trigger_point_id")
    rows = read_rows(path)
    write_rows(path, [rows[0]] + [row for row in rows[1:] if not (row[0] == tp and row[2] == "essential")])
    return [(at("trigger_points.csv", line_of(d / "trigger_points.csv", "trigger_point_id", tp), "trigger_point_id"), "has no essential region")]


@case("outline-crosses-itself")
def _(d):
    edit_csv(d / "body_geometry.csv", 5, "outline", "0,0 10,10 10,0 0,10")
    return [(at("body_geometry.csv", 5, "outline"), "outline is not a simple polygon (Self-intersection")]


@case("outline-with-two-points")
def _(d):
    edit_csv(d / "body_geometry.csv", 5, "outline", "0,0 10,10")
    return [(at("body_geometry.csv", 5, "outline"), "has the wrong format (expected 'x,y x,y x,y ...' with at least three points)")]


@case("region-drawn-on-no-view")
def _(d):
    rows = read_rows(d / "body_geometry.csv")
    write_rows(d / "body_geometry.csv", [row for row in rows if row[1] != "armpit"])
    return [(at("body_geometry.csv", None, "region_id"), "region 'armpit' (right) is in regions.csv but drawn on no view")]


@case("part-box-empty")
def _(d):
    line = line_of(d / "views.csv", "view_id", "right_palm")
    edit_csv(d / "views.csv", line, "x_min", "-7")
    edit_csv(d / "views.csv", line, "x_max", "-139")
    return [(at("views.csv", line, "x_max"), "the box is empty: x_min must be below x_max")]


@case("part-box-outside-its-drawing")
def _(d):
    line = line_of(d / "views.csv", "view_id", "right_palm")
    edit_csv(d / "views.csv", line, "x_max", "900")
    return [(at("views.csv", line, "x_min"), "reaches outside drawing 'hand_palmar'")]


# --- bytes and CSV syntax


@case("nul-byte", cli=True)
def _(d):
    edit_csv(d / "muscles.csv", 5, "name", "Tra\x00pezius")
    return [(at("muscles.csv", 5, "name"), "contains a NUL character")]


@case("invalid-utf8", cli=True)
def _(d):
    edit_csv(d / "regions.csv", 7, "label", "caf@@")
    replace_bytes(d / "regions.csv", b"caf@@", b"caf\xe9")  # Latin-1, as an old spreadsheet saves it
    return [(at("regions.csv", 7, "label"), "is not valid UTF-8; save the file as UTF-8")]


@case("invalid-utf8-after-a-multi-line-value")
def _(d):
    edit_csv(d / "muscles.csv", 3, "note", "one\ntwo")
    edit_csv(d / "muscles.csv", 6, "symptoms", "pain@@")
    replace_bytes(d / "muscles.csv", b"pain@@", b"pain\xff")
    return [(at("muscles.csv", 7, "symptoms"), "is not valid UTF-8")]


@case("utf16-file")
def _(d):
    path = d / "red_flags.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    return [(at("red_flags.csv"), "saved as UTF-16; save it as UTF-8")]


@case("unclosed-quote-to-end-of-file", cli=True)
def _(d):
    set_physical_line(d / "trigger_point_positions.csv", 8, lambda line: line.replace(",", ',"', 2).replace(',"', ",", 1))
    return [(at("trigger_point_positions.csv", 8, "x"), "a quoted value starts here but is not closed on this line")]


@case("closing-quote-missing-mid-file")
def _(d):
    line = find_line(d / "red_flags.csv", lambda row: True)

    def drop_closing_quote(text: str) -> str:
        opening = text.index(',"') + 1
        closing = text.index('",', opening + 1)
        return text[:closing] + text[closing + 1 :]

    set_physical_line(d / "red_flags.csv", line, drop_closing_quote)
    return [(at("red_flags.csv", line, "warning"), "a quoted value is followed by more text")]


@case("ragged-row")
def _(d):
    path = d / "muscles.csv"
    line = len(read_rows(path)) + 1
    with path.open("a", encoding="utf-8") as handle:
        handle.write("only,three,fields\n")
    return [(at("muscles.csv", line), "has 3 fields, the header has 17")]


@case("huge-field", cli=True)
def _(d):
    edit_csv(d / "muscles.csv", 4, "note", "x" * (MAX_FIELD_CHARS * 5))
    return [(at("muscles.csv", 4, "note"), f"value is {MAX_FIELD_CHARS * 5:,} characters long; the limit is {MAX_FIELD_CHARS:,}")]


@case("problem-after-a-multi-line-value", cli=True)
def _(d):
    edit_csv(d / "muscles.csv", 3, "self_care", "Stretch gently.\nUse heat.\r\nRest.")  # two line breaks inside one value
    edit_csv(d / "muscles.csv", 6, "body_part", "elbowish")  # the 6th record now starts on physical line 8
    return [(at("muscles.csv", 8, "body_part"), "'elbowish' is not allowed")]


@case("problems-in-different-phases-of-different-files", cli=True)
def _(d):
    edit_csv(d / "referral_patterns.csv", 20, "zone", "primary")  # a cell check
    edit_csv(d / "trigger_points.csv", 9, "muscle_id", "no_such_muscle")  # a cross-file check
    edit_csv(d / "red_flags.csv", 2, "title", "Heart\x00attack")  # a file that cannot be read at all
    with (d / "views.csv").open("a", encoding="utf-8") as handle:
        handle.write("extra,row\n")  # a broken row
    return [
        (at("referral_patterns.csv", 20, "zone"), "'primary' is not allowed"),
        (at("trigger_points.csv", 9, "muscle_id"), "unknown muscle 'no_such_muscle'"),
        (at("red_flags.csv", 2, "title"), "NUL character"),
        (at("views.csv", 62), "has 2 fields, the header has 11"),
    ]


# ---------------------------------------------------------------------- running a case


def _run_check_data(data_dir: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "explorer", "check-data", "--data-dir", str(data_dir)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("case_id", list(CASES))
def test_broken_data_is_refused(case_id, data_copy, monkeypatch, capsys):
    build, cli = CASES[case_id]
    expected = build(data_copy)
    process = _run_check_data(data_copy) if cli or ALL_CLI else None

    raised: list[DataValidationError] = []

    def load_and_keep_the_error(data_dir):
        try:
            return loader_module.load_atlas(data_dir)
        except DataValidationError as error:
            raised.append(error)
            raise

    monkeypatch.setattr(explorer.cli, "load_atlas", load_and_keep_the_error)
    started = time.perf_counter()
    code = cli_main(["check-data", "--data-dir", str(data_copy)])
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()

    assert raised, "load_atlas did not raise DataValidationError"
    problems = [str(p) for p in raised[0].problems]
    for where, what in expected:
        matches = [p for p in problems if p.startswith(f"{where}:") and what in p]
        assert matches, f"expected {where}: ...{what}... among:\n" + "\n".join(problems[:30])
        assert matches[0] in err, f"{matches[0]!r} missing from the report"
    assert code == 1
    assert out == ""
    assert err.startswith("The data is invalid:") and "Nothing was loaded." in err
    assert "Traceback" not in err
    assert len(err.splitlines()) <= 300
    assert elapsed < 10

    if process is not None:
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 1, stderr
        assert stdout == ""
        assert "Traceback" not in stderr
        assert stderr.strip() == err.strip()


def test_catalogue_size():
    assert len(CASES) >= 40


# ---------------------------------------------------------------------- odd but valid data

VALID: dict[str, Callable[[Path], Callable]] = {}


def valid(case_id: str):
    def register(build):
        VALID[case_id] = build
        return build

    return register


@valid("byte-order-mark-in-every-file")
def _(d):
    for name in FILES:
        (d / name).write_bytes(b"\xef\xbb\xbf" + (d / name).read_bytes())
    return lambda atlas: None


@valid("windows-line-endings")
def _(d):
    for name in FILES:
        (d / name).write_bytes((d / name).read_bytes().replace(b"\n", b"\r\n"))
    return lambda atlas: None


@valid("header-only-unused_regions.csv")
def _(d):
    keep_header_only(d / "unused_regions.csv")
    return lambda atlas: _assert(atlas.unused_regions == {})


def _text_case(value: str):
    def build(d: Path):
        path = d / "muscles.csv"
        rows = read_rows(path)
        muscle_id = rows[4][0]
        rows[4][rows[0].index("self_care")] = value
        write_rows(path, rows, quote_all=True)  # a spreadsheet may quote every value
        return lambda atlas: _assert(atlas.muscles[muscle_id].self_care == value)

    return build


valid("line-separator-U+2028-in-quoted-text")(_text_case("Stretch the muscle.\u2028Then rest."))
valid("form-feed-in-quoted-text")(_text_case("Stretch the muscle.\x0cThen rest."))
valid("line-break-in-quoted-text")(_text_case("Stretch the muscle.\nThen rest.\r\nThen walk."))
valid("formula-looking-text")(_text_case('=HYPERLINK("http://x","y")'))
valid("quotes-and-commas-in-text")(_text_case('Say "stop", then rest; repeat, twice.'))


@valid("blank-line-at-the-end")
def _(d):
    with (d / "red_flags.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n\n")
    return lambda atlas: None


def _assert(condition: bool) -> None:
    assert condition


@pytest.mark.parametrize("case_id", list(VALID))
def test_odd_but_valid_data_loads_completely(case_id, data_copy, atlas, capsys):
    check = VALID[case_id](data_copy)
    loaded = load_atlas(data_copy)
    check(loaded)
    assert len(loaded.regions) == len(atlas.regions)
    assert len(loaded.muscles) == len(atlas.muscles)
    assert len(loaded.trigger_points) == len(atlas.trigger_points)
    assert sum(len(t.referrals) for t in loaded.trigger_points.values()) == sum(len(t.referrals) for t in atlas.trigger_points.values())
    assert len(loaded.red_flags) == len(atlas.red_flags)
    assert set(loaded.views) == set(atlas.views)
    assert cli_main(["check-data", "--data-dir", str(data_copy)]) == 0
    assert "is valid" in capsys.readouterr().out


def test_formula_text_is_plain_text(data_copy):
    formula = '=HYPERLINK("http://x","y")'
    edit_csv(data_copy / "muscles.csv", 5, "self_care", formula)
    muscle_id = cell(data_copy / "muscles.csv", 5, "muscle_id")
    assert load_atlas(data_copy).muscles[muscle_id].self_care == formula  # kept verbatim: nothing is evaluated


# ---------------------------------------------------------------------- size and speed


def _measure(data_dir: Path, timeout: float = 120) -> tuple[int, str, float, float]:
    """Run check-data in a subprocess: (exit code, stderr, seconds, peak memory in MB)."""
    out_path, err_path = data_dir.parent / "out.txt", data_dir.parent / "err.txt"
    with out_path.open("w") as out, err_path.open("w") as err:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "explorer", "check-data", "--data-dir", str(data_dir)], cwd=ROOT, stdout=out, stderr=err)
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        _, status, usage = os.wait4(process.pid, 0)
        watchdog.cancel()
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, err_path.read_text(encoding="utf-8"), seconds, usage.ru_maxrss / 1024


def test_100000_bad_rows_are_refused_quickly_with_a_capped_report(data_copy, tmp_path):
    path = data_copy / "referral_patterns.csv"
    rows = read_rows(path)
    template = rows[1]
    zone = rows[0].index("zone")
    bad = [[*template[:zone], f"primary{i % 10}", *template[zone + 1 :]] for i in range(100_000)]
    write_rows(path, [rows[0], *bad])
    assert path.stat().st_size < MAX_FILE_BYTES

    small = tmp_path / "small" / "data"
    shutil.copytree(DEFAULT_DATA_DIR, small)
    (small / "referral_patterns.csv").write_bytes(b"")  # refused at once: the cost of starting and reporting
    _, _, _, baseline_mb = _measure(small)

    code, err, seconds, peak_mb = _measure(data_copy)
    print(f"100,000 bad rows: {seconds:.1f} s, peak {peak_mb:.0f} MB (baseline {baseline_mb:.0f} MB)")
    assert code == 1
    assert "Traceback" not in err
    assert seconds < 20
    assert peak_mb - baseline_mb < 500
    lines = err.splitlines()
    assert lines[0] == "The data is invalid: 100,000 problems found. Nothing was loaded."
    assert len(lines) <= 300
    assert "referral_patterns.csv, line 2, column 'zone': 'primary0' is not allowed" in err
    assert "… and 99,995 more like this in referral_patterns.csv" in err


def test_many_kinds_of_problems_are_capped_in_all(data_copy):
    path = data_copy / "muscles.csv"
    rows = read_rows(path)
    header = rows[0]
    # every row wrong in a different text column: many kinds, each with a few rows
    for number, row in enumerate(rows[1:]):
        row[header.index("name")] = ""
        row[header.index("body_part")] = f"part{number}"
    write_rows(path, rows)
    with pytest.raises(DataValidationError) as caught:
        load_atlas(data_copy)
    report = caught.value.report(shown_per_kind=1, shown_at_most=20)
    assert len(report.splitlines()) <= 40
    assert "more problems; fix the ones above" in report or "more like this" in report


def test_huge_field_and_huge_file_are_refused_quickly(data_copy):
    edit_csv(data_copy / "muscles.csv", 4, "note", "x" * (MAX_FILE_BYTES // 2))
    with (data_copy / "body_geometry.csv").open("r+b") as handle:
        handle.truncate(MAX_FILE_BYTES * 3)
    started = time.perf_counter()
    with pytest.raises(DataValidationError) as caught:
        load_atlas(data_copy)
    assert time.perf_counter() - started < 10
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith("muscles.csv, line 4, column 'note': value is 10,485,760 characters long") for p in problems)
    assert any(p.startswith("body_geometry.csv: file is 60.0 MB, over the limit of 20 MB") for p in problems)
