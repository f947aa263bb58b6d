"""The content loader: real content loads; every kind of mistake names the file and line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tomllib

import pytest

from allexplainer.content.errors import ContentError
from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.library import BrokenTopic, load_library, read_content_dir
from allexplainer.content.topics import parse_topic
from tests.content_files import shipped_toml_texts, topic_ids
from tests.helpers import CONTENT_DIR, ROOT

# every file in assets/content/topics/, in the order its front matter gives: a new topic needs
# no edit here
TOPIC_IDS = topic_ids()

GOOD_TOPIC = """+++
id = "demo"
title = "Demo topic"
order = 3
sources_checked = 2026-11-24
next_review = 2027-11-24

[review]
state = "pending"

[[sources]]
title = "A source"
date = "2018"
+++

=== child ===
Your [T cells](glossary:t-cell) are guards.

=== family ===
T cells are white blood cells.

=== clinic ===
T lymphocytes.

=== questions ===
- What happens next?
"""

GLOSSARY = """[[term]]
id = "t-cell"
term = "T cell"
child = "A guard cell."
family = "A white blood cell that fights infection."
clinic = "A lymphocyte with a T-cell receptor."
"""


def library_with(topic_text: str, name: str = "topics/demo.md"):
    return load_library({"glossary.toml": GLOSSARY, name: topic_text,
                         "topics/other.md": GOOD_TOPIC.replace('id = "demo"', 'id = "other"')
                         .replace("order = 3", "order = 4")})


def error_for(topic_text: str) -> ContentError:
    library = library_with(topic_text)
    broken = [topic for topic in library.topics if isinstance(topic, BrokenTopic)]
    assert len(broken) == 1, "one bad file makes one broken topic"
    assert [topic.id for topic in library.good_topics] == ["other"], "the other topic still loads"
    return broken[0].error


def test_real_content_loads_every_topic_file_in_order():
    library = load_library(read_content_dir(CONTENT_DIR))
    assert [str(error) for error in library.errors] == []
    assert [topic.id for topic in library.topics] == TOPIC_IDS
    for topic in library.good_topics:
        assert topic.sources, topic.id
        assert topic.sources_checked < topic.next_review
        for level in LEVELS:
            assert len(topic.body(level).split()) >= 40, (topic.id, level)
        assert topic.questions


def test_the_fast_parser_and_the_standard_one_read_every_shipped_file_alike():
    """tomli (compiled, the app's choice) and tomllib (its fallback) agree on all content."""
    tomli = pytest.importorskip("tomli")
    texts = shipped_toml_texts()
    assert len(texts) > 10
    for name, text in texts.items():
        assert tomli.loads(text) == tomllib.loads(text), name


def test_without_tomli_the_content_still_loads_with_the_standard_library():
    code = ("import sys; sys.modules['tomli'] = None\n"
            "import tomllib\n"
            "from pathlib import Path\n"
            "from allexplainer.content import toml_parser\n"
            "from allexplainer.content.library import load_library, read_content_dir\n"
            "assert toml_parser.loads is tomllib.loads\n"
            "assert toml_parser.parser_name() == 'tomllib'\n"
            f"library = load_library(read_content_dir(Path({str(CONTENT_DIR)!r})))\n"
            "print(len(library.good_topics), len(library.errors))\n")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=ROOT, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split() == [str(len(TOPIC_IDS)), "0"]


def test_a_good_topic_parses_with_its_lines():
    topic = parse_topic(GOOD_TOPIC, "topics/demo.md")
    assert topic.title == "Demo topic"
    assert topic.sources_checked == dt.date(2026, 11, 24)
    assert topic.bodies[Level.CHILD].first_line == 17
    assert topic.questions == ("What happens next?",)


def test_missing_field_names_file_and_field():
    error = error_for(GOOD_TOPIC.replace('title = "Demo topic"\n', ""))
    assert error.file == "topics/demo.md"
    assert error.field == "title"
    assert "missing" in str(error)


def test_unknown_level_names_the_line():
    error = error_for(GOOD_TOPIC.replace("=== clinic ===", "=== teens ==="))
    assert error.line == 22
    assert "unknown section 'teens'" in str(error)
    assert "child, family, clinic" in str(error)


def test_broken_date_names_the_line():
    error = error_for(GOOD_TOPIC.replace("next_review = 2027-11-24", "next_review = 2027-13-24"))
    assert (error.file, error.line) == ("topics/demo.md", 6)


def test_date_in_quotes_is_refused_with_its_field_and_line():
    error = error_for(GOOD_TOPIC.replace("sources_checked = 2026-11-24",
                                         'sources_checked = "24 Nov 2026"'))
    assert (error.line, error.field) == (5, "sources_checked")
    assert "YYYY-MM-DD" in str(error)


def test_link_to_a_missing_glossary_term_names_its_line():
    error = error_for(GOOD_TOPIC.replace("T cells are white", "[B cells](glossary:b-cell) are"))
    assert (error.file, error.line) == ("topics/demo.md", 20)
    assert "'b-cell'" in str(error)


def test_missing_level_section_is_named():
    error = error_for(GOOD_TOPIC.replace("=== family ===\nT cells are white blood cells.\n", ""))
    assert error.field == "family"


def test_no_front_matter_is_explained():
    error = error_for("Just some text\n")
    assert error.line == 1
    assert "+++" in str(error)


def test_unreadable_topic_file_becomes_an_error_page_not_a_crash(tmp_path):
    (tmp_path / "topics").mkdir()
    (tmp_path / "glossary.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "topics" / "demo.md").write_bytes(b"\xff\xfe not utf-8 \xff")
    library = load_library(read_content_dir(tmp_path))
    assert isinstance(library.topic("demo"), BrokenTopic)
    assert "cannot be read" in str(library.topic("demo").error)


def test_broken_glossary_is_reported_and_topics_still_load():
    library = load_library({"glossary.toml": "[[term]]\nid = 'x'\n", "topics/demo.md": GOOD_TOPIC})
    assert [topic.id for topic in library.good_topics] == ["demo"]
    assert any(error.file == "glossary.toml" and error.field == "term" for error in library.errors)


def test_error_message_reads_file_line_field():
    error = ContentError("must be a date", file="topics/a.md", line=4, field="next_review")
    assert str(error) == "topics/a.md, line 4, field 'next_review': must be a date"


@pytest.mark.parametrize("bad, field", [
    ('order = 3', 'order = "three"'),
    ('id = "demo"', 'id = "Demo Topic"'),
])
def test_bad_values_name_their_field(bad, field):
    error = error_for(GOOD_TOPIC.replace(bad, field))
    assert error.field == field.split(" ")[0]
