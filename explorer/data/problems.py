"""What can be wrong with the data, located to the file, line and column, and the report that lists it."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

# The report shows this many problems of one kind (same file, column and message shape), then a count.
SHOWN_PER_KIND = 5


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

    @property
    def kind(self) -> tuple[str, str, str]:
        """Problems of one kind differ only in the quoted values and numbers they name."""
        shape = re.sub(r"'[^']*'|\"[^\"]*\"|-?\d+(\.\d+)?", "…", self.message)
        return (self.file, self.column, shape)


class DataValidationError(Exception):
    """Raised when the data cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self, shown_per_kind: int = SHOWN_PER_KIND) -> str:
        """Every problem, one per line, with long runs of one kind cut to a few and a count of the rest."""
        count = len(self.problems)
        lines = [f"The data is invalid: {count:,} problem{'s' if count != 1 else ''} found. Nothing was loaded."]
        by_kind: dict[tuple, list[Problem]] = defaultdict(list)
        for problem in self.problems:
            by_kind[problem.kind].append(problem)
        for problems in by_kind.values():
            for problem in problems[:shown_per_kind]:
                lines.append(f"  - {problem}")
            if len(problems) > shown_per_kind:
                rest = len(problems) - shown_per_kind
                lines.append(f"    … and {rest:,} more like this in {problems[0].file}")
        return "\n".join(lines)
