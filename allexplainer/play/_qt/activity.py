"""What every Play mode activity shares: a play area, a message band that speaks, Play again,
and Reduce motion read from the app's ``ReadingState``."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGraphicsScene, QLabel, QPushButton, QWidget

from allexplainer.play._qt.view import PlayView
from allexplainer.reading_state import ReadingState
from allexplainer.speech._qt.announce import announce
from allexplainer.speech._qt.highlight import read_label
from allexplainer.speech._qt.speaker import Speaker

PLAY_AGAIN_TEXT = "Play again"
KEYS_HINT = "Arrow keys choose, Enter picks"


class Activity(QWidget):
    """A play area (``scene``, ``view``), the sentence shown to the child (``message_label``)
    and a Play again button; subclasses lay them out and fill the scene."""

    def __init__(self, parent: QWidget | None, *, name: str, object_name: str,
                 scene_rect: QRectF, state: ReadingState | None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        # Reduce motion is read at each step, so a change reaches a game already open
        self._state = state if state is not None else ReadingState(parent=self)
        self._state.reduced_motion_changed.connect(self._motion_changed)
        self.scene = QGraphicsScene(scene_rect, self)
        self.view = PlayView(self.scene, self, self)
        self.setAccessibleName(name)
        self.view.setAccessibleName(f"{name}: the play area")
        self.view.setToolTip(KEYS_HINT)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("play-message")
        self.message_label.setWordWrap(True)
        self.message_label.setMinimumHeight(112)
        self.play_again_button = QPushButton(PLAY_AGAIN_TEXT, self)
        self.play_again_button.setObjectName("play-again")
        self.play_again_button.clicked.connect(self.play_again)

    @property
    def state(self) -> ReadingState:
        """The reading state this activity follows (Reduce motion, voice)."""
        return self._state

    @property
    def reduced_motion(self) -> bool:
        """Whether this game jumps to its end states instead of moving (Reduce motion)."""
        return self._state.reduced_motion

    @property
    def message(self) -> str:
        """The sentence shown to the child now."""
        return self.message_label.text()

    def _say(self, text: str) -> None:
        if text != self.message_label.text():
            self.message_label.setText(text)
            # for children who cannot read yet: every prompt and answer is spoken (voice on);
            # with voice off a screen reader is told it
            if self._state.voice and self.isVisible():
                read_label(self.message_label, Speaker.of(self._state))
            else:
                announce(self, text)
            self.view.setAccessibleDescription(text)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Opened with voice on: the prompt on screen is read aloud."""
        super().showEvent(event)
        if self._state.voice:
            read_label(self.message_label, Speaker.of(self._state))

    def _motion_changed(self, reduced: bool) -> None:
        if reduced:  # turned on in the middle of a movement: show where it was going
            self.stop_animations()

    # --- for each activity to fill in ----------------------------------------------------

    def play_again(self) -> None:
        """Start a new round."""
        raise NotImplementedError

    def stop_animations(self) -> None:
        """Jump every movement to its end (before hiding or closing)."""
        raise NotImplementedError

    def accessible_items(self) -> list:
        """The things in the play area, in the order a screen reader should meet them."""
        raise NotImplementedError
