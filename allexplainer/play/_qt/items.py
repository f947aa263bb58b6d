"""The things on Play mode's play areas: parts to drag, spots, the guard cell, tappable cells.

Each item only draws itself and reports what a finger or mouse did to it; the activity
widgets decide what that means, using the rules in ``allexplainer.play``.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from allexplainer.play._qt import paint, theme

TAP_SLOP = 12.0  # a press that moves less than this (scene units) is a tap, not a drag


class PartItem(QGraphicsObject):
    """A flag finder part: dragged onto the guard cell, or tapped to send it to its spot."""

    dropped = Signal(str, QPointF)  # part id, where it was let go (scene units)
    picked = Signal(str)
    tapped = Signal(str)

    TOUCH = 104.0  # the touch area is this big square even for the thin stalk

    def __init__(self, part_id: str, kind: str) -> None:
        super().__init__()
        self.part_id = part_id
        self.kind = kind
        self.home = QPointF()
        self.chosen = False
        self._pressed_at = QPointF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(2)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        half = self.TOUCH / 2 + 8
        return QRectF(-half, -half, 2 * half, 2 * half)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(-self.TOUCH / 2, -self.TOUCH / 2, self.TOUCH, self.TOUCH),
                            20, 20)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint.paint_part(painter, self.kind)
        if self.chosen:
            half = self.TOUCH / 2
            paint.paint_focus_ring(painter, QRectF(-half, -half, 2 * half, 2 * half), 22)

    def set_chosen(self, chosen: bool) -> None:
        """Show or hide the keyboard focus ring."""
        if chosen != self.chosen:
            self.chosen = chosen
            self.update()

    def set_movable(self, movable: bool) -> None:
        """Let the part be dragged (in the tray) or not (on the cell)."""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)
        self.setCursor(Qt.CursorShape.OpenHandCursor if movable else Qt.CursorShape.ArrowCursor)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if not self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable:
            event.ignore()
            return
        self._pressed_at = self.scenePos()
        self.setZValue(10)  # above everything while it is carried
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.picked.emit(self.part_id)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        self.setZValue(2)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        moved = self.scenePos() - self._pressed_at
        if abs(moved.x()) + abs(moved.y()) < TAP_SLOP:
            self.tapped.emit(self.part_id)
        else:
            self.dropped.emit(self.part_id, self.scenePos())


class SlotItem(QGraphicsObject):
    """A spot on the guard cell: a dashed outline of the part it waits for."""

    def __init__(self, slot_id: str, kind: str, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.slot_id = slot_id
        self.kind = kind
        self.waiting = False
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return paint.part_path(self.kind).boundingRect().adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.waiting:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint.paint_part(painter, self.kind, ghost=True)

    def set_waiting(self, waiting: bool) -> None:
        """Show the outline while the spot is ready for its part."""
        if waiting != self.waiting:
            self.waiting = waiting
            self.update()


class GuardCellItem(QGraphicsObject):
    """The big friendly guard cell; once built it glows softly as a super cell."""

    def __init__(self, radius: float) -> None:
        super().__init__()
        self.radius = radius
        self.super_cell = False
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        r = self.radius + 30
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint.paint_guard_cell(painter, self.radius, super_cell=self.super_cell)

    def set_super(self, super_cell: bool) -> None:
        """Draw the cell as a super cell (CAR T-cell) or as a plain guard cell."""
        if super_cell != self.super_cell:
            self.super_cell = super_cell
            self.update()


class CellItem(QGraphicsObject):
    """A round cell, maybe with a CD19 flag; tapping it reports its id."""

    tapped = Signal(int)

    def __init__(self, cell_id: int, radius: float, has_flag: bool, flag_side: int = 1, *,
                 tappable: bool = True) -> None:
        super().__init__()
        self.cell_id = cell_id
        self.radius = radius
        self.has_flag = has_flag
        self.flag_side = flag_side
        self.found = False
        self.greeted = False  # tapped, and it was a healthy cell: it smiles back
        self.chosen = False
        self._star = 0.0  # 0-1: how grown the "found" star is
        self._star_grow = QVariantAnimation(self)
        self._star_grow.setStartValue(0.0)
        self._star_grow.setEndValue(1.0)
        self._star_grow.setDuration(450)
        self._star_grow.setEasingCurve(QEasingCurve.Type.OutBack)
        self._star_grow.valueChanged.connect(self._set_star)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton if tappable
                                     else Qt.MouseButton.NoButton)
        if tappable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        r = self.radius + 14
        return QRectF(-r - 4, -r - paint.FLAG_HEIGHT - 4, 2 * r + 8, 2 * r + paint.FLAG_HEIGHT + 8)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.radius + 6, self.radius + 6)
        if self.has_flag:  # the flag is part of what a child will tap
            _foot, top, triangle = paint.flag_geometry(self.radius, self.flag_side)
            path.addRect(triangle.boundingRect().adjusted(-10, -10, 10, 10))
            path.addRect(QRectF(top.x() - 10, top.y(), 20, self.radius))
        return path.simplified()

    def touch_rect(self) -> QRectF:
        """The cell body a finger can tap, in item units."""
        return QRectF(-self.radius, -self.radius, 2 * self.radius, 2 * self.radius)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # under a star the middle is left plain, so the star reads clearly
        nucleus = None if self._star > 0 else theme.CELL_NUCLEUS
        paint.paint_round_cell(painter, self.radius, theme.CELL_FILL, nucleus,
                               smiling=self.greeted)
        if self.has_flag:
            paint.paint_flag(painter, self.radius, self.flag_side)
        if self._star > 0:
            paint.paint_star(painter, QPointF(0, 4), self.radius * 0.62 * self._star)
        if self.chosen:
            r = self.radius + 12
            paint.paint_focus_ring(painter, QRectF(-r, -r, 2 * r, 2 * r), r)

    @property
    def star(self) -> float:
        """How grown the "found" star is, from 0 (none) to 1."""
        return self._star

    def _set_star(self, value: float) -> None:
        self._star = float(value)
        self.update()

    def set_found(self, found: bool, *, animate: bool = True) -> None:
        """Put a star on the cell (growing gently unless ``animate`` is False)."""
        self.found = found
        self._star_grow.stop()
        if found and animate:
            self._star_grow.start()
        else:
            self._set_star(1.0 if found else 0.0)

    def set_greeted(self, greeted: bool) -> None:
        """Give a healthy cell a small smile after it has been tapped."""
        self.greeted = greeted
        self.update()

    def set_chosen(self, chosen: bool) -> None:
        """Show or hide the keyboard focus ring."""
        if chosen != self.chosen:
            self.chosen = chosen
            self.update()

    def stop_animations(self) -> None:
        """Finish the star at once (used when the activity is hidden or closed)."""
        if self._star_grow.state() == QVariantAnimation.State.Running:
            self._star_grow.stop()
            self._set_star(1.0)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        event.accept()  # so the release comes here too

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self.shape().contains(event.pos()):
            self.tapped.emit(self.cell_id)
