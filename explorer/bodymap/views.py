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

# Profile of the head and neck seen from the right, the face towards +x (same units as the face view:
# chin at 0, vertex at 116). Front: forehead, brow ridge, the dip at the root of the nose, nose, lips,
# chin and the line under the jaw to the throat; back: the skull's curve to the occiput and the nape.
LATERAL_PROFILE: list[Pt] = [
    (-8, 116),
    (10, 114.5),
    (25, 109.5),
    (36, 101),
    (42.5, 90),
    (45.5, 80),
    (47, 74.5),
    (45.3, 69.5),
    (46.5, 64.5),
    (50, 56),
    (54.2, 48.5),
    (56.8, 44),
    (56, 40.8),
    (52, 39.2),
    (48.2, 38.2),
    (48.6, 34.5),
    (51, 30.5),
    (50, 27.8),
    (47.6, 26.2),
    (49.6, 23.8),
    (49.2, 20),
    (45.6, 15.5),
    (45.4, 12.5),
    (47.3, 7.5),
    (46, 2.5),
    (41, -0.8),
    (32, -2.8),
    (23, -5),
    (16.5, -9),
    (14, -15.5),
    (14.5, -24),
    (14.6, -37),
    (17.5, -50),
    (23, -60),
    (0, -61.5),
    (-25, -61.5),
    (-46, -60),
    (-40.5, -48),
    (-36, -33),
    (-34, -17),
    (-34.6, -3),
    (-37.2, 9),
    (-42, 20),
    (-48, 31),
    (-52.6, 43),
    (-54.6, 57),
    (-53.6, 71),
    (-49.5, 85),
    (-41, 98),
    (-28, 109),
]
# The ear stands behind the jaw joint, between the levels of the brow and the base of the nose, its top
# leaning back; the rim is rounder above and narrows to the lobe.
LATERAL_EAR = affinity.translate(
    affinity.rotate(
        smooth_poly(
            (-1, 17.5),
            (4.5, 15.5),
            (6.5, 8),
            (7.2, 0.5),
            (5.8, -6.5),
            (4.2, -12),
            (1.5, -16.5),
            (-2.5, -17.5),
            (-5.5, -14.5),
            (-7.5, -9),
            (-9, -2),
            (-9.5, 6),
            (-7, 14),
        ),
        14,
        origin=(0, 0),
    ),
    -12,
    55,
)
# The jaw joint just in front of the ear (the hollow in front of the tragus is part of it), the angle
# of the jaw below it and the mastoid behind the lobe.
LATERAL_TMJ = unary_union([ellipse(4.5, 45, 5, 6.5), ellipse(-0.5, 45.5, 5, 5.5)])
LATERAL_JAW_ANGLE = ellipse(2, 15, 7.5, 7.5)
LATERAL_MASTOID = ellipse(-22, 35.5, 6.5, 8)


def lateral_silhouette() -> BaseGeometry:
    """Right side of the head and neck; the face looks towards +x."""
    return unary_union([smooth_poly(*LATERAL_PROFILE), LATERAL_EAR])


def lateral_specs() -> list[R]:
    """Regions of the right lateral head view, most specific first (what no spec takes joins a neighbour)."""
    # The line of the jaw, from the angle forward to the chin, separates the face from the neck.
    jaw_line = [(-40, 26), (-6, 20), (-2, 8.5), (5, 4.5), (18, 0.5), (30, -2), (42, -2.5), (70, -3)]
    below_jaw = poly(*jaw_line, (70, -80), (-40, -80))
    # The sternocleidomastoid runs from the mastoid down and forward to the front of the base of the neck.
    scm_front = [(-10, 30), (-2, 9), (6, -14), (14, -40), (22, -70)]
    scm_back = [(-30, 30), (-22, 14), (-16, -12), (-10, -40), (-5, -70)]
    return [
        R("ear", LATERAL_EAR.buffer(0.01)),
        R("mastoid", LATERAL_MASTOID),
        R("tmj", LATERAL_TMJ),
        R("around_eye", ellipse(38.5, 64.5, 7.5, 6)),
        R("eyebrow", ellipse(39.5, 74.5, 10, 3.4, angle=-4)),
        R(
            "nose",
            poly((45, 69.5), (62, 69.5), (62, 38), (48.2, 38.2), (46.2, 42), (44.2, 52), (43.6, 62)).union(ellipse(49.5, 42.5, 4.2, 3.6)),
        ),
        R("angle_of_jaw", LATERAL_JAW_ANGLE.difference(below_jaw)),
        R("upper_teeth", poly((31, 26.2), (60, 26.2), (60, 38.2), (48.2, 38.2), (31, 36.5))),
        R("lower_teeth", poly((31, 15.5), (60, 15.5), (60, 26.2), (31, 26.2))),
        R("chin", poly((28, 15.5), (60, 15.5), (60, -10), (28, -10))),
        R("maxilla", poly((28, 36.5), (48.2, 38.2), (46.2, 42), (44, 49.5), (31, 50), (27, 44))),
        R("lower_jaw", poly((8, 4.5), (28, -4), (31, 15.5), (31, 22), (20, 21), (8, 22)).difference(below_jaw)),
        R("cheek", poly((-1, 30), (8, 22), (20, 21), (31, 22), (31, 36.5), (27, 44), (31, 50), (33, 53.5), (12, 53.5), (1, 52), (-2, 40))),
        R("throat", poly(*scm_front, (70, -70), (70, 0)).intersection(below_jaw)),
        R("side_of_neck", poly(*scm_front, *reversed(scm_back)).intersection(below_jaw.union(rect(-40, -80, 2, 32)))),
        R("angle_of_neck", poly((-70, -70), (-5, -70), (-7, -56), (-42, -50), (-70, -48))),
        R("suboccipital", smooth_poly((-46, 29), (-30, 30), (-23, 22), (-24, 10), (-36, 6), (-45, 13))),
        R("posterior_neck", poly((-70, 14), (-35, 6), (-28, -20), (-26, -60), (-70, -60))),
        R("posterolateral_neck", poly(*scm_back, (-40, -70), (-40, 26))),
        # The skull: forehead in front above the brow, the temple above the cheekbone in front of the ear,
        # the area above the ear, the occiput behind, and the vertex on top.
        R("vertex", smooth_poly((-52, 92), (-34, 100), (-12, 103.5), (10, 103), (28, 99.5), (40, 112), (0, 130), (-50, 118))),
        R("forehead", poly((60, 120), (28, 99.5), (24.5, 92), (27.5, 83), (32.5, 77.5), (40, 77), (60, 77))),
        R(
            "temple",
            poly(
                (33, 53.5), (34, 61), (32.5, 77.5), (27.5, 83), (24.5, 92), (28, 99.5), (10, 103), (-2, 101), (-3, 70), (1, 52), (12, 53.5)
            ),
        ),
        R("above_ear", poly((-2, 101), (10, 103), (-12, 103.5), (-34, 100), (-32, 84), (-25, 73), (-14, 71), (-3, 70))),
        R("occiput", rect(-80, 20, -10, 110)),
        R("cheek", seed=(15, 35)),
        R("temple", seed=(15, 70)),
        R("occiput", seed=(-40, 60)),
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


# The shoulder: a sloping trapezius line runs from the side of the neck down to the acromion, and the
# deltoid caps the shoulder joint with a rounded outline that ends at its insertion halfway down the arm.
TRAPEZIUS_LINE: list[Pt] = [(20, 700), (21, 692), (23.5, 684), (29, 678), (38, 673), (50, 668.5), (63, 664.5), (76, 660.5), (86, 656.5)]
DELTOID = smooth_poly(
    (78, 657.5),
    (88, 658.5),
    (96.5, 655.5),
    (103.5, 649.5),
    (109, 640),
    (112.5, 629),
    (113.5, 617),
    (113, 605),
    (113.3, 592),
    (113.6, 581),
    (109, 576),
    (104, 585),
    (96, 598),
    (88, 612),
    (81, 627),
    (76.5, 641),
    (75.5, 651),
)
# The middle (lateral) third of the deltoid, seen at the edge of the cap on the front and back views.
DELTOID_LATERAL = poly((92, 670), (140, 670), (140, 560), (113, 560), (104.5, 598), (97.5, 628), (93, 650))
ACROMION = ellipse(89, 653.5, 8.5, 4.8, angle=-8)
# The hollow of the armpit, where the arm meets the side of the chest.
AXILLA = smooth_poly((72, 603), (80, 608), (90, 607), (95, 597), (93, 586), (84, 582), (76, 584))


def torso_outline() -> BaseGeometry:
    """Neck, trunk and pelvis without the limbs (both halves)."""
    torso_half: list[Pt] = [
        (0, 712),
        (19, 712),
        *TRAPEZIUS_LINE,
        (92, 648),
        (93, 632),
        (89, 612),
        (82, 598),
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
    return _symmetric_outline(torso_half)


def body_silhouette() -> BaseGeometry:
    """Both halves of the whole body, the same outline for the front and the back view."""
    right = unary_union([arm().strip.outline(), leg().strip.outline(), DELTOID])
    core = unary_union([torso_outline(), right, mirror_x(right)]).buffer(3, quad_segs=8).buffer(-3, quad_segs=8)
    extremities = unary_union([HAND.place(_hand_local_outline()), FOOT.place(_foot_local_outline())])
    head = face_to_body(face_head_outline())
    return unary_union([core, extremities, mirror_x(extremities), head])


def free_arm(front: bool) -> BaseGeometry:
    """The right arm and hand where they hang clear of the trunk and the shoulder cap (trunk regions stop here).

    On the front the armpit region takes the hollow where the arm meets the chest.
    """
    limb = unary_union([arm().strip.outline(), HAND.place(_hand_local_outline())])
    trunk = [torso_outline(), DELTOID, AXILLA] if front else [torso_outline(), DELTOID]
    return limb.difference(unary_union(trunk)).buffer(0)


def _trunk_only(specs: list[R], front: bool) -> list[R]:
    """Keep trunk regions off the hanging arm: a rectangle drawn for the hip must not reach the wrist."""
    arm_zone = free_arm(front)
    return [R(s.region_id, s.shape.difference(arm_zone) if s.shape is not None else None, s.midline, s.seed) for s in specs]


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
        # The hamstrings fill the back of the thigh and narrow into the back of the knee.
        R(
            "back_of_thigh",
            s.band(0, knee0, profile((0, -0.66), (0.25, -0.64), (knee0, -0.55)), profile((0, 0.72), (0.3, 0.7), (knee0, 0.55))),
        ),
        R("inner_thigh", s.patch(0, knee0, -1, -0.5)),
        R("lateral_thigh", s.patch(0, knee0, 0.5, 1)),
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
    trunk = [
        R("upper_sternum", poly((0, 620), (13, 622), (15, 666), (0, 666)), midline=True),
        R("sternum", rect(0, 548, 11, 620), midline=True),
        R("epigastric", poly((0, 548), (11, 548), (22, 522), (20, 505), (0, 505)), midline=True),
        R("periumbilical", ellipse(0, 480, 16, 15), midline=True),
        R("intrapelvic", ellipse(0, 421, 9, 8), midline=True),
        R("suprapubic", rect(0, 404, 26, 441), midline=True),
        R("throat", rect(0, 672, 11, 712)),
        R("side_of_neck", rect(11, 672, 30, 712)),
        R("acromion", ACROMION),
        R("lateral_shoulder", DELTOID.intersection(DELTOID_LATERAL)),
        R("front_of_shoulder", DELTOID.union(ellipse(80, 628, 8, 17))),
        R(
            "clavicle",
            smooth_poly((13, 652), (30, 652.5), (50, 650), (68, 649), (84, 651), (84, 656), (68, 655.5), (50, 656.5), (30, 659), (13, 659)),
        ),
        R("angle_of_neck", rect(11, 655, 100, 712)),
        R("armpit", AXILLA),
        R("breast", ellipse(40, 583, 26, 29)),
        R("upper_chest", rect(11, 600, 82, 660)),
        R("side_of_chest", rect(60, 530, 100, 612)),
        R("lower_ribs_front", poly((11, 547), (30, 541), (64, 520), (64, 507), (30, 529), (11, 535))),
        R("upper_abdomen", rect(0, 488, 70, 548)),
        R("flank", rect(55, 445, 100, 530)),
        # The outer hip: a lens along the side of the pelvis over the greater trochanter.
        R("greater_trochanter", ellipse(86.5, 414, 12, 22)),
        R("groin", poly((9, 398), (21, 397), (68, 441), (60, 451))),
        R("front_of_hip", poly((38, 384), (80, 384), (80, 445), (64, 445))),
        R("lower_abdominal_quadrant", rect(0, 441, 60, 490)),
        R("genitals", rect(0, 380, 12, 404)),
    ]
    return [
        *_trunk_only(trunk, front=True),
        *_arm_specs(front=True),
        *_hand_specs(front=True),
        *_leg_specs(front=True),
        *_foot_specs(front=True),
    ]


# The buttock seen from behind: the rounded mass of gluteus maximus between the gluteal cleft and the
# hollow behind the greater trochanter; its lower edge is the gluteal fold, lowest under the sit bone.
GLUTEAL_MASS = smooth_poly(
    (3, 430),
    (14, 440),
    (28, 444.5),
    (44, 442),
    (58, 435),
    (68, 425),
    (74, 412),
    (75, 400),
    (71, 391),
    (62, 384.5),
    (48, 380),
    (32, 378.5),
    (18, 381),
    (8, 386),
    (3, 394),
    (1, 410),
)


def body_back_specs() -> list[R]:
    """Regions of the back view, most specific first."""
    ear = face_to_body(FACE_EAR)
    mass = GLUTEAL_MASS
    trunk = [
        R("sacrum", poly((0, 421), (11, 421), (20, 462), (0, 462)), midline=True),
        R("coccyx", poly((0, 405), (4.5, 405), (11, 421), (0, 421)), midline=True),
        R("anal_region", smooth_poly((0, 401.5), (3.5, 401), (4.6, 396.5), (4.2, 391), (0, 389)), midline=True),
        R("ear", ear.buffer(0.01)),
        R("vertex", rect(0, 786, 60, 830)),
        R("mastoid", ellipse(31, 714, 6.5, 8.5)),
        R("suboccipital", rect(0, 699, 27, 714)),
        R("occiput", rect(0, 714, 60, 786)),
        R("posterior_neck", rect(0, 675, 8.5, 699)),
        R("posterolateral_neck", rect(8.5, 676, 40, 699)),
        R("acromion", ACROMION),
        R("lateral_shoulder", DELTOID.intersection(DELTOID_LATERAL)),
        R("back_of_shoulder", DELTOID.union(ellipse(80, 625, 8, 17))),
        # Where the neck meets the shoulders, under the slope of the upper trapezius.
        R("angle_of_neck", poly((8.5, 676), (8.5, 671), (17, 661), (41, 660), (44, 680), (30, 682))),
        # Above the spine of the scapula, which rises from the inner border to the acromion.
        R("suprascapular", poly((24, 674), (100, 674), (100, 652), (84, 650.5), (39, 637), (31, 639), (24, 646))),
        R("medial_border_of_scapula", poly((31, 639), (39, 637), (51, 566), (44, 562))),
        R("inferior_angle_of_scapula", ellipse(52, 557, 8, 8)),
        R("scapula", poly((39, 637), (84, 650.5), (82, 628), (73, 598), (57, 563), (47, 566))),
        R("interscapular", rect(0, 572, 40, 665)),
        R("side_of_chest", rect(62, 525, 100, 615)),
        R("mid_back", rect(0, 525, 64, 585)),
        R("lower_thoracic_back", rect(0, 490, 66, 525)),
        R(
            "iliac_crest",
            smooth_poly((20, 452), (36, 460), (55, 463.5), (72, 461), (88, 455), (88, 446), (72, 452), (55, 454.5), (36, 451), (22, 444)),
        ),
        R("sacroiliac", ellipse(17, 437, 7, 11)),
        R("flank", rect(57, 455, 100, 525)),
        R("low_back", rect(0, 455, 64, 490)),
        # The inner edge of each buttock beside the cleft, from the tailbone down to the fold.
        R("gluteal_cleft", smooth_poly((0, 425), (6.5, 424), (11, 415), (12.5, 404), (11.5, 393), (7.5, 385.5), (0, 383))),
        R("greater_trochanter", ellipse(87, 411, 12.5, 19)),
        R("posterior_hip", ellipse(63.5, 404, 7, 9.5)),
        # Sit bone: a crescent along the gluteal fold.
        R(
            "lower_buttock",
            mass.intersection(
                smooth_poly((-10, 402), (12, 398.5), (30, 397), (48, 396), (62, 393.5), (74, 388), (95, 370), (40, 330), (-10, 360))
            ),
        ),
        # Outer buttock: the lateral rim of the mass and the side of the pelvis above the trochanter.
        R(
            "lateral_buttock",
            smooth_poly((66, 470), (100, 470), (100, 392), (72, 392), (66, 398), (61, 410), (59, 424), (59.5, 437), (62, 449)),
        ),
        # Upper buttock: below the iliac crest, over gluteus medius and the top of gluteus maximus.
        R("upper_buttock", mass.difference(affinity.translate(mass, 0, -19)).union(rect(0, 415, 100, 462).difference(mass))),
        R("mid_buttock", mass),
    ]
    return [
        *_trunk_only(trunk, front=False),
        *_arm_specs(front=False),
        *_hand_specs(front=False),
        *_leg_specs(front=False),
        *_foot_specs(front=False),
    ]
