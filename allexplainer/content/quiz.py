"""Teach-back questions: a few kind check-your-understanding questions per topic and level."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from allexplainer.content.errors import ContentError, load_toml
from allexplainer.content.levels import Level

QUIZ_LEVELS = (Level.CHILD, Level.FAMILY)
MIN_QUESTIONS = 3


@dataclass(frozen=True)
class Answer:
    """One answer to pick, and the kind explanation shown when it is picked."""

    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class Question:
    """A multiple-choice or yes/no question with exactly one correct answer."""

    question: str
    answers: tuple[Answer, ...]

    @property
    def correct_answer(self) -> Answer:
        """The one right answer."""
        return next(answer for answer in self.answers if answer.correct)


@dataclass(frozen=True)
class Quiz:
    """The teach-back questions of one topic."""

    topic_id: str
    questions: Mapping[Level, tuple[Question, ...]]
    file: str

    def for_level(self, level: Level) -> tuple[Question, ...]:
        """Questions for ``level``; the clinic level uses the family questions."""
        return self.questions.get(level) or self.questions[Level.FAMILY]


def _header_lines(text: str, level: str) -> list[int]:
    return [text.count("\n", 0, m.start()) + 1
            for m in re.finditer(rf"^\s*\[\[\s*{level}\s*\]\]", text, re.M)]


def _text(entry: dict, key: str, file: str, line: int, field: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ContentError("missing or empty", file=file, line=line, field=f"{field}.{key}")
    return value.strip()


def parse_quiz(text: str, file: str, topic_id: str) -> Quiz:
    """Parse and validate one quiz file; raise ContentError naming the file, line and field."""
    data = load_toml(text, file)
    unknown = set(data) - {level.value for level in QUIZ_LEVELS}
    if unknown:
        raise ContentError(f"unknown section '{sorted(unknown)[0]}'; use [[child]] or [[family]]",
                           file=file, line=1)
    questions: dict[Level, tuple[Question, ...]] = {}
    for level in QUIZ_LEVELS:
        entries = data.get(level.value, [])
        lines = _header_lines(text, level.value)
        if not isinstance(entries, list) or len(entries) < MIN_QUESTIONS:
            raise ContentError(f"at least {MIN_QUESTIONS} [[{level.value}]] questions are needed",
                               file=file, line=lines[0] if lines else 1, field=level.value)
        parsed = []
        for index, entry in enumerate(entries):
            line = lines[index] if index < len(lines) else 1
            field = f"{level.value}[{index}]"
            if not isinstance(entry, dict):
                raise ContentError("must be a table", file=file, line=line, field=field)
            raw_answers = entry.get("answers")
            if not isinstance(raw_answers, list) or len(raw_answers) < 2:
                raise ContentError("needs at least two [[...answers]]", file=file, line=line,
                                   field=f"{field}.answers")
            answers = []
            for number, raw in enumerate(raw_answers):
                name = f"{field}.answers[{number}]"
                if not isinstance(raw, dict) or not isinstance(raw.get("correct"), bool):
                    raise ContentError("needs 'correct = true' or 'correct = false'", file=file,
                                       line=line, field=name)
                answers.append(Answer(_text(raw, "text", file, line, name), raw["correct"],
                                      _text(raw, "why", file, line, name)))
            if sum(answer.correct for answer in answers) != 1:
                raise ContentError("exactly one answer must be correct", file=file, line=line,
                                   field=f"{field}.answers")
            parsed.append(Question(_text(entry, "question", file, line, field), tuple(answers)))
        questions[level] = tuple(parsed)
    return Quiz(topic_id, questions, file)

