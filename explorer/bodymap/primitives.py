"""Geometric building blocks for the body map: smooth curves, limb strips and ellipses."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from shapely import affinity
from shapely.geometry import Point, Polygon, box
from shapely.geometry.base import BaseGeometry

Pt = tuple[float, float]


def catmull_rom_closed(points: Sequence[Pt], samples_per_segment: int = 8) -> Polygon:
    """Smooth closed outline through the control points (centripetal-free uniform Catmull-Rom)."""
    pts = list(points)
    count = len(pts)
    out: list[Pt] = []
    for i in range(count):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[(i + 1) % count], pts[(i + 2) % count]
        for step in range(samples_per_segment):
            t = step / samples_per_segment
            out.append(_catmull_point(p0, p1, p2, p3, t))
    return Polygon(out).buffer(0)


def _catmull_point(p0: Pt, p1: Pt, p2: Pt, p3: Pt, t: float) -> Pt:
    t2, t3 = t * t, t * t * t
    return tuple(  # type: ignore[return-value]
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3)
        for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
    )


def ellipse(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0) -> Polygon:
    """Ellipse centred on (cx, cy), rotated by angle degrees."""
    circle = Point(0, 0).buffer(1.0, quad_segs=16)
    shape = affinity.scale(circle, rx, ry, origin=(0, 0))
    shape = affinity.rotate(shape, angle, origin=(0, 0))
    return affinity.translate(shape, cx, cy)


def rect(x0: float, y0: float, x1: float, y1: float) -> Polygon:
    """Axis-aligned rectangle from two corners in any order."""
    return box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def poly(*points: Pt) -> Polygon:
    """Polygon through the given corners, repaired if it self-intersects."""
    return Polygon(points).buffer(0)


def smooth_poly(*points: Pt) -> Polygon:
    """Closed smooth outline through the given control points."""
    return catmull_rom_closed(points)


def capsule(a: Pt, b: Pt, ra: float, rb: float) -> Polygon:
    """Tapered capsule: the convex hull of two circles."""
    return Point(a).buffer(ra, quad_segs=12).union(Point(b).buffer(rb, quad_segs=12)).convex_hull


class Strip:
    """A limb modelled as a band around a polyline spine.

    A point is addressed by (t, s): t in [0, 1] runs along the spine, s in [-1, 1] runs across it
    from the medial edge (-1) to the lateral edge (+1). Patches of (t, s) space tile the strip,
    which is what keeps limb regions free of gaps and overlaps.
    """

    def __init__(
        self,
        spine: Sequence[Pt],
        medial_width: Callable[[float], float],
        lateral_width: Callable[[float], float],
        lateral_sign: float = 1.0,
        samples: int = 60,
    ) -> None:
        self.spine = list(spine)
        self.medial_width = medial_width
        self.lateral_width = lateral_width
        self.lateral_sign = lateral_sign
        self.samples = samples
        lengths = [0.0]
        for p, q in zip(self.spine, self.spine[1:], strict=False):
            lengths.append(lengths[-1] + math.dist(p, q))
        self._cumulative = lengths
        self.length = lengths[-1]

    def t_at_vertex(self, index: int) -> float:
        """Spine parameter of one of the spine's vertices."""
        return self._cumulative[index] / self.length

    def _frame(self, t: float) -> tuple[Pt, Pt]:
        """Point on the spine and the unit normal pointing to the lateral side, blended at joints."""
        target = min(max(t, 0.0), 1.0) * self.length
        seg = 0
        while seg < len(self.spine) - 2 and self._cumulative[seg + 1] < target:
            seg += 1
        p, q = self.spine[seg], self.spine[seg + 1]
        seg_len = self._cumulative[seg + 1] - self._cumulative[seg]
        local = (target - self._cumulative[seg]) / seg_len if seg_len else 0.0
        point = (p[0] + (q[0] - p[0]) * local, p[1] + (q[1] - p[1]) * local)
        tangent = self._blended_tangent(seg, local)
        normal = (tangent[1] * self.lateral_sign, -tangent[0] * self.lateral_sign)
        return point, normal

    def _blended_tangent(self, seg: int, local: float) -> Pt:
        def unit(i: int) -> Pt:
            a, b = self.spine[i], self.spine[i + 1]
            d = math.dist(a, b)
            return ((b[0] - a[0]) / d, (b[1] - a[1]) / d)

        here = unit(seg)
        blend_zone = 0.25
        if local > 1 - blend_zone and seg + 1 < len(self.spine) - 1:
            w = (local - (1 - blend_zone)) / (2 * blend_zone)
            nxt = unit(seg + 1)
            here = (here[0] * (1 - w) + nxt[0] * w, here[1] * (1 - w) + nxt[1] * w)
        elif local < blend_zone and seg > 0:
            w = (blend_zone - local) / (2 * blend_zone)
            prev = unit(seg - 1)
            here = (here[0] * (1 - w) + prev[0] * w, here[1] * (1 - w) + prev[1] * w)
        norm = math.hypot(*here)
        return (here[0] / norm, here[1] / norm)

    def point(self, t: float, s: float) -> Pt:
        """Position of the (t, s) address."""
        (px, py), (nx, ny) = self._frame(t)
        width = self.lateral_width(t) if s >= 0 else self.medial_width(t)
        return (px + nx * s * width, py + ny * s * width)

    def patch(self, t0: float, t1: float, s0: float = -1.0, s1: float = 1.0) -> Polygon:
        """The part of the strip between t0..t1 along and s0..s1 across."""
        n_t = max(2, int(self.samples * (t1 - t0)) + 2)
        n_s = 6
        ts = [t0 + (t1 - t0) * i / (n_t - 1) for i in range(n_t)]
        ss = [s0 + (s1 - s0) * i / (n_s - 1) for i in range(n_s)]
        ring = [self.point(t, s0) for t in ts]
        ring += [self.point(t1, s) for s in ss[1:]]
        ring += [self.point(t, s1) for t in reversed(ts[:-1])]
        ring += [self.point(t0, s) for s in reversed(ss[1:-1])]
        return Polygon(ring).buffer(0)

    def outline(self) -> Polygon:
        """The whole strip."""
        return self.patch(0.0, 1.0)

    def band(self, t0: float, t1: float, s0: float | Callable[[float], float], s1: float | Callable[[float], float]) -> Polygon:
        """Like `patch`, but the edges across may vary along the strip: s0 and s1 are numbers or functions of t."""
        lo = s0 if callable(s0) else (lambda _t, v=s0: v)
        hi = s1 if callable(s1) else (lambda _t, v=s1: v)
        n_t = max(2, int(self.samples * (t1 - t0)) + 2)
        ts = [t0 + (t1 - t0) * i / (n_t - 1) for i in range(n_t)]
        ring = [self.point(t, lo(t)) for t in ts]
        ring += [self.point(t1, lo(t1) + (hi(t1) - lo(t1)) * i / 5) for i in range(1, 6)]
        ring += [self.point(t, hi(t)) for t in reversed(ts[:-1])]
        ring += [self.point(t0, lo(t0) + (hi(t0) - lo(t0)) * i / 5) for i in range(4, 0, -1)]
        return Polygon(ring).buffer(0)


def profile(*stops: tuple[float, float]) -> Callable[[float], float]:
    """Width along a strip, interpolated smoothly (cosine) between (t, width) stops."""
    ordered = sorted(stops)

    def width(t: float) -> float:
        if t <= ordered[0][0]:
            return ordered[0][1]
        for (t0, w0), (t1, w1) in zip(ordered, ordered[1:], strict=False):
            if t <= t1:
                f = (t - t0) / (t1 - t0)
                f = (1 - math.cos(math.pi * f)) / 2
                return w0 + (w1 - w0) * f
        return ordered[-1][1]

    return width


def mirror_x(shape: BaseGeometry) -> BaseGeometry:
    """Reflect across the vertical axis x = 0."""
    return affinity.scale(shape, -1.0, 1.0, origin=(0, 0))
