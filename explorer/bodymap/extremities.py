"""The close-up drawings of the hands and feet: silhouettes and region cuts, in their own units.

Each drawing shows both hands (or feet) side by side. As in `views`, the patient's right one is
built in the x >= 0 half-plane, x growing towards the patient's right side (the thumb and the
little toe are lateral, the little finger and the great toe medial), and the generator mirrors
and flips it. The wrist or heel end is at y = 0, the middle fingertip or the great toe's tip near
y = 240; one hand or foot is 105 to 120 units wide and the two sit 30 units apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shapely import affinity
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from explorer.bodymap.primitives import Pt, capsule, ellipse, mirror_x, poly, rect, smooth_poly
from explorer.bodymap.tiling import RegionSpec as R

# Everything a region claims is clipped to the silhouette, so "beyond the edge" can be generous.
FAR = 400.0


@dataclass(frozen=True)
class Digit:
    """A finger or toe drawn as a tapered capsule, and where its region starts (its base crease)."""

    base: Pt
    tip: Pt
    base_radius: float
    tip_radius: float
    crease_y: float = 0.0  # the lesser toes share TOE_LINE instead

    def outline(self) -> BaseGeometry:
        """The digit's capsule, its base buried in the palm or forefoot."""
        return capsule(self.base, self.tip, self.base_radius, self.tip_radius)

    def beyond_crease(self, lowered_by: float = 0.0) -> BaseGeometry:
        """The part of the digit distal to its base crease."""
        return self.outline().intersection(rect(-FAR, self.crease_y - lowered_by, FAR, FAR))


def _beyond(point: Pt, direction: Pt) -> BaseGeometry:
    """The half-plane on the side of `point` that `direction` points to."""
    norm = math.hypot(*direction)
    dx, dy = direction[0] / norm, direction[1] / norm
    px, py = point
    nx, ny = -dy, dx
    return poly(
        (px + nx * FAR, py + ny * FAR),
        (px + nx * FAR + dx * FAR, py + ny * FAR + dy * FAR),
        (px - nx * FAR + dx * FAR, py - ny * FAR + dy * FAR),
        (px - nx * FAR, py - ny * FAR),
    )


def _both_sides(right: BaseGeometry) -> BaseGeometry:
    return unary_union([right, mirror_x(right)])


def _clip_to_drawing(shape: BaseGeometry) -> BaseGeometry:
    """Cut the wrist or leg flat at y = 0, where the drawing ends."""
    return shape.intersection(rect(-FAR, 0, FAR, FAR))


# ---------------------------------------------------------------- hands

# Relative lengths follow the usual hand: middle longest, ring a little longer than index, the
# little finger's tip near the ring finger's last crease. The fingers fan out a little so the
# gaps between them show.
FINGERS: dict[str, Digit] = {
    "little_finger": Digit((33.0, 120.0), (28.0, 187.0), 7.8, 7.0, 127.0),
    "ring_finger": Digit((51.0, 127.0), (49.0, 219.0), 9.0, 8.2, 136.0),
    "middle_finger": Digit((71.0, 129.0), (72.0, 231.0), 9.6, 8.8, 139.0),
    "index_finger": Digit((91.0, 125.0), (95.0, 214.0), 9.3, 8.5, 134.0),
}
THUMB_CMC: Pt = (84.0, 34.0)
THUMB_MCP: Pt = (107.0, 84.0)
THUMB_TIP: Pt = (121.0, 142.0)
# The thumb's region starts just beyond its knuckle (MCP), where it leaves the palm.
THUMB_START: Pt = (110.0, 96.0)
WRIST_CREASE_Y = 22.0


def _palm_outline() -> BaseGeometry:
    return smooth_poly(
        (31, -8),
        (90, -8),
        (91, 4),
        (93, 16),
        (96, 28),
        (100, 50),
        (104, 80),
        (104, 104),
        (101, 124),
        (90, 133),
        (71, 137),
        (50, 134),
        (33, 126),
        (22, 115),
        (17, 96),
        (15, 70),
        (18, 44),
        (25, 22),
        (28, 10),
        (29, -2),
    )


def _thumb_outline() -> BaseGeometry:
    metacarpal = capsule(THUMB_CMC, THUMB_MCP, 13.0, 11.5)
    phalanges = capsule(THUMB_MCP, THUMB_TIP, 11.0, 9.8)
    return unary_union([metacarpal, phalanges])


def right_hand_outline() -> BaseGeometry:
    """The patient's right hand, the same outline seen from the palm or the back."""
    parts = [_palm_outline(), _thumb_outline(), *(d.outline() for d in FINGERS.values())]
    # A slight closing rounds the crotches of the webs without filling the gaps between fingers.
    hand = unary_union(parts).buffer(0.6, quad_segs=8).buffer(-0.6, quad_segs=8)
    return _clip_to_drawing(hand)


def hand_silhouette() -> BaseGeometry:
    """Both hands of the hand drawings."""
    return _both_sides(right_hand_outline())


def _digit_specs(lowered_by: float) -> list[R]:
    thumb_axis = (THUMB_TIP[0] - THUMB_MCP[0], THUMB_TIP[1] - THUMB_MCP[1])
    # Where the thumb and the palm are fused, below the web, the skin belongs to the hand.
    thumb = capsule(THUMB_MCP, THUMB_TIP, 13.0, 11.0).intersection(_beyond(THUMB_START, thumb_axis)).difference(_palm_outline())
    return [R("thumb", thumb), *(R(name, d.beyond_crease(lowered_by).buffer(1.5)) for name, d in FINGERS.items())]


def _wrist_specs(middle: str) -> list[R]:
    return [
        R("ulnar_wrist", rect(0, -FAR, 44, WRIST_CREASE_Y)),
        R("radial_wrist", rect(74, -FAR, FAR, WRIST_CREASE_Y)),
        R(middle, rect(0, -FAR, FAR, WRIST_CREASE_Y)),
    ]


BASE_OF_THUMB = ellipse(87, 34, 12, 10, angle=40)


def hand_palmar_specs() -> list[R]:
    """Regions of the right hand seen from the palm, most specific first."""
    return [
        *_digit_specs(lowered_by=0.0),
        *_wrist_specs("front_of_wrist"),
        R("base_of_thumb", BASE_OF_THUMB),
        # The palmar web: the fold between the thumb's knuckle and the index finger's base.
        R("thumb_web", poly((90, 110), (104, 98), (118, 108), (106, 132), (92, 130))),
        # The thenar crease (the life line) curves around the ball of the thumb over the first metacarpal.
        R("thenar_eminence", poly((100, 104), (86, 99), (73, 85), (65, 64), (62, 42), (63, 22), (FAR, 22), (FAR, 106))),
        R("hypothenar_eminence", poly((0, 22), (40, 22), (45, 45), (46, 80), (42, 104), (34, 114), (0, 114))),
        R("palm", rect(0, 0, FAR, FAR)),
    ]


def hand_dorsal_specs() -> list[R]:
    """Regions of the right hand seen from the back, most specific first."""
    # Seen from the back the fingers begin at the knuckles, a little nearer the wrist than their creases in the palm.
    return [
        *_digit_specs(lowered_by=5.0),
        *_wrist_specs("back_of_wrist"),
        R("base_of_thumb", BASE_OF_THUMB),
        # First dorsal web space: from the thumb's metacarpal across to the index metacarpal.
        R("thumb_web", poly((82, 30), (FAR, 30), (FAR, 124), (100, 124), (94, 100), (88, 70))),
        R("back_of_hand", rect(0, 0, FAR, FAR)),
    ]


# ---------------------------------------------------------------- feet

# The great toe is the longest and turns slightly outwards; the lesser toes step down in an arc.
GREAT_TOE = Digit((30.0, 190.0), (34.0, 225.5), 15.0, 14.0, 193.0)
LESSER_TOES: tuple[Digit, ...] = (
    Digit((55.0, 196.0), (57.0, 220.0), 8.6, 8.0),
    Digit((72.5, 190.0), (75.0, 211.5), 8.0, 7.5),
    Digit((88.5, 181.0), (91.5, 201.5), 7.4, 7.0),
    Digit((103.0, 170.0), (106.0, 190.5), 6.8, 6.5),
)
# Feet are drawn a little broader than life (about 105 units across the ball rather than 97) so
# the regions along their edges stay wide enough to point at; the inner edge stays put.
FOOT_BROADENING = 1.08
FOOT_MEDIAL_X = 15.0


def _broadened(shape: BaseGeometry) -> BaseGeometry:
    return affinity.scale(shape, FOOT_BROADENING, 1.0, origin=(FOOT_MEDIAL_X, 0.0))


def _broadened_specs(specs: list[R]) -> list[R]:
    return [R(spec.region_id, _broadened(spec.shape)) for spec in specs]


# The lesser toes' region starts on this line, just below the webs, so the four toes stay one region.
TOE_LINE: tuple[Pt, Pt] = ((45.0, 196.0), (116.0, 166.0))


def _sole_outline() -> BaseGeometry:
    return smooth_poly(
        (48, 0),
        (64, 3),
        (75, 14),
        (79, 32),
        (81, 55),
        (86, 85),
        (94, 112),
        (103, 140),
        (110, 160),
        (110, 172),
        (100, 183),
        (86, 195),
        (68, 203),
        (48, 206),
        (28, 203),
        (17, 188),
        (15, 165),
        (17, 140),
        (22, 115),
        (26, 95),
        (25, 72),
        (20, 48),
        (19, 28),
        (26, 10),
        (36, 2),
    )


def _toes_outline() -> BaseGeometry:
    return unary_union([GREAT_TOE.outline(), *(t.outline() for t in LESSER_TOES)])


def right_sole_outline() -> BaseGeometry:
    """The patient's right foot seen from below: heel, arch, ball and toes."""
    sole = unary_union([_sole_outline(), _toes_outline()]).buffer(0.8, quad_segs=8).buffer(-0.8, quad_segs=8)
    return _broadened(sole)


MEDIAL_MALLEOLUS = ellipse(21, 33, 6, 11)
LATERAL_MALLEOLUS = ellipse(78, 22, 6, 11)


def _instep_outline() -> BaseGeometry:
    """The foot from above: narrowest at the ankle, widening steadily to the ball (no arch shows)."""
    return smooth_poly(
        (23, -10),
        (76, -10),
        (77, 20),
        (80, 45),
        (86, 85),
        (94, 112),
        (103, 140),
        (110, 160),
        (110, 172),
        (100, 183),
        (86, 195),
        (68, 203),
        (48, 206),
        (28, 203),
        (17, 188),
        (15, 165),
        (16, 130),
        (18, 90),
        (19, 55),
        (19, 20),
    )


def right_foot_top_outline() -> BaseGeometry:
    """The patient's right foot seen from above, the leg cut at the ankle and the ankle bones showing."""
    foot = unary_union([_instep_outline(), MEDIAL_MALLEOLUS, LATERAL_MALLEOLUS]).buffer(8, quad_segs=8).buffer(-8, quad_segs=8)
    with_toes = unary_union([foot, _toes_outline()]).buffer(0.8, quad_segs=8).buffer(-0.8, quad_segs=8)
    return _broadened(_clip_to_drawing(with_toes))


def foot_dorsal_silhouette() -> BaseGeometry:
    """Both feet seen from above."""
    return _both_sides(right_foot_top_outline())


def foot_plantar_silhouette() -> BaseGeometry:
    """Both soles."""
    return _both_sides(right_sole_outline())


def _toe_specs(lowered_by: float) -> list[R]:
    (x0, y0), (x1, y1) = TOE_LINE
    above_line = poly((x0, y0 - lowered_by), (x1, y1 - lowered_by), (FAR, y1 - lowered_by), (FAR, FAR), (x0, FAR))
    return [R("great_toe", GREAT_TOE.beyond_crease(lowered_by).buffer(1.0)), R("lesser_toes", above_line)]


def foot_dorsal_specs() -> list[R]:
    """Regions of the right foot seen from above, most specific first."""
    # From above the toes begin at their knuckles, a little behind the creases of the sole.
    specs = [
        *_toe_specs(lowered_by=4.0),
        R("medial_ankle", ellipse(20, 33, 11, 14)),
        R("lateral_ankle", ellipse(80, 21, 11, 14)),
        R("front_of_ankle", rect(0, -FAR, FAR, 40)),
        R("first_metatarsal_head", ellipse(16, 167, 10, 13)),
        R("fifth_metatarsal_head", ellipse(108, 161, 10, 11)),
        # The outer edge of the foot, from below the outer ankle bone to the little toe's joint.
        R("lateral_foot", poly((68, 40), (FAR, 40), (FAR, 152), (97, 150))),
        R("top_of_foot", rect(0, 0, FAR, FAR)),
    ]
    return _broadened_specs(specs)


def foot_plantar_specs() -> list[R]:
    """Regions of the right sole, most specific first."""
    specs = [
        *_toe_specs(lowered_by=0.0),
        R("back_of_heel", rect(0, -FAR, FAR, 6)),
        R("first_metatarsal_head", ellipse(25, 168, 15, 12)),
        R("fifth_metatarsal_head", ellipse(101, 160, 11, 10)),
        R("plantar_heel", ellipse(48, 33, 17, 30)),
        R("medial_heel", rect(0, 0, 48, 62)),
        R("lateral_heel", rect(48, 0, FAR, 62)),
        R("lateral_foot", poly((68, 62), (FAR, 62), (FAR, 156), (92, 150))),
        # The ball lies under the metatarsal heads, the arch behind them.
        R("ball_of_foot", rect(0, 147, FAR, FAR)),
        R("arch", rect(0, 0, FAR, FAR)),
    ]
    return _broadened_specs(specs)
