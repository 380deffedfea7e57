"""Two or three referral patterns side by side: where they meet (why the muscles are confused)."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.data.model import Atlas
from explorer.domain.patterns import ESSENTIAL, lit_regions


@dataclass(frozen=True)
class Overlap:
    """An area that two or more of the compared patterns reach, and which of them (by position)."""

    region_id: str
    side: str
    patterns: tuple[int, ...]
    main_in: tuple[int, ...]  # the patterns that have it in their main (essential) zone


def overlaps(atlas: Atlas, items: list[tuple[str, str]]) -> list[Overlap]:
    """Areas reached by at least two of the patterns (essential or spillover), in body order."""
    reached: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for index, (tp_id, side) in enumerate(items):
        for lit in lit_regions(atlas, tp_id, side):
            reached.setdefault((lit.region_id, lit.side), []).append((index, lit.zone))
    out = []
    for (region_id, side), hits in reached.items():
        if len({i for i, _ in hits}) >= 2:
            out.append(Overlap(region_id, side, tuple(sorted({i for i, _ in hits})), tuple(sorted({i for i, z in hits if z == ESSENTIAL}))))
    return sorted(out, key=lambda o: (-len(o.main_in), atlas.regions[o.region_id].label, o.side))
