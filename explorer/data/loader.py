"""Load every data file, validate it as a whole, and build the typed atlas (or refuse to)."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.errors
from shapely.geometry import Point, Polygon
from shapely.ops import unary_union

from explorer.data import schemas
from explorer.data.model import (
    MIDLINE,
    Atlas,
    Muscle,
    RedFlag,
    Referral,
    Region,
    RegionShape,
    TriggerPoint,
    ViewGeometry,
)

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
FILES = (
    "regions.csv",
    "body_geometry.csv",
    "muscles.csv",
    "trigger_points.csv",
    "referral_patterns.csv",
    "red_flags.csv",
    "unused_regions.csv",
)
# A trigger point may sit this close outside its region's outline (view units; the body is 800 tall).
REGION_TOLERANCE = 1.0


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located to the file, line and column."""

    file: str
    line: int  # line in the file, header = 1; 0 when the problem is the file as a whole
    column: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f", line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.message}"


class DataValidationError(Exception):
    """Raised when the data cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        """All problems, one per line."""
        count = len(self.problems)
        head = f"The data is invalid: {count} problem{'s' if count != 1 else ''} found."
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


def load_atlas(data_dir: Path | str | None = None) -> Atlas:
    """Read and validate the data directory; raise DataValidationError listing every problem."""
    directory = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    problems: list[Problem] = []
    frames: dict[str, pd.DataFrame] = {}
    for name in FILES:
        frame = _read(directory / name, problems)
        if frame is not None and _validate(frame, name, problems):
            frames[name] = frame
    if problems:
        raise DataValidationError(problems)
    atlas = _build(frames, problems)
    if problems:
        raise DataValidationError(problems)
    return atlas


def _read(path: Path, problems: list[Problem]) -> pd.DataFrame | None:
    name = path.name
    if not path.is_file():
        problems.append(Problem(name, 0, "", f"file not found in {path.parent}"))
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(name, 0, "", f"not valid UTF-8 ({exc.reason} at byte {exc.start})"))
        return None
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        problems.append(Problem(name, 0, "", "file is empty (a header row is required)"))
        return None
    header = [h.strip() for h in rows[0]]
    ragged = False
    for line, row in enumerate(rows[1:], start=2):
        if row and len(row) != len(header):
            problems.append(Problem(name, line, "", f"has {len(row)} fields, the header has {len(header)}"))
            ragged = True
    if ragged:
        return None
    body = [row for row in rows[1:] if row]
    frame = pd.DataFrame(body, columns=header, dtype=str)
    frame.index = [line for line, row in enumerate(rows[1:], start=2) if row]
    return frame


def _validate(frame: pd.DataFrame, name: str, problems: list[Problem]) -> bool:
    schema = schemas.SCHEMAS[name]
    missing = [c for c in schema.columns if c not in frame.columns]
    for column in missing:
        problems.append(Problem(name, 1, column, "required column is missing from the header"))
    extra = [c for c in frame.columns if c not in schema.columns]
    for column in extra:
        problems.append(Problem(name, 1, column, "unknown column (check its spelling)"))
    if missing or extra:
        return False
    try:
        schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        for _, case in errors.failure_cases.iterrows():
            problems.append(_problem_from_case(name, schema, case))
        return False
    return True


def _problem_from_case(name: str, schema, case) -> Problem:
    column = str(case["column"]) if case["column"] is not None else ""
    line = int(case["index"]) if pd.notna(case["index"]) else 0
    value = case["failure_case"]
    check = str(case["check"])
    if check.startswith("isin"):
        allowed = ", ".join(repr(v) for v in schema.columns[column].checks[0].statistics["allowed_values"])
        message = f"{value!r} is not allowed; use one of {allowed}"
    elif check.startswith("str_length"):
        message = "must not be empty"
    elif check == "field_uniqueness":
        message = f"{value!r} is a duplicate id"
    elif check.startswith("str_matches"):
        message = f"{_short(value)!r} has the wrong format (expected {_format_hint(column)})"
    else:
        message = f"{_short(value)!r} fails check {check}"
    return Problem(name, line, column, message)


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _format_hint(column: str) -> str:
    return {
        "x": "a number",
        "y": "a number",
        "part": "a whole number",
        "outline": "'x,y x,y x,y ...' with at least three points",
        "choir_right": "CHOIR codes like 'f01;b02'",
        "choir_left": "CHOIR codes like 'f01;b02'",
        "outline_regions": "region ids separated by ';'",
        "region_ids": "region ids separated by ';'",
    }.get(column, "a snake_case id: lower-case letters, digits and '_'")


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(";") if part.strip())


def _build(frames: dict[str, pd.DataFrame], problems: list[Problem]) -> Atlas:
    regions = _build_regions(frames["regions.csv"])
    views = _build_views(frames["body_geometry.csv"], regions, problems)
    muscles = _build_muscles(frames["muscles.csv"], regions, views, problems)
    referrals = _build_referrals(frames["referral_patterns.csv"], regions, problems)
    trigger_points = _build_trigger_points(frames["trigger_points.csv"], regions, views, muscles, referrals, problems)
    for tp_id, line in referrals.unknown_trigger_points:
        if tp_id not in trigger_points:
            problems.append(Problem("referral_patterns.csv", line, "trigger_point_id", f"unknown trigger point {tp_id!r}"))
    for muscle_id in muscles:
        if not any(tp.muscle_id == muscle_id for tp in trigger_points.values()):
            line = _line_of(frames["muscles.csv"], "muscle_id", muscle_id)
            problems.append(Problem("muscles.csv", line, "muscle_id", f"muscle {muscle_id!r} has no trigger point"))
    red_flags = _build_red_flags(frames["red_flags.csv"], regions, problems)
    unused = _build_unused(frames["unused_regions.csv"], regions, problems)
    return Atlas(regions, views, muscles, trigger_points, red_flags, unused)


def _line_of(frame: pd.DataFrame, column: str, value: str) -> int:
    hits = frame.index[frame[column] == value]
    return int(hits[0]) if len(hits) else 0


def _build_regions(frame: pd.DataFrame) -> dict[str, Region]:
    return {
        row.region_id: Region(
            region_id=row.region_id,
            label=row.label,
            plain_label=row.plain_label,
            body_part=row.body_part,
            sided=row.sided == "yes",
            choir_right=_split(row.choir_right),
            choir_left=_split(row.choir_left),
            description=row.description,
        )
        for row in frame.itertuples()
    }


def _parse_outline(text: str) -> Polygon:
    points = [tuple(float(v) for v in pair.split(",")) for pair in text.split()]
    return Polygon(points)


def _build_views(frame: pd.DataFrame, regions: dict[str, Region], problems: list[Problem]) -> dict[str, ViewGeometry]:
    name = "body_geometry.csv"
    by_view: dict[str, list[RegionShape]] = defaultdict(list)
    seen: Counter = Counter()
    for row in frame.itertuples():
        line = row.Index
        key = (row.view, row.region_id, row.side, row.part)
        seen[key] += 1
        if seen[key] == 2:
            problems.append(Problem(name, line, "part", f"duplicate polygon {row.view}/{row.region_id}/{row.side}/{row.part}"))
        region = regions.get(row.region_id)
        if region is None:
            problems.append(Problem(name, line, "region_id", f"unknown region {row.region_id!r} (not in regions.csv)"))
            continue
        if region.sided and row.side == MIDLINE:
            problems.append(Problem(name, line, "side", f"region {row.region_id!r} is sided: use 'right' or 'left'"))
        if not region.sided and row.side != MIDLINE:
            problems.append(Problem(name, line, "side", f"region {row.region_id!r} is a midline region: use 'midline'"))
        polygon = _parse_outline(row.outline)
        if not polygon.is_valid or polygon.area <= 0:
            problems.append(Problem(name, line, "outline", "outline is not a simple polygon (it crosses itself or has no area)"))
            continue
        by_view[row.view].append(RegionShape(row.view, row.region_id, row.side, polygon))
    drawn = {(s.region_id, s.side) for shapes in by_view.values() for s in shapes}
    for region in regions.values():
        needed = ("right", "left") if region.sided else (MIDLINE,)
        for side in needed:
            if (region.region_id, side) not in drawn:
                problems.append(
                    Problem(name, 0, "region_id", f"region {region.region_id!r} ({side}) is in regions.csv but drawn on no view")
                )
    views: dict[str, ViewGeometry] = {}
    for view in schemas.VIEWS:
        shapes = by_view.get(view, [])
        if not shapes:
            problems.append(Problem(name, 0, "view", f"view {view!r} has no regions"))
            continue
        silhouette = unary_union([s.polygon for s in shapes])
        views[view] = ViewGeometry(view, shapes, silhouette)
    return views


def _build_muscles(frame, regions, views, problems) -> dict[str, Muscle]:
    name = "muscles.csv"
    muscles: dict[str, Muscle] = {}
    for row in frame.itertuples():
        outline_regions = _split(row.outline_regions)
        for region_id in outline_regions:
            if region_id not in regions:
                problems.append(Problem(name, row.Index, "outline_regions", f"unknown region {region_id!r}"))
            elif row.outline_view and row.outline_view in views and not views[row.outline_view].shapes_of(region_id, "right"):
                problems.append(
                    Problem(name, row.Index, "outline_regions", f"region {region_id!r} is not drawn on view {row.outline_view!r}")
                )
        if outline_regions and not row.outline_view:
            problems.append(Problem(name, row.Index, "outline_view", "outline_regions are given, so outline_view is required"))
        muscles[row.muscle_id] = Muscle(
            muscle_id=row.muscle_id,
            name=row.name,
            plain_name=row.plain_name,
            aliases=_split(row.aliases),
            body_part=row.body_part,
            attachments=row.attachments,
            action=row.action,
            innervation=row.innervation,
            symptoms=row.symptoms,
            mimics=row.mimics,
            perpetuating_factors=row.perpetuating_factors,
            self_care=row.self_care,
            outline_view=row.outline_view,
            outline_regions=outline_regions,
            source=row.source,
            note=row.note,
        )
    return muscles


@dataclass
class _Referrals:
    by_trigger_point: dict[str, list[Referral]]
    unknown_trigger_points: list[tuple[str, int]]


def _build_referrals(frame, regions, problems) -> _Referrals:
    name = "referral_patterns.csv"
    by_tp: dict[str, list[Referral]] = defaultdict(list)
    seen: dict[tuple[str, str], int] = {}
    lines: list[tuple[str, int]] = []
    for row in frame.itertuples():
        key = (row.trigger_point_id, row.region_id)
        if key in seen:
            problems.append(
                Problem(
                    name,
                    row.Index,
                    "region_id",
                    f"region {row.region_id!r} is listed twice for {row.trigger_point_id!r} (first on line {seen[key]})",
                )
            )
            continue
        seen[key] = row.Index
        if row.region_id not in regions:
            problems.append(Problem(name, row.Index, "region_id", f"unknown region {row.region_id!r} (not in regions.csv)"))
            continue
        lines.append((row.trigger_point_id, row.Index))
        by_tp[row.trigger_point_id].append(
            Referral(row.trigger_point_id, row.region_id, row.zone, row.laterality, row.source, row.confidence, row.note)
        )
    return _Referrals(by_tp, lines)


def _build_trigger_points(frame, regions, views, muscles, referrals: _Referrals, problems) -> dict[str, TriggerPoint]:
    name = "trigger_points.csv"
    points: dict[str, TriggerPoint] = {}
    for row in frame.itertuples():
        line = row.Index
        if row.muscle_id not in muscles:
            problems.append(Problem(name, line, "muscle_id", f"unknown muscle {row.muscle_id!r} (not in muscles.csv)"))
        if row.region_id not in regions:
            problems.append(Problem(name, line, "region_id", f"unknown region {row.region_id!r} (not in regions.csv)"))
        x, y = float(row.x), float(row.y)
        geometry = views.get(row.view)
        if geometry is not None:
            point = Point(x, y)
            if not geometry.silhouette.buffer(REGION_TOLERANCE).contains(point):
                problems.append(Problem(name, line, "x", f"position ({x}, {y}) is outside the body on view {row.view!r}"))
            elif row.region_id in regions:
                shapes = geometry.shapes_of(row.region_id, "right")
                if not shapes:
                    problems.append(Problem(name, line, "region_id", f"region {row.region_id!r} is not drawn on view {row.view!r}"))
                elif min(s.polygon.distance(point) for s in shapes) > REGION_TOLERANCE:
                    problems.append(Problem(name, line, "x", f"position ({x}, {y}) is not inside region {row.region_id!r}"))
        tp_referrals = tuple(referrals.by_trigger_point.get(row.trigger_point_id, ()))
        if not tp_referrals:
            problems.append(Problem(name, line, "trigger_point_id", f"{row.trigger_point_id!r} has no referral pattern"))
        elif row.pain == "yes" and not any(r.zone == "essential" for r in tp_referrals):
            problems.append(Problem(name, line, "trigger_point_id", f"{row.trigger_point_id!r} has no essential region"))
        points[row.trigger_point_id] = TriggerPoint(
            trigger_point_id=row.trigger_point_id,
            muscle_id=row.muscle_id,
            label=row.label,
            view=row.view,
            x=x,
            y=y,
            region_id=row.region_id,
            location=row.location,
            pain=row.pain == "yes",
            prevalence=row.prevalence,
            pattern_summary=row.pattern_summary,
            note=row.note,
            referrals=tp_referrals,
        )
    return points


def _build_red_flags(frame, regions, problems) -> list[RedFlag]:
    flags = []
    for row in frame.itertuples():
        region_ids = _split(row.region_ids)
        for region_id in region_ids:
            if region_id not in regions:
                problems.append(Problem("red_flags.csv", row.Index, "region_ids", f"unknown region {region_id!r}"))
        flags.append(RedFlag(row.flag_id, region_ids, row.title, row.warning, row.action, row.urgency, row.source))
    return flags


def _build_unused(frame, regions, problems) -> dict[str, str]:
    unused = {}
    for row in frame.itertuples():
        if row.region_id not in regions:
            problems.append(Problem("unused_regions.csv", row.Index, "region_id", f"unknown region {row.region_id!r}"))
        unused[row.region_id] = row.reason
    return unused
