"""Play mode: a child's room with two things to do and a grown-ups' hold-to-leave button.

Only child words are shown. Nothing leaves the mode by accident: the way out must be held
for about two seconds (mouse, touch, Space on the button, or the Escape key held down), and
while the mode has the keyboard, the main window's shortcuts are kept away from it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QHideEvent, QIcon, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from allexplainer.play._qt import build as play_build
from allexplainer.play._qt import find as play_find
from allexplainer.play._qt import theme
from allexplainer.play._qt.activity import PLAY_AGAIN_TEXT
from allexplainer.play._qt.build import BuildActivity
from allexplainer.play._qt.find import FindActivity
from allexplainer.play._qt.hold_to_exit import HoldButton
from allexplainer.play._qt.paint import build_picture, find_picture
from allexplainer.reading_state import ReadingState
from allexplainer.speech._qt.announce import announce

CHOOSER_TITLE = "What shall we play?"
BUILD_TITLE = "Build a super cell"
FIND_TITLE = "Find the flags"
BACK_TEXT = "Back to the games"
# a grown-up's action, held like the way out, so a child's tap never starts printing
COLOURING_TEXT = "Grown-ups: hold to print colour-in pages"
COLOURING_HINT = "Keep holding to print"
# Reduce motion, for the grown-up, without leaving Play mode: held like the way out, so a
# child's tap never changes it. The words say what holding will do.
STILL_TEXT = "Grown-ups: hold to keep pictures still"
MOVING_TEXT = "Grown-ups: hold to let pictures move"
MOTION_HINT = "Keep holding to change"
STILL_NOW = "The pictures keep still now."
MOVING_NOW = "The pictures can move now."
PICTURE_PX = 300


def child_words() -> tuple[str, ...]:
    """The words Play mode itself shows, so tests can check them."""
    return (CHOOSER_TITLE, BUILD_TITLE, FIND_TITLE, BACK_TEXT, COLOURING_TEXT,
            COLOURING_HINT, STILL_TEXT, MOVING_TEXT, MOTION_HINT, STILL_NOW, MOVING_NOW,
            PLAY_AGAIN_TEXT,
            play_build.PARTS_BOX_TEXT, play_build.GUARD_CELL_TEXT, play_build.SUPER_CELL_TEXT,
            play_build.WELL_DONE_TEXT, play_find.progress_text(1, 3))


class TitleLabel(QLabel):
    """The page title; on a narrow screen it steps aside rather than squeeze the buttons."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("play-title")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Ignored: the title never makes the window wider than the two buttons need
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title = title
        self.set_title(title)

    def set_title(self, title: str) -> None:
        """Show ``title`` if it fits on one line; otherwise show nothing."""
        self.title = title
        self.ensurePolished()  # the style sheet sets the font size
        fits = self.fontMetrics().horizontalAdvance(title) + 16 <= self.width()
        self.setText(title if fits or not self.isVisible() else "")
        self.setAccessibleName(title)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.set_title(self.title)


class PlayMode(QWidget):
    """The activity chooser, the two activities, and the hold-to-leave button."""

    exit_requested = Signal()
    colouring_requested = Signal()  # a grown-up held the colouring-sheets button

    def __init__(self, parent: QWidget | None = None, *, hold_ms: int = 2000,
                 state: ReadingState | None = None, seed: int | None = None,
                 celebrate_ms: int = 3800) -> None:
        super().__init__(parent)
        self.setObjectName("play-mode")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(theme.STYLE_SHEET)
        # one reading state for both games and the grown-ups' Reduce motion button
        self.state = state if state is not None else ReadingState(parent=self)
        state = self.state

        self.back_button = QPushButton(BACK_TEXT, self)
        self.back_button.setObjectName("play-back")
        self.back_button.clicked.connect(self.show_chooser)
        self.title_label = TitleLabel(CHOOSER_TITLE, self)
        self.exit_button = HoldButton(self, hold_ms=hold_ms)
        self.exit_button.hold_completed.connect(self._leave)

        self.chooser = QWidget(self)
        self.chooser.setObjectName("play-chooser")
        self.build_choice = self._choice(BUILD_TITLE, QIcon(build_picture(PICTURE_PX * 2)))
        self.build_choice.clicked.connect(self.open_build)
        self.find_choice = self._choice(FIND_TITLE, QIcon(find_picture(PICTURE_PX * 2)))
        self.find_choice.clicked.connect(self.open_find)
        choices = QHBoxLayout(self.chooser)
        choices.setContentsMargins(32, 24, 32, 40)
        choices.setSpacing(64)
        choices.addStretch(1)
        choices.addWidget(self.build_choice, 4)
        choices.addWidget(self.find_choice, 4)
        choices.addStretch(1)
        self.colouring_button = HoldButton(self, hold_ms=hold_ms, idle_text=COLOURING_TEXT,
                                           hint_text=COLOURING_HINT,
                                           description="Press and hold for two seconds to "
                                           "print colouring sheets (for grown-ups).")
        self.colouring_button.setObjectName("play-colouring")
        self.colouring_button.hold_completed.connect(self.colouring_requested)
        self.motion_button = HoldButton(self, hold_ms=hold_ms, idle_text=STILL_TEXT,
                                        hint_text=MOTION_HINT, also_fits=(MOVING_TEXT,))
        self.motion_button.setObjectName("play-motion")
        self.motion_button.hold_completed.connect(self.toggle_motion)
        state.reduced_motion_changed.connect(self._show_motion)
        self._show_motion(state.reduced_motion)

        self.build_activity = BuildActivity(self, celebrate_ms=celebrate_ms,
                                            state=state)
        self.find_activity = FindActivity(self, seed=seed, state=state)
        self.stack = QStackedWidget(self)
        for page in (self.chooser, self.build_activity, self.find_activity):
            self.stack.addWidget(page)

        top = QHBoxLayout()
        top.setContentsMargins(16, 12, 16, 0)
        top.addWidget(self.back_button)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.exit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(16, 0, 16, 12)
        bottom.addWidget(self.motion_button)
        bottom.addStretch(1)
        bottom.addWidget(self.colouring_button)
        layout.addLayout(bottom)
        self.show_chooser()

    def _choice(self, text: str, icon: QIcon) -> QToolButton:
        button = QToolButton(self.chooser)
        button.setObjectName("play-choice")
        button.setText(text)
        button.setIcon(icon)
        button.setIconSize(QSize(PICTURE_PX, PICTURE_PX))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        button.setMinimumSize(300, 300)
        button.setMaximumSize(520, 480)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def toggle_motion(self) -> None:
        """Turn Reduce motion on or off (the grown-up held the button); both games follow at
        once, and the main window's menu and the saved settings with them."""
        self.state.set_reduced_motion(not self.state.reduced_motion)
        announce(self, STILL_NOW if self.state.reduced_motion else MOVING_NOW)

    def _show_motion(self, reduced: bool) -> None:
        verb = "let pictures move" if reduced else "keep pictures still"
        self.motion_button.set_idle_text(
            MOVING_TEXT if reduced else STILL_TEXT,
            f"Press and hold for two seconds to {verb} (Reduce motion, for grown-ups).")

    def show_chooser(self) -> None:
        """Show the two big activity buttons."""
        self.build_activity.stop_animations()
        self.find_activity.stop_animations()
        self.stack.setCurrentWidget(self.chooser)
        self.title_label.set_title(CHOOSER_TITLE)
        self.back_button.hide()
        self.colouring_button.show()
        self.motion_button.show()
        self.build_choice.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_build(self) -> None:
        """Start building a super cell, from an empty guard cell."""
        self.build_activity.reset()
        self._open(self.build_activity, BUILD_TITLE)

    def open_find(self) -> None:
        """Start finding flags."""
        self._open(self.find_activity, FIND_TITLE)

    def _open(self, activity: BuildActivity | FindActivity, title: str) -> None:
        self.stack.setCurrentWidget(activity)
        self.title_label.set_title(title)
        self.back_button.show()
        for grown_ups in (self.colouring_button, self.motion_button):
            grown_ups.end_hold()
            grown_ups.hide()  # only on the chooser, never in the middle of a game
        activity.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _leave(self) -> None:
        self.show_chooser()  # the next visit starts at the chooser
        self.exit_requested.emit()

    def event(self, event: QEvent) -> bool:
        # Claiming every shortcut keeps the main window's key combinations (switch topic,
        # quit, full screen...) from firing when a child presses keys at random.
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        focused = self.focusWidget()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(focused, QAbstractButton) and focused is not self.exit_button):
            focused.click()  # Enter works like Space on the big buttons (the exit needs a hold)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            if not event.isAutoRepeat():  # a held key repeats; only the first press counts
                self.exit_button.begin_hold()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            if not event.isAutoRepeat():
                self.exit_button.end_hold()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.exit_button.end_hold()  # a hold cut short by hiding must not finish later
        self.colouring_button.end_hold()
        self.motion_button.end_hold()
        self.build_activity.stop_animations()
        self.find_activity.stop_animations()
        super().hideEvent(event)

