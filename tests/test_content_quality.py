"""What the app says: readable for its reader, safe, sourced, and true to the fact sheet."""

from __future__ import annotations

import re

import pytest

from allexplainer.content.checks import (
    check_words,
    glossary_texts,
    markdown_to_plain,
    quiz_texts,
    texts,
    unsafe_words,
)
from allexplainer.content.levels import Level
from allexplainer.content.library import load_library, read_content_dir
from tests.helpers import CONTENT_DIR, ROOT

textstat = pytest.importorskip("textstat")
LIMITS = {Level.CHILD: 3.0, Level.FAMILY: 6.0}


@pytest.fixture(scope="module")
def library():
    return load_library(read_content_dir(CONTENT_DIR))


def all_texts(library):
    from allexplainer.diagrams.captions import caption_items, load_scene_dir

    captions = list(caption_items(load_scene_dir(ROOT / "assets" / "diagrams").values()))
    assert len(captions) >= 3 * 4 * 4, "every scene's captions are checked too"
    return list(texts(library)) + captions


def test_every_text_is_within_its_reading_grade(library):
    too_hard = []
    for where, level, markdown in all_texts(library):
        limit = LIMITS.get(level)
        score = textstat.flesch_kincaid_grade(markdown_to_plain(markdown))
        if limit is not None and score > limit:
            too_hard.append(f"{where}: grade {score:.1f} > {limit}")
    assert too_hard == []


def test_teach_back_questions_are_readable_and_safe(library):
    problems = []
    for where, level, text in quiz_texts(library):
        score = textstat.flesch_kincaid_grade(markdown_to_plain(text))
        if score > LIMITS[level]:
            problems.append(f"{where}: grade {score:.1f}")
        problems += [str(problem) for problem in unsafe_words(where, level, text)]
    assert problems == []


def test_glossary_and_presenter_notes_say_nothing_unsafe(library):
    from allexplainer.presenter.nurse_notes import parse_notes

    items = list(glossary_texts(library))
    notes = parse_notes((ROOT / "assets" / "presenter" / "notes.toml").read_text("utf-8"))
    items += [(f"notes {scene} {n}", Level.CLINIC, note.as_text())
              for scene, stage_notes in notes.items() for n, note in enumerate(stage_notes)]
    problems = [str(p) for where, level, text in items for p in unsafe_words(where, level, text)]
    assert problems == []


def test_readability_report_is_current():
    import importlib.util

    spec = importlib.util.spec_from_file_location("readability_report",
                                                  ROOT / "tools" / "readability_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "readability.md").read_text(encoding="utf-8") == module.report(), \
        "run: python tools/readability_report.py"


def test_no_advice_promises_doses_or_frightening_words(library):
    problems = [str(p) for p in check_words(all_texts(library), library.matcher())]
    assert problems == []


@pytest.mark.parametrize("text, level, expected", [
    ("This treatment will cure leukaemia.", Level.FAMILY, "promises a cure"),
    ("We guarantee it works.", Level.FAMILY, "promises an outcome"),
    ("Your child will survive.", Level.FAMILY, "predicts for one child"),
    ("The dose is 15 mg/m2 a day.", Level.FAMILY, "looks like a dose"),
    ("Give 5 mg at night.", Level.CHILD, "looks like a dose"),
    ("The super cells kill the bad cells.", Level.CHILD, "may frighten a child"),
])
def test_the_safety_scan_catches_what_it_should(text, level, expected):
    assert any(expected in str(problem) for problem in unsafe_words("demo", level, text))


def test_doses_are_allowed_only_for_the_clinic_level():
    assert unsafe_words("demo", Level.CLINIC, "Fludarabine 30 mg/m2 is typical.") == []


def test_every_topic_lists_dated_sources_and_review_dates(library):
    for topic in library.good_topics:
        assert topic.sources
        assert all(source.date for source in topic.sources)
        assert topic.next_review > topic.sources_checked


def test_every_topic_has_teach_back_questions_for_child_and_family(library):
    assert set(library.quizzes) == {topic.id for topic in library.good_topics}
    for quiz in library.quizzes.values():
        for level in (Level.CHILD, Level.FAMILY):
            assert len(quiz.for_level(level)) >= 3
            for question in quiz.for_level(level):
                assert sum(answer.correct for answer in question.answers) == 1
                assert all(answer.why for answer in question.answers)


# ----- facts the content must keep true (FACTS.md) ---------------------------------------------
def plain(library, topic_id: str, level: Level = Level.FAMILY) -> str:
    return " ".join(markdown_to_plain(library.topic(topic_id).body(level)).split())


FACTS = [
    ("car-t", r"\bown T[ -]cells\b", "CAR T-cells are made from the child's own T cells"),
    ("car-t", r"virus", "a disarmed virus carries the CAR gene in"),
    ("car-t", r"CD19", "CAR T-cells are made to find CD19"),
    ("blinatumomab", r"CD3\b.*CD19|CD19.*\bCD3\b", "blinatumomab joins CD3 and CD19"),
    ("blinatumomab", r"\bpump\b", "blinatumomab is given through a small pump"),
    ("blinatumomab", r"non-stop|continuous|day and night|all the time",
     "blinatumomab is given by continuous drip"),
    ("blinatumomab", r"blin-a-TOOM-oh-mab", "the pronunciation is given"),
    ("cd19", r"(healthy|normal) B[ -]cells", "CD19 is also on healthy B cells"),
    ("cd19", r"immunoglobulin", "immunoglobulin may be needed when B cells are removed"),
    ("about-all", r"9 in 10", "about 9 in 10 children survive, as words"),
    ("about-all", r"90(\.4)?%", "the same figure as a percentage"),
    ("chemotherapy", r"UKALL 2011", "the UKALL 2011 trial is named"),
    ("long-term-effects", r"1940.*1991", "the survivor study covers diagnoses 1940-1991"),
    ("clinical-trials", r"consultant", "the consultant is the person to ask"),
    ("clinical-trials", r"0808 800 4040", "the nurse line is shown"),
]


@pytest.mark.parametrize("topic_id, pattern, fact", FACTS, ids=[fact for *_x, fact in FACTS])
def test_fact_is_stated_at_family_level(library, topic_id, pattern, fact):
    assert re.search(pattern, plain(library, topic_id), re.I | re.S), fact


def test_nurse_line_is_shown_with_the_date_it_was_listed(library):
    text = plain(library, "clinical-trials")
    sentence = next(part for part in re.split(r"(?<=[.!?])\s", text) if "0808 800 4040" in part)
    context = text[max(0, text.index(sentence) - 200): text.index(sentence) + 300]
    assert "2018" in context
