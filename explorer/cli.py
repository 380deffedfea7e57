"""Command line: serve the app, check the data, print statistics, rank a pain drawing."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter
from pathlib import Path

from explorer.data import DEFAULT_DATA_DIR, DataValidationError, load_atlas
from explorer.data.model import LEFT, MIDLINE, RIGHT, Atlas

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m explorer", description="Trigger Point Explorer (without a command: serve)")
    parser.add_argument("--host", default="127.0.0.1", help="address to serve on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="port to serve on (default 8050)")
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="folder holding the CSV files (default: bundled data)")
    sub = parser.add_subparsers(dest="command")

    def data_dir_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="folder holding the CSV files (default: bundled data)")

    serve = sub.add_parser("serve", help="serve the app (the default command)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8050)
    data_dir_option(serve)

    check = sub.add_parser("check-data", help="validate the data files without serving (exit 0 valid, 1 invalid)")
    data_dir_option(check)

    stats = sub.add_parser("stats", help="counts per body part and the share of patterns by confidence")
    data_dir_option(stats)

    ranker = sub.add_parser("rank", help="rank trigger points that could explain pain in the given regions")
    ranker.add_argument("regions", nargs="+", metavar="REGION_ID", help="region ids (a '.l' or '.r' suffix sets that region's side)")
    ranker.add_argument("--side", choices=[RIGHT, LEFT], default=RIGHT, help="side for regions without a suffix (default right)")
    ranker.add_argument("--top", type=int, default=10, help="how many muscles to list (default 10)")
    ranker.add_argument("--json", action="store_true", help="print JSON")
    data_dir_option(ranker)

    explainer = sub.add_parser("explain", help="the fewest trigger points (at most three) that together explain a drawing")
    explainer.add_argument("regions", nargs="+", metavar="REGION_ID", help="region ids (a '.l' or '.r' suffix sets that region's side)")
    explainer.add_argument("--side", choices=[RIGHT, LEFT], default=RIGHT, help="side for regions without a suffix (default right)")
    explainer.add_argument("--json", action="store_true", help="print JSON")
    data_dir_option(explainer)

    finder = sub.add_parser("search", help="find muscles by name, symptom or complaint (headache, tennis elbow, sciatica...)")
    finder.add_argument("query", nargs="+", help="what to look for")
    finder.add_argument("--json", action="store_true", help="print JSON")
    data_dir_option(finder)

    evaluation = sub.add_parser("evaluate", help="recall@5 of the ranking over known cases, per case set and body part")
    evaluation.add_argument("--cases", type=Path, action="append", metavar="CSV", help="a case file (repeatable; default: ours and ../shared/acceptance)")
    evaluation.add_argument("--json", action="store_true", help="print JSON")
    data_dir_option(evaluation)

    geometry = sub.add_parser("generate-geometry", help="rebuild data/body_geometry.csv from the landmarks")
    geometry.add_argument("--check", action="store_true", help="only check that the committed file is up to date")
    data_dir_option(geometry)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = _parser().parse_args(argv)
    command = args.command or "serve"
    if command == "generate-geometry":
        return _generate_geometry(args)
    data_dir = getattr(args, "data_dir", DEFAULT_DATA_DIR)
    try:
        atlas = load_atlas(data_dir)
    except DataValidationError as error:
        print(error.report(), file=sys.stderr)
        return EXIT_INVALID
    if command == "check-data":
        print(
            f"Data in {data_dir} is valid: {len(atlas.regions)} regions, {len(atlas.muscles)} muscles, "
            f"{len(atlas.trigger_points)} trigger points, {sum(len(t.referrals) for t in atlas.trigger_points.values())} pattern rows."
        )
        return EXIT_OK
    if command == "stats":
        print(format_stats(atlas))
        return EXIT_OK
    if command == "rank":
        return _rank(atlas, args)
    if command == "explain":
        return _explain(atlas, args)
    if command == "search":
        return _search(atlas, args)
    if command == "evaluate":
        return _evaluate(atlas, args)
    return _serve(atlas, getattr(args, "host", "127.0.0.1"), getattr(args, "port", 8050))


def _serve(atlas: Atlas, host: str, port: int) -> int:
    from explorer.app import create_app
    from explorer.headers import HeaderSettingError
    from explorer.serving import quiet_development_server

    quiet_development_server()
    try:
        app = create_app(atlas=atlas)
    except HeaderSettingError as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return EXIT_INVALID
    print(f"Trigger Point Explorer on http://{host}:{port}/  (Ctrl+C to stop)")
    app.run(host=host, port=port, debug=False)
    return EXIT_OK


def format_stats(atlas: Atlas) -> str:
    """Counts of muscles, trigger points and patterns per body part, and confidence shares."""
    muscles = Counter(m.body_part for m in atlas.muscles.values())
    points = Counter(atlas.muscles[t.muscle_id].body_part for t in atlas.trigger_points.values())
    patterns = Counter()
    confidence = Counter()
    for tp in atlas.trigger_points.values():
        for referral in tp.referrals:
            patterns[atlas.muscles[tp.muscle_id].body_part] += 1
            confidence[referral.confidence] += 1
    lines = [f"{'body part':<24}{'muscles':>9}{'trigger points':>16}{'pattern rows':>14}"]
    for part in sorted(muscles, key=lambda p: list(_part_order()).index(p) if p in _part_order() else 99):
        lines.append(f"{part:<24}{muscles[part]:>9}{points[part]:>16}{patterns[part]:>14}")
    lines.append(f"{'total':<24}{sum(muscles.values()):>9}{sum(points.values()):>16}{sum(patterns.values()):>14}")
    total = sum(confidence.values()) or 1
    shares = ", ".join(f"{level} {confidence[level]} ({100 * confidence[level] / total:.0f}%)" for level in ("high", "medium", "low"))
    lines.append(f"pattern rows by confidence: {shares}")
    non_pain = sum(1 for t in atlas.trigger_points.values() if not t.pain)
    lines.append(f"non-pain trigger points (kept out of ranking): {non_pain}")
    return "\n".join(lines)


def _part_order():
    from explorer.data.schemas import MUSCLE_BODY_PARTS

    return MUSCLE_BODY_PARTS


def _marks(atlas: Atlas, items: list[str], default_side: str) -> tuple[list, int]:
    """(marks, 0) from region arguments, or ([], EXIT_USAGE) after naming each unknown one."""
    marks = []
    unknown = []
    for item in items:
        region_id, _, suffix = item.partition(".")
        region = atlas.regions.get(region_id)
        side = {"l": LEFT, "left": LEFT, "r": RIGHT, "right": RIGHT}.get(suffix.lower()) if suffix else default_side
        if region is None or side is None:
            unknown.append(item)
            continue
        marks.append((region_id, side if region.sided else MIDLINE))
    for item in unknown:
        close = difflib.get_close_matches(item.partition(".")[0], list(atlas.regions), n=4, cutoff=0.6)
        hint = f" Did you mean: {', '.join(close)}?" if close else " Run with a region id from data/regions.csv."
        print(f"error: unknown region '{item}'.{hint}", file=sys.stderr)
    return (marks, EXIT_USAGE if unknown else EXIT_OK)


def _side_words(side: str) -> str:
    return "both sides" if side == "both" else side


def _rank(atlas: Atlas, args) -> int:
    from explorer.domain.ranking import explain, rank

    if args.top < 1:
        print("error: --top must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    marks, status = _marks(atlas, args.regions, args.side)
    if status:
        return status
    candidates = rank(atlas, marks, top=args.top)
    if args.json:
        rows = [
            c.as_json() | {"muscle_aliases": list(atlas.muscles[c.muscle_id].aliases), "reason": explain(atlas, c, plain=False)}
            for c in candidates
        ]
        print(json.dumps(rows, indent=2))
        return EXIT_OK
    if not candidates:
        print("No trigger point in this atlas refers pain to these regions.")
        return EXIT_OK
    for c in candidates:
        print(f"{c.rank:>2}. {c.muscle} · {c.trigger_point} ({_side_words(c.side)})  score {c.score:.3f}")
        print(f"    {explain(atlas, c, plain=False)}")
    return EXIT_OK


def _explain(atlas: Atlas, args) -> int:
    from explorer.domain.ranking import together

    marks, status = _marks(atlas, args.regions, args.side)
    if status:
        return status
    found = together(atlas, marks)
    if args.json:
        print(json.dumps(found.as_json(), indent=2))
        return EXIT_OK
    if not found.members:
        print("No trigger point in this atlas refers pain to these regions.")
        return EXIT_OK
    print(f"Together these {len(found.members)} could explain the drawing:" if len(found.members) > 1 else "One trigger point could explain the drawing:")
    for member in found.members:
        areas = ", ".join(f"{atlas.regions[r].label} ({s})" for r, s in member.explained)
        print(f"  - {member.muscle} · {member.trigger_point} ({_side_words(member.side)}): {areas}")
    if found.unexplained:
        print("Not explained: " + ", ".join(f"{atlas.regions[r].label} ({s})" for r, s in found.unexplained))
    return EXIT_OK


def _search(atlas: Atlas, args) -> int:
    from explorer.domain.search import search_muscles

    hits = search_muscles(atlas, " ".join(args.query), limit=15)
    if args.json:
        print(json.dumps([{"muscle_id": h.muscle.muscle_id, "muscle": h.muscle.name, "why": h.why} for h in hits], indent=2))
        return EXIT_OK
    if not hits:
        print("Nothing found. Try a muscle's name, a body part, or a complaint such as 'headache' or 'tennis elbow'.")
        return EXIT_OK
    for hit in hits:
        print(f"{hit.muscle.name} ({hit.muscle.plain_name}): {hit.why}")
    return EXIT_OK


def _evaluate(atlas: Atlas, args) -> int:
    from explorer.domain.evaluation import default_case_files, evaluate, format_evaluation

    repo = Path(__file__).resolve().parents[1]
    files = {path.stem: path for path in args.cases} if args.cases else default_case_files(repo)
    missing = [str(path) for path in files.values() if not path.is_file()]
    if args.cases and missing:
        print(f"error: case file not found: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = evaluate(atlas, files)
    except (ValueError, KeyError) as error:
        print(f"error: a case file could not be read: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(json.dumps(result.as_json(), indent=2) if args.json else format_evaluation(result))
    return EXIT_OK


def _generate_geometry(args) -> int:
    from explorer.bodymap.generate import build_regions, render_csv

    target = Path(args.data_dir) / "body_geometry.csv"
    text = render_csv(build_regions())
    if args.check:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            print(f"{target} is out of date: run `python -m explorer generate-geometry`.", file=sys.stderr)
            return EXIT_INVALID
        print(f"{target} is up to date.")
        return EXIT_OK
    target.write_text(text, encoding="utf-8")
    print(f"Wrote {text.count(chr(10)) - 1} polygons to {target}.")
    return EXIT_OK
