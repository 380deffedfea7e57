"""Find muscles by anatomical name, plain name, alias, partial word or near-miss spelling."""

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


@dataclass(frozen=True)
class SearchHit:
    """A muscle found by a query, with how well it matched (higher is better)."""

    muscle: Muscle
    score: float


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _haystack(muscle: Muscle) -> list[str]:
    return _words(" ".join([muscle.name, muscle.plain_name, muscle.muscle_id.replace("_", " "), *muscle.aliases]))


def search_muscles(atlas: Atlas, query: str, limit: int = 12) -> list[SearchHit]:
    """Muscles matching every word of the query (prefix, alias or fuzzy match), best first."""
    terms = [COMMON_SHORT_FORMS.get(word, word) for word in _words(query)]
    if not terms:
        return []
    hits = []
    for muscle in atlas.muscles.values():
        words = _haystack(muscle)
        alias_phrases = [a.lower() for a in muscle.aliases]
        total = 0.0
        for term in terms:
            best = _term_score(term, words, alias_phrases)
            if best == 0:
                total = 0
                break
            total += best
        if total:
            hits.append(SearchHit(muscle, round(total / len(terms), 3)))
    hits.sort(key=lambda h: (-h.score, h.muscle.name))
    return hits[:limit]


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
