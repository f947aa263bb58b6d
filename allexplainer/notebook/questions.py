"""A parent's list of questions for the care team: add, edit, tick off, remove; saved as JSON."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field, replace

FORMAT_VERSION = 1
MAX_QUESTION_LENGTH = 2000


class NotebookError(ValueError):
    """A notebook file that cannot be understood."""


@dataclass(frozen=True)
class Question:
    """One question a family wants to ask, and whether it has been asked."""

    text: str
    done: bool = False
    topic_id: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)


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

    def add(self, text: str, topic_id: str = "") -> Question:
        """Add a question; the same wording twice is kept once."""
        cleaned = _clean(text)
        for question in self._questions:
            if question.text.casefold() == cleaned.casefold() and not question.done:
                return question
        question = Question(cleaned, topic_id=topic_id)
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
        return json.dumps({"format": FORMAT_VERSION,
                           "questions": [{"id": q.id, "text": q.text, "done": q.done,
                                          "topic": q.topic_id} for q in self._questions]},
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
                else uuid.uuid4().hex))
        return cls(questions)

    def as_text(self) -> str:
        """A plain list to print or copy: open questions first, then those already asked."""
        lines = ["My questions for the care team", ""]
        open_questions = [q for q in self._questions if not q.done]
        asked = [q for q in self._questions if q.done]
        lines += [f"[ ] {q.text}" for q in open_questions] or ["(no questions yet)"]
        if asked:
            lines += ["", "Already asked:"] + [f"[x] {q.text}" for q in asked]
        return "\n".join(lines) + "\n"
