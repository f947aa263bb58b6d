"""The line on every page saying the app explains and the care team decides."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from allexplainer import palette

CARE_TEAM_TEXT = ("This app explains treatments and research. It does not replace your "
                  "child's care team: for anything about your own child, ask their doctors "
                  "and nurses.")


class CareTeamNote(QLabel):
    """A calm, always-visible reminder that the care team is the place to ask."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CARE_TEAM_TEXT, parent)
        self.setObjectName("care-team-note")
        self.setWordWrap(True)
        self.setStyleSheet(f"QLabel#care-team-note {{ background: {palette.CARE_NOTE_BACKGROUND};"
                           f" color: {palette.CARE_NOTE_TEXT}; border: 1px solid "
                           f"{palette.CARE_NOTE_EDGE}; border-radius: 4px; padding: 3px 6px; }}")
