"""Everything the app says, loaded and cross-checked: topics, glossary and quizzes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from allexplainer.content.errors import ContentError, load_toml
from allexplainer.content.glossary import Term, TermMatcher, parse_glossary
from allexplainer.content.levels import LEVELS, Level
from allexplainer.content.links import iter_links, iter_trial_links, linked_trial_ids
from allexplainer.content.quiz import Quiz, parse_quiz
from allexplainer.content.topics import Topic, parse_topic
from allexplainer.content.trials import Trial, parse_trials

TOPICS_DIR = "topics"
QUIZ_DIR = "quiz"
GLOSSARY_FILE = "glossary.toml"
TRIALS_FILE = "trials.toml"
VERSION_FILE = "content.toml"


@dataclass(frozen=True)
class ContentVersion:
    """The version of the words, separate from the app's version: ``2026.12``."""

    version: str = "unknown"
    date: dt.date | None = None

    def __str__(self) -> str:
        return self.version


def parse_content_version(text: str, file: str) -> ContentVersion:
    """Read ``content.toml``: ``version = "YYYY.MM"`` and ``date = YYYY-MM-DD``."""
    data = load_toml(text, file)
    version, date = data.get("version"), data.get("date")
    if not isinstance(version, str) or not re.fullmatch(r"\d{4}\.\d{2}(?:\.\d+)?", version):
        raise ContentError('must be text like "2026.12"', file=file, line=1, field="version")
    if isinstance(date, dt.datetime) or not isinstance(date, dt.date):
        raise ContentError("must be a date written YYYY-MM-DD", file=file, line=1, field="date")
    return ContentVersion(version, date)


@dataclass(frozen=True)
class BrokenTopic:
    """A topic file that could not be loaded, kept so the app can show what is wrong."""

    id: str
    error: ContentError
    order: int = 99

    @property
    def title(self) -> str:
        """A tab title made from the file name."""
        return self.id.replace("-", " ").capitalize()

    @property
    def short_title(self) -> str:
        """The same as the title."""
        return self.title


@dataclass(frozen=True)
class Library:
    """All loaded content; problems are collected in ``errors`` rather than raised."""

    topics: tuple[Topic | BrokenTopic, ...]
    terms: tuple[Term, ...]
    quizzes: Mapping[str, Quiz]
    errors: tuple[ContentError, ...] = ()
    trials: tuple[Trial, ...] = ()
    version: ContentVersion = ContentVersion()
    _by_id: dict[str, Term] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({term.id: term for term in self.terms})

    def term(self, term_id: str) -> Term | None:
        """Return the glossary term with ``term_id``, or None."""
        return self._by_id.get(term_id)

    def topic(self, topic_id: str) -> Topic | BrokenTopic | None:
        """Return the topic with ``topic_id``, or None."""
        return next((topic for topic in self.topics if topic.id == topic_id), None)

    @property
    def good_topics(self) -> tuple[Topic, ...]:
        """The topics that loaded without error, in order."""
        return tuple(topic for topic in self.topics if isinstance(topic, Topic))

    def appears_in(self, term_id: str) -> tuple[Topic, ...]:
        """The topics whose text links to ``term_id`` at any level (derived, never typed)."""
        return tuple(topic for topic in self.good_topics
                     if any(link.term_id == term_id for level in LEVELS
                            for link in iter_links(topic.body(level))))

    def trial(self, trial_id: str) -> Trial | None:
        """Return the trial with ``trial_id``, or None."""
        return next((trial for trial in self.trials if trial.id == trial_id), None)

    def trials_in(self, topic: Topic, level: Level) -> tuple[Trial, ...]:
        """The trials linked from ``topic``'s text at ``level``, in order of first mention."""
        found = (self.trial(trial_id) for trial_id in linked_trial_ids(topic.body(level)))
        return tuple(trial for trial in found if trial is not None)

    def matcher(self) -> TermMatcher:
        """A matcher that finds glossary words in plain text."""
        return TermMatcher(self.terms)


def check_topic_links(topic: Topic, term_ids: set[str], trial_ids: set[str] | None = None) -> None:
    """Raise ContentError at the first link in ``topic`` to a term or trial that does not exist
    (trial links are checked only when ``trial_ids`` is given)."""
    sections = [*(topic.bodies[level] for level in LEVELS)]
    for section in sections:
        for link in iter_links(section.text, section.first_line):
            if link.term_id not in term_ids:
                raise ContentError(f"link to unknown glossary term '{link.term_id}'",
                                   file=topic.file, line=link.line, field="glossary link")
        for link in iter_trial_links(section.text, section.first_line):
            if trial_ids is not None and link.term_id not in trial_ids:
                raise ContentError(f"link to unknown trial '{link.term_id}'; trials are listed "
                                   f"in {TRIALS_FILE}", file=topic.file, line=link.line,
                                   field="trial link")


def load_library(files: Mapping[str, str | ContentError]) -> Library:
    """Load content from ``files`` (relative path -> text, or the error met reading it).

    A bad file never stops the rest: its problem is collected in ``Library.errors``.
    """
    errors: list[ContentError] = []

    def text_of(path: str) -> str:
        value = files[path]
        if isinstance(value, ContentError):
            raise value
        return value

    terms: tuple[Term, ...] = ()
    if GLOSSARY_FILE not in files:
        errors.append(ContentError("the glossary file is missing", file=GLOSSARY_FILE))
    else:
        try:
            terms = parse_glossary(text_of(GLOSSARY_FILE), GLOSSARY_FILE)
        except ContentError as error:
            errors.append(error)
    term_ids = {term.id for term in terms}
    trials: tuple[Trial, ...] = ()
    trial_ids: set[str] | None = None
    if TRIALS_FILE in files:
        try:
            trials = parse_trials(text_of(TRIALS_FILE), TRIALS_FILE)
            trial_ids = {trial.id for trial in trials}
        except ContentError as error:
            errors.append(error)
    else:
        errors.append(ContentError("the trials file is missing", file=TRIALS_FILE))
    version = ContentVersion()
    if VERSION_FILE in files:
        try:
            version = parse_content_version(text_of(VERSION_FILE), VERSION_FILE)
        except ContentError as error:
            errors.append(error)
    else:
        errors.append(ContentError("the content version file is missing", file=VERSION_FILE))

    topics: list[Topic | BrokenTopic] = []
    for path in sorted(files):
        pure = PurePosixPath(path)
        if pure.parent.name != TOPICS_DIR or pure.suffix != ".md":
            continue
        try:
            topic = parse_topic(text_of(path), path)
            if topic.id != pure.stem:
                raise ContentError(f"id '{topic.id}' does not match the file name '{pure.stem}'",
                                   file=path, line=2, field="id")
            if terms:
                check_topic_links(topic, term_ids, trial_ids)
            topics.append(topic)
        except ContentError as error:
            errors.append(error)
            topics.append(BrokenTopic(pure.stem, error))
    _check_unique_order(topics, errors)
    topics.sort(key=lambda topic: (topic.order, topic.id))

    quizzes: dict[str, Quiz] = {}
    for path in sorted(files):
        pure = PurePosixPath(path)
        if pure.parent.name == QUIZ_DIR and pure.suffix == ".toml":
            try:
                quizzes[pure.stem] = parse_quiz(text_of(path), path, pure.stem)
            except ContentError as error:
                errors.append(error)
    return Library(tuple(topics), terms, quizzes, tuple(errors), trials, version)


def _check_unique_order(topics: list[Topic | BrokenTopic], errors: list[ContentError]) -> None:
    seen: dict[int, str] = {}
    for topic in topics:
        if isinstance(topic, Topic):
            if topic.order in seen:
                errors.append(ContentError(
                    f"order {topic.order} is also used by '{seen[topic.order]}'",
                    file=topic.file, field="order"))
            seen.setdefault(topic.order, topic.id)


def read_content_dir(folder: Path) -> dict[str, str | ContentError]:
    """Read every content file under ``folder``; a file that cannot be read maps to its error."""
    files: dict[str, str | ContentError] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".md", ".toml"}:
            relative = path.relative_to(folder).as_posix()
            try:
                files[relative] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                files[relative] = ContentError(f"cannot be read: {error}", file=relative)
    return files
