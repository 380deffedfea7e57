"""Room for a finger or a pointer around every trigger point dot (WCAG 2.2, 2.5.8 target size), without a browser.

explorer.figures.reach computes each view's scale on a screen the way the stage does, so these checks guard the
dot positions (data/trigger_point_positions.csv) and the close-up parts (data/views.csv) against crowding.
"""

from __future__ import annotations

import math
from collections import defaultdict

from explorer.data.model import PART, SIDES
from explorer.figures import reach

# Laptop overview: dots closer than this to another dot (CSS px) look like one dot to a pointer.
LAPTOP_CLOSE_PX = 6.0
# Reached when the positions were tuned: only the two pelvic floor points, whose region (the anal region)
# is narrower than 6 px on the overview, so their right and left dots cannot be further apart.
LAPTOP_CLOSE_MAX = 4
# Two dots of one drawing and one side closer than this (drawing units) would look like one dot.
MIN_DOT_DISTANCE = 3.0
# A part's box may keep a narrow frame around its drawing (the hand and foot parts keep about 3 %).
FRAME = 0.04


def _parts(atlas):
    return [view for view in atlas.views.values() if view.kind == PART]


def test_every_pain_point_has_24_px_of_room_on_a_phone_in_some_view(atlas):
    crowded = reach.too_crowded(atlas)
    listing = "\n".join(f"  {room.px:5.1f} px  {room.key}  (best view: {room.view or 'none'})" for room in crowded)
    assert crowded == [], (
        f"{len(crowded)} trigger points have less than {reach.TARGET_PX:g} px of room in every view on a phone:\n{listing}"
    )


def test_every_part_lies_on_its_drawing_and_shows_a_dot(atlas):
    problems = []
    for view in _parts(atlas):
        drawing = atlas.drawings[view.of[0]]
        x0, y0, x1, y1 = drawing.bounds
        frame = FRAME * max(x1 - x0, y1 - y0)
        bx0, by0, bx1, by1 = view.box
        if bx0 < x0 - frame or by0 < y0 - frame or bx1 > x1 + frame or by1 > y1 + frame:
            problems.append(
                f"{view.view_id}: box ({bx0:g}, {by0:g}) to ({bx1:g}, {by1:g}) reaches beyond {view.of[0]} ({x0:.1f}, {y0:.1f}) to ({x1:.1f}, {y1:.1f})"
            )
        if not reach.room_on_view(atlas, view.view_id, reach.PHONE):
            problems.append(f"{view.view_id}: shows no trigger point dot")
    assert problems == [], "\n".join(problems)


def test_one_sided_parts_come_in_mirror_pairs(atlas):
    boxes = {(view.of[0], view.side, view.box) for view in _parts(atlas)}
    missing = []
    for view in _parts(atlas):
        if view.side not in SIDES:
            continue
        other = "left" if view.side == "right" else "right"
        mirror = atlas.views[view.of[0]].mirror_view
        bx0, by0, bx1, by1 = view.box
        if (mirror, other, (-bx1, by0, -bx0, by1)) not in boxes:
            missing.append(view.view_id)
    assert missing == [], f"one-sided parts without a mirror-image part for the other side: {missing}"


def test_no_two_dots_of_one_drawing_and_side_look_like_one(atlas):
    by_drawing_side = defaultdict(list)
    for tp_id in atlas.trigger_points:
        for side in SIDES:
            for position in atlas.dots(tp_id, side):
                by_drawing_side[(position.view, side)].append((tp_id, position.x, position.y))
    close = []
    for (drawing, side), points in by_drawing_side.items():
        for i, (a, ax, ay) in enumerate(points):
            for b, bx, by in points[i + 1 :]:
                distance = math.dist((ax, ay), (bx, by))
                if distance < MIN_DOT_DISTANCE:
                    close.append(f"{drawing} ({side}): {a} and {b} are {distance:.1f} units apart")
    assert close == [], "\n".join(close)


def test_few_dots_crowd_each_other_on_the_laptop_overview(atlas):
    rooms = reach.room_on_view(atlas, "overview", reach.LAPTOP)
    crowded = sorted((room for room in rooms if room.px < LAPTOP_CLOSE_PX), key=lambda room: room.px)
    listing = "\n".join(f"  {room.px:4.1f} px  {room.key}" for room in crowded)
    assert len(crowded) <= LAPTOP_CLOSE_MAX, (
        f"{len(crowded)} dots closer than {LAPTOP_CLOSE_PX:g} px to another on the laptop overview:\n{listing}"
    )
