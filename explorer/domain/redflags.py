"""Warning signs tied to the regions a person marked."""

from __future__ import annotations

from collections.abc import Iterable

from explorer.data.model import Atlas, RedFlag

URGENCY_ORDER = {"emergency": 0, "urgent": 1, "soon": 2}


def red_flags_for(atlas: Atlas, region_ids: Iterable[str]) -> list[RedFlag]:
    """Red flags whose regions overlap the marked ones, most urgent first."""
    marked = set(region_ids)
    found = [flag for flag in atlas.red_flags if marked.intersection(flag.region_ids)]
    return sorted(found, key=lambda f: (URGENCY_ORDER[f.urgency], f.flag_id))
