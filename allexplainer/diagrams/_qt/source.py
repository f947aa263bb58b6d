"""Where diagrams come from: scenes loaded once, players made on demand."""

from __future__ import annotations

import logging
from collections.abc import Collection
from pathlib import Path

from PySide6.QtWidgets import QWidget

from allexplainer.content.errors import ContentError
from allexplainer.content.links import TooltipLookup
from allexplainer.reading_state import ReadingState

log = logging.getLogger(__name__)


class DiagramSource:
    """Loads the scene scripts on first use; builds a DiagramPlayer (importing matplotlib only
    then); a scene that cannot be loaded is logged and gives None, never an exception."""

    def __init__(self, diagrams_dir: Path | None = None,
                 known_terms: Collection[str] | None = None) -> None:
        self._diagrams_dir = diagrams_dir
        self._known_terms = known_terms
        self._scenes: dict | None = None
        self.errors: list[ContentError] = []

    def scenes(self) -> dict:
        """Every scene that loaded, by id."""
        if self._scenes is None:
            from allexplainer.diagrams.loader import load_scenes
            from allexplainer.resources import diagram_files

            self._scenes, errors = load_scenes(diagram_files(self._diagrams_dir),
                                               self._known_terms)
            for error in errors:
                log.warning("%s", error)
            self.errors += errors
        return self._scenes

    def stage_counts(self) -> dict[str, int]:
        """How many stages each loaded scene has."""
        return {scene_id: len(scene.stages) for scene_id, scene in self.scenes().items()}

    def __call__(self, scene_id: str, state: ReadingState, parent: QWidget,
                 tooltip_for: TooltipLookup | None = None) -> QWidget | None:
        """A DiagramPlayer for ``scene_id``, or None if that scene could not be loaded."""
        scene = self.scenes().get(scene_id)
        if scene is None:
            log.warning("diagram '%s' is missing or could not be loaded", scene_id)
            return None
        from allexplainer.diagrams._qt.player import DiagramPlayer

        return DiagramPlayer(scene, state, parent, tooltip_for=tooltip_for)
