"""The Learn page text: structure, sourcing, urgency and readability rules the page code relies on."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from explorer.learn import content
from explorer.learn.content import SECTIONS, SOURCES, Section

EXPECTED_IDS = (
    "what_are_trigger_points",
    "how_are_they_found",
    "why_do_they_form",
    "what_is_an_injection",
    "who_may_benefit",
    "who_should_not",
    "what_a_visit_looks_like",
    "how_many_visits",
    "possible_problems",
    "other_options",
    "results_vary",
)

MAX_SENTENCE_WORDS = 40


def section_text(section: Section) -> list[str]:
    return [section.title, *section.paragraphs, *section.bullets]


def page_text() -> list[str]:
    texts = [content.TITLE, content.INTRO, content.NOT_ADVICE]
    for section in SECTIONS:
        texts.extend(section_text(section))
    return texts


def by_id(section_id: str) -> Section:
    return next(section for section in SECTIONS if section.section_id == section_id)


def test_sections_exist_in_order():
    assert tuple(section.section_id for section in SECTIONS) == EXPECTED_IDS


def test_section_ids_are_unique_snake_case():
    ids = [section.section_id for section in SECTIONS]
    assert len(ids) == len(set(ids))
    for section_id in ids:
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", section_id), section_id


@pytest.mark.parametrize("section", SECTIONS, ids=lambda section: section.section_id)
def test_every_section_has_title_paragraph_and_source(section):
    assert section.title.strip()
    assert section.paragraphs and all(paragraph.strip() for paragraph in section.paragraphs)
    assert all(bullet.strip() for bullet in section.bullets)
    assert section.sources
    assert all(source.label.strip() for source in section.sources)


def test_source_urls_are_https_or_empty():
    for source in SOURCES:
        assert source.url == "" or source.url.startswith("https://"), source
        assert " " not in source.url, source


def test_sources_list_every_cited_source_once_in_citation_order():
    cited = list(dict.fromkeys(source for section in SECTIONS for source in section.sources))
    assert list(SOURCES) == cited
    assert len(SOURCES) == len(set(SOURCES))
    # A section does not cite the same source twice.
    for section in SECTIONS:
        assert len(section.sources) == len(set(section.sources)), section.section_id


def test_only_the_problems_section_is_urgent():
    assert [section.section_id for section in SECTIONS if section.urgent] == ["possible_problems"]


def test_problems_section_says_to_seek_care_at_once():
    text = " ".join(section_text(by_id("possible_problems"))).lower()
    assert "at once" in text
    assert "emergency" in text
    assert "999" in text
    # The red flags the page must name.
    for sign in ("short of breath", "chest pain", "throat", "rash", "pus", "fever"):
        assert sign in text, sign


def test_header_texts_are_present():
    assert content.TITLE.strip()
    assert content.INTRO.strip()
    not_advice = content.NOT_ADVICE.lower()
    assert "not medical advice" in not_advice
    assert "vary" in not_advice
    assert "professional" in not_advice


def test_no_percentages_or_odds_presented_as_chances():
    for text in page_text():
        assert "%" not in text, text
        assert not re.search(r"\bper ?cent\b", text, re.IGNORECASE), text
        assert not re.search(r"\b\d+\s+(in|out of)\s+\d+\b", text, re.IGNORECASE), text


def test_no_sentence_is_longer_than_forty_words():
    for text in page_text():
        for sentence in re.split(r"[.!?]", text):
            words = sentence.split()
            assert len(words) <= MAX_SENTENCE_WORDS, sentence


def test_module_is_data_only():
    tree = ast.parse(Path(content.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"dataclasses", "__future__"}, imported
