"""A play area that always shows its whole scene, drawn on a soft rounded panel.

It also turns keys into moves for the activity, so every activity can be played with a
keyboard or a switch: arrows and Tab choose, Enter or Space acts.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsScene, QGraphicsView, QWidget

from allexplainer.play._qt import accessible, theme

ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
ACTIVATE = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select)


class KeyTarget(Protocol):
    """What an activity offers the keyboard."""

    def step_focus(self, step: int) -> bool:
        """Choose the next (1) or previous (-1) thing; False when there is none left."""

    def move_focus(self, dx: int, dy: int) -> None:
        """Choose the thing in that direction."""

    def activate_focus(self) -> None:
        """Do what a tap on the chosen thing does."""

    def show_focus(self, shown: bool) -> None:
        """Show or hide the focus ring (hidden while the child uses touch or mouse)."""

    def accessible_items(self) -> list:
        """The things in the play area a screen reader names, in reading order."""


class PlayView(QGraphicsView):
    """Shows the whole scene, scaled to fit, and hands keys to its activity."""

    def __init__(self, scene: QGraphicsScene, keys: KeyTarget,
                 parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self._keys = keys
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        # small enough for a laptop, big enough that every target stays over 48 px
        self.setMinimumSize(720, 400)
        accessible.install()  # its parts, cells and flags are named objects for screen readers

    def accessible_items(self) -> list:
        """The things in the play area, named for a screen reader (see ``accessible``)."""
        return self._keys.accessible_items()

    def fit(self) -> None:
        """Scale the scene to fill the view without stretching it."""
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def point_of(self, item: QGraphicsItem) -> QPoint:
        """Where ``item``'s middle is on screen, in viewport pixels."""
        return self.mapFromScene(item.sceneBoundingRect().center())

    def screen_rect(self, item: QGraphicsItem, rect: QRectF | None = None) -> QRectF:
        """``rect`` of ``item`` (its touch area by default) in viewport pixels."""
        local = rect if rect is not None else item.shape().boundingRect()
        return self.mapFromScene(item.mapToScene(local)).boundingRect().toRectF()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.fit()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        painter.fillRect(rect, QColor(theme.PAGE))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.FIELD_EDGE), 4))
        painter.setBrush(QColor(theme.FIELD))
        painter.drawRoundedRect(self.sceneRect().adjusted(2, 2, -2, -2), 36, 36)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = Qt.Key(event.key())
        if key in ARROWS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self._keys.show_focus(True)
            self._keys.move_focus(*ARROWS[key])
        elif key in ACTIVATE and not event.isAutoRepeat():
            self._keys.show_focus(True)
            self._keys.activate_focus()
        else:
            super().keyPressEvent(event)  # Escape and the rest go on up to Play mode
            return
        event.accept()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        # Tab walks through the things in the scene first, then on to the next button
        if self.hasFocus() and self._keys.step_focus(1 if next else -1):
            self._keys.show_focus(True)
            return True
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self._keys.show_focus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self._keys.show_focus(False)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._keys.show_focus(False)  # a finger needs no focus ring
        super().mousePressEvent(event)


def keep_place_when_hidden(widget: QWidget) -> None:
    """Keep ``widget``'s space in its layout while hidden, so nothing jumps when it shows."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
