"""Patient-facing text columns: plain trigger point locations, muscle complaints, and no unchecked citations."""

from __future__ import annotations

import csv
import re

import pytest

from explorer.data import DEFAULT_DATA_DIR

# Clinical words a patient should not meet in `location_plain` (matched as whole words, any case;
# a trailing * matches any ending, so "fibre*" also catches "fibres").
JARGON = [
    "pincer*",
    "fibre*",
    "fiber*",
    "lateral*",
    "medial*",
    "proximal*",
    "distal*",
    "insertion*",
    "axilla*",
    "anterior*",
    "posterior*",
    "superior*",
    "inferior*",
    "palpat*",
    "scapula*",
    "clavic*",
    "stern*",
    "humer*",
    "epicondyl*",
    "olecran*",
    "mandib*",
    "zygoma*",
    "trochanter*",
    "malleol*",
    "metatars*",
    "metacarp*",
    "iliac",
    "ischi*",
    "tuberos*",
    "tubercle*",
    "fossa",
    "ramus",
    "intraoral*",
    "cervical",
    "thoracic",
    "lumbar",
    "sacr*",
    "coccy*",
    "patell*",
    "tibia*",
    "fibula*",
    "ulna*",
    "radial",
    "radius",
    "vertebra*",
    "aponeuros*",
    "tmj",
    "tps?",
]
JARGON_RE = re.compile(r"\b(" + "|".join(w.replace("*", r"\w*") for w in JARGON) + r")\b", re.IGNORECASE)

COMMON_SEARCHES = [
    "headache",
    "tension headache",
    "migraine-like headache",
    "dizziness",
    "jaw clicking",
    "toothache",
    "earache",
    "sore throat",
    "pain on swallowing",
    "stiff neck",
    "frozen shoulder",
    "tennis elbow",
    "golfer's elbow",
    "carpal tunnel",
    "numbness in the fingers",
    "trigger finger",
    "chest pain",
    "heartburn-like pain",
    "low back pain",
    "sciatica",
    "hip pain",
    "groin pain",
    "knee pain",
    "shin splints",
    "calf cramps",
    "heel pain",
    "plantar fasciitis",
    "ankle pain",
    "foot cramps",
    "bunion pain",
]

# A figure or page number in a citation: "fig. 16.1", "Figure 9", "figs. 2-3", "p. 446", "pp. 12-17", "page 418".
CITED_NUMBER = re.compile(r"\b(figs?\.?|figures?|pp?\.|pages?)\s*\d[\w.\-]*", re.IGNORECASE)
# Figure or page numbers that were checked in a stored public source: (file, row id, text).
CONFIRMED = {
    # Shown on the stored copy of https://clinicalpub.com/omohyoid-muscle-injection-for-omohyoid-syndrome
    # (Waldman's clinical atlas chapter "Omohyoid Syndrome", FIG. 16.1), the page muscles.csv cites.
    ("muscles.csv", "omohyoid", "fig. 16.1"),
}
CITATION_COLUMNS = {"muscles.csv": ("source", "note"), "trigger_points.csv": ("label", "source", "note")}


def _rows(name: str) -> list[dict[str, str]]:
    with (DEFAULT_DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_trigger_point_has_a_plain_location(atlas):
    for tp in atlas.trigger_points.values():
        text = tp.location_plain
        assert text, tp.trigger_point_id
        assert text[0].isupper() and text.endswith("."), f"{tp.trigger_point_id}: {text!r}"
        assert len(text) <= 200, f"{tp.trigger_point_id}: {len(text)} characters"
        assert not re.search(r"[.;!?]\s", text[:-1]), f"{tp.trigger_point_id}: more than one sentence: {text!r}"


def test_plain_locations_have_no_jargon(atlas):
    found = {}
    for tp in atlas.trigger_points.values():
        words = {m.group(0).lower() for m in JARGON_RE.finditer(tp.location_plain)}
        if "muscle belly" in tp.location_plain.lower():  # "belly" alone is the lay word for the abdomen
            words.add("muscle belly")
        if words:
            found[tp.trigger_point_id] = sorted(words)
    assert not found, found


def test_plain_location_column_follows_location():
    with (DEFAULT_DATA_DIR / "trigger_points.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[header.index("location") + 1] == "location_plain"


def test_complaints_are_clean_lists(atlas):
    for muscle in atlas.muscles.values():
        terms = muscle.complaints
        assert len(terms) == len(set(terms)), f"{muscle.muscle_id}: duplicate terms"
        assert not terms or 3 <= len(terms) <= 15, f"{muscle.muscle_id}: {len(terms)} terms"
        for term in terms:
            assert term == term.lower() and term == term.strip() and term, f"{muscle.muscle_id}: {term!r}"


def test_complaints_column_follows_symptoms():
    with (DEFAULT_DATA_DIR / "muscles.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[header.index("symptoms") + 1] == "complaints"


@pytest.mark.parametrize("query", COMMON_SEARCHES)
def test_common_search_finds_a_muscle(atlas, query):
    hits = [m.muscle_id for m in atlas.muscles.values() if any(query in term.lower() for term in m.complaints)]
    assert hits, f"no muscle lists a complaint matching {query!r}"


def test_no_unconfirmed_figure_or_page_numbers():
    unconfirmed = []
    for name, columns in CITATION_COLUMNS.items():
        for row in _rows(name):
            row_id = next(iter(row.values()))
            for column in columns:
                for match in CITED_NUMBER.finditer(row.get(column, "")):
                    if (name, row_id, match.group(0).lower()) not in CONFIRMED:
                        unconfirmed.append(f"{name} {row_id} {column}: {match.group(0)!r}")
    assert not unconfirmed, unconfirmed


def test_confirmed_citations_name_their_source():
    for name, row_id, text in CONFIRMED:
        row = next(r for r in _rows(name) if next(iter(r.values())) == row_id)
        assert text in (row["source"] + " " + row["note"]).lower()
        assert "checked on the stored public copy" in row["note"]
