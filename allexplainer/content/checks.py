"""Checks on the words themselves: glossary links present, no advice, nothing frightening."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .glossary import TermMatcher
from .levels import LEVELS, Level
from .library import Library
from .links import LINK_RE, linked_ids, strip_links

# Words that read as advice or a promise about one child, at any level.
_PROMISES = [
    (re.compile(r"\bwill\s+(?:be\s+)?cure", re.I), "promises a cure"),
    (re.compile(r"\bguarantee", re.I), "promises an outcome"),
    (re.compile(r"\b(?:definitely|certainly)\s+(?:work|survive|be cured)", re.I),
     "promises an outcome"),
    (re.compile(r"\byour child will\s+(?:survive|be fine|get better|be cured|die)", re.I),
     "predicts for one child"),
    (re.compile(r"\byou should (?:give|take|stop|change)\b", re.I), "gives advice"),
]
# Doses belong, if anywhere, only in the nurse's clinic text.
_DOSES = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|µg|micrograms?|milligrams?|ml|units?)\b"
                    r"|\bmg\s*/\s*(?:m2|m²|kg)\b|\bmicrograms?\s*/\s*(?:m2|m²|kg)", re.I)
# Words too frightening for the child level.
_FRIGHTENING = re.compile(r"\b(?:die|dies|died|dying|death|dead|deadly|kill|kills|killed|"
                          r"killing|fatal|pain|painful|scary)\b", re.I)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a text: where it is and what to change."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def markdown_to_plain(markdown: str) -> str:
    """The words a reader sees: links, headings, bullets and emphasis markers removed."""
    text = strip_links(markdown)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text, flags=re.M)
    text = re.sub(r"^\s*(?:---+|\*\*\*+)\s*$", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__|\*|_|`)", "", text)
    return text.strip()


def texts(library: Library) -> Iterator[tuple[str, Level | None, str]]:
    """Every text of the topics as (where, level, markdown); questions count as family."""
    for topic in library.good_topics:
        for level in LEVELS:
            yield f"{topic.file} [{level.value}]", level, topic.body(level)
        yield f"{topic.file} [questions]", Level.FAMILY, "\n".join(
            f"- {question}" for question in topic.questions)


def quiz_texts(library: Library) -> Iterator[tuple[str, Level | None, str]]:
    """Every teach-back question with its answers and explanations, as (where, level, text)."""
    for _topic_id, quiz in sorted(library.quizzes.items()):
        for level, questions in quiz.questions.items():
            for number, question in enumerate(questions, start=1):
                words = [question.question] + [f"{a.text}. {a.why}" for a in question.answers]
                yield f"{quiz.file} [{level.value} {number}]", level, "\n".join(words)


def glossary_texts(library: Library) -> Iterator[tuple[str, Level | None, str]]:
    """Every glossary definition, as (where, level, text)."""
    for term in library.terms:
        for level in LEVELS:
            yield f"glossary.toml {term.id} [{level.value}]", level, term.definition(level)


def unlinked_terms(where: str, markdown: str, matcher: TermMatcher) -> list[Problem]:
    """Glossary words used in ``markdown`` that are never linked in it."""
    unlinked_text = LINK_RE.sub(" ", markdown)
    missing = matcher.term_ids(strip_links(unlinked_text)) - linked_ids(markdown)
    return [Problem(where, f"glossary word '{term_id}' is used but never linked; link its "
                           f"first mention as [words](glossary:{term_id})")
            for term_id in sorted(missing)]


def unsafe_words(where: str, level: Level | None, markdown: str) -> list[Problem]:
    """Promises, predictions, doses outside clinic, and frightening words for children."""
    plain = markdown_to_plain(markdown)
    problems = [Problem(where, f"'{match.group(0)}' {why}")
                for pattern, why in _PROMISES for match in pattern.finditer(plain)]
    if level is not Level.CLINIC:
        problems += [Problem(where, f"'{match.group(0)}' looks like a dose; doses are never "
                                    "given outside the clinic level")
                     for match in _DOSES.finditer(plain)]
    if level is Level.CHILD:
        problems += [Problem(where, f"'{match.group(0)}' may frighten a child; find a calmer word")
                     for match in _FRIGHTENING.finditer(plain)]
    return problems


def check_words(items: Iterable[tuple[str, Level | None, str]],
                matcher: TermMatcher) -> list[Problem]:
    """Run the link and safety checks over ``items`` of (where, level, markdown)."""
    problems: list[Problem] = []
    for where, level, markdown in items:
        problems += unlinked_terms(where, markdown, matcher)
        problems += unsafe_words(where, level, markdown)
    return problems
