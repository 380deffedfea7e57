"""Load every data file, validate it as a whole, and build the typed atlas (or refuse to).

Every file is read and checked cell by cell (pandera), then the files are checked against each other.
All checks run in one pass: a broken row is left out of the later checks (so one mistake is not
reported ten times), but every other row is still checked, and every problem is reported together.
Nothing is returned unless there are no problems at all: the app never serves a half-loaded atlas.
"""

from __future__ import annotations

import difflib
import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.errors
from shapely.geometry import Point, Polygon
from shapely.ops import unary_union
from shapely.prepared import prep
from shapely.validation import explain_validity

from explorer.data import schemas
from explorer.data.csvio import Table, read_table
from explorer.data.model import (
    DRAWING,
    GROUP,
    LEFT,
    MIDLINE,
    PART,
    RIGHT,
    Atlas,
    Drawing,
    Muscle,
    Position,
    RedFlag,
    Referral,
    Region,
    RegionShape,
    TriggerPoint,
    View,
)
from explorer.data.problems import DataValidationError, Problem

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
FILES = tuple(schemas.SCHEMAS)
# A trigger point's dot may sit this close outside its region's outline (drawing units; the body is 800 tall).
REGION_TOLERANCE = 1.0
# A part's crop box may reach this far beyond its drawing (drawing units).
BOX_MARGIN = 40.0

__all__ = ["DEFAULT_DATA_DIR", "FILES", "DataValidationError", "Problem", "load_atlas"]


def load_atlas(data_dir: Path | str | None = None) -> Atlas:
    """Read and validate the data directory; raise DataValidationError listing every problem."""
    directory = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    problems: list[Problem] = []
    files: dict[str, _File] = {}
    for name in FILES:
        table = read_table(directory / name, problems)
        if table is not None:
            files[name] = _validate(table, problems)
    atlas = _Builder(files, problems).build()
    if problems:
        raise DataValidationError(problems)
    return atlas


@dataclass
class _File:
    """A file's rows after the cell checks: `good` rows passed every check; `ids` lists every id present."""

    name: str
    frame: pd.DataFrame  # index: physical line numbers
    bad_lines: set[int] = field(default_factory=set)
    usable: bool = True  # False when the header itself is wrong: then no row can be read

    def rows(self):
        """Named tuples of the rows that passed the cell checks (Index = line)."""
        frame = self.frame[~self.frame.index.isin(list(self.bad_lines))] if self.bad_lines else self.frame
        yield from frame.itertuples()

    def present(self, column: str) -> set[str]:
        """Every value of a column, including rows that failed other checks (for reference checks)."""
        return set(self.frame[column]) if column in self.frame.columns else set()


def _validate(table: Table, problems: list[Problem]) -> _File:
    name = table.name
    schema = schemas.SCHEMAS[name]
    frame = pd.DataFrame(table.rows, columns=table.header, dtype=str)
    frame.index = table.lines
    missing = [c for c in schema.columns if c not in frame.columns]
    extra = [c for c in frame.columns if c not in schema.columns]
    for column in extra:
        problems.append(Problem(name, 1, column, f"unknown column{_column_hint(column, missing)}"))
    for column in missing:
        problems.append(Problem(name, 1, column, "required column is missing from the header"))
    empty = frame.empty and name not in schemas.MAY_BE_EMPTY
    if empty:
        problems.append(Problem(name, 0, "", "the file has a header but no rows; at least one row is required"))
    if missing or extra or empty:
        # No row can be read (or there is none): other files' references to this one are not checked either,
        # so one broken header is one problem, not one per reference.
        return _File(name, frame.iloc[0:0], set(), usable=False)
    bad: set[int] = set()
    try:
        schema.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        describe = _CaseWords(name, frame)
        cases = errors.failure_cases
        failures = zip(cases["column"].tolist(), cases["index"].tolist(), cases["failure_case"].tolist(), cases["check"].tolist(), strict=True)
        seen: set[tuple[int, str]] = set()
        for column, index, value, check in sorted(failures, key=lambda case: _check_priority(case[3])):
            problem = describe(column, index, value, check)
            if problem is None or (problem.line, problem.column) in seen:
                continue
            seen.add((problem.line, problem.column))
            problems.append(problem)
            if problem.line:
                bad.add(problem.line)
    return _File(name, frame, bad)


def _column_hint(column: str, missing: list[str]) -> str:
    """'; did you mean ...?' for an unknown column that looks like a missing one."""
    folded = column.lower().replace(" ", "_").replace("-", "_")
    close = next((c for c in missing if c == folded), None)
    if close:
        return f"; did you mean '{close}'? (column names are lower-case snake_case)"
    close = next(iter(difflib.get_close_matches(folded, missing, n=1, cutoff=0.75)), None)
    if close:
        return f"; did you mean '{close}'? (check its spelling)"
    return " (check its spelling; the columns of this file are listed in the README, 'Data model')"


def _check_priority(check: str) -> int:
    """The most telling message for a cell comes first: stray spaces explain a failed format check."""
    check = str(check)
    return 0 if check.startswith("no_edge_spaces") else 1 if check.startswith("not_blank") else 2


class _CaseWords:
    """Turns pandera failure cases of one file into plain problems (fast enough for 100,000 of them)."""

    def __init__(self, name: str, frame: pd.DataFrame) -> None:
        self.name = name
        self.frame = frame
        self.first_lines: dict[str, dict[str, int]] = {}

    def first_line(self, column: str, value: str) -> int:
        lines = self.first_lines.get(column)
        if lines is None:
            lines = self.first_lines[column] = {}
            for line, cell in zip(self.frame.index.tolist(), self.frame[column].tolist(), strict=True):
                lines.setdefault(cell, line)
        return lines.get(value, 0)

    def __call__(self, column, index, value, check) -> Problem | None:
        return problem_from_case(self.name, self.frame, {"column": column, "index": index, "failure_case": value, "check": check}, self)


def problem_from_case(name: str, frame: pd.DataFrame, case, words: _CaseWords | None = None) -> Problem | None:
    """A plain message for one pandera failure case."""
    column = str(case["column"]) if case["column"] is not None else ""
    if pd.isna(case["index"]):
        return Problem(name, 0, column, f"column check failed: {case['check']}")
    line = int(case["index"])
    value = str(case["failure_case"])
    check = str(case["check"])
    if check.startswith("no_edge_spaces"):
        message = f"{_short(value)!r} has a space at the start or end; remove it"
    elif check.startswith("not_blank"):
        message = "must not be empty" if not value else "must not be only spaces"
    elif check.startswith("one_of") or check.startswith("isin"):
        allowed = schemas.SCHEMAS[name].columns[column].checks[-1].statistics["allowed_values"]
        listed = ", ".join(repr(v) for v in allowed if v) + (" or empty" if "" in allowed else "")
        hint = " (use lower case)" if value.lower() in allowed else ""
        message = f"{_short(value)!r} is not allowed{hint}; use one of {listed}"
    elif check == "field_uniqueness":
        first = (words or _CaseWords(name, frame)).first_line(column, value)
        if first == line:
            return None  # the first occurrence is fine; its duplicates are reported
        message = f"{_short(value)!r} is a duplicate id" + (f" (first on line {first})" if first else "")
    elif check.startswith("format:"):
        message = f"{_short(value)!r} has the wrong format (expected {check.removeprefix('format:')})"
    else:
        message = f"{_short(value)!r} fails check {check}"
    return Problem(name, line, column, message)


def _short(value: object) -> str:
    text = "".join(ch if ch.isprintable() else " " for ch in str(value))
    return text if len(text) <= 60 else text[:57] + "..."


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(";") if part.strip())


class _Builder:
    """Turns the checked files into an Atlas, adding every cross-file problem it finds."""

    def __init__(self, files: dict[str, _File], problems: list[Problem]) -> None:
        self.files = files
        self.problems = problems
        self.view_kinds: dict[str, str] = {}  # view id -> kind, for the rows of views.csv that passed the cell checks

    def problem(self, file: str, line: int, column: str, message: str) -> None:
        self.problems.append(Problem(file, line, column, message))

    def has(self, name: str) -> bool:
        """True when the file was read and its header is right (so its rows can be checked against)."""
        return name in self.files and self.files[name].usable

    def present(self, name: str, column: str) -> set[str] | None:
        """Ids in a file (None when the file itself could not be read, so references to it are not checked)."""
        return self.files[name].present(column) if self.has(name) else None

    def rows(self, name: str):
        return self.files[name].rows() if self.has(name) else iter(())

    def flawed(self, name: str) -> bool:
        """True when some row of the file was left out (or it could not be read): checks that need all of it are skipped."""
        return not self.has(name) or bool(self.files[name].bad_lines) or any(p.file == name for p in self.problems)

    def not_a_drawing(self, view_id: str) -> str | None:
        """Why `view_id` cannot be used as a drawing; None when it can, or when its own row is broken (reported there)."""
        if not self.has("views.csv"):
            return None
        kind = self.view_kinds.get(view_id)
        if kind is not None:
            return None if kind == DRAWING else f"{view_id!r} is a {kind}, not a drawing"
        return None if view_id in self.files["views.csv"].present("view_id") else f"{view_id!r} is not in views.csv"

    def build(self) -> Atlas:
        regions = self._regions()
        views = self._views()
        drawings = self._drawings(regions, views)
        self._check_boxes(views, drawings)
        muscles = self._muscles(regions, views, drawings)
        referrals = self._referrals(regions)
        positions = self._positions(regions, views, drawings)
        trigger_points = self._trigger_points(regions, muscles, referrals, positions)
        red_flags = self._red_flags()
        unused = self._unused()
        return Atlas(regions, views, drawings, muscles, trigger_points, red_flags, unused)

    # ------------------------------------------------------------------ each file

    def _regions(self) -> dict[str, Region]:
        return {
            row.region_id: Region(
                region_id=row.region_id,
                label=row.label.strip(),
                plain_label=row.plain_label.strip(),
                body_part=row.body_part.strip(),
                sided=row.sided == "yes",
                choir_right=_split(row.choir_right),
                choir_left=_split(row.choir_left),
                description=row.description.strip(),
            )
            for row in self.rows("regions.csv")
        }

    def _views(self) -> dict[str, View]:
        name = "views.csv"
        rows = list(self.rows(name))
        self.view_kinds = {row.view_id: row.kind for row in rows}
        views: dict[str, View] = {}
        for row in rows:
            of = _split(row.of)
            numbers = [row.x_min, row.y_min, row.x_max, row.y_max]
            box = tuple(float(v) for v in numbers) if all(numbers) else None
            ok = True
            if row.kind == DRAWING:
                if of or any(numbers):
                    self.problem(name, row.Index, "of", "a drawing has no 'of' and no box (those are for parts and groups)")
                    ok = False
                if not row.mirror_view:
                    self.problem(name, row.Index, "mirror_view", "a drawing needs mirror_view: where its mirror image (the left side) is drawn")
                    ok = False
                elif reason := self.not_a_drawing(row.mirror_view):
                    self.problem(name, row.Index, "mirror_view", f"{reason}; mirror_view names the drawing where this drawing's mirror image is drawn")
                    ok = False
            elif row.kind == PART:
                if len(of) != 1:
                    self.problem(name, row.Index, "of", f"a part names the one drawing it is cut from (got {row.of!r})")
                    ok = False
                elif reason := self.not_a_drawing(of[0]):
                    self.problem(name, row.Index, "of", f"{reason}; a part names the one drawing it is cut from")
                    ok = False
                if box is None:
                    self.problem(name, row.Index, "x_min", "a part needs its box: x_min, y_min, x_max and y_max")
                    ok = False
                elif not (box[0] < box[2] and box[1] < box[3]):
                    self.problem(name, row.Index, "x_max", "the box is empty: x_min must be below x_max and y_min below y_max")
                    ok = False
            elif row.kind == GROUP:
                reasons = [reason for v in of if (reason := self.not_a_drawing(v))]
                if not of or reasons:
                    why = "; ".join(reasons) if reasons else "'of' is empty"
                    self.problem(name, row.Index, "of", f"{why}; a group lists drawings of views.csv separated by ';'")
                    ok = False
                if any(numbers):
                    self.problem(name, row.Index, "x_min", "a group has no box (its drawings decide its extent)")
                    ok = False
            if ok:
                views[row.view_id] = View(row.view_id, row.label.strip(), row.shows.strip(), row.kind, of, box, row.side, row.mirror_view)
        return views

    def _drawings(self, regions: dict[str, Region], views: dict[str, View]) -> dict[str, Drawing]:
        name = "body_geometry.csv"
        by_view: dict[str, list[RegionShape]] = defaultdict(list)
        seen: dict[tuple, int] = {}
        known_regions = self.present("regions.csv", "region_id")
        for row in self.rows(name):
            line = row.Index
            key = (row.view, row.region_id, row.side, row.part)
            if key in seen:
                self.problem(name, line, "part", f"duplicate polygon {row.view}/{row.region_id}/{row.side}/{row.part} (first on line {seen[key]})")
                continue
            seen[key] = line
            if reason := self.not_a_drawing(row.view):
                self.problem(name, line, "view", f"{reason}; polygons are drawn on the drawings of views.csv")
                continue
            region = regions.get(row.region_id)
            if region is None and known_regions is not None and row.region_id not in known_regions:
                self.problem(name, line, "region_id", f"unknown region {row.region_id!r} (not in regions.csv)")
                continue
            if region is not None and region.sided and row.side == MIDLINE:
                self.problem(name, line, "side", f"region {row.region_id!r} is sided: use 'right' or 'left'")
                continue
            if region is not None and not region.sided and row.side != MIDLINE:
                self.problem(name, line, "side", f"region {row.region_id!r} is a midline region: use 'midline'")
                continue
            polygon = Polygon([tuple(float(v) for v in pair.split(",")) for pair in row.outline.split()])
            if not polygon.is_valid or polygon.area <= 0:
                why = explain_validity(polygon) if not polygon.is_valid else "it has no area"
                self.problem(name, line, "outline", f"outline is not a simple polygon ({_short(why)}); its edges must not cross")
                continue
            by_view[row.view].append(RegionShape(row.view, row.region_id, row.side, polygon))
        if not self.has(name):
            return {}
        if self.flawed(name) or self.flawed("regions.csv") or self.flawed("views.csv"):
            # some polygon was left out: whatever seems undrawn now may just be the row reported above
            return {view: _drawing(view, shapes) for view, shapes in by_view.items()}
        drawn = {(s.region_id, s.side) for shapes in by_view.values() for s in shapes}
        for region in regions.values():
            for side in (RIGHT, LEFT) if region.sided else (MIDLINE,):
                if (region.region_id, side) not in drawn:
                    self.problem(name, 0, "region_id", f"region {region.region_id!r} ({side}) is in regions.csv but drawn on no view")
        for view in views.values():
            if view.kind == DRAWING and view.view_id not in by_view:
                self.problem(name, 0, "view", f"drawing {view.view_id!r} of views.csv has no regions in body_geometry.csv")
        return {view: _drawing(view, shapes) for view, shapes in by_view.items()}

    def _check_boxes(self, views: dict[str, View], drawings: dict[str, Drawing]) -> None:
        if self.flawed("body_geometry.csv"):
            return  # a drawing with a polygon left out has the wrong extent
        lines = {row.view_id: row.Index for row in self.rows("views.csv")}
        for view in views.values():
            if view.kind != PART or view.of[0] not in drawings:
                continue
            x0, y0, x1, y1 = drawings[view.of[0]].bounds
            bx0, by0, bx1, by1 = view.box
            if bx0 < x0 - BOX_MARGIN or by0 < y0 - BOX_MARGIN or bx1 > x1 + BOX_MARGIN or by1 > y1 + BOX_MARGIN:
                self.problem(
                    "views.csv",
                    lines.get(view.view_id, 0),
                    "x_min",
                    f"the box ({bx0:g}, {by0:g}) to ({bx1:g}, {by1:g}) reaches outside drawing {view.of[0]!r} "
                    f"({x0:.0f}, {y0:.0f}) to ({x1:.0f}, {y1:.0f})",
                )
            elif not drawings[view.of[0]].silhouette.intersects(Polygon([(bx0, by0), (bx1, by0), (bx1, by1), (bx0, by1)])):
                self.problem("views.csv", lines.get(view.view_id, 0), "x_min", f"the box shows nothing of drawing {view.of[0]!r}")

    def _muscles(self, regions, views, drawings) -> dict[str, Muscle]:
        name = "muscles.csv"
        muscles: dict[str, Muscle] = {}
        known_regions = self.present("regions.csv", "region_id")
        geometry_complete = not self.flawed("body_geometry.csv")
        for row in self.rows(name):
            outline_regions = _split(row.outline_regions)
            if row.outline_view and (reason := self.not_a_drawing(row.outline_view)):
                self.problem(name, row.Index, "outline_view", f"{reason}; the outline is drawn on a drawing (a part or group has no outline of its own)")
            for region_id in outline_regions:
                if known_regions is not None and region_id not in known_regions:
                    self.problem(name, row.Index, "outline_regions", f"unknown region {region_id!r} (not in regions.csv)")
                elif geometry_complete and row.outline_view in drawings and not drawings[row.outline_view].shapes_of(region_id, RIGHT):
                    self.problem(name, row.Index, "outline_regions", f"region {region_id!r} is not drawn on view {row.outline_view!r}")
            if outline_regions and not row.outline_view:
                self.problem(name, row.Index, "outline_view", "outline_regions are given, so outline_view is required")
            muscles[row.muscle_id] = Muscle(
                muscle_id=row.muscle_id,
                name=row.name.strip(),
                plain_name=row.plain_name.strip(),
                aliases=_split(row.aliases),
                body_part=row.body_part,
                attachments=row.attachments.strip(),
                action=row.action.strip(),
                innervation=row.innervation.strip(),
                symptoms=row.symptoms.strip(),
                complaints=_split(row.complaints),
                mimics=row.mimics.strip(),
                perpetuating_factors=row.perpetuating_factors.strip(),
                self_care=row.self_care.strip(),
                outline_view=row.outline_view,
                outline_regions=outline_regions,
                source=row.source.strip(),
                note=row.note.strip(),
            )
        return muscles

    def _referrals(self, regions) -> dict[str, list[Referral]]:
        name = "referral_patterns.csv"
        by_tp: dict[str, list[Referral]] = defaultdict(list)
        seen: dict[tuple[str, str], int] = {}
        known_tps = self.present("trigger_points.csv", "trigger_point_id")
        known_regions = self.present("regions.csv", "region_id")
        for row in self.rows(name):
            key = (row.trigger_point_id, row.region_id)
            if key in seen:
                self.problem(name, row.Index, "region_id", f"region {row.region_id!r} is listed twice for {row.trigger_point_id!r} (first on line {seen[key]})")
                continue
            seen[key] = row.Index
            if known_tps is not None and row.trigger_point_id not in known_tps:
                self.problem(name, row.Index, "trigger_point_id", f"unknown trigger point {row.trigger_point_id!r} (not in trigger_points.csv)")
                continue
            if known_regions is not None and row.region_id not in known_regions:
                self.problem(name, row.Index, "region_id", f"unknown region {row.region_id!r} (not in regions.csv)")
                continue
            by_tp[row.trigger_point_id].append(
                Referral(row.trigger_point_id, row.region_id, row.zone, row.laterality, row.source.strip(), row.confidence, row.note.strip())
            )
        return by_tp

    def _positions(self, regions, views, drawings) -> dict[str, list[tuple[Position, int]]]:
        name = "trigger_point_positions.csv"
        by_tp: dict[str, list[tuple[Position, int]]] = defaultdict(list)
        seen: dict[tuple[str, str], int] = {}
        known_tps = self.present("trigger_points.csv", "trigger_point_id")
        tp_regions = {row.trigger_point_id: row.region_id for row in self.rows("trigger_points.csv")}
        # a drawing with a polygon left out (reported in body_geometry.csv) would put good dots outside the body
        bodies = {} if self.flawed("body_geometry.csv") else {view: prep(d.silhouette.buffer(REGION_TOLERANCE)) for view, d in drawings.items()}
        for row in self.rows(name):
            line = row.Index
            key = (row.trigger_point_id, row.view)
            if key in seen:
                self.problem(name, line, "view", f"{row.trigger_point_id!r} already has a position on {row.view!r} (line {seen[key]})")
                continue
            seen[key] = line
            if known_tps is not None and row.trigger_point_id not in known_tps:
                self.problem(name, line, "trigger_point_id", f"unknown trigger point {row.trigger_point_id!r} (not in trigger_points.csv)")
                continue
            if reason := self.not_a_drawing(row.view):
                self.problem(name, line, "view", f"{reason}; positions are given on drawings (a part or group shows its drawings' dots)")
                continue
            view = views.get(row.view)
            if view is not None and view.side == LEFT:
                self.problem(
                    name, line, "view", f"{row.view!r} shows the left side; positions are given for the right side (the left is their mirror image)"
                )
                continue
            x, y = float(row.x), float(row.y)
            drawing = drawings.get(row.view)
            region_id = tp_regions.get(row.trigger_point_id)
            if drawing is not None and row.view in bodies:
                if not _outside_ok(bodies[row.view], x, y):
                    x0, y0, x1, y1 = drawing.bounds
                    self.problem(
                        name, line, "x", f"position ({x:g}, {y:g}) is outside the body on {row.view!r} (which spans {x0:.0f}..{x1:.0f} by {y0:.0f}..{y1:.0f})"
                    )
                    continue
                if region_id in regions:
                    shapes = drawing.shapes_of(region_id, RIGHT)
                    if not shapes:
                        self.problem(name, line, "view", f"the trigger point's region {region_id!r} is not drawn on {row.view!r}")
                        continue
                    if min(s.polygon.distance(Point(x, y)) for s in shapes) > REGION_TOLERANCE:
                        under = drawing.region_at(x, y)
                        found = f"; it is on {under.region_id!r}" if under else ""
                        self.problem(name, line, "x", f"position ({x:g}, {y:g}) is not inside the trigger point's region {region_id!r}{found}")
                        continue
            by_tp[row.trigger_point_id].append((Position(row.view, x, y), line))
        return by_tp

    def _trigger_points(self, regions, muscles, referrals, positions) -> dict[str, TriggerPoint]:
        name = "trigger_points.csv"
        points: dict[str, TriggerPoint] = {}
        known_muscles = self.present("muscles.csv", "muscle_id")
        known_regions = self.present("regions.csv", "region_id")
        # a row left out of those files (reported there) would make its trigger point look incomplete
        positions_readable = not self.flawed("trigger_point_positions.csv")
        referrals_complete = not self.flawed("referral_patterns.csv")
        for row in self.rows(name):
            line = row.Index
            if known_muscles is not None and row.muscle_id not in known_muscles:
                self.problem(name, line, "muscle_id", f"unknown muscle {row.muscle_id!r} (not in muscles.csv)")
            if known_regions is not None and row.region_id not in known_regions:
                self.problem(name, line, "region_id", f"unknown region {row.region_id!r} (not in regions.csv)")
            tp_referrals = tuple(referrals.get(row.trigger_point_id, ()))
            if referrals_complete:
                if not tp_referrals:
                    self.problem(name, line, "trigger_point_id", f"{row.trigger_point_id!r} has no referral pattern")
                elif row.pain == "yes" and not any(r.zone == "essential" for r in tp_referrals):
                    self.problem(name, line, "trigger_point_id", f"{row.trigger_point_id!r} has no essential region")
            tp_positions = tuple(p for p, _ in positions.get(row.trigger_point_id, ()))
            if positions_readable and not tp_positions:
                self.problem(name, line, "trigger_point_id", f"{row.trigger_point_id!r} has no position in trigger_point_positions.csv")
            points[row.trigger_point_id] = TriggerPoint(
                trigger_point_id=row.trigger_point_id,
                muscle_id=row.muscle_id,
                label=row.label.strip(),
                region_id=row.region_id,
                location=row.location.strip(),
                location_plain=row.location_plain.strip(),
                pain=row.pain == "yes",
                prevalence=row.prevalence,
                pattern_summary=row.pattern_summary.strip(),
                note=row.note.strip(),
                referrals=tp_referrals,
                positions=tp_positions,
            )
        if self.has(name) and not self.files[name].bad_lines and self.has("muscles.csv"):
            with_points = {tp.muscle_id for tp in points.values()}
            for row in self.rows("muscles.csv"):
                if row.muscle_id not in with_points:
                    self.problem("muscles.csv", row.Index, "muscle_id", f"muscle {row.muscle_id!r} has no trigger point")
        return points

    def _red_flags(self) -> list[RedFlag]:
        flags = []
        known_regions = self.present("regions.csv", "region_id")
        for row in self.rows("red_flags.csv"):
            region_ids = _split(row.region_ids)
            unknown = [r for r in region_ids if known_regions is not None and r not in known_regions]
            for region_id in unknown:
                self.problem("red_flags.csv", row.Index, "region_ids", f"unknown region {region_id!r}")
            flags.append(
                RedFlag(row.flag_id, region_ids, row.title.strip(), row.warning.strip(), row.action.strip(), row.urgency, row.source.strip())
            )
        return flags

    def _unused(self) -> dict[str, str]:
        unused = {}
        known_regions = self.present("regions.csv", "region_id")
        for row in self.rows("unused_regions.csv"):
            if known_regions is not None and row.region_id not in known_regions:
                self.problem("unused_regions.csv", row.Index, "region_id", f"unknown region {row.region_id!r}")
            unused[row.region_id] = row.reason.strip()
        return unused


def _drawing(view: str, shapes: list[RegionShape]) -> Drawing:
    return Drawing(view, shapes, unary_union([s.polygon for s in shapes]))


def _outside_ok(body, x: float, y: float) -> bool:
    return math.isfinite(x) and math.isfinite(y) and body.contains(Point(x, y))

