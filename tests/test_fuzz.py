"""Fuzzing every loader: whatever the file holds, the only error that escapes is our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allexplainer.content.errors import ContentError
from allexplainer.content.glossary import parse_glossary
from allexplainer.content.library import load_library
from allexplainer.content.quiz import parse_quiz
from allexplainer.content.topics import parse_topic
from allexplainer.notebook.questions import Notebook, NotebookError
from tests.helpers import CONTENT_DIR, ROOT

EXAMPLES = settings(max_examples=1000, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

REAL_TOPIC = (CONTENT_DIR / "topics" / "car-t.md").read_text(encoding="utf-8")
REAL_GLOSSARY = (CONTENT_DIR / "glossary.toml").read_text(encoding="utf-8")
REAL_QUIZ = (CONTENT_DIR / "quiz" / "car-t.toml").read_text(encoding="utf-8")
REAL_NOTEBOOK = ('{"format": 1, "questions": [{"id": "a", "text": "Why?", "done": false, '
                 '"topic": "car-t"}]}')

FRAGMENTS = ["+++", "===", "=== child ===", "=== family ===", "=== clinic ===", "=== questions ===",
             "[[sources]]", "[[term]]", "[[child]]", "[[child.answers]]", "id = ", "title = ",
             "order = 3", "order = -1", "sources_checked = 2026-02-30", "next_review = 2020-01-01",
             '"', "'", "[x](glossary:nope)", "[x](glossary:cd19)", "\x00", "\ufeff", "é", "{",
             "}", "[", "]", "= true", "correct = 1", "\n", "\r\n", "   ", "#", "- ", "text = ''"]


def mutated(original: str):
    """Real files with lines deleted, duplicated, swapped or corrupted, and fragments inserted."""
    lines = original.splitlines()

    @st.composite
    def build(draw):
        result = list(lines)
        for _ in range(draw(st.integers(1, 6))):
            action = draw(st.sampled_from(["delete", "duplicate", "insert", "replace", "cut"]))
            if not result:
                break
            index = draw(st.integers(0, len(result) - 1))
            if action == "delete":
                del result[index]
            elif action == "duplicate":
                result.insert(index, result[index])
            elif action == "insert":
                result.insert(index, draw(st.sampled_from(FRAGMENTS)))
            elif action == "replace":
                line = result[index]
                position = draw(st.integers(0, len(line)))
                result[index] = line[:position] + draw(st.sampled_from(FRAGMENTS)) + line[position:]
            else:
                result = result[:index]
        return "\n".join(result)

    return build()


def documents(original: str):
    """Mostly near-misses of a real file, sometimes arbitrary text."""
    return st.one_of(mutated(original), mutated(original), mutated(original),
                     st.text(max_size=400),
                     st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join))


def only_content_errors(parse, text: str) -> None:
    try:
        parse(text)
    except ContentError as error:
        assert error.file, "every error names its file"
        assert str(error)


@EXAMPLES
@given(documents(REAL_TOPIC))
def test_topic_loader_raises_only_content_errors(text):
    only_content_errors(lambda t: parse_topic(t, "topics/car-t.md"), text)


@EXAMPLES
@given(documents(REAL_GLOSSARY[:6000]))
def test_glossary_loader_raises_only_content_errors(text):
    only_content_errors(lambda t: parse_glossary(t, "glossary.toml"), text)


@EXAMPLES
@given(documents(REAL_QUIZ))
def test_quiz_loader_raises_only_content_errors(text):
    only_content_errors(lambda t: parse_quiz(t, "quiz/car-t.toml", "car-t"), text)


@EXAMPLES
@given(documents(REAL_TOPIC), documents(REAL_GLOSSARY[:3000]))
def test_whole_library_never_raises(topic_text, glossary_text):
    library = load_library({"topics/car-t.md": topic_text, "glossary.toml": glossary_text})
    assert len(library.topics) == 1


@EXAMPLES
@given(st.one_of(documents(REAL_NOTEBOOK), st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["format", "questions", "text", "done", "id", "topic"]), inner,
        max_size=5)).map(lambda value: __import__("json").dumps(value))))
def test_notebook_reader_raises_only_notebook_errors(text):
    try:
        notebook = Notebook.from_json(text)
    except NotebookError as error:
        assert str(error)
    else:
        assert all(question.text for question in notebook.questions)


def scene_loader():
    try:
        from allexplainer.diagrams.loader import load_scene
    except ImportError:
        return None
    return load_scene


SCENES = sorted((ROOT / "assets" / "diagrams").glob("*.toml"))


@pytest.mark.skipif(scene_loader() is None or not SCENES, reason="no diagram scenes yet")
@EXAMPLES
@given(st.data())
def test_scene_loader_raises_only_content_errors(data):
    path: Path = data.draw(st.sampled_from(SCENES))
    text = data.draw(documents(path.read_text(encoding="utf-8")))
    only_content_errors(lambda t: scene_loader()(t, path.name), text)
