"""Command line: exit codes, JSON shape, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys

from explorer.cli import main
from tests.conftest import edit_csv


def test_check_data_valid(capsys):
    assert main(["check-data"]) == 0
    assert "valid" in capsys.readouterr().out


def test_check_data_invalid_lists_problems(data_copy, capsys):
    edit_csv(data_copy / "referral_patterns.csv", 2, "zone", "primary")
    assert main(["check-data", "--data-dir", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "referral_patterns.csv, line 2, column 'zone'" in err
    assert "Traceback" not in err


def test_rank_json(capsys):
    assert main(["rank", "medial_knee", "--side", "left", "--top", "4", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert len(results) == 4
    assert [r["rank"] for r in results] == [1, 2, 3, 4]
    for key in ("rank", "muscle_id", "muscle", "trigger_point_id", "score", "explained"):
        assert key in results[0]
    assert all("medial_knee" in r["explained"] for r in results)
    assert results[0]["score"] >= results[-1]["score"]


def test_rank_default_side_is_right(capsys):
    main(["rank", "temple", "--json"])
    assert {r["side"] for r in json.loads(capsys.readouterr().out)} == {"right"}


def test_rank_text_output(capsys):
    assert main(["rank", "temple", "behind_eye"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(" 1. ")
    assert "Fits both your areas" in out


def test_rank_unknown_region_suggests_and_exits_2(capsys):
    assert main(["rank", "tempel", "medial_knee"]) == 2
    err = capsys.readouterr().err
    assert "unknown region 'tempel'" in err
    assert "temple" in err


def test_rank_bad_top(capsys):
    assert main(["rank", "temple", "--top", "0"]) == 2


def test_stats(capsys):
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "head_face" in out and "pattern rows by confidence" in out


def test_geometry_is_up_to_date(capsys):
    assert main(["generate-geometry", "--check"]) == 0


def test_module_entry_point_runs():
    done = subprocess.run([sys.executable, "-m", "explorer", "rank", "nowhere"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "unknown region 'nowhere'" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_options_work_without_the_serve_command(monkeypatch):
    import explorer.cli as cli

    seen = {}
    monkeypatch.setattr(cli, "_serve", lambda atlas, host, port: seen.update(host=host, port=port) or 0)
    assert cli.main(["--host", "0.0.0.0", "--port", "9123"]) == 0
    assert seen == {"host": "0.0.0.0", "port": 9123}
    assert cli.main(["serve", "--port", "9124"]) == 0
    assert seen["port"] == 9124


def test_rank_bilateral_drawing_gives_both_sides(capsys):
    assert main(["rank", "low_back.r", "low_back.l", "sacroiliac.r", "sacroiliac.l", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert {r["side"] for r in results} == {"both"}
    assert any({"low_back:right", "low_back:left"} <= set(r["explained_sides"]) for r in results)


def test_explain_json_names_the_set_and_what_is_left(capsys):
    assert main(["explain", "temple.r", "plantar_heel.l", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert set(found) == {"together", "unexplained"}
    assert 2 <= len(found["together"]) <= 3
    for member in found["together"]:
        assert set(member) == {"muscle_id", "muscle", "trigger_point_id", "side", "explained_sides"}
    explained = {m for member in found["together"] for m in member["explained_sides"]}
    assert {"temple:right", "plantar_heel:left"} <= explained | set(found["unexplained"])


def test_explain_text_and_unknown_region(capsys):
    assert main(["explain", "tmj", "ear", "lateral_knee.l"]) == 0
    assert "could explain" in capsys.readouterr().out
    assert main(["explain", "tempel"]) == 2


def test_search_json_finds_complaints(capsys):
    assert main(["search", "tennis", "elbow", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and set(hits[0]) == {"muscle_id", "muscle", "why"}
    assert any("tennis elbow" in h["why"] for h in hits)


def test_evaluate_prints_recall_per_body_part(capsys):
    assert main(["evaluate"]) == 0
    out = capsys.readouterr().out
    assert "recall@5" in out and "pain guides (ours)" in out and "body part" in out
    assert main(["evaluate", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["case_sets"] and data["body_parts"]


def test_evaluate_refuses_a_missing_case_file(capsys, tmp_path):
    assert main(["evaluate", "--cases", str(tmp_path / "nope.csv")]) == 2
    assert "not found" in capsys.readouterr().err
