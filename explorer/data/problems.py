"""What can be wrong with the data, located to the file, line and column, and the report that lists it."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

# The report shows this many problems of one kind (same file, column and message shape), then a count.
SHOWN_PER_KIND = 5
# ... and at most this many problem lines in all, whatever the number of kinds.
SHOWN_AT_MOST = 200

_VARYING = re.compile(r"'[^']*'|\"[^\"]*\"|\(\S+, \S+\)|-?\d[\d,]*(\.\d+)?")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located to the file, line and column."""

    file: str
    line: int  # physical line in the file, header = 1; 0 when the problem is the file as a whole
    column: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f", line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"

    @cached_property
    def kind(self) -> tuple[str, str, str]:
        """Problems of one kind differ only in the quoted values and numbers they name."""
        return (self.file, self.column, _VARYING.sub("…", self.message))


class DataValidationError(Exception):
    """Raised when the data cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.message))
        super().__init__(self.report())

    def report(self, shown_per_kind: int = SHOWN_PER_KIND, shown_at_most: int = SHOWN_AT_MOST) -> str:
        """Every problem, one per line, with long runs of one kind cut to a few and a count of the rest."""
        count = len(self.problems)
        lines = [f"The data is invalid: {count:,} problem{'s' if count != 1 else ''} found. Nothing was loaded."]
        by_kind: dict[tuple, list[Problem]] = defaultdict(list)
        for problem in self.problems:
            by_kind[problem.kind].append(problem)
        shown = accounted = 0
        for problems in by_kind.values():
            take = min(shown_per_kind, shown_at_most - shown)
            if take <= 0:
                break
            for problem in problems[:take]:
                lines.append(f"  - {problem}")
            shown += min(take, len(problems))
            accounted += len(problems)
            if len(problems) > take:
                lines.append(f"    … and {len(problems) - take:,} more like this in {problems[0].file}")
        if accounted < count:
            lines.append(f"  … and {count - accounted:,} more problems; fix the ones above and run `python -m explorer check-data` again")
        return "\n".join(lines)
