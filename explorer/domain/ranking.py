"""Rank the trigger points whose referral patterns could explain a pain drawing, and find a few that explain it together.

The model (documented in the README, measured by `python -m explorer evaluate`):

- A drawing is a set of marked (region, side) pairs; a midline region matches either side.
- A candidate is one pain-referring trigger point on the right, on the left, or on both sides (the
  same point active on both sides is one candidate: its pattern is the union of the two).
- Each marked area the candidate's pattern reaches adds its weight: essential 1.0, spillover 0.5,
  times the row's confidence (high 1.0, medium 0.9, low 0.7); laterality decides which side a row
  reaches.
- fit = that sum / number of marked areas, so explaining more of the drawing ranks higher.
- score = fit * (1 - 0.2 * share of the pattern's weight the person did not mark): a mild penalty
  for pattern the drawing does not show (so a both-sides candidate only wins when both sides hurt).
- A symmetric drawing (the same areas on both sides) is answered with both-sides candidates only,
  so its answer is symmetric too.
- Ties: more essential hits, more spillover hits, how common the trigger point is, one side before
  both, then names (deterministic).

Each muscle appears once, with its best trigger point and side. `together` looks for the smallest
set of at most three candidates whose patterns, with the same weights, explain the drawing best.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from explorer.data.model import BOTH, LEFT, MIDLINE, RIGHT, Atlas
from explorer.domain.patterns import ESSENTIAL, referral_map

ZONE_WEIGHT = {"essential": 1.0, "spillover": 0.5}
CONFIDENCE_WEIGHT = {"high": 1.0, "medium": 0.9, "low": 0.7}
UNMARKED_PENALTY = 0.2
PREVALENCE_ORDER = {"common": 0, "occasional": 1, "rare": 3, "": 2}
SIDE_ORDER = {RIGHT: 0, LEFT: 0, BOTH: 1}
CANDIDATE_SIDES = (RIGHT, LEFT, BOTH)
DEFAULT_TOP = 10
TOGETHER_MAX = 3
TOGETHER_POOL = 40

Mark = tuple[str, str]  # (region_id, side) with side right | left | midline


@dataclass(frozen=True)
class Candidate:
    """One ranked muscle: its best trigger point and side for the drawing, and why."""

    rank: int
    muscle_id: str
    muscle: str
    trigger_point_id: str
    trigger_point: str
    side: str  # right | left | both
    score: float
    explained: tuple[Mark, ...]
    essential_hits: tuple[Mark, ...]
    spillover_hits: tuple[Mark, ...]
    unmarked: tuple[Mark, ...]
    marked_count: int

    def as_json(self) -> dict:
        """Plain-data form for the CLI."""
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


def mirrored(drawing: frozenset[Mark]) -> frozenset[Mark]:
    """The drawing with right and left swapped."""
    swap = {RIGHT: LEFT, LEFT: RIGHT, MIDLINE: MIDLINE}
    return frozenset((region_id, swap[side]) for region_id, side in drawing)


@dataclass(frozen=True)
class _Scored:
    trigger_point_id: str
    side: str
    score: float
    hit_weight: float
    essential_hits: tuple[Mark, ...]
    spillover_hits: tuple[Mark, ...]
    unmarked: tuple[Mark, ...]


@dataclass(frozen=True)
class _PatternEntry:
    """One trigger point on one side (or both), its pattern weighed once for every drawing."""

    trigger_point_id: str
    side: str
    weights: tuple[tuple[Mark, str, float], ...]  # (mark, zone, weight)
    total_weight: float


_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _index(atlas: Atlas) -> list[_PatternEntry]:
    """Weighted patterns of every pain trigger point on each side and on both (built once per atlas)."""
    cached = _INDEXES.get(atlas)
    if cached is None:
        cached = []
        for tp in atlas.trigger_points.values():
            if not tp.pain:
                continue
            for side in CANDIDATE_SIDES:
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
    return _Scored(
        entry.trigger_point_id, entry.side, round(score, 4), hit_weight, tuple(essential_hits), tuple(spillover_hits), tuple(unmarked)
    )


def _sort_key(atlas: Atlas, scored: _Scored) -> tuple:
    tp = atlas.trigger_points[scored.trigger_point_id]
    muscle = atlas.muscles[tp.muscle_id]
    return (
        -scored.score,
        -len(scored.essential_hits),
        -len(scored.spillover_hits),
        PREVALENCE_ORDER.get(tp.prevalence, 2),
        SIDE_ORDER[scored.side],
        muscle.name.lower(),
        tp.trigger_point_id,
        scored.side,
    )


def _all_scored(atlas: Atlas, drawing: frozenset[Mark]) -> list[_Scored]:
    """Every candidate that explains at least one mark; only both-sides ones for a symmetric drawing."""
    symmetric = drawing == mirrored(drawing)
    out = []
    for entry in _index(atlas):
        if symmetric and entry.side != BOTH:
            continue
        scored = _score(entry, drawing)
        if scored is not None:
            out.append(scored)
    return out


def rank(atlas: Atlas, marks: Iterable[Mark], top: int = DEFAULT_TOP) -> list[Candidate]:
    """The best `top` muscles for the drawing, best first (empty drawing: empty list)."""
    drawing = normalise_marks(atlas, marks)
    if not drawing:
        return []
    best_per_muscle: dict[str, tuple] = {}
    for scored in _all_scored(atlas, drawing):
        key = _sort_key(atlas, scored)
        muscle_id = atlas.trigger_points[scored.trigger_point_id].muscle_id
        current = best_per_muscle.get(muscle_id)
        if current is None or key < current[0]:
            best_per_muscle[muscle_id] = (key, scored)
    ordered = sorted(best_per_muscle.values(), key=lambda item: item[0])[:top]
    return [_candidate(atlas, i + 1, scored, len(drawing)) for i, (_, scored) in enumerate(ordered)]


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


# ---------------------------------------------------------------------- several trigger points together


@dataclass(frozen=True)
class Member:
    """One trigger point of a set that explains a drawing together, and the marks it accounts for."""

    muscle_id: str
    muscle: str
    trigger_point_id: str
    trigger_point: str
    side: str
    explained: tuple[Mark, ...]

    def as_json(self) -> dict:
        return {
            "muscle_id": self.muscle_id,
            "muscle": self.muscle,
            "trigger_point_id": self.trigger_point_id,
            "side": self.side,
            "explained_sides": [f"{region}:{side}" for region, side in self.explained],
        }


@dataclass(frozen=True)
class Together:
    """The smallest set of trigger points that explains a drawing best, and what stays unexplained."""

    members: tuple[Member, ...]
    unexplained: tuple[Mark, ...]

    def as_json(self) -> dict:
        return {"together": [m.as_json() for m in self.members], "unexplained": [f"{r}:{s}" for r, s in self.unexplained]}


def together(atlas: Atlas, marks: Iterable[Mark], max_size: int = TOGETHER_MAX) -> Together:
    """At most `max_size` trigger points that together explain the drawing best, the fewest that do.

    Each mark counts once, with the best weight any member gives it (the ranking's weights). Among
    sets of each size the best covers the most weight (ties: the ranking's order of the members);
    a bigger set is chosen only if it explains more marks than every smaller one.
    """
    drawing = normalise_marks(atlas, marks)
    if not drawing:
        return Together((), ())
    columns = sorted(drawing)
    entries = {(e.trigger_point_id, e.side): e for e in _index(atlas)}
    pool = sorted(_all_scored(atlas, drawing), key=lambda s: _sort_key(atlas, s))[:TOGETHER_POOL]
    weights = np.zeros((len(pool), len(columns)))
    where = {key: j for j, key in enumerate(columns)}
    for i, scored in enumerate(pool):
        for key, _zone, weight in entries[(scored.trigger_point_id, scored.side)].weights:
            if key in where:
                weights[i, where[key]] = weight
    chosen: tuple[int, ...] = ()
    chosen_marks = -1
    for size in range(1, max_size + 1):
        combos = np.array(
            [c for c in itertools.combinations(range(len(pool)), size) if len({pool[i].trigger_point_id for i in c}) == size], dtype=int
        ).reshape(-1, size)
        if not len(combos):
            break
        best = weights[combos].max(axis=1)  # each mark counts once, with its best weight in the set
        marks_explained = (best > 0).sum(axis=1)
        covered = best.sum(axis=1).round(6)
        # most marks, then most weight, then the earliest-ranked members (combos are in ranking order)
        order = np.lexsort((np.arange(len(combos)), -covered, -marks_explained))
        top = combos[order[0]]
        if marks_explained[order[0]] > chosen_marks:
            chosen, chosen_marks = tuple(int(i) for i in top), int(marks_explained[order[0]])
        if chosen_marks == len(columns):
            break
    owner: dict[Mark, int] = {}
    for j, key in enumerate(columns):
        givers = [(weights[i, j], -i) for i in chosen if weights[i, j] > 0]
        if givers:
            owner[key] = -max(givers)[1]
    members = []
    for i in chosen:
        tp = atlas.trigger_points[pool[i].trigger_point_id]
        muscle = atlas.muscles[tp.muscle_id]
        explained = tuple(k for k in columns if owner.get(k) == i)
        members.append(Member(muscle.muscle_id, muscle.name, tp.trigger_point_id, tp.label, pool[i].side, explained))
    return Together(tuple(members), tuple(k for k in columns if k not in owner))


# ---------------------------------------------------------------------- words


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


def fit_words(candidate: Candidate) -> str:
    """How well a pattern fits, in words: 'Fits 5 of your 6 areas' (never a percentage)."""
    count, total = len(candidate.explained), candidate.marked_count
    if count == total:
        return f"Fits all {total} of your areas" if total > 2 else ("Fits both your areas" if total == 2 else "Fits your area")
    return f"Fits {count} of your {total} areas"


def explain(atlas: Atlas, candidate: Candidate, plain: bool = True) -> str:
    """Why a candidate ranks where it does, in a sentence or two."""
    parts = [fit_words(candidate)]
    if candidate.essential_hits:
        names = _names(atlas, candidate.essential_hits, plain)
        verb = "is" if len({r for r, _ in candidate.essential_hits}) == 1 else "are"
        parts.append(f"{names} {verb} in its main zone")
    if candidate.spillover_hits:
        names = _names(atlas, candidate.spillover_hits, plain)
        verb = "is" if len({r for r, _ in candidate.spillover_hits}) == 1 else "are"
        parts.append(f"{names} {verb} only in the area it sometimes reaches")
    if candidate.unmarked:
        names = _names(atlas, candidate.unmarked[:4], plain)
        more = f" and {len(candidate.unmarked) - 4} more" if len(candidate.unmarked) > 4 else ""
        parts.append(f"it can also reach {names}{more}, which you did not mark")
    return "; ".join(parts) + "."
