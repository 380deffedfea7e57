"""Read one CSV data file defensively: every row with the physical line it starts on, or located problems.

The csv module splits records itself (a quoted field may hold a line break, a form feed or U+2028),
so line numbers count the file's real lines (header = 1), also after multi-line fields. A byte-order
mark, as spreadsheet programs write it, is accepted. Bytes that are not UTF-8 and NUL characters are
reported with the line and column they sit in. Size limits keep a huge or hostile file from holding
the loader: the file is refused on its size before it is read, a row limit stops a file of many tiny
rows, and each value has a length limit.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from explorer.data.problems import Problem

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FIELD_CHARS = 20_000
MAX_ROWS = 250_000

_BREAK = re.compile(r"\r\n|\r|\n")  # what ends a physical line, as the csv module counts them
_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8 (decoded with surrogateescape)


@dataclass(frozen=True)
class Table:
    """A CSV file's header and rows; `lines[i]` is the physical line where row i starts (header = 1)."""

    name: str
    header: list[str]
    rows: list[list[str]]
    lines: list[int]


def read_table(path: Path, problems: list[Problem]) -> Table | None:
    """The file as a Table, or None after adding the reasons to `problems`."""
    name = path.name
    if not path.exists():
        problems.append(Problem(name, 0, "", f"file not found in {path.parent} (every data file is required)"))
        return None
    if not path.is_file():
        problems.append(Problem(name, 0, "", "is not a file (a folder or device has this name)"))
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(Problem(name, 0, "", f"file is {size / 2**20:,.1f} MB, over the limit of {MAX_FILE_BYTES / 2**20:.0f} MB (is this the right file?)"))
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, 0, "", f"cannot be read ({exc.strerror or exc})"))
        return None
    if not raw.strip():
        problems.append(Problem(name, 0, "", "file is empty (a header row naming the columns is required)"))
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(Problem(name, 0, "", "file is saved as UTF-16; save it as UTF-8 ('CSV UTF-8' in spreadsheet programs)"))
        return None
    text = raw.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    return _parse(name, text, problems)


def _parse(name: str, text: str, problems: list[Problem]) -> Table | None:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    header: list[str] | None = None
    header_line = 1
    previous_end = 0
    start = 1
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if header is None:
                if not record or all(not value.strip() for value in record):
                    continue  # blank lines before the header
                header, header_line = [h.strip() for h in record], start
                continue
            if not record or len(record) == 1 and not record[0].strip():
                continue  # a blank line
            if len(rows) >= MAX_ROWS:
                problems.append(Problem(name, start, "", f"the file has more than {MAX_ROWS:,} rows; the rest was not read"))
                return None
            rows.append(record)
            lines.append(start)
    except csv.Error as exc:
        problems.append(_syntax_problem(name, text, header, previous_end + 1, reader.line_num, str(exc)))
        return None
    if header is None:
        problems.append(Problem(name, 0, "", "file is empty (a header row naming the columns is required)"))
        return None
    problems_before = len(problems)
    if "\x00" in text or _UNDECODABLE.search(text):
        _damaged_characters(name, header, header_line, rows, lines, problems)
        if len(problems) > problems_before:
            return None
    for position, column in enumerate(header, start=1):
        if not column:
            problems.append(Problem(name, header_line, "", f"column {position} of the header has no name (remove the extra comma)"))
    for column, count in _duplicates(header).items():
        problems.append(Problem(name, header_line, column, f"column appears {count} times in the header"))
    if len(problems) > problems_before:
        return None  # with the header wrong, every row would seem to have the wrong number of fields
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


def _damaged_characters(name: str, header: list[str], header_line: int, rows: list[list[str]], lines: list[int], problems: list[Problem]) -> None:
    """Every value holding a NUL character or bytes that are not UTF-8, at its physical line and column."""
    for values, first_line, is_header in [(header, header_line, True), *((row, line, False) for row, line in zip(rows, lines, strict=True))]:
        breaks_before = 0
        for index, value in enumerate(values):
            nul = value.find("\x00")
            undecodable = _UNDECODABLE.search(value)
            at = min(i for i in (nul, undecodable.start() if undecodable else -1, len(value)) if i >= 0)
            if at < len(value):
                line = first_line + breaks_before + len(_BREAK.findall(value, 0, at))
                column = "" if is_header else header[index] if index < len(header) else ""
                where = f"column {index + 1} of the header" if is_header else "the value"
                if at == nul:
                    message = f"{where} contains a NUL character (byte 0); the file is damaged or not a text file"
                else:
                    message = f"{where} is not valid UTF-8; save the file as UTF-8 ('CSV UTF-8' in spreadsheet programs)"
                problems.append(Problem(name, line, column, message))
            breaks_before += len(_BREAK.findall(value))


def _syntax_problem(name: str, text: str, header: list[str] | None, start: int, end: int, message: str) -> Problem:
    """A record that the csv module cannot read (it starts on line `start`; the reader gave up on line `end`)."""
    physical = _BREAK.split(text)
    columns = header or []
    for line in dict.fromkeys([start, end]):
        if not 0 < line <= len(physical):
            continue
        found = _quote_trouble(physical[line - 1])
        if found is None:
            continue
        index, kind = found
        column = columns[index] if line != 1 and index < len(columns) else ""
        if kind == "open":
            rest = "the end of the file" if "end of data" in message else f"line {end}"
            return Problem(
                name,
                line,
                column,
                f"a quoted value starts here but is not closed on this line, so everything up to {rest} would be one value; "
                "add the missing '\"' (a '\"' inside a value is written twice: \"\")",
            )
        return Problem(
            name, line, column, "a quoted value is followed by more text; a '\"' inside a value is written twice (\"\") and the value ends with '\"'"
        )
    if "end of data" in message:
        return Problem(name, start, "", "a quoted value starting on this line is never closed (a '\"' is missing)")
    return Problem(name, end, "", f"cannot be read as CSV ({message}); check the quotes on this line")


def _quote_trouble(line: str) -> tuple[int, str] | None:
    """The first field of one physical line whose quotes are wrong: (field index, 'open' | 'after')."""
    field, i, n = 0, 0, len(line)
    while i <= n:
        if i < n and line[i] == '"':
            i += 1
            while True:
                j = line.find('"', i)
                if j < 0:
                    return field, "open"
                if line.startswith('""', j):
                    i = j + 2
                    continue
                i = j + 1
                break
            if i < n and line[i] != ",":
                return field, "after"
        j = line.find(",", i)
        if j < 0:
            return None
        field, i = field + 1, j + 1
    return None


def _duplicates(header: list[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    for column in header:
        if column:
            seen[column] = seen.get(column, 0) + 1
    return {column: count for column, count in seen.items() if count > 1}


# The file is at most MAX_FILE_BYTES long, so no value can outgrow this; the length limit is then
# checked per value, which names the line and column (the csv module's own limit names neither).
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES + 1))
