"""Pandera schemas for every data file: columns, enums and formats checked cell by cell."""

from __future__ import annotations

import pandera.pandas as pa

SNAKE_ID = r"^[a-z][a-z0-9_]*$"
NUMBER = r"^-?\d+(\.\d+)?$"
OUTLINE = r"^-?\d+(\.\d+)?,-?\d+(\.\d+)?( -?\d+(\.\d+)?,-?\d+(\.\d+)?){2,}$"

SIDEDNESS = ["yes", "midline"]
GEOMETRY_SIDES = ["right", "left", "midline"]
VIEWS = ["front", "back", "face", "head_right", "head_left"]
# Trigger points are stored for the patient's right side; the left is drawn as its mirror image.
TRIGGER_POINT_VIEWS = ["front", "back", "face", "head_right"]
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


def _text(required: bool = True, **kwargs) -> pa.Column:
    checks = [pa.Check.str_length(min_value=1)] if required else []
    return pa.Column(str, checks=checks, nullable=False, **kwargs)


def _snake_id(unique: bool = False) -> pa.Column:
    return pa.Column(str, checks=pa.Check.str_matches(SNAKE_ID), unique=unique, nullable=False)


def _enum(values: list[str]) -> pa.Column:
    return pa.Column(str, checks=pa.Check.isin(values), nullable=False)


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
        "choir_right": pa.Column(str, pa.Check.str_matches(r"^[fb]\d\d(;[fb]\d\d)*$")),
        "choir_left": pa.Column(str, pa.Check.str_matches(r"^[fb]\d\d(;[fb]\d\d)*$")),
        "description": _text(required=False),
    },
    "regions.csv",
)

GEOMETRY = _strict(
    {
        "view": _enum(VIEWS),
        "region_id": _snake_id(),
        "side": _enum(GEOMETRY_SIDES),
        "part": pa.Column(str, pa.Check.str_matches(r"^\d+$")),
        "outline": pa.Column(str, pa.Check.str_matches(OUTLINE)),
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
        "mimics": _text(required=False),
        "perpetuating_factors": _text(required=False),
        "self_care": _text(required=False),
        "outline_view": pa.Column(str, pa.Check.isin([*TRIGGER_POINT_VIEWS, ""])),
        "outline_regions": pa.Column(str, pa.Check.str_matches(r"^([a-z][a-z0-9_]*(;[a-z][a-z0-9_]*)*)?$")),
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
        "view": _enum(TRIGGER_POINT_VIEWS),
        "x": pa.Column(str, pa.Check.str_matches(NUMBER)),
        "y": pa.Column(str, pa.Check.str_matches(NUMBER)),
        "region_id": _snake_id(),
        "location": _text(),
        "pain": _enum(YES_NO),
        "prevalence": _enum(PREVALENCES),
        "pattern_summary": _text(),
        "note": _text(required=False),
    },
    "trigger_points.csv",
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
        "region_ids": pa.Column(str, pa.Check.str_matches(r"^[a-z][a-z0-9_]*(;[a-z][a-z0-9_]*)*$")),
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
    schema.name: schema for schema in (REGIONS, GEOMETRY, MUSCLES, TRIGGER_POINTS, REFERRAL_PATTERNS, RED_FLAGS, UNUSED_REGIONS)
}
