"""Rank the trigger points whose referral patterns could explain a pain drawing.

A drawing is a set of marked (region, side) pairs. For each pain-referring trigger point, on each
side of the body, the pattern is compared with the drawing:

- every marked area the pattern reaches counts towards the fit, an essential region with weight
  1.0 and a spillover region with 0.5, scaled by the row's confidence (high 1.0, medium 0.9,
  low 0.7);
- fit = that sum / number of marked areas (so explaining more of the drawing ranks higher);
- the pattern's own area that the user did not mark lowers the score mildly:
  score = fit * (1 - 0.2 * unmarked pattern weight / total pattern weight);
- ties: more essential hits, then how common the trigger point is, then names (deterministic).

Each muscle appears once, with its best trigger point and side.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from explorer.data.model import MIDLINE, SIDES, Atlas
from explorer.domain.patterns import ESSENTIAL, referral_map

ZONE_WEIGHT = {"essential": 1.0, "spillover": 0.5}
CONFIDENCE_WEIGHT = {"high": 1.0, "medium": 0.9, "low": 0.7}
UNMARKED_PENALTY = 0.2
PREVALENCE_ORDER = {"common": 0, "occasional": 1, "rare": 3, "": 2}
DEFAULT_TOP = 10

Mark = tuple[str, str]  # (region_id, side) with side right | left | midline


@dataclass(frozen=True)
class Candidate:
    """One ranked muscle: its best trigger point for the drawing, and why."""

    rank: int
    muscle_id: str
    muscle: str
    trigger_point_id: str
    trigger_point: str
    side: str
    score: float
    explained: tuple[Mark, ...]
    essential_hits: tuple[Mark, ...]
    spillover_hits: tuple[Mark, ...]
    unmarked: tuple[Mark, ...]
    marked_count: int

    def as_json(self) -> dict:
        """Plain-data form for the CLI and the browser store."""
        return {
            "rank": self.rank,
            "muscle_id": self.muscle_id,
            "muscle": self.muscle,
            "trigger_point_id": self.trigger_point_id,
            "trigger_point": self.trigger_point,
            "side": self.side,
            "score": self.score,
            "explained": [region for region, _ in self.explained],
            "explained_sides": [f"{region}:{side}" for region, side in self.explained],
        }


def normalise_marks(atlas: Atlas, marks: Iterable[Mark]) -> frozenset[Mark]:
    """Put midline regions on the midline whatever side was given, and drop duplicates."""
    out = set()
    for region_id, side in marks:
        region = atlas.regions[region_id]
        out.add((region_id, side if region.sided else MIDLINE))
    return frozenset(out)


def rank(atlas: Atlas, marks: Iterable[Mark], top: int = DEFAULT_TOP) -> list[Candidate]:
    """The best `top` muscles for the drawing, best first (empty drawing: empty list)."""
    drawing = normalise_marks(atlas, marks)
    if not drawing:
        return []
    best_per_muscle: dict[str, tuple] = {}
    for entry in _index(atlas):
        scored = _score(entry, drawing)
        if scored is None:
            continue
        key = _sort_key(atlas, scored)
        muscle_id = atlas.trigger_points[entry.trigger_point_id].muscle_id
        current = best_per_muscle.get(muscle_id)
        if current is None or key < current[0]:
            best_per_muscle[muscle_id] = (key, scored)
    ordered = sorted(best_per_muscle.values(), key=lambda item: item[0])[:top]
    return [_candidate(atlas, i + 1, scored, len(drawing)) for i, (_, scored) in enumerate(ordered)]


@dataclass(frozen=True)
class _Scored:
    trigger_point_id: str
    side: str
    score: float
    essential_hits: tuple[Mark, ...]
    spillover_hits: tuple[Mark, ...]
    unmarked: tuple[Mark, ...]


@dataclass(frozen=True)
class _PatternEntry:
    """One trigger point on one side, its pattern weighed once for every drawing."""

    trigger_point_id: str
    side: str
    weights: tuple[tuple[Mark, str, float], ...]  # (mark, zone, weight)
    total_weight: float


_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _index(atlas: Atlas) -> list[_PatternEntry]:
    """Weighted patterns of every pain trigger point on both sides (built once per atlas)."""
    cached = _INDEXES.get(atlas)
    if cached is None:
        cached = []
        for tp in atlas.trigger_points.values():
            if not tp.pain:
                continue
            for side in SIDES:
                pattern = referral_map(atlas, tp, side)
                weights = tuple(
                    (key, lit.zone, ZONE_WEIGHT[lit.zone] * CONFIDENCE_WEIGHT[lit.confidence]) for key, lit in sorted(pattern.items())
                )
                cached.append(_PatternEntry(tp.trigger_point_id, side, weights, sum(w for _, _, w in weights)))
        _INDEXES[atlas] = cached
    return cached


def _score(entry: _PatternEntry, drawing: frozenset[Mark]) -> _Scored | None:
    hit_weight = 0.0
    essential_hits, spillover_hits, unmarked = [], [], []
    for key, zone, weight in entry.weights:
        if key in drawing:
            hit_weight += weight
            (essential_hits if zone == ESSENTIAL else spillover_hits).append(key)
        else:
            unmarked.append(key)
    if not hit_weight:
        return None
    unmarked_weight = entry.total_weight - hit_weight
    fit = hit_weight / len(drawing)
    score = fit * (1 - UNMARKED_PENALTY * unmarked_weight / entry.total_weight)
    return _Scored(entry.trigger_point_id, entry.side, round(score, 4), tuple(essential_hits), tuple(spillover_hits), tuple(unmarked))


def _sort_key(atlas: Atlas, scored: _Scored) -> tuple:
    tp = atlas.trigger_points[scored.trigger_point_id]
    muscle = atlas.muscles[tp.muscle_id]
    return (
        -scored.score,
        -len(scored.essential_hits),
        -len(scored.spillover_hits),
        PREVALENCE_ORDER.get(tp.prevalence, 2),
        muscle.name.lower(),
        tp.trigger_point_id,
        scored.side,
    )


def _candidate(atlas: Atlas, rank_number: int, scored: _Scored, marked_count: int) -> Candidate:
    tp = atlas.trigger_points[scored.trigger_point_id]
    muscle = atlas.muscles[tp.muscle_id]
    return Candidate(
        rank=rank_number,
        muscle_id=muscle.muscle_id,
        muscle=muscle.name,
        trigger_point_id=tp.trigger_point_id,
        trigger_point=tp.label,
        side=scored.side,
        score=scored.score,
        explained=scored.essential_hits + scored.spillover_hits,
        essential_hits=scored.essential_hits,
        spillover_hits=scored.spillover_hits,
        unmarked=scored.unmarked,
        marked_count=marked_count,
    )


def _names(atlas: Atlas, marks: Iterable[Mark], plain: bool) -> str:
    labels = []
    for region_id, _side in marks:
        region = atlas.regions[region_id]
        label = region.plain_label.lower() if plain else region.label
        if label not in labels:
            labels.append(label)
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def explain(atlas: Atlas, candidate: Candidate, plain: bool = True) -> str:
    """Why a candidate ranks where it does, in a sentence or two."""
    count = len(candidate.explained)
    total = candidate.marked_count
    parts = [f"Explains {count} of your {total} area{'s' if total != 1 else ''}"]
    if candidate.essential_hits:
        names = _names(atlas, candidate.essential_hits, plain)
        verb = "is" if len({r for r, _ in candidate.essential_hits}) == 1 else "are"
        parts.append(f"{names} {verb} in its main (essential) zone")
    if candidate.spillover_hits:
        names = _names(atlas, candidate.spillover_hits, plain)
        verb = "is" if len({r for r, _ in candidate.spillover_hits}) == 1 else "are"
        parts.append(f"{names} {verb} only in its spillover zone")
    if candidate.unmarked:
        names = _names(atlas, candidate.unmarked[:4], plain)
        more = f" and {len(candidate.unmarked) - 4} more" if len(candidate.unmarked) > 4 else ""
        parts.append(f"its pattern also reaches {names}{more}, which you did not mark")
    return "; ".join(parts) + "."
