"""The order a presenter steps through: every stage of every topic's diagram, topic by topic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Slide:
    """One stop in the presentation: a stage of a topic's diagram."""

    topic_id: str
    scene_id: str
    stage: int
    stage_count: int


class Deck:
    """A cursor over the slides; next and previous cross from one topic into the next."""

    def __init__(self, diagrams: Sequence[tuple[str, str, int]]) -> None:
        """``diagrams``: (topic id, scene id, number of stages) in topic order."""
        self.slides = tuple(Slide(topic, scene, stage, count)
                            for topic, scene, count in diagrams for stage in range(count))
        if not self.slides:
            raise ValueError("there are no diagrams to present")
        self.position = 0

    @property
    def current(self) -> Slide:
        """The slide shown."""
        return self.slides[self.position]

    @property
    def upcoming(self) -> Slide | None:
        """The slide after this one, or None at the end."""
        return self.slides[self.position + 1] if self.position + 1 < len(self.slides) else None

    def next(self) -> bool:
        """Move on one slide; False (and stay) at the end."""
        if self.position + 1 >= len(self.slides):
            return False
        self.position += 1
        return True

    def previous(self) -> bool:
        """Move back one slide; False (and stay) at the start."""
        if self.position == 0:
            return False
        self.position -= 1
        return True

    def go_to(self, topic_id: str, stage: int = 0) -> bool:
        """Jump to ``stage`` of ``topic_id``'s diagram (the nearest stage that exists)."""
        matches = [i for i, slide in enumerate(self.slides) if slide.topic_id == topic_id]
        if not matches:
            return False
        self.position = matches[min(max(stage, 0), len(matches) - 1)]
        return True
