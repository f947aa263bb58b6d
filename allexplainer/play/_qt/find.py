"""Find the CD19 flags: tap the cells that carry flags; every tap gets a kind answer.

The cells are the diagrams' cells: poorly (leukaemia) cells and healthy B cells with CD19 flags
all round, and other blood cells with none. No timer, no score to beat and no "game over": the
round ends when every cell with flags is found.
The rules live in ``allexplainer.play.find_flags``; this widget draws them.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from allexplainer.play import find_flags
from allexplainer.play._qt import accessible
from allexplainer.play._qt.activity import PLAY_AGAIN_TEXT, Activity
from allexplainer.play._qt.items import CellItem
from allexplainer.play._qt.view import keep_place_when_hidden
from allexplainer.play.find_flags import Feedback, FeedbackKind, FlagHunt
from allexplainer.reading_state import ReadingState

__all__ = ["PLAY_AGAIN_TEXT", "FindActivity", "progress_text"]

MARGIN = 24.0
SCENE_RECT = QRectF(-MARGIN, -MARGIN, find_flags.FIELD_WIDTH + 2 * MARGIN,
                    find_flags.FIELD_HEIGHT + 2 * MARGIN)
FIND_TITLE = "Find the flags"


def progress_text(found: int, flags: int) -> str:
    """How many cells with flags are found so far, in child words."""
    return f"Found: {found} of {flags}"


class FindActivity(Activity):
    """Cells to tap; a star on each one with flags, a smile from each one with none."""

    found_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, seed: int | None = None,
                 state: ReadingState | None = None) -> None:
        super().__init__(parent, name=FIND_TITLE, object_name="play-find",
                         scene_rect=SCENE_RECT, state=state)
        # a fixed seed makes a round repeatable (tests); otherwise each visit looks new
        self.hunt = FlagHunt(seed if seed is not None else random.randrange(1, 1_000_000))
        self._focused: int | None = None
        self._ring_shown = False
        self.cell_items: dict[int, CellItem] = {}

        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("play-progress")
        keep_place_when_hidden(self.play_again_button)

        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.play_again_button.setMinimumWidth(260)  # as wide as the progress words
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
    def focused_cell(self) -> int | None:
        """The cell the keyboard has chosen, if any."""
        return self._focused

    def accessible_items(self) -> list:
        """The cells, row by row (as Tab visits them); each cell's flags are its children."""
        return [self.cell_items[cell_id] for cell_id in self.hunt.reading_order()
                if cell_id in self.cell_items]

    def _start_round(self) -> None:
        for item in self.cell_items.values():
            item.stop_animations()
            self.scene.removeItem(item)
            item.deleteLater()
        self.cell_items = {}
        for cell in self.hunt.cells:
            item = CellItem(cell.id, cell.kind, cell.radius, cell.seed)
            item.setPos(cell.x, cell.y)
            item.tapped.connect(self.tap)
            self.scene.addItem(item)
            self.cell_items[cell.id] = item
        self._focused = self.hunt.reading_order()[0]
        self._show_ring()
        self.play_again_button.hide()
        self._say(find_flags.START_MESSAGE)
        self._show_progress()
        accessible.children_changed(self.view)

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
