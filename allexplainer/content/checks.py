"""Checks on the words themselves: glossary links present, no advice, nothing frightening."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from allexplainer.content.glossary import TermMatcher
from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.library import Library
from allexplainer.content.links import LINK_RE, TRIAL_LINK_RE, linked_ids, strip_links

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
    # a trial link counts as a link: its tooltip explains the trial
    unlinked_text = TRIAL_LINK_RE.sub(" ", LINK_RE.sub(" ", markdown))
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


# Statements found wrong or out of date in review, and words that suggest "cured" after a game.
BANNED_PHRASES: tuple[tuple[str, str], ...] = (
    ("all clear", "suggests the child is cured"),
    ("being compared with chemo", "the blinatumomab relapse trials reported in 2021"),
    ("most of them did not", "many survivors have at least one long-term condition"),
    ("most did not have", "many survivors have at least one long-term condition"),
    ("healthy cells have no flags", "healthy B cells carry CD19 too"),
    ("only poorly cells have", "healthy B cells carry CD19 too"),
    ("vaccines contain antibodies", "a vaccine teaches the body to make its own antibodies"),
    ("antibodies from vaccines", "a vaccine teaches the body to make its own antibodies"),
    ("same kind of protein", "vaccines do not contain antibodies"),
)
SHINGLE_WORDS = 8


def banned_phrases(where: str, text: str) -> list[Problem]:
    """Every banned phrase in ``text`` (case and spacing ignored), with why it is banned."""
    plain = " ".join(markdown_to_plain(text).casefold().split())
    return [Problem(where, f"'{phrase}' must not be said: {why}")
            for phrase, why in BANNED_PHRASES if phrase in plain]


def words_of(text: str) -> list[str]:
    """The lower-case words of ``text``, links reduced to their shown words."""
    plain = strip_links(text).casefold().replace("\u2019", "'")
    return re.findall(r"[a-z0-9']+", plain)


def shingle_fingerprint(words: Iterable[str]) -> str:
    """A short, stable fingerprint of a run of words (so no source text need be stored)."""
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:16]


def fingerprints(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The fingerprint of every run of ``size`` words in ``text``."""
    words = words_of(text)
    return {shingle_fingerprint(words[i:i + size]) for i in range(len(words) - size + 1)}


def copied_runs(where: str, text: str, source: set[str],
                size: int = SHINGLE_WORDS) -> list[Problem]:
    """Every run of ``size`` or more words in ``text`` that also stands in the source."""
    words = words_of(text)
    return [Problem(where, f"shares {size} words in a row with the founding document: "
                           f"'{' '.join(words[i:i + size])}'; write it in your own words")
            for i in range(len(words) - size + 1)
            if shingle_fingerprint(words[i:i + size]) in source]
