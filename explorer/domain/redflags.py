"""Which warning signs belong to a pain drawing or a referral pattern, most relevant first.

The rule (also in the README):
- A warning sign (red_flags.csv) names the body regions where its symptoms are felt.
- For a pain drawing, a sign is relevant when any marked area is one of its regions; the most urgent
  come first (emergency, then urgent, then soon), then the sign that shares more areas with the
  drawing.
- For a selected referral pattern, a sign is relevant only when the pattern's main (essential) zone
  reaches one of its regions: an area a pattern only sometimes reaches (spillover) does not bring a
  warning, so a neck-and-temple pattern brings no heart warning while a chest, arm, jaw or upper-belly
  pattern does. The sign that shares more of the main zone comes first, then the more urgent.
"""

from __future__ import annotations

from collections.abc import Iterable

from explorer.data.model import Atlas, RedFlag
from explorer.domain.patterns import ESSENTIAL, LitRegion

URGENCY_ORDER = {"emergency": 0, "urgent": 1, "soon": 2}


def red_flags_for(atlas: Atlas, region_ids: Iterable[str]) -> list[RedFlag]:
    """Warning signs for marked areas: any shared region; most urgent first, then most shared."""
    marked = set(region_ids)
    found = [(flag, len(marked.intersection(flag.region_ids))) for flag in atlas.red_flags]
    relevant = [(flag, shared) for flag, shared in found if shared]
    return [flag for flag, shared in sorted(relevant, key=lambda item: (URGENCY_ORDER[item[0].urgency], -item[1], item[0].flag_id))]


def red_flags_for_pattern(atlas: Atlas, lit: Iterable[LitRegion]) -> list[RedFlag]:
    """Warning signs for a referral pattern: its main zone must reach them; most shared first, then most urgent."""
    main = {r.region_id for r in lit if r.zone == ESSENTIAL}
    found = [(flag, len(main.intersection(flag.region_ids))) for flag in atlas.red_flags]
    relevant = [(flag, shared) for flag, shared in found if shared]
    return [flag for flag, shared in sorted(relevant, key=lambda item: (-item[1], URGENCY_ORDER[item[0].urgency], item[0].flag_id))]
