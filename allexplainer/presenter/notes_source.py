"""Where the nurse's notes come from: read once, from the built-in resources or a preview folder."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from allexplainer.content.errors import ContentError

if TYPE_CHECKING:
    from allexplainer.presenter.nurse_notes import StageNote

log = logging.getLogger(__name__)


class PresenterNotes:
    """Loads the presenter notes on first use; a problem is logged and gives no notes, never an
    exception (presenter mode still runs without them)."""

    def __init__(self, presenter_dir: Path | None = None) -> None:
        self._presenter_dir = presenter_dir
        self._notes: dict[str, tuple[StageNote, ...]] | None = None
        self.errors: list[ContentError] = []

    def load(self, stage_counts: Mapping[str, int]) -> dict[str, tuple[StageNote, ...]]:
        """The notes by scene id, checked to cover every stage of ``stage_counts``."""
        if self._notes is None:  # read when presenter mode first opens, not at start
            from allexplainer.presenter.nurse_notes import check_notes_cover, parse_notes
            from allexplainer.resources import read_presenter_notes

            try:
                self._notes = parse_notes(read_presenter_notes(self._presenter_dir))
                check_notes_cover(self._notes, stage_counts)
            except ContentError as error:
                log.warning("%s", error)
                self.errors.append(error)
                self._notes = self._notes or {}
        return self._notes
