"""A parent's list of questions for the care team: add, edit, tick off, remove; saved as JSON."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace

# Format 1 throughout: a question's "place" was added as an optional key, so files written
# before it open unchanged, and an older app reading a newer file simply ignores the place.
FORMAT_VERSION = 1
MAX_QUESTION_LENGTH = 2000


class NotebookError(ValueError):
    """A notebook file that cannot be understood."""


@dataclass(frozen=True)
class Place:
    """What was on screen when a question was written: a diagram stage and/or a glossary word,
    at a reading level. The topic is the question's ``topic_id``."""

    stage: int | None = None  # 0-based stage of the topic's diagram
    stage_count: int = 0
    level: str = ""  # child, family or clinic
    term: str = ""  # a glossary term id

    def to_dict(self) -> dict:
        """The place as it is kept in the notebook file."""
        data: dict = {}
        if self.stage is not None:
            data["stage"] = self.stage
            data["stages"] = self.stage_count
        if self.level:
            data["level"] = self.level
        if self.term:
            data["term"] = self.term
        return data

    @classmethod
    def from_dict(cls, raw: object) -> Place | None:
        """A place read from a file; None for anything that is not one (never an error)."""
        if not isinstance(raw, dict):
            return None
        stage, stages = raw.get("stage"), raw.get("stages")
        ok_stage = isinstance(stage, int) and not isinstance(stage, bool) and 0 <= stage < 1000
        ok_count = isinstance(stages, int) and not isinstance(stages, bool) and stages > 0
        level, term = raw.get("level"), raw.get("term")
        place = cls(stage if ok_stage else None,
                    stages if ok_stage and ok_count else 0,
                    level if level in ("child", "family", "clinic") else "",
                    term if isinstance(term, str) else "")
        return place if place.stage is not None or place.term else None


def describe_place(topic_title: str, place: Place | None, term_name: str = "") -> str:
    """Where a question was written, in words: "CAR T-cell therapy, picture 3 of 5, family
    words"; "" when the question has no topic."""
    parts = [topic_title] if topic_title else []
    if place is not None and place.stage is not None:
        of = f" of {place.stage_count}" if place.stage_count else ""
        parts.append(f"picture {place.stage + 1}{of}")
    if place is not None and place.term:
        parts.append(f"the word \u201c{term_name or place.term}\u201d")
    if parts and place is not None and place.level:
        parts.append(f"{place.level} words")
    return ", ".join(parts)


def new_question_id() -> str:
    """A random 32-hex-digit id, as unique as a version-4 UUID (the uuid module is not
    loaded for it: it pulls in ``platform``, a few milliseconds the window's start can save)."""
    return os.urandom(16).hex()


@dataclass(frozen=True)
class Question:
    """One question a family wants to ask, and whether it has been asked."""

    text: str
    done: bool = False
    topic_id: str = ""
    id: str = field(default_factory=new_question_id)
    place: Place | None = None  # pinned to what was on screen (None: written elsewhere)


def _clean(text: str) -> str:
    cleaned = " ".join(str(text).split())
    if not cleaned:
        raise ValueError("a question needs some words")
    return cleaned[:MAX_QUESTION_LENGTH]


class Notebook:
    """An ordered list of questions; every change is reported to ``on_change`` (e.g. to save)."""

    def __init__(self, questions: list[Question] | None = None) -> None:
        self._questions: list[Question] = list(questions or [])
        self.listeners: list = []

    def __len__(self) -> int:
        return len(self._questions)

    @property
    def questions(self) -> tuple[Question, ...]:
        """The questions, in the order they were added."""
        return tuple(self._questions)

    def _changed(self) -> None:
        for listener in list(self.listeners):
            listener()

    def _index(self, question_id: str) -> int:
        for index, question in enumerate(self._questions):
            if question.id == question_id:
                return index
        raise KeyError(question_id)

    def add(self, text: str, topic_id: str = "", place: Place | None = None) -> Question:
        """Add a question (pinned to ``place`` if given); the same wording twice is kept once."""
        cleaned = _clean(text)
        for question in self._questions:
            if question.text.casefold() == cleaned.casefold() and not question.done:
                return question
        question = Question(cleaned, topic_id=topic_id, place=place)
        self._questions.append(question)
        self._changed()
        return question

    def edit(self, question_id: str, text: str) -> None:
        """Change a question's words."""
        index = self._index(question_id)
        cleaned = _clean(text)
        if cleaned != self._questions[index].text:
            self._questions[index] = replace(self._questions[index], text=cleaned)
            self._changed()

    def set_done(self, question_id: str, done: bool) -> None:
        """Tick a question off (or un-tick it)."""
        index = self._index(question_id)
        if self._questions[index].done != done:
            self._questions[index] = replace(self._questions[index], done=done)
            self._changed()

    def clear(self) -> None:
        """Remove every question (the caller keeps a copy first)."""
        if self._questions:
            self._questions.clear()
            self._changed()

    def remove(self, question_id: str) -> None:
        """Remove a question."""
        del self._questions[self._index(question_id)]
        self._changed()

    # ----- the file format ------------------------------------------------------------------
    def to_json(self) -> str:
        """The notebook as JSON text."""
        questions = []
        for q in self._questions:
            entry = {"id": q.id, "text": q.text, "done": q.done, "topic": q.topic_id}
            if q.place is not None:
                entry["place"] = q.place.to_dict()
            questions.append(entry)
        return json.dumps({"format": FORMAT_VERSION, "questions": questions},
                          indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Notebook:
        """Read a notebook; raise NotebookError if the text is not one."""
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as error:
            raise NotebookError(f"not a notebook file: {error}") from None
        if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
            raise NotebookError("not a notebook file: no list of questions")
        if data.get("format") != FORMAT_VERSION:
            raise NotebookError(f"unknown notebook format {data.get('format')!r}")
        questions = []
        for number, raw in enumerate(data["questions"], start=1):
            if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
                raise NotebookError(f"question {number} has no text")
            try:
                text = _clean(raw["text"])
            except ValueError:
                raise NotebookError(f"question {number} has no text") from None
            question_id = raw.get("id")
            topic_id = raw.get("topic", "")
            questions.append(Question(
                text, done=raw.get("done") is True,
                topic_id=topic_id if isinstance(topic_id, str) else "",
                id=question_id if isinstance(question_id, str) and question_id
                else new_question_id(),
                place=Place.from_dict(raw.get("place"))))
        return cls(questions)

    def as_text(self, where: Callable[[Question], str] | None = None) -> str:
        """A plain list to print or copy: open questions first, then those already asked;
        ``where`` gives the place a question was written, shown under it."""

        def entry(mark: str, q: Question) -> list[str]:
            place = where(q) if where is not None and q.place is not None else ""
            return [f"[{mark}] {q.text}"] + ([f"    (about: {place})"] if place else [])

        lines = ["My questions for the care team", ""]
        open_questions = [q for q in self._questions if not q.done]
        asked = [q for q in self._questions if q.done]
        lines += [line for q in open_questions for line in entry(" ", q)] \
            or ["(no questions yet)"]
        if asked:
            lines += ["", "Already asked:"] + [line for q in asked for line in entry("x", q)]
        return "\n".join(lines) + "\n"
