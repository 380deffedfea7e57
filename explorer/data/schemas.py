"""Pandera schemas for every data file: columns, enums and formats checked cell by cell.

Each check has a name that the loader turns into a plain message (see loader.problem_from_case).
Cross-file rules (ids that must exist elsewhere, positions inside regions) live in the loader.
"""

from __future__ import annotations

import pandera.pandas as pa

SNAKE_ID = r"^[a-z][a-z0-9_]*$"
ID_LIST = r"^[a-z][a-z0-9_]*(;[a-z][a-z0-9_]*)*$"
NUMBER = r"^-?\d{1,5}(\.\d+)?$"
OUTLINE = r"^-?\d+(\.\d+)?,-?\d+(\.\d+)?( -?\d+(\.\d+)?,-?\d+(\.\d+)?){2,}$"
CHOIR_CODES = r"^[fb]\d\d(;[fb]\d\d)*$"

SIDEDNESS = ["yes", "midline"]
GEOMETRY_SIDES = ["right", "left", "midline"]
VIEW_KINDS = ["drawing", "part", "group"]
VIEW_SIDES = ["right", "left", "both"]
ZONES = ["essential", "spillover"]
LATERALITIES = ["ipsilateral", "contralateral", "bilateral"]
CONFIDENCES = ["high", "medium", "low"]
PREVALENCES = ["common", "occasional", "rare", ""]
YES_NO = ["yes", "no"]
URGENCIES = ["emergency", "urgent", "soon"]
MUSCLE_BODY_PARTS = [
    "head_face",
    "neck",
    "shoulder_upper_back",
    "arm_elbow",
    "forearm_hand",
    "chest_abdomen",
    "thoracic_lumbar_back",
    "pelvis",
    "hip_buttock",
    "thigh_knee",
    "leg_ankle",
    "foot",
]

NOT_BLANK = pa.Check(lambda s: s.str.strip().str.len() > 0, name="not_blank")
NO_EDGE_SPACES = pa.Check(lambda s: s == s.str.strip(), name="no_edge_spaces")


def _text(required: bool = True) -> pa.Column:
    return pa.Column(str, checks=[NOT_BLANK] if required else [], nullable=False)


def _matching(pattern: str, hint: str, unique: bool = False, optional: bool = False) -> pa.Column:
    regex = pattern if not optional else f"(^$)|({pattern})"
    return pa.Column(str, checks=[NO_EDGE_SPACES, pa.Check.str_matches(regex, error=f"format:{hint}")], unique=unique, nullable=False)


def _snake_id(unique: bool = False) -> pa.Column:
    return _matching(SNAKE_ID, "a snake_case id: lower-case letters, digits and '_'", unique=unique)


def _enum(values: list[str]) -> pa.Column:
    return pa.Column(str, checks=[NO_EDGE_SPACES, pa.Check.isin(values, error="one_of")], nullable=False)


def _number(optional: bool = False) -> pa.Column:
    return _matching(NUMBER, "a number such as 12.5 or -3", optional=optional)


def _strict(columns: dict[str, pa.Column], name: str) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(columns, strict=True, ordered=False, name=name, coerce=False)


REGIONS = _strict(
    {
        "region_id": _snake_id(unique=True),
        "label": _text(),
        "plain_label": _text(),
        "body_part": _text(),
        "view_hint": _text(required=False),
        "sided": _enum(SIDEDNESS),
        "choir_right": _matching(CHOIR_CODES, "CHOIR codes like 'f01;b02'"),
        "choir_left": _matching(CHOIR_CODES, "CHOIR codes like 'f01;b02'"),
        "description": _text(required=False),
    },
    "regions.csv",
)

VIEWS = _strict(
    {
        "view_id": _snake_id(unique=True),
        "label": _text(),
        "shows": _text(),
        "kind": _enum(VIEW_KINDS),
        "of": _matching(ID_LIST, "view ids separated by ';'", optional=True),
        "x_min": _number(optional=True),
        "y_min": _number(optional=True),
        "x_max": _number(optional=True),
        "y_max": _number(optional=True),
        "side": _enum(VIEW_SIDES),
        "mirror_view": _matching(SNAKE_ID, "a view id", optional=True),
    },
    "views.csv",
)

GEOMETRY = _strict(
    {
        "view": _snake_id(),
        "region_id": _snake_id(),
        "side": _enum(GEOMETRY_SIDES),
        "part": _matching(r"^\d{1,4}$", "a whole number"),
        "outline": _matching(OUTLINE, "'x,y x,y x,y ...' with at least three points"),
    },
    "body_geometry.csv",
)

MUSCLES = _strict(
    {
        "muscle_id": _snake_id(unique=True),
        "name": _text(),
        "plain_name": _text(),
        "aliases": _text(required=False),
        "body_part": _enum(MUSCLE_BODY_PARTS),
        "attachments": _text(required=False),
        "action": _text(required=False),
        "innervation": _text(required=False),
        "symptoms": _text(required=False),
        "complaints": _text(required=False),
        "mimics": _text(required=False),
        "perpetuating_factors": _text(required=False),
        "self_care": _text(required=False),
        "outline_view": _matching(SNAKE_ID, "a view id", optional=True),
        "outline_regions": _matching(ID_LIST, "region ids separated by ';'", optional=True),
        "source": _text(),
        "note": _text(required=False),
    },
    "muscles.csv",
)

TRIGGER_POINTS = _strict(
    {
        "trigger_point_id": _snake_id(unique=True),
        "muscle_id": _snake_id(),
        "label": _text(),
        "region_id": _snake_id(),
        "location": _text(),
        "location_plain": _text(),
        "pain": _enum(YES_NO),
        "prevalence": _enum(PREVALENCES),
        "pattern_summary": _text(),
        "note": _text(required=False),
    },
    "trigger_points.csv",
)

POSITIONS = _strict(
    {
        "trigger_point_id": _snake_id(),
        "view": _snake_id(),
        "x": _number(),
        "y": _number(),
    },
    "trigger_point_positions.csv",
)

REFERRAL_PATTERNS = _strict(
    {
        "trigger_point_id": _snake_id(),
        "region_id": _snake_id(),
        "zone": _enum(ZONES),
        "laterality": _enum(LATERALITIES),
        "source": _text(),
        "confidence": _enum(CONFIDENCES),
        "note": _text(required=False),
    },
    "referral_patterns.csv",
)

RED_FLAGS = _strict(
    {
        "flag_id": _snake_id(unique=True),
        "region_ids": _matching(ID_LIST, "region ids separated by ';'"),
        "title": _text(),
        "warning": _text(),
        "action": _text(),
        "urgency": _enum(URGENCIES),
        "source": _text(),
    },
    "red_flags.csv",
)

UNUSED_REGIONS = _strict(
    {"region_id": _snake_id(unique=True), "reason": _text()},
    "unused_regions.csv",
)

SCHEMAS: dict[str, pa.DataFrameSchema] = {
    schema.name: schema
    for schema in (REGIONS, VIEWS, GEOMETRY, MUSCLES, TRIGGER_POINTS, POSITIONS, REFERRAL_PATTERNS, RED_FLAGS, UNUSED_REGIONS)
}
# Files that must hold at least one row: an empty one would quietly switch a feature off.
MAY_BE_EMPTY = {"unused_regions.csv"}
