"""What the family sees (the diagram, full screen) and what the nurse sees (notes, what is next)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from allexplainer import palette
from allexplainer.presenter.nurse_notes import StageNote
from allexplainer.presenter.room_caption import RoomCaption

HELP_TEXT = ("Presenter mode: Page Down, Right or Space for the next stage; Page Up or Left to go "
             "back; B blanks the screen; N shows or hides these notes; L shows or hides the "
             "picture's key; P switches the projector colours; Ctrl+= and Ctrl+- change the "
             "text size; Esc leaves.")
# Keys a presentation clicker sends, and what they mean here.
NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down}
PREVIOUS_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace}
PROJECTOR_STYLE = f"background: {palette.PROJECTOR_BACKGROUND}; color: {palette.PROJECTOR_TEXT};"
NORMAL_STYLE = f"background: {palette.PRESENTER_BACKGROUND}; color: {palette.PRESENTER_TEXT};"
BLANK_STYLE = f"background: {palette.BLANK_SCREEN};"
SAFE_MARGINS = (48, 24, 48, 24)  # projectors often crop the edges of the picture
# the bottom of a wall screen is hidden by the heads of the people in front: nothing there
BOTTOM_BAND = 0.1  # of the screen's height


def note_html(title: str, note: StageNote | None, upcoming: str,
              room: RoomCaption | None = None) -> str:
    """The nurse's view of one stage: where we are, what the screen says and what it leaves
    for the nurse to say, the note, and what comes next."""
    parts = [f"<h2>{title}</h2>"]
    if room is not None and room.shown:
        parts.append(f"<p><b>On the screen:</b> {escape(room.shown)}</p>")
    if room is not None and room.rest:
        parts.append(f"<p><b>Caption not on the screen (say it if it helps):</b> "
                     f"{escape(room.rest)}</p>")
    if note is not None:
        parts.append(f"<p><b>Say:</b> {note.say}</p><p><b>Families often ask:</b> {note.asked}"
                     f"</p><p><b>Take care:</b> {note.careful}</p>")
    parts.append(f"<p style='color:{palette.NOTE_HELP_TEXT}'><b>Next:</b> {upcoming}</p>")
    return "".join(parts)


class AudienceView(QWidget):
    """Full-screen diagram for the family; keys from a clicker arrive here."""

    next_requested = Signal()
    previous_requested = Signal()
    blank_requested = Signal()
    notes_requested = Signal()
    contrast_requested = Signal()
    legend_requested = Signal()  # L: the picture's key shown or hidden
    text_size_requested = Signal(int)   # +1 larger, -1 smaller, 0 back to normal
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenter-audience")
        self.setWindowTitle("ALL Explainer: presenting")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(self)
        self.title.setObjectName("presenter-title")
        title_font = self.title.font()
        title_font.setPixelSize(30)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.counter = QLabel(self)  # "Stage 2 of 8", top right, where heads do not reach
        self.counter.setObjectName("presenter-stage-counter")
        self.counter.setFont(title_font)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.stack = QStackedWidget(self)
        self.blank = QWidget(self)
        self.blank.setObjectName("presenter-blank")
        self.blank.setStyleSheet(f"background: {palette.BLANK_SCREEN};")
        self.stack.addWidget(self.blank)
        self.notes_overlay = QLabel(self)
        self.notes_overlay.setObjectName("presenter-notes-overlay")
        self.notes_overlay.setWordWrap(True)
        self.notes_overlay.setTextFormat(Qt.TextFormat.RichText)
        self.notes_overlay.setFrameShape(QFrame.Shape.Box)
        self.notes_overlay.setStyleSheet(f"background: {palette.NOTES_BACKGROUND}; color: "
                                         f"{palette.PRESENTER_TEXT}; padding: 10px; border: 2px "
                                         f"solid {palette.NOTES_EDGE};")
        self.notes_overlay.hide()
        overlay_font = self.notes_overlay.font()
        overlay_font.setPixelSize(20)
        self.notes_overlay.setFont(overlay_font)
        layout = QVBoxLayout(self)
        # a safe margin: projectors often crop the edges of the picture
        layout.setContentsMargins(*SAFE_MARGINS)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.counter)
        layout.addLayout(title_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.notes_overlay)
        self.set_projector_colours(False)

    @property
    def is_blank(self) -> bool:
        """Whether the screen shows only black."""
        return self.stack.currentWidget() is self.blank

    def set_projector_colours(self, on: bool) -> None:
        """High contrast on white for a washed-out projector, or the normal calm colours."""
        self._projector = bool(on)
        style = PROJECTOR_STYLE if on else NORMAL_STYLE
        if getattr(self, "_blanked", False):
            style = BLANK_STYLE
        self.setStyleSheet(f"QWidget#presenter-audience {{ {style} }}")

    def set_blanked(self, on: bool) -> None:
        """B: the whole screen black, title, margins and notes included (or back as it was)."""
        self._blanked = bool(on)
        self.title.setVisible(not on)
        self.counter.setVisible(not on)
        if on:
            self._notes_were_shown = self.notes_overlay.isVisible()
            self.notes_overlay.hide()
        elif getattr(self, "_notes_were_shown", False):
            self.notes_overlay.show()
        self._apply_margins()
        self.set_projector_colours(getattr(self, "_projector", False))

    def _apply_margins(self) -> None:
        """The safe margins, and an empty band at the bottom (none while blanked)."""
        if getattr(self, "_blanked", False):
            self.layout().setContentsMargins(0, 0, 0, 0)
            return
        left, top, right, bottom = SAFE_MARGINS
        self.layout().setContentsMargins(left, top, right,
                                         max(bottom, round(self.height() * BOTTOM_BAND)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Keep the bottom band a tenth of the screen at any size."""
        super().resizeEvent(event)
        self._apply_margins()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Clicker and keyboard keys: next, back, blank, notes, colours, text size, leave."""
        key, modifiers = event.key(), event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if control and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
            self.text_size_requested.emit(1)
        elif control and key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.text_size_requested.emit(-1)
        elif control and key == Qt.Key.Key_0:
            self.text_size_requested.emit(0)
        elif key in NEXT_KEYS:
            self.next_requested.emit()
        elif key in PREVIOUS_KEYS:
            self.previous_requested.emit()
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):   # many clickers send "." for blank
            self.blank_requested.emit()
        elif key == Qt.Key.Key_N:
            self.notes_requested.emit()
        elif key == Qt.Key.Key_P:
            self.contrast_requested.emit()
        elif key == Qt.Key.Key_L:
            self.legend_requested.emit()
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_F5):
            self.close_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Closing the window (e.g. from the desktop) leaves presenter mode cleanly."""
        self.close_requested.emit()
        super().closeEvent(event)


class NotesView(QWidget):
    """The nurse's own screen: the note for this stage and what comes next, in large type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenter-notes")
        self.setWindowTitle("ALL Explainer: presenter notes")
        self.note = QLabel(self)
        self.note.setObjectName("presenter-notes-text")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        help_label = QLabel(HELP_TEXT, self)
        help_label.setWordWrap(True)
        help_label.setStyleSheet(f"color: {palette.NOTE_HELP_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.note, 1)
        layout.addWidget(help_label)
        font = self.note.font()
        font.setPixelSize(26)
        self.note.setFont(font)
