"""Find muscles by name (anatomical, plain, alias, short form, near-miss spelling) or by symptom and complaint.

Names are matched word by word; complaints ("tension headache", "tennis elbow", "numbness in the
fingers") come from the `complaints` column of muscles.csv. Every hit says why it was found.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from explorer.data.model import Atlas, Muscle

# Short forms people type that are not worth repeating as aliases in every row.
COMMON_SHORT_FORMS = {
    "scm": "sternocleidomastoid",
    "ql": "quadratus lumborum",
    "tfl": "tensor fasciae latae",
    "glute": "gluteus",
    "glutes": "gluteus",
    "pec": "pectoralis",
    "pecs": "pectoralis",
    "trap": "trapezius",
    "traps": "trapezius",
    "lats": "latissimus",
    "lat": "latissimus",
    "delt": "deltoid",
    "delts": "deltoid",
    "quads": "quadriceps",
    "hams": "hamstring",
    "calf": "gastrocnemius soleus",
}


MAX_QUERY_CHARS = 80
STOP_WORDS = {"in", "the", "of", "on", "my", "a", "an", "and", "pain", "ache", "aching", "sore"}


@dataclass(frozen=True)
class SearchHit:
    """A muscle found by a query, how well it matched (higher is better) and why."""

    muscle: Muscle
    score: float
    why: str = ""


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _haystack(muscle: Muscle) -> list[str]:
    return _words(" ".join([muscle.name, muscle.plain_name, muscle.muscle_id.replace("_", " "), *muscle.aliases]))


def search_muscles(atlas: Atlas, query: str, limit: int = 12) -> list[SearchHit]:
    """Muscles whose name or complaints match the query, best first, each with the reason."""
    query = query[:MAX_QUERY_CHARS] if isinstance(query, str) else ""
    terms = [COMMON_SHORT_FORMS.get(word, word) for word in _words(query)]
    if not terms:
        return []
    best: dict[str, SearchHit] = {}
    for muscle in atlas.muscles.values():
        for hit in (_by_name(muscle, terms), _by_complaint(muscle, _words(query))):
            if hit and (muscle.muscle_id not in best or hit.score > best[muscle.muscle_id].score):
                best[muscle.muscle_id] = hit
    hits = sorted(best.values(), key=lambda h: (-h.score, h.muscle.name))
    return hits[:limit]


def _by_name(muscle: Muscle, terms: list[str]) -> SearchHit | None:
    words = _haystack(muscle)
    alias_phrases = [a.lower() for a in muscle.aliases]
    total = 0.0
    for term in terms:
        score = _term_score(term, words, alias_phrases)
        if score == 0:
            return None
        total += score
    score = round(total / len(terms), 3)
    why = "name" if score >= 0.9 else "a close spelling of its name"
    return SearchHit(muscle, score, why)


def _by_complaint(muscle: Muscle, query_words: list[str]) -> SearchHit | None:
    """The muscle's best complaint for the query: every meaningful word found in it (prefixes and near spellings count)."""
    wanted = [w for w in query_words if w not in STOP_WORDS] or query_words
    best: tuple[float, str] | None = None
    for position, complaint in enumerate(muscle.complaints):
        words = _words(complaint)
        scores = [_word_match(w, words) for w in wanted]
        if not scores or min(scores) == 0:
            continue
        score = 0.95 * sum(scores) / len(scores)
        # a complaint that is exactly what was typed beats one that only contains it
        score += 0.04 if " ".join(wanted) == " ".join(w for w in words if w not in STOP_WORDS) else 0.0
        # the complaints a muscle lists first are its most characteristic ones
        score -= 0.002 * position
        if best is None or score > best[0]:
            best = (score, complaint)
    if best is None:
        return None
    return SearchHit(muscle, round(best[0], 3), f"a recognised cause of {best[1]}")


def _word_match(term: str, words: list[str]) -> float:
    if term in words:
        return 1.0
    if len(term) >= 3 and any(w.startswith(term) for w in words):
        return 0.85
    if len(term) >= 5:
        close = difflib.get_close_matches(term, words, n=1, cutoff=0.8)
        if close:
            return 0.6
    return 0.0


def _term_score(term: str, words: list[str], alias_phrases: list[str]) -> float:
    if term in alias_phrases:
        return 1.0
    parts = term.split()
    if len(parts) > 1:  # an expanded short form: any of its words will do
        return max(_term_score(p, words, alias_phrases) for p in parts)
    if term in words:
        return 1.0
    if len(term) >= 2 and any(w.startswith(term) for w in words):
        return 0.9
    if len(term) >= 4 and any(term in w for w in words):
        return 0.75
    if len(term) >= 4:
        close = difflib.get_close_matches(term, words, n=1, cutoff=0.75)
        if close:
            return 0.6 * difflib.SequenceMatcher(None, term, close[0]).ratio()
        prefixes = [w[: len(term)] for w in words if len(w) > len(term)]
        close = difflib.get_close_matches(term, prefixes, n=1, cutoff=0.8)
        if close:
            return 0.5
    return 0.0
