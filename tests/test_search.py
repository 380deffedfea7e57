"""Muscle search: anatomical and plain names, short forms, partial words and misspellings."""

from __future__ import annotations

import pytest

from explorer.domain.search import search_muscles


@pytest.mark.parametrize(
    ("query", "muscle_id"),
    [
        ("trap", "trapezius"),
        ("trapezius", "trapezius"),
        ("trapezious", "trapezius"),
        ("SCM", "sternocleidomastoid"),
        ("sternocleidomastiod", "sternocleidomastoid"),
        ("pec", "pectoralis_major"),
        ("piriformis", "piriformis"),
        ("piriformus", "piriformis"),
        ("glute", "gluteus_medius"),
        ("glute med", "gluteus_medius"),
        ("QL", "quadratus_lumborum"),
        ("infra", "infraspinatus"),
        ("calf", "gastrocnemius"),
        ("chewing", "masseter"),
    ],
)
def test_finds(atlas, query, muscle_id):
    found = [hit.muscle.muscle_id for hit in search_muscles(atlas, query)]
    assert muscle_id in found, f"{query!r} -> {found}"


def test_exact_name_ranks_first(atlas):
    assert search_muscles(atlas, "soleus")[0].muscle.muscle_id == "soleus"


def test_nonsense_finds_nothing(atlas):
    assert search_muscles(atlas, "zzqx") == []
    assert search_muscles(atlas, "") == []
