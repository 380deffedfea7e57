"""Which regions light up, on which side, when a trigger point is selected."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.data.model import BOTH, LEFT, MIDLINE, RIGHT, SIDES, Atlas, Referral, TriggerPoint, other_side

ESSENTIAL, SPILLOVER = "essential", "spillover"
ZONE_RANK = {ESSENTIAL: 2, SPILLOVER: 1}


def region_key(region_id: str, side: str) -> str:
    """'temple.r', 'temple.l', or 'sacrum' for a midline region: how a marked area is written everywhere."""
    return region_id if side == MIDLINE else f"{region_id}.{side[0]}"


@dataclass(frozen=True, order=True)
class LitRegion:
    """A region on one side of the body that a pattern reaches, and how strongly."""

    region_id: str
    side: str  # right | left | midline
    zone: str
    confidence: str


def sides_reached(referral: Referral, trigger_side: str, region_sided: bool) -> tuple[str, ...]:
    """Body sides a referral row reaches from a trigger point on `trigger_side`."""
    if not region_sided:
        return (MIDLINE,)
    if referral.laterality == "bilateral":
        return (RIGHT, LEFT)
    if referral.laterality == "contralateral":
        return (other_side(trigger_side),)
    return (trigger_side,)


def referral_map(atlas: Atlas, trigger_point: TriggerPoint, side: str) -> dict[tuple[str, str], LitRegion]:
    """Every (region, side) the trigger point refers to; essential wins where rows overlap.

    `side` is right, left, or both (the same trigger point active on both sides: the union).
    """
    lit: dict[tuple[str, str], LitRegion] = {}
    for referral in trigger_point.referrals:
        region = atlas.regions[referral.region_id]
        sides = SIDES if side == BOTH else (side,)
        for reached in {s for trigger_side in sides for s in sides_reached(referral, trigger_side, region.sided)}:
            key = (referral.region_id, reached)
            candidate = LitRegion(referral.region_id, reached, referral.zone, referral.confidence)
            current = lit.get(key)
            if current is None or ZONE_RANK[candidate.zone] > ZONE_RANK[current.zone]:
                lit[key] = candidate
    return lit


def lit_regions(atlas: Atlas, trigger_point_id: str, side: str) -> list[LitRegion]:
    """The referral pattern of a trigger point on one side (or both), essential regions first."""
    trigger_point = atlas.trigger_points[trigger_point_id]
    found = referral_map(atlas, trigger_point, side).values()
    return sorted(found, key=lambda r: (-ZONE_RANK[r.zone], atlas.regions[r.region_id].label, r.side))
