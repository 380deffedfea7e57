"""How well the ranking answers drawings whose answer is known: recall at five, per body part and per case set.

Case files (CSV, see tests/data/ and ../shared/acceptance/):
- guide cases (`pain_regions`, `side`, `guide_muscles`): the Manual's pain guides; the first four muscles
  listed should be among the top five (`side` either: asked on the right and on the left);
- reverse cases (`pain_regions`, `side`, `must_be_in_top_5`): the same, with every listed muscle;
- bilateral cases (`marks`, `must_be_in_top_5`): marks on both sides (`region.r`, `region.l`); every
  listed muscle in the top five and explaining marks on both sides;
- combined cases (`marks`, `each_group_needs_one`): unrelated complaints; `together` must use at most
  three trigger points with one muscle from each group (`;` between groups, `|` between alternatives).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from explorer.data.model import LEFT, MIDLINE, RIGHT, Atlas
from explorer.domain.ranking import rank, together

GUIDE_FIRST = 4
TOP = 5


@dataclass
class Score:
    """Cases that passed and the share of expected muscles found, for one group of cases."""

    cases: int = 0
    passed: int = 0
    expected: int = 0
    found: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, expected: int, found: int, label: str) -> None:
        self.cases += 1
        self.expected += expected
        self.found += found
        if found == expected:
            self.passed += 1
        else:
            self.misses.append(label)

    @property
    def recall(self) -> float:
        """Share of expected muscles that were in the top five (1.0 with no cases)."""
        return self.found / self.expected if self.expected else 1.0

    def as_json(self) -> dict:
        return {"cases": self.cases, "passed": self.passed, "recall_at_5": round(self.recall, 3)}


@dataclass
class Evaluation:
    """Scores per case set and per body part (of the case's first region)."""

    by_set: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    by_part: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))

    def as_json(self) -> dict:
        return {
            "case_sets": {name: score.as_json() for name, score in sorted(self.by_set.items())},
            "body_parts": {name: score.as_json() for name, score in sorted(self.by_part.items())},
        }


def _marks_from(text: str, atlas: Atlas) -> list[tuple[str, str]]:
    marks = []
    for item in text.split(";"):
        region_id, _, code = item.strip().partition(".")
        if region_id not in atlas.regions:
            raise ValueError(f"case names unknown region {region_id!r}")
        side = MIDLINE if not atlas.regions[region_id].sided else (LEFT if code == "l" else RIGHT)
        marks.append((region_id, side))
    return marks


def _sides(spec: str) -> tuple[str, ...]:
    return {"either": (RIGHT, LEFT), "left": (LEFT,), "right": (RIGHT,), "midline": (RIGHT,)}.get(spec.strip(), (RIGHT,))


def _names(text: str) -> list[str]:
    return [name.strip().lower() for name in text.split(";") if name.strip()]


def _score_top(atlas: Atlas, marks, expected: list[str], both_sides: bool = False) -> int:
    top = rank(atlas, marks, top=TOP)
    found = 0
    for muscle in expected:
        hit = next((c for c in top if c.muscle.lower() == muscle), None)
        if hit is None:
            continue
        if both_sides and {side for _, side in hit.explained} & {RIGHT, LEFT} != {s for _, s in marks} & {RIGHT, LEFT}:
            continue
        found += 1
    return found


def evaluate(atlas: Atlas, case_files: dict[str, Path]) -> Evaluation:
    """Run every case of every file (name -> path); files that do not exist are skipped."""
    result = Evaluation()
    for name, path in case_files.items():
        if not path.is_file():
            continue
        for row in csv.DictReader(path.open(encoding="utf-8")):
            if "guide_muscles" in row or "must_be_in_top_5" in row and "pain_regions" in row:
                expected = _names(row.get("guide_muscles") or row.get("must_be_in_top_5", ""))
                if "guide_muscles" in row:
                    expected = expected[:GUIDE_FIRST]
                for side in _sides(row["side"]):
                    marks = _marks_from(";".join(f"{r.strip()}.{side[0]}" for r in row["pain_regions"].split(";")), atlas)
                    _record(result, name, atlas, marks, len(expected), _score_top(atlas, marks, expected), row["pain_regions"] + f" ({side})")
            elif "must_be_in_top_5" in row:
                marks = _marks_from(row["marks"], atlas)
                expected = _names(row["must_be_in_top_5"])
                _record(result, name, atlas, marks, len(expected), _score_top(atlas, marks, expected, both_sides=True), row["marks"])
            elif "each_group_needs_one" in row:
                marks = _marks_from(row["marks"], atlas)
                groups = [[m.strip().lower() for m in group.split("|")] for group in row["each_group_needs_one"].split(";")]
                found_set = together(atlas, marks)
                chosen = {m.muscle.lower() for m in found_set.members}
                found = sum(1 for group in groups if chosen & set(group)) if len(found_set.members) <= 3 else 0
                _record(result, name, atlas, marks, len(groups), found, row["marks"])
    return result


def _record(result: Evaluation, set_name: str, atlas: Atlas, marks, expected: int, found: int, label: str) -> None:
    part = atlas.regions[marks[0][0]].body_part
    result.by_set[set_name].add(expected, found, label)
    result.by_part[part].add(expected, found, label)


def default_case_files(repo: Path) -> dict[str, Path]:
    """Our own cases (tests/data) and the shared acceptance cases beside the repository, when present."""
    own = repo / "tests" / "data"
    shared = repo.parent / "shared" / "acceptance"
    return {
        "pain guides (ours)": own / "guide_cases.csv",
        "bilateral (ours)": own / "bilateral_cases.csv",
        "two complaints (ours)": own / "combined_cases.csv",
        "reverse (acceptance)": shared / "reverse_cases.csv",
        "bilateral (acceptance)": shared / "bilateral_cases.csv",
        "combined (acceptance)": shared / "combined_cases.csv",
    }


def format_evaluation(evaluation: Evaluation) -> str:
    """A table per case set and per body part."""
    lines = [f"{'case set':<26}{'cases':>7}{'passed':>8}{'recall@5':>10}"]
    for name, score in sorted(evaluation.by_set.items()):
        lines.append(f"{name:<26}{score.cases:>7}{score.passed:>8}{score.recall:>10.2f}")
    lines.append("")
    lines.append(f"{'body part':<26}{'cases':>7}{'passed':>8}{'recall@5':>10}")
    for name, score in sorted(evaluation.by_part.items()):
        lines.append(f"{name:<26}{score.cases:>7}{score.passed:>8}{score.recall:>10.2f}")
    return "\n".join(lines)
