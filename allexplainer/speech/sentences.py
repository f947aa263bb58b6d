"""What is read aloud, sentence by sentence: plain Python, so it is tested without a voice.

The reader hears one sentence at a time and sees that sentence highlighted, so the text is cut
into spans (start, end) of the text given: headings and list items (a line without a full stop)
are sentences of their own; a full stop inside a number ("1.5") or a word ("e.g.") is not an end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# an end: . ! ? or … (with closing quotes or brackets) followed by a space or the end
_END = re.compile(r"[.!?…]+[\"'’”)\]]*(?=\s|$)")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "Dr.", "Mr.", "Mrs.", "Ms.", "vs.", "approx.")


@dataclass(frozen=True)
class Sentence:
    """One sentence to say: its words and where they are in the text they came from."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in reading order, with their places; blank lines are skipped."""
    sentences: list[Sentence] = []
    line_start = 0
    for line in text.splitlines(keepends=True):
        _split_line(line, line_start, sentences)
        line_start += len(line)
    return sentences


def _split_line(line: str, offset: int, out: list[Sentence]) -> None:
    start = 0
    for match in _END.finditer(line):
        if line[:match.end()].endswith(_ABBREVIATIONS):
            continue
        _add(line, start, match.end(), offset, out)
        start = match.end()
    _add(line, start, len(line), offset, out)


def _add(line: str, start: int, end: int, offset: int, out: list[Sentence]) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if not any(character.isalnum() for character in stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    first = offset + start + lead
    out.append(Sentence(stripped, first, first + len(stripped)))


class ReadingQueue:
    """The sentences still to say, one at a time; a new reading replaces the old one whole, so
    two readings never overlap."""

    def __init__(self) -> None:
        self._sentences: list[Sentence] = []
        self._index = -1
        self.owner: object | None = None

    def start(self, text: str, owner: object | None = None) -> None:
        """Queue ``text`` from its first sentence, dropping whatever was queued before."""
        self._sentences = split_sentences(text)
        self._index = -1
        self.owner = owner

    def next(self) -> Sentence | None:
        """The next sentence to say, or None when the reading is over."""
        self._index += 1
        if self._index < len(self._sentences):
            return self._sentences[self._index]
        self.clear()
        return None

    @property
    def current(self) -> Sentence | None:
        """The sentence being said, if any."""
        if 0 <= self._index < len(self._sentences):
            return self._sentences[self._index]
        return None

    @property
    def index(self) -> int:
        """Which sentence is being said (0-based; -1 before the first)."""
        return self._index

    def clear(self) -> None:
        """Forget the reading."""
        self._sentences = []
        self._index = -1
        self.owner = None

    @property
    def active(self) -> bool:
        """Whether a reading is under way."""
        return bool(self._sentences)
