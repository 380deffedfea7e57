"""Quizzes for students: 'Which muscle?' (a pattern, four muscles) and 'Paint the zone' (a trigger point, paint its main zone).

Plain Python. The student's progress lives in the browser only (a localStorage store) and comes back
with each request: it is untrusted, so it is read by `read_progress`, which keeps what it can use.
Cards a student misses come back sooner (a Leitner schedule: a right answer moves the card up a box,
a wrong one sends it back to the first; a box decides after how many questions it is due again).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from explorer.data.model import Atlas
from explorer.domain.patterns import ESSENTIAL, lit_regions, region_key

WHICH_MUSCLE, PAINT_ZONE = "which-muscle", "paint-zone"
KINDS = (WHICH_MUSCLE, PAINT_ZONE)
CHOICES = 4
RECENT = 5  # a question does not come back within this many questions
BOX_GAPS = (1, 3, 6, 12, 24)  # questions until a card in each box is due again
PASS_JACCARD = 0.6  # a painted zone this close to the truth counts as right
MAX_CARDS = 2000
ALL_PARTS = "all"


def cards(atlas: Atlas, part: str = ALL_PARTS) -> list[str]:
    """Every card ('trigger_point_id|right'): pain-referring trigger points, optionally of one body part."""
    out = []
    for tp in atlas.trigger_points.values():
        if not tp.pain:
            continue
        if part != ALL_PARTS and atlas.muscles[tp.muscle_id].body_part != part:
            continue
        out.append(f"{tp.trigger_point_id}|right")
    return out


def _pattern(atlas: Atlas, card: str) -> set[str]:
    tp_id, _, side = card.partition("|")
    return {region_key(r.region_id, r.side) for r in lit_regions(atlas, tp_id, side)}


def essential_keys(atlas: Atlas, card: str) -> set[str]:
    """The main zone of a card's trigger point, as region keys."""
    tp_id, _, side = card.partition("|")
    return {region_key(r.region_id, r.side) for r in lit_regions(atlas, tp_id, side) if r.zone == ESSENTIAL}


def jaccard(a: set[str], b: set[str]) -> float:
    """Overlap of two sets of areas: shared / all (1.0 when both are empty)."""
    return len(a & b) / len(a | b) if a | b else 1.0


def choices(atlas: Atlas, card: str) -> list[str]:
    """Four muscle ids for 'Which muscle?': the right one and the three whose patterns look most like it."""
    tp_id = card.partition("|")[0]
    right = atlas.trigger_points[tp_id].muscle_id
    target = _pattern(atlas, card)
    best: dict[str, float] = {}
    for other in atlas.trigger_points.values():
        if not other.pain or other.muscle_id == right:
            continue
        similarity = jaccard(target, _pattern(atlas, f"{other.trigger_point_id}|right"))
        if similarity > best.get(other.muscle_id, -1.0):
            best[other.muscle_id] = similarity
    distractors = sorted(best, key=lambda m: (-best[m], atlas.muscles[m].name))[: CHOICES - 1]
    ordered = sorted([right, *distractors], key=lambda m: atlas.muscles[m].name)  # alphabetical: the position gives nothing away
    return ordered


@dataclass(frozen=True)
class CardProgress:
    """One card's place in the schedule."""

    box: int = 0
    due: int = 0
    right: int = 0
    wrong: int = 0


@dataclass(frozen=True)
class Progress:
    """A student's progress for one kind of quiz: the question count, each card's box, the last questions."""

    turn: int = 0
    cards: dict[str, CardProgress] | None = None
    recent: tuple[str, ...] = ()
    right: int = 0
    wrong: int = 0

    def as_json(self) -> dict:
        return {
            "turn": self.turn,
            "cards": {k: [c.box, c.due, c.right, c.wrong] for k, c in (self.cards or {}).items()},
            "recent": list(self.recent),
            "right": self.right,
            "wrong": self.wrong,
        }


def _int(value, low: int, high: int, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high else default


def read_progress(atlas: Atlas, data: object) -> Progress:
    """Progress from the browser's store, keeping only what is well formed and about this atlas."""
    if not isinstance(data, dict):
        return Progress(cards={})
    known = {f"{t}|right" for t, tp in atlas.trigger_points.items() if tp.pain}
    turn = _int(data.get("turn"), 0, 10**6)
    parsed: dict[str, CardProgress] = {}
    raw_cards = data.get("cards") if isinstance(data.get("cards"), dict) else {}
    for key, value in list(raw_cards.items())[:MAX_CARDS]:
        if key in known and isinstance(value, list) and len(value) == 4:
            box, due, right, wrong = value
            parsed[key] = CardProgress(_int(box, 0, len(BOX_GAPS) - 1), _int(due, 0, 10**6), _int(right, 0, 10**6), _int(wrong, 0, 10**6))
    recent = tuple(k for k in (data.get("recent") or [])[:RECENT] if isinstance(k, str) and k in known) if isinstance(data.get("recent"), list) else ()
    return Progress(turn, parsed, recent, _int(data.get("right"), 0, 10**6), _int(data.get("wrong"), 0, 10**6))


def record(progress: Progress, card: str, correct: bool) -> Progress:
    """The progress after one answer: right moves the card up a box, wrong sends it back to the first."""
    cards_now = dict(progress.cards or {})
    current = cards_now.get(card, CardProgress())
    box = min(current.box + 1, len(BOX_GAPS) - 1) if correct else 0
    turn = progress.turn + 1
    cards_now[card] = CardProgress(box, turn + BOX_GAPS[box], current.right + correct, current.wrong + (not correct))
    recent = ((card,) + tuple(k for k in progress.recent if k != card))[:RECENT]
    return Progress(turn, cards_now, recent, progress.right + correct, progress.wrong + (not correct))


def next_card(atlas: Atlas, progress: Progress, part: str = ALL_PARTS, seed: int = 0) -> str | None:
    """The next question: a card that is due (missed ones come back soonest), else a new one; never a recent one."""
    pool = [c for c in cards(atlas, part) if c not in progress.recent] or cards(atlas, part)
    if not pool:
        return None
    seen = progress.cards or {}
    due = [c for c in pool if c in seen and seen[c].due <= progress.turn]
    if due:
        return min(due, key=lambda c: (seen[c].due, seen[c].box, c))
    fresh = [c for c in pool if c not in seen]
    rng = random.Random(f"{seed}:{progress.turn}:{part}")
    if fresh:
        return rng.choice(sorted(fresh))
    return min(pool, key=lambda c: (seen[c].due, c))
