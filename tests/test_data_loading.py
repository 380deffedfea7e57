"""Loading and validation: the bundled data is valid; every kind of breakage is reported precisely."""

from __future__ import annotations

import pytest

from explorer.data import DataValidationError, load_atlas
from tests.conftest import cell, edit_csv


def problems_for(data_dir) -> list[str]:
    with pytest.raises(DataValidationError) as caught:
        load_atlas(data_dir)
    return [str(p) for p in caught.value.problems]


def test_bundled_data_loads(atlas):
    assert len(atlas.regions) >= 125
    assert len(atlas.muscles) >= 25
    assert atlas.trigger_points
    assert {"front", "back", "face", "head_right", "head_left"} <= set(atlas.drawings)


def test_missing_file_is_named(data_copy):
    (data_copy / "muscles.csv").unlink()
    problems = problems_for(data_copy)
    assert any(p.startswith("muscles.csv: file not found") for p in problems)


def test_bad_enum_names_file_line_and_column(data_copy):
    edit_csv(data_copy / "referral_patterns.csv", 3, "zone", "primary")
    problems = problems_for(data_copy)
    assert any("referral_patterns.csv, line 3, column 'zone'" in p and "'primary'" in p for p in problems)


def test_duplicate_id_is_reported(data_copy):
    first = cell(data_copy / "muscles.csv", 2, "muscle_id")
    edit_csv(data_copy / "muscles.csv", 3, "muscle_id", first)
    problems = problems_for(data_copy)
    assert any("muscles.csv, line 3, column 'muscle_id'" in p and "duplicate" in p for p in problems)


def test_unknown_muscle_in_trigger_points(data_copy):
    edit_csv(data_copy / "trigger_points.csv", 2, "muscle_id", "no_such_muscle")
    problems = problems_for(data_copy)
    assert any("trigger_points.csv, line 2, column 'muscle_id'" in p and "no_such_muscle" in p for p in problems)


def test_unknown_region_in_patterns(data_copy):
    edit_csv(data_copy / "referral_patterns.csv", 2, "region_id", "elbowz")
    problems = problems_for(data_copy)
    assert any("referral_patterns.csv, line 2, column 'region_id'" in p and "elbowz" in p for p in problems)


def test_trigger_point_without_essential_region(data_copy):
    path = data_copy / "referral_patterns.csv"
    tp = cell(path, 2, "trigger_point_id")
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [lines[0]] + [line for line in lines[1:] if not (line.startswith(tp + ",") and ",essential," in line)]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    problems = problems_for(data_copy)
    assert any(f"'{tp}' has no essential region" in p for p in problems)


def test_position_outside_the_body(data_copy):
    edit_csv(data_copy / "trigger_point_positions.csv", 2, "x", "5000")
    problems = problems_for(data_copy)
    assert any("trigger_point_positions.csv, line 2, column 'x'" in p and "outside the body" in p for p in problems)


def test_position_in_the_wrong_region(data_copy):
    positions = data_copy / "trigger_point_positions.csv"
    edit_csv(data_copy / "trigger_points.csv", 2, "region_id", "great_toe" if cell(positions, 2, "view") in ("front", "back") else "chin")
    problems = problems_for(data_copy)
    assert any("trigger_point_positions.csv, line 2" in p and "not inside the trigger point's region" in p for p in problems)


def test_not_a_number(data_copy):
    edit_csv(data_copy / "trigger_point_positions.csv", 4, "y", "twelve")
    problems = problems_for(data_copy)
    assert any("trigger_point_positions.csv, line 4, column 'y'" in p and "a number" in p for p in problems)


def test_ragged_row_is_reported_and_nothing_loads(data_copy):
    path = data_copy / "muscles.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("only,three,fields\n")
    problems = problems_for(data_copy)
    assert any("muscles.csv, line" in p and "has 3 fields" in p for p in problems)


def test_missing_column(data_copy):
    path = data_copy / "referral_patterns.csv"
    text = path.read_text(encoding="utf-8").replace("confidence", "confidance", 1)
    path.write_text(text, encoding="utf-8")
    problems = problems_for(data_copy)
    assert any("column 'confidence': required column is missing" in p for p in problems)
    assert any("column 'confidance': unknown column" in p for p in problems)


def test_region_missing_from_geometry(data_copy):
    path = data_copy / "body_geometry.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if ",armpit," not in line]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    problems = problems_for(data_copy)
    assert any("'armpit' (right) is in regions.csv but drawn on no view" in p for p in problems)


def test_every_problem_is_reported_at_once(data_copy):
    edit_csv(data_copy / "referral_patterns.csv", 2, "confidence", "certain")
    edit_csv(data_copy / "muscles.csv", 2, "body_part", "elbowish")
    problems = problems_for(data_copy)
    assert any("referral_patterns.csv, line 2, column 'confidence'" in p for p in problems)
    assert any("muscles.csv, line 2, column 'body_part'" in p for p in problems)


def test_not_utf8(data_copy):
    (data_copy / "regions.csv").write_bytes(b"region_id,label\n\xff\xfe,bad\n")
    problems = problems_for(data_copy)
    assert any(p.startswith("regions.csv, line 2, column 'region_id': the value is not valid UTF-8") for p in problems)
