"""What the room reads under a presented diagram: at most two lines of about 60 characters.

Heads and chairs hide the bottom of a wall screen and a worried family reads slowly, so the
presented caption is short: the caption's own sentences, as many as fit in ``ROOM_LIMIT``
characters. A stage whose first sentence is longer has a shorter line written for the room in
the presenter notes (``room``). Whatever the room does not see, the nurse's notes show, so no
words of the caption are lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from allexplainer.speech.sentences import split_sentences

ROOM_LIMIT = 120  # characters: two lines of about 60


@dataclass(frozen=True)
class RoomCaption:
    """The words on the wall screen, and the rest of the caption for the nurse to say."""

    shown: str
    rest: str = ""

    @property
    def fits(self) -> bool:
        """Whether the shown words fit the room's two lines."""
        return len(self.shown) <= ROOM_LIMIT


def room_caption(caption: str, written_for_room: str = "") -> RoomCaption:
    """The room's part of a plain-text ``caption``: ``written_for_room`` when given (the whole
    caption then goes to the nurse), else the leading sentences that fit in ``ROOM_LIMIT``."""
    caption = " ".join(caption.split())
    if written_for_room.strip():
        return RoomCaption(" ".join(written_for_room.split()), caption)
    sentences = [s.text.strip() for s in split_sentences(caption)]
    shown: list[str] = []
    for sentence in sentences:
        if shown and len(" ".join([*shown, sentence])) > ROOM_LIMIT:
            break
        shown.append(sentence)
        if len(sentence) > ROOM_LIMIT:
            break
    rest = sentences[len(shown):]
    return RoomCaption(" ".join(shown), " ".join(rest))
