"""Read one CSV data file defensively: every row with the physical line it starts on, or a located problem.

The csv module splits records itself (a quoted field may hold a line break, a form feed or U+2028),
so line numbers count the file's real lines. A byte-order mark, as spreadsheet programs write it,
is accepted. Size limits keep a huge or hostile file from holding the loader.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from explorer.data.problems import Problem

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FIELD_CHARS = 20_000
MAX_ROWS = 250_000


@dataclass(frozen=True)
class Table:
    """A CSV file's header and rows; `lines[i]` is the physical line where row i starts (header = 1)."""

    name: str
    header: list[str]
    rows: list[list[str]]
    lines: list[int]


def read_table(path: Path, problems: list[Problem]) -> Table | None:
    """The file as a Table, or None after adding the reason to `problems`."""
    name = path.name
    if not path.is_file():
        problems.append(Problem(name, 0, "", f"file not found in {path.parent}"))
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(Problem(name, 0, "", f"file is {size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB"))
        return None
    raw = path.read_bytes()
    if not raw.strip():
        problems.append(Problem(name, 0, "", "file is empty (a header row is required)"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        problems.append(Problem(name, line, "", f"is not valid UTF-8 (byte {exc.start + 1} of the file); save the file as UTF-8"))
        return None
    if "\x00" in text:
        at = text.index("\x00")
        line = text.count("\n", 0, at) + 1
        problems.append(Problem(name, line, "", "contains a NUL character (byte 0); the file is damaged or not a text file"))
        return None
    return _parse(name, text, problems)


def _parse(name: str, text: str, problems: list[Problem]) -> Table | None:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    previous_end = 0
    header: list[str] | None = None
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if header is None:
                header = [h.strip() for h in record]
                continue
            if not record or all(not value.strip() for value in record) and len(record) <= 1:
                continue  # a blank line
            if len(rows) >= MAX_ROWS:
                problems.append(Problem(name, start, "", f"the file has more than {MAX_ROWS:,} rows; the rest was not read"))
                return None
            rows.append(record)
            lines.append(start)
    except csv.Error as exc:
        problems.append(Problem(name, previous_end + 1, "", _csv_error(str(exc))))
        return None
    if header is None:
        problems.append(Problem(name, 0, "", "file is empty (a header row is required)"))
        return None
    problems_before = len(problems)
    for column, count in _duplicates(header).items():
        problems.append(Problem(name, 1, column, f"column appears {count} times in the header"))
    for row, line in zip(rows, lines, strict=True):
        if len(row) != len(header):
            problems.append(Problem(name, line, "", f"has {len(row)} fields, the header has {len(header)} (check for a missing quote or comma)"))
            continue
        for column, value in zip(header, row, strict=True):
            if len(value) > MAX_FIELD_CHARS:
                problems.append(Problem(name, line, column, f"value is {len(value):,} characters long; the limit is {MAX_FIELD_CHARS:,}"))
    if len(problems) > problems_before:
        return None
    return Table(name, header, rows, lines)


def _csv_error(message: str) -> str:
    if "field larger than field limit" in message:
        return f"a value is longer than {MAX_FIELD_CHARS:,} characters"
    if "EOF" in message or "unexpected end of data" in message:
        return "a quoted value is never closed (a '\"' is missing); everything after it would be one value"
    return f"cannot be read as CSV ({message})"


def _duplicates(header: list[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    for column in header:
        seen[column] = seen.get(column, 0) + 1
    return {column: count for column, count in seen.items() if count > 1}


csv.field_size_limit(MAX_FIELD_CHARS * 4)
