"""The anatomy of each view: landmarks, silhouettes and the region cuts, in half-body coordinates.

Coordinates: `L` is the distance from the body's midline towards the patient's right side (the
left side is its mirror image), `y` is height. The whole body is eight head heights tall
(y = 0 at the soles, 800 at the vertex): chin at 700, nipples near 600, navel near 480, crotch
near 400, knees near 215, as in the classical canon. The head views use their own units (the
head is about 116 tall, chin at 0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from shapely import affinity
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from explorer.bodymap.primitives import (
    Pt,
    Strip,
    capsule,
    ellipse,
    mirror_x,
    poly,
    profile,
    rect,
    smooth_poly,
)
from explorer.bodymap.tiling import RegionSpec as R

# ---------------------------------------------------------------- face (head and neck from the front)

FACE_HALF_OUTLINE: list[Pt] = [
    (0, 116),
    (22, 113),
    (36, 103),
    (43, 89),
    (45, 73),
    (45, 60),
    (44, 46),
    (41, 32),
    (36, 19),
    (26, 7),
    (14, 0.5),
    (0, -1),
]
FACE_EAR = ellipse(47.5, 52, 5.5, 12)
FACE_CHIN_Y = -1.0


def _symmetric_outline(half: list[Pt]) -> BaseGeometry:
    """Smooth closed outline from one half's control points (top to bottom, L >= 0)."""
    right = [p for p in half if p[0] > 0]
    full = [half[0], *right, half[-1], *[(-x, y) for x, y in reversed(right)]]
    return smooth_poly(*full)


def face_head_outline() -> BaseGeometry:
    """Head seen from the front, ears included."""
    return unary_union([_symmetric_outline(FACE_HALF_OUTLINE), FACE_EAR, mirror_x(FACE_EAR)])


def face_silhouette() -> BaseGeometry:
    """Head and neck from the front."""
    neck = smooth_poly((-21, 14), (21, 14), (22, -18), (27, -36), (36, -48), (-36, -48), (-27, -36), (-22, -18))
    return unary_union([face_head_outline(), neck])


def face_head_specs() -> list[R]:
    """Face regions above the chin, most specific first."""
    return [
        R("behind_eye", ellipse(17, 64, 6.5, 3.8)),
        R("around_eye", ellipse(17, 64, 12, 7.8)),
        R("eyebrow", poly((5, 72.5), (17, 75), (30, 74), (31, 79), (17, 80.5), (6, 77.5))),
        R("nose", poly((0, 72), (4.5, 72), (7, 56), (10.5, 42), (7, 38.5), (0, 38))),
        R("inside_mouth", ellipse(0, 24, 11.5, 2.8)),
        R("upper_teeth", poly((0, 26), (13, 26), (15, 24), (13, 33), (0, 35))),
        R("lower_teeth", poly((0, 21.5), (13, 21.5), (15, 24), (12, 14), (0, 13))),
        R("chin", poly((0, -3), (14, -3), (17, 12), (12, 14), (0, 13))),
        R("tmj", ellipse(41.5, 45, 4, 5)),
        R("ear", FACE_EAR.buffer(0.01)),
        R("angle_of_jaw", ellipse(34.5, 19, 6, 7)),
        R("maxilla", poly((0, 35), (13, 33), (22, 35), (24, 49), (10, 48), (0, 40))),
        R("cheek", poly((20, 35), (40, 38), (46, 50), (44, 57), (27, 56.5), (23, 48))),
        R("lower_jaw", poly((12, -3), (42, 26), (40, 38), (20, 35), (15, 24), (17, 12))),
        R("temple", poly((31, 56), (48, 58), (48, 92), (37, 93), (32, 80))),
        R("vertex", rect(0, 103, 60, 130)),
        R("forehead", rect(0, 76, 40, 103)),
    ]


def face_specs() -> list[R]:
    """All regions of the face view, neck included."""
    return [
        *face_head_specs(),
        R("throat", rect(0, -60, 11, 4)),
        R("side_of_neck", rect(11, -60, 50, 16)),
    ]


# ---------------------------------------------------------------- head and neck from the right side


def lateral_silhouette() -> BaseGeometry:
    """Right side of the head and neck; the face looks towards +x."""
    head = smooth_poly(
        (-4, 116),
        (20, 112),
        (35, 101),
        (43, 86),
        (46, 73),
        (43.5, 64),
        (47, 57),
        (54, 47),
        (51, 42),
        (45.5, 39),
        (46.5, 33),
        (44, 28.5),
        (46, 24),
        (43.5, 17),
        (45, 8),
        (40, 1),
        (29, -1.5),
        (17, 1),
        (11, -6),
        (11, -26),
        (14, -44),
        (20, -56),
        (-40, -56),
        (-34, -40),
        (-28, -18),
        (-31, 0),
        (-40, 14),
        (-50, 36),
        (-54, 62),
        (-48, 88),
        (-32, 106),
    )
    ear = ellipse(-8, 52, 8.5, 13.5, angle=-12)
    return unary_union([head, ear])


LATERAL_EAR = ellipse(-8, 52, 8.5, 13.5, angle=-12)


def lateral_specs() -> list[R]:
    """Regions of the right lateral head view, most specific first (what no spec takes joins a neighbour)."""
    return [
        R("ear", LATERAL_EAR.buffer(0.01)),
        R("around_eye", ellipse(35.5, 64, 7.5, 5.8)),
        R("eyebrow", ellipse(38.5, 73.5, 10.5, 3.3, angle=-6)),
        R("nose", poly((41, 65), (62, 63), (62, 36), (43.5, 37.5), (40, 48))),
        R("tmj", ellipse(5.5, 44, 4.6, 6)),
        R("upper_teeth", poly((27, 26.5), (52, 26.5), (52, 36), (27, 35.5))),
        R("lower_teeth", poly((27, 17), (52, 16), (52, 26.5), (27, 26.5))),
        R("chin", poly((22, -6), (52, -6), (52, 16), (27, 17), (22, 9))),
        R("maxilla", poly((24, 35.5), (52, 36), (44, 47), (28, 49))),
        R("angle_of_jaw", ellipse(3, 13, 7.5, 8)),
        R("mastoid", ellipse(-19, 33, 7.5, 8)),
        R("lower_jaw", poly((8, 2), (22, -6), (27, 17), (27, 36), (10, 38), (9, 22))),
        R("side_of_neck", poly((-25, 27), (-13, 27), (0, 2), (16, -58), (-2, -58))),
        R("angle_of_neck", poly((-60, -60), (6, -60), (0, -44), (-50, -44))),
        R("suboccipital", poly((-60, -2), (-10, -2), (-10, 18), (-60, 18))),
        R("throat", rect(4, -70, 40, 6)),
        R("posterior_neck", rect(-60, -60, -21, 0)),
        R("posterolateral_neck", rect(-21, -60, 0, 0)),
        R("side_of_neck", seed=(4, -8)),
        R("cheek", seed=(22, 47)),
        R("temple", seed=(9, 71)),
        R("above_ear", seed=(-17, 80)),
        R("forehead", seed=(38, 93)),
        R("vertex", seed=(-8, 111)),
        R("occiput", seed=(-40, 52)),
    ]


# ---------------------------------------------------------------- whole body (front and back)

FACE_TO_BODY_SCALE = 100.0 / (FACE_HALF_OUTLINE[0][1] - FACE_CHIN_Y)
CHIN_Y = 700.0


def face_to_body(shape: BaseGeometry) -> BaseGeometry:
    """Place a face-view shape on the whole-body views' head."""
    scaled = affinity.scale(shape, FACE_TO_BODY_SCALE, FACE_TO_BODY_SCALE, origin=(0, FACE_CHIN_Y))
    return affinity.translate(scaled, 0, CHIN_Y - FACE_CHIN_Y).buffer(0)


@dataclass(frozen=True)
class Limb:
    """A limb strip and where its segments meet (as spine parameters)."""

    strip: Strip
    joint_t: float


def arm() -> Limb:
    """Right arm from shoulder joint to wrist, slightly away from the trunk."""
    spine = [(84.0, 640.0), (120.0, 505.0), (142.0, 400.0)]
    strip = Strip(
        spine,
        medial_width=profile((0, 18), (0.3, 14), (0.5, 12.5), (0.57, 12), (0.63, 13.5), (0.8, 11), (1, 8.8)),
        lateral_width=profile((0, 19), (0.12, 19), (0.3, 15), (0.5, 13.5), (0.57, 13), (0.63, 14.8), (0.75, 13), (1, 9.6)),
        lateral_sign=-1.0,
    )
    return Limb(strip, strip.t_at_vertex(1))


def leg() -> Limb:
    """Right leg from hip joint to ankle."""
    spine = [(44.0, 420.0), (41.0, 215.0), (40.0, 45.0)]
    strip = Strip(
        spine,
        medial_width=profile((0, 42), (0.12, 36), (0.3, 29), (0.5, 21.5), (0.55, 21), (0.61, 22), (0.7, 24), (0.85, 15.5), (1, 10.5)),
        lateral_width=profile((0, 40), (0.15, 37), (0.35, 31), (0.5, 24.5), (0.55, 23), (0.61, 23.5), (0.68, 26), (0.85, 17), (1, 11)),
        lateral_sign=-1.0,
    )
    return Limb(strip, strip.t_at_vertex(1))


class LocalFrame:
    """Local (u across, w along) coordinates of a hand or foot, placed on the body."""

    def __init__(self, origin: Pt, direction: Pt) -> None:
        norm = math.hypot(*direction)
        self.origin = origin
        self.along = (direction[0] / norm, direction[1] / norm)
        self.across = (-self.along[1], self.along[0])
        if self.across[0] < 0:
            self.across = (-self.across[0], -self.across[1])

    def place(self, shape: BaseGeometry) -> BaseGeometry:
        """Move a shape from local to body coordinates (u lateral, w distal)."""
        a, b = self.across, self.along
        matrix = [a[0], b[0], a[1], b[1], self.origin[0], self.origin[1]]
        return affinity.affine_transform(shape, matrix)


HAND = LocalFrame((142.0, 400.0), (0.12, -0.993))
FOOT = LocalFrame((40.0, 45.0), (0.22, -0.975))

FINGERS = {
    "index_finger": ((9.2, 40.0), (11.5, 70.0), 3.3, 2.9),
    "middle_finger": ((2.8, 40.0), (3.4, 74.0), 3.3, 2.9),
    "ring_finger": ((-3.6, 40.0), (-4.8, 71.0), 3.2, 2.8),
    "little_finger": ((-9.8, 38.0), (-12.5, 62.0), 3.0, 2.6),
}
THUMB = ((12.0, 14.0), (25.0, 36.0), 4.6, 3.5)


def _hand_local_outline() -> BaseGeometry:
    palm = smooth_poly((-9, -3), (9, -3), (13.5, 10), (14.5, 28), (12.5, 41), (0, 43.5), (-12.5, 40.5), (-14.5, 27), (-12, 8))
    fingers = [capsule(a, b, ra, rb) for a, b, ra, rb in FINGERS.values()]
    thumb = capsule(*THUMB)
    return unary_union([palm, thumb, *fingers])


def _finger_specs() -> list[R]:
    specs = [R("thumb", HAND.place(capsule((17.5, 22.0), THUMB[1], 5.2, 3.6)))]
    for name, (a, b, ra, rb) in FINGERS.items():
        base = (a[0], a[1] + 2.0)
        specs.append(R(name, HAND.place(capsule(base, b, ra + 0.4, rb + 0.2))))
    return specs


def _foot_local_outline() -> BaseGeometry:
    return smooth_poly(
        (-10.5, -5),
        (10.5, -5),
        (12.5, 10),
        (15.5, 36),
        (15.5, 48),
        (10, 62),
        (0, 70),
        (-8, 72),
        (-14.5, 64),
        (-15.5, 48),
        (-13.5, 22),
    )


# The deltoid caps the shoulder; its front, side and back thirds are regions of their own.
DELTOID = ellipse(89, 631, 14.5, 25, angle=-12)
DELTOID_SPLIT_L = 93.0


def body_silhouette() -> BaseGeometry:
    """Both halves of the whole body, the same outline for the front and the back view."""
    torso_half: list[Pt] = [
        (0, 712),
        (19, 712),
        (20, 692),
        (24, 678),
        (40, 669),
        (62, 663),
        (81, 656),
        (93, 646),
        (98, 630),
        (96, 612),
        (84, 600),
        (78, 585),
        (75, 560),
        (70, 535),
        (64.5, 510),
        (63, 490),
        (66.5, 470),
        (74, 452),
        (81, 432),
        (84, 414),
        (80, 400),
        (52, 394),
        (20, 393),
        (0, 392),
    ]
    torso = _symmetric_outline(torso_half)
    right = unary_union([arm().strip.outline(), leg().strip.outline()])
    right = unary_union([right, DELTOID])
    core = unary_union([torso, right, mirror_x(right)]).buffer(3, quad_segs=8).buffer(-3, quad_segs=8)
    extremities = unary_union([HAND.place(_hand_local_outline()), FOOT.place(_foot_local_outline())])
    head = face_to_body(face_head_outline())
    return unary_union([core, extremities, mirror_x(extremities), head])


def body_face_claims() -> dict[str, BaseGeometry]:
    """Face regions placed on the front view's head (right half), fixed before the body is cut."""
    from explorer.bodymap.tiling import tile

    half = face_head_outline().intersection(rect(0, -10, 80, 130))
    regions = tile(half, face_head_specs())
    return {rid: face_to_body(shape) for rid, shape in regions.items()}


def _arm_specs(front: bool) -> list[R]:
    limb = arm()
    s, te = limb.strip, limb.joint_t
    upper = "front_of_arm" if front else "back_of_arm"
    elbow_mid = "front_of_elbow" if front else "olecranon"
    forearm_mid = "front_of_forearm" if front else "back_of_forearm"
    wrist_mid = "front_of_wrist" if front else "back_of_wrist"
    wrist_end = HAND.place(rect(-20, -12, 20, 1.5))
    wrist_t = 0.93
    return [
        R("ulnar_wrist", s.patch(wrist_t, 1, -1, -0.4).union(wrist_end.intersection(HAND.place(rect(-20, -12, -5.5, 2))))),
        R("radial_wrist", s.patch(wrist_t, 1, 0.4, 1).union(wrist_end.intersection(HAND.place(rect(5.5, -12, 20, 2))))),
        R(wrist_mid, s.patch(wrist_t, 1, -0.4, 0.4).union(wrist_end)),
        R("medial_epicondyle", s.patch(te - 0.07, te + 0.06, -1, -0.45)),
        R("lateral_epicondyle", s.patch(te - 0.07, te + 0.06, 0.45, 1)),
        R(elbow_mid, s.patch(te - 0.07, te + 0.06, -0.45, 0.45)),
        R("medial_arm", s.patch(0, te - 0.07, -1, -0.45)),
        R("lateral_arm", s.patch(0, te - 0.07, 0.5, 1)),
        R(upper, s.patch(0, te - 0.07, -0.45, 0.5)),
        R("ulnar_forearm", s.patch(te + 0.06, wrist_t, -1, -0.45)),
        R("radial_forearm", s.patch(te + 0.06, wrist_t, 0.45, 1)),
        R(forearm_mid, s.patch(te + 0.06, wrist_t, -0.45, 0.45)),
    ]


def _hand_specs(front: bool) -> list[R]:
    place = HAND.place
    common = [R("base_of_thumb", place(ellipse(11.5, 6.5, 6.2, 6.2))), *_finger_specs()]
    if front:
        return [
            *common,
            R("thenar_eminence", place(ellipse(7, 18, 7.5, 11))),
            R("hypothenar_eminence", place(ellipse(-8.5, 20, 6.2, 13))),
            R("palm", place(rect(-20, -5, 20, 50))),
        ]
    return [
        *common,
        R("thumb_web", place(poly((7, 21), (15, 17), (21, 33), (13, 42), (7.5, 38)))),
        R("back_of_hand", place(rect(-20, -5, 20, 50))),
    ]


def _leg_specs(front: bool) -> list[R]:
    limb = leg()
    s, tk = limb.strip, limb.joint_t
    knee0, knee1, ankle0 = tk - 0.06, tk + 0.055, 0.9
    if front:
        return [
            R("medial_ankle", s.patch(ankle0, 1, -1, -0.4)),
            R("lateral_ankle", s.patch(ankle0, 1, 0.4, 1)),
            R("front_of_ankle", s.patch(ankle0, 1, -0.4, 0.4).union(FOOT.place(rect(-9, -8, 9, 3)))),
            R("medial_knee", s.patch(knee0, knee1, -1, -0.5)),
            R("lateral_knee", s.patch(knee0, knee1, 0.5, 1)),
            R("front_of_knee", s.patch(knee0, knee1, -0.5, 0.5)),
            R("inner_thigh", s.patch(0, knee0, -1, -0.45)),
            R("lateral_thigh", s.patch(0, knee0, 0.55, 1)),
            R("upper_front_of_thigh", s.patch(0, 0.2, -0.45, 0.55)),
            R("mid_front_of_thigh", s.patch(0.2, 0.36, -0.45, 0.55)),
            R("lower_front_of_thigh", s.patch(0.36, knee0, -0.45, 0.55)),
            R("lateral_leg", s.patch(knee1, ankle0, 0.3, 1)),
            R("shin", s.patch(knee1, ankle0, -1, 0.3)),
        ]
    return [
        R("medial_ankle", s.patch(ankle0, 1, -1, -0.4)),
        R("lateral_ankle", s.patch(ankle0, 1, 0.4, 1)),
        R("achilles", s.patch(ankle0, 1, -0.4, 0.4)),
        R("medial_knee", s.patch(knee0, knee1, -1, -0.55)),
        R("lateral_knee", s.patch(knee0, knee1, 0.55, 1)),
        R("back_of_knee", s.patch(knee0, knee1, -0.55, 0.55)),
        R("inner_thigh", s.patch(0, knee0, -1, -0.55)),
        R("lateral_thigh", s.patch(0, knee0, 0.6, 1)),
        R("back_of_thigh", s.patch(0, knee0, -0.55, 0.6)),
        R("lateral_leg", s.patch(knee1, ankle0, 0.45, 1)),
        R("upper_calf", s.patch(knee1, 0.76, -1, 0.45)),
        R("lower_calf", s.patch(0.76, ankle0, -1, 0.45)),
    ]


def _foot_specs(front: bool) -> list[R]:
    place = FOOT.place
    toes = [
        R("great_toe", place(ellipse(-8.5, 62, 7, 10.5))),
        R("lesser_toes", place(poly((-2, 53), (17, 46), (14, 64), (4, 74), (-2, 72)))),
    ]
    if front:
        return [
            *toes,
            R("first_metatarsal_head", place(ellipse(-12, 47, 4.8, 5.2))),
            R("lateral_foot", place(poly((9.5, 6), (22, 6), (22, 47), (11.5, 47)))),
            R("top_of_foot", place(rect(-20, -10, 22, 60))),
        ]
    return [
        R("back_of_heel", place(rect(-16, -10, 16, 3.5))),
        *toes,
        R("first_metatarsal_head", place(ellipse(-11, 47, 5.2, 6))),
        R("fifth_metatarsal_head", place(ellipse(11.5, 44, 4.5, 5))),
        R("plantar_heel", place(ellipse(0, 13, 8.5, 10))),
        R("medial_heel", place(rect(-20, 3.5, -4, 24))),
        R("lateral_heel", place(rect(4, 3.5, 20, 24))),
        R("ball_of_foot", place(poly((-9, 39), (12, 37), (12, 53), (-9, 53)))),
        R("arch", place(poly((-20, 24), (1.5, 24), (1.5, 39), (-20, 42)))),
        R("lateral_foot", place(rect(1.5, 20, 22, 44))),
    ]


def body_front_specs() -> list[R]:
    """Regions of the front view below the face, most specific first."""
    return [
        R("upper_sternum", poly((0, 620), (13, 622), (15, 666), (0, 666)), midline=True),
        R("sternum", rect(0, 548, 11, 620), midline=True),
        R("epigastric", poly((0, 548), (11, 548), (22, 522), (20, 505), (0, 505)), midline=True),
        R("periumbilical", ellipse(0, 480, 16, 15), midline=True),
        R("intrapelvic", ellipse(0, 421, 9, 8), midline=True),
        R("suprapubic", rect(0, 404, 26, 441), midline=True),
        R("throat", rect(0, 672, 11, 712)),
        R("side_of_neck", rect(11, 672, 28, 712)),
        R("acromion", ellipse(88, 650, 10, 7)),
        R("clavicle", poly((13, 659), (82, 653), (82, 645), (14, 651))),
        R("angle_of_neck", rect(15, 658, 84, 690)),
        R("lateral_shoulder", DELTOID.buffer(2).intersection(rect(DELTOID_SPLIT_L, 560, 130, 700))),
        R("front_of_shoulder", DELTOID.union(ellipse(80, 630, 9, 18)).intersection(rect(60, 560, DELTOID_SPLIT_L, 700))),
        R("armpit", poly((70, 607), (95, 607), (90, 584), (74, 584))),
        R("breast", ellipse(40, 583, 26, 29)),
        R("upper_chest", rect(11, 600, 80, 660)),
        R("side_of_chest", rect(60, 530, 100, 600)),
        R("lower_ribs_front", poly((11, 547), (30, 541), (64, 520), (64, 507), (30, 529), (11, 535))),
        R("upper_abdomen", rect(0, 488, 70, 548)),
        R("flank", rect(55, 445, 100, 530)),
        R("greater_trochanter", rect(74, 378, 130, 447)),
        R("groin", poly((9, 398), (21, 397), (68, 441), (60, 451))),
        R("front_of_hip", poly((38, 384), (78, 384), (78, 445), (64, 445))),
        R("lower_abdominal_quadrant", rect(0, 441, 60, 490)),
        R("genitals", rect(0, 380, 12, 404)),
        *_arm_specs(front=True),
        *_hand_specs(front=True),
        *_leg_specs(front=True),
        *_foot_specs(front=True),
    ]


def body_back_specs() -> list[R]:
    """Regions of the back view, most specific first."""
    ear = face_to_body(FACE_EAR)
    return [
        R("sacrum", poly((0, 418), (10, 418), (20, 462), (0, 462)), midline=True),
        R("coccyx", poly((0, 401), (4, 401), (10, 418), (0, 418)), midline=True),
        R("anal_region", rect(0, 386, 4.5, 401), midline=True),
        R("ear", ear.buffer(0.01)),
        R("vertex", rect(0, 786, 60, 830)),
        R("mastoid", ellipse(31, 714, 6.5, 8.5)),
        R("suboccipital", rect(0, 699, 27, 714)),
        R("occiput", rect(0, 714, 60, 786)),
        R("posterior_neck", rect(0, 675, 8.5, 699)),
        R("posterolateral_neck", rect(8.5, 672, 30, 699)),
        R("acromion", ellipse(88, 650, 10, 7)),
        R("angle_of_neck", poly((18, 662), (46, 662), (46, 680), (22, 690))),
        R("lateral_shoulder", DELTOID.buffer(2).intersection(rect(DELTOID_SPLIT_L, 560, 130, 700))),
        R("back_of_shoulder", DELTOID.union(ellipse(80, 625, 9, 18)).intersection(rect(60, 560, DELTOID_SPLIT_L, 700))),
        R("suprascapular", poly((18, 670), (84, 658), (84, 637), (32, 640))),
        R("medial_border_of_scapula", poly((31, 637), (39, 637), (51, 566), (44, 562))),
        R("inferior_angle_of_scapula", ellipse(52, 557, 8, 8)),
        R("scapula", poly((39, 640), (80, 640), (73, 598), (55, 562), (47, 566))),
        R("interscapular", rect(0, 572, 40, 665)),
        R("side_of_chest", rect(62, 525, 100, 600)),
        R("mid_back", rect(0, 525, 64, 585)),
        R("lower_thoracic_back", rect(0, 490, 66, 525)),
        R("iliac_crest", poly((22, 443), (50, 451), (80, 442), (82, 455), (50, 463), (20, 454))),
        R("sacroiliac", ellipse(17, 437, 7, 11)),
        R("flank", rect(57, 455, 100, 525)),
        R("low_back", rect(0, 455, 64, 490)),
        R("gluteal_cleft", poly((0, 386), (9, 386), (13, 432), (0, 432))),
        R("greater_trochanter", rect(77, 378, 130, 432)),
        R("upper_buttock", rect(13, 422, 82, 447)),
        R("posterior_hip", ellipse(63, 405, 7.5, 10)),
        R("lateral_buttock", rect(66, 380, 130, 425)),
        R("lower_buttock", rect(5, 366, 72, 393)),
        R("mid_buttock", rect(5, 385, 72, 425)),
        *_arm_specs(front=False),
        *_hand_specs(front=False),
        *_leg_specs(front=False),
        *_foot_specs(front=False),
    ]
