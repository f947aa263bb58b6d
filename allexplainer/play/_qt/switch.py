"""Switches the main window into Play mode and back: child words only, nothing else to press."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QStackedWidget,
    QStatusBar,
    QToolBar,
    QWidget,
)

from allexplainer.reading_state import ReadingState


class PlayModeSwitch(QObject):
    """Swaps the topic tabs for Play mode, hiding menus, toolbars and panels until a grown-up
    holds the exit button; everything is put back as it was."""


    def __init__(self, window: QMainWindow, stack: QStackedWidget, reading: QWidget,
                 state: ReadingState) -> None:
        super().__init__(window)
        self._window = window
        self._stack = stack
        self._reading = reading
        self._state = state
        self.play_mode = None
        self._hidden: list[QWidget] = []
        self._in_front: list[QWidget] = []
        self._menu_was_visible = True

    @property
    def active(self) -> bool:
        """Whether Play mode is showing."""
        return self.play_mode is not None and self._stack.currentWidget() is self.play_mode

    def enter(self) -> None:
        """Show Play mode, built the first time it is asked for."""
        if self.active:
            return
        if self.play_mode is None:
            from allexplainer.play._qt.play_mode import PlayMode

            self.play_mode = PlayMode(self._stack, state=self._state)
            self.play_mode.exit_requested.connect(self.leave)
            self._stack.addWidget(self.play_mode)
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        chrome = [widget for kind in (QDockWidget, QToolBar, QStatusBar)
                  for widget in self._window.findChildren(kind, options=direct)]
        self._hidden = [widget for widget in chrome if widget.isVisible()]
        # of docks sharing tabs, remember which one was in front
        self._in_front = [widget for widget in self._hidden if isinstance(widget, QDockWidget)
                          and not widget.visibleRegion().isEmpty()]
        self._menu_was_visible = self._window.menuBar().isVisible()
        for widget in self._hidden:
            widget.hide()
        self._window.menuBar().hide()
        self._stack.setCurrentWidget(self.play_mode)
        self.play_mode.show_chooser()          # it gives the keyboard to the first activity card

    def leave(self) -> None:
        """Go back to the topics, with every panel and bar as it was before."""
        if not self.active:
            return
        self._stack.setCurrentWidget(self._reading)
        self._window.menuBar().setVisible(self._menu_was_visible)
        for widget in self._hidden:
            widget.show()
        for dock in self._in_front:
            dock.raise_()
        self._hidden = []
