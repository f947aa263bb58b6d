"""Find the CD19 flags: tap the cells that carry a flag; every tap gets a kind answer.

No timer, no score to beat and no "game over": the round ends when every flag is found.
The rules live in ``allexplainer.play.find_flags``; this widget draws them.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtWidgets import (
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allexplainer.play import find_flags
from allexplainer.play._qt.build import PLAY_AGAIN_TEXT
from allexplainer.play._qt.items import CellItem
from allexplainer.play._qt.view import PlayView, keep_place_when_hidden
from allexplainer.play.find_flags import Feedback, FeedbackKind, FlagHunt
from allexplainer.reading_state import ReadingState
from allexplainer.speech._qt.announce import announce
from allexplainer.speech._qt.highlight import read_label
from allexplainer.speech._qt.speaker import Speaker

MARGIN = 24.0
SCENE_RECT = QRectF(-MARGIN, -MARGIN, find_flags.FIELD_WIDTH + 2 * MARGIN,
                    find_flags.FIELD_HEIGHT + 2 * MARGIN)


def progress_text(found: int, flags: int) -> str:
    """How many flags are found so far, in child words."""
    return f"Flags found: {found} of {flags}"


class FindActivity(QWidget):
    """Cells to tap; a star on each one with a flag, a smile from each healthy one."""

    found_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, seed: int | None = None,
                 state: ReadingState | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("play-find")
        # Reduce motion is read at each step, so a change reaches a game already open
        self._state = state if state is not None else ReadingState(parent=self)
        # a fixed seed makes a round repeatable (tests); otherwise each visit looks new
        self.hunt = FlagHunt(seed if seed is not None else random.randrange(1, 1_000_000))
        self._focused: int | None = None
        self._ring_shown = False
        self.cell_items: dict[int, CellItem] = {}

        self.scene = QGraphicsScene(SCENE_RECT, self)
        self.view = PlayView(self.scene, self, self)
        self.setAccessibleName("Find the flags")
        self.view.setAccessibleName("Find the flags: the play area")
        self.view.setToolTip("Arrow keys choose, Enter picks")
        self.view.viewport().setAccessibleName(self.view.accessibleName())
        self.message_label = QLabel(self)
        self.message_label.setObjectName("play-message")
        self.message_label.setWordWrap(True)
        self.message_label.setMinimumHeight(112)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("play-progress")
        self.play_again_button = QPushButton(PLAY_AGAIN_TEXT, self)
        self.play_again_button.setObjectName("play-again")
        self.play_again_button.clicked.connect(self.play_again)
        keep_place_when_hidden(self.play_again_button)

        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.play_again_button.setMinimumWidth(260)  # as wide as "Flags found: 3 of 3"
        side = QVBoxLayout()
        side.addWidget(self.progress_label)
        side.addWidget(self.play_again_button)
        band = QHBoxLayout()
        band.addWidget(self.message_label, 1)
        band.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.addWidget(self.view, 1)
        layout.addLayout(band)
        self._start_round()

    @property
    def reduced_motion(self) -> bool:
        """Whether this game jumps to its end states instead of moving (Reduce motion)."""
        return self._state.reduced_motion

    @property
    def message(self) -> str:
        """The sentence shown to the child now."""
        return self.message_label.text()

    @property
    def focused_cell(self) -> int | None:
        """The cell the keyboard has chosen, if any."""
        return self._focused

    def _say(self, text: str) -> None:
        if text != self.message_label.text():
            self.message_label.setText(text)
            # for children who cannot read yet: every prompt and answer is spoken (voice on)
            if self._state.voice and self.isVisible():
                read_label(self.message_label, Speaker.of(self._state))
            else:
                announce(self, text)
            self.view.setAccessibleDescription(text)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Opened with voice on: the prompt on screen is read aloud."""
        super().showEvent(event)
        if self._state.voice:
            read_label(self.message_label, Speaker.of(self._state))

    def _start_round(self) -> None:
        for item in self.cell_items.values():
            item.stop_animations()
            self.scene.removeItem(item)
            item.deleteLater()
        self.cell_items = {}
        for cell in self.hunt.cells:
            item = CellItem(cell.id, cell.radius, cell.has_flag, cell.flag_side)
            item.setPos(cell.x, cell.y)
            item.tapped.connect(self.tap)
            self.scene.addItem(item)
            self.cell_items[cell.id] = item
        self._focused = self.hunt.reading_order()[0]
        self._show_ring()
        self.play_again_button.hide()
        self._say(find_flags.START_MESSAGE)
        self._show_progress()

    def _show_progress(self) -> None:
        self.progress_label.setText(progress_text(self.hunt.found_count, self.hunt.flag_count))

    def tap(self, cell_id: int) -> Feedback:
        """Tap cell ``cell_id`` (a finger, a click, or Enter on the chosen cell)."""
        before = self.hunt.found_count
        feedback = self.hunt.tap(cell_id)
        item = self.cell_items[cell_id]
        if feedback.kind is FeedbackKind.NO_FLAG:
            item.set_greeted(True)
        elif self.hunt.found_count != before:
            item.set_found(True, animate=not self.reduced_motion)
            self._show_progress()
            self.found_changed.emit(self.hunt.found_count)
        if self.hunt.all_found:
            self.play_again_button.show()
        self._say(feedback.message)
        return feedback

    def play_again(self) -> None:
        """A new round with a new layout of cells."""
        self.hunt.play_again()
        self._start_round()
        self.found_changed.emit(0)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop_animations(self) -> None:
        """Finish every star at once (before hiding or closing)."""
        for item in self.cell_items.values():
            item.stop_animations()

    # --- keyboard (see PlayView) ---------------------------------------------------------

    def _show_ring(self) -> None:
        for cell_id, item in self.cell_items.items():
            item.set_chosen(self._ring_shown and cell_id == self._focused)

    def step_focus(self, step: int) -> bool:
        """Tab: the next or previous cell, row by row; False past the last one."""
        order = self.hunt.reading_order()
        index = order.index(self._focused) + step if self._focused is not None else 0
        if not 0 <= index < len(order):
            return False
        self._focused = order[index]
        self._show_ring()
        return True

    def move_focus(self, dx: int, dy: int) -> None:
        """Arrow keys: the nearest cell in that direction."""
        if self._focused is None:
            self._focused = self.hunt.reading_order()[0]
        else:
            self._focused = self.hunt.neighbour(self._focused, dx, dy)
        self._show_ring()

    def activate_focus(self) -> None:
        """Enter or Space: tap the chosen cell."""
        if self._focused is not None:
            self.tap(self._focused)

    def show_focus(self, shown: bool) -> None:
        """Show the focus ring only while the keyboard is in use."""
        self._ring_shown = shown
        self._show_ring()
