"""The things on Play mode's play areas: parts to drag, spots, the guard cell, cells and flags.

Each item only draws itself (the diagrams' characters, see ``paint``) and reports what a finger
or mouse did to it; the activity widgets decide what that means, using the rules in
``allexplainer.play``. Each item also says what it is, in child words, so a screen reader can
name it (see ``accessible``).
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QAccessible, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from allexplainer.play import characters
from allexplainer.play._qt import accessible, paint
from allexplainer.play.build_car import PartKind

TAP_SLOP = 12.0  # a press that moves less than this (scene units) is a tap, not a drag


class PlayItem(QGraphicsObject):
    """Something in a play scene that a screen reader can name (see ``accessible``)."""

    accessible_role = QAccessible.Role.Graphic
    focusable = False

    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.chosen = False

    def accessible_name(self) -> str:
        """What this is, in child words."""
        return ""

    def accessible_description(self) -> str:
        """What a child can do with it, if anything."""
        return ""

    def accessible_children(self) -> list[PlayItem]:
        """The named things that belong to this one (a cell's flags)."""
        return []

    def accessible_rect(self) -> QRectF:
        """Where it is, in scene units (its touch area, flags included)."""
        return self.mapRectToScene(self.shape().boundingRect())

    def name_changed(self) -> None:
        """Tell screen readers that this item's name now says something new."""
        accessible.name_changed(self)

    def set_chosen(self, chosen: bool) -> None:
        """Show or hide the keyboard focus ring (and tell a screen reader it has the focus)."""
        if chosen != self.chosen:
            self.chosen = chosen
            self.update()
            if chosen:
                accessible.focus_moved(self)


class PartItem(PlayItem):
    """A flag finder part: dragged onto the guard cell, or tapped to send it to its spot."""

    dropped = Signal(str, QPointF)  # part id, where it was let go (scene units)
    picked = Signal(str)
    tapped = Signal(str)

    accessible_role = QAccessible.Role.Button
    focusable = True
    TOUCH = 104.0  # the touch area is this big square even for the thin stalk

    def __init__(self, part_id: str, kind: str, unit: float) -> None:
        super().__init__()
        self.part_id = part_id
        self.kind = kind
        self.unit = unit
        self.home = QPointF()
        self.on_cell = False
        self._pressed_at = QPointF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(2)

    def accessible_name(self) -> str:
        """The part's child word, and where it is."""
        where = "on the guard cell" if self.on_cell else "in the parts box"
        return f"{PartKind(self.kind).label.capitalize()}, {where}"

    def accessible_description(self) -> str:
        """What a tap does."""
        return "" if self.on_cell else "Tap, or press Enter, to put it on the guard cell."

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        drawn = paint.part_path(self.kind, self.unit).boundingRect().adjusted(-8, -8, 8, 8)
        half = self.TOUCH / 2 + 8
        return drawn.united(QRectF(-half, -half, 2 * half, 2 * half))

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(-self.TOUCH / 2, -self.TOUCH / 2, self.TOUCH, self.TOUCH),
                            20, 20)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint.paint_part(painter, self.kind, self.unit)
        if self.chosen:
            half = self.TOUCH / 2
            paint.paint_focus_ring(painter, QRectF(-half, -half, 2 * half, 2 * half), 22)

    def set_on_cell(self, on_cell: bool) -> None:
        """The part went onto the guard cell (it can no longer be dragged) or back to the box."""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, not on_cell)
        self.setCursor(Qt.CursorShape.ArrowCursor if on_cell else Qt.CursorShape.OpenHandCursor)
        if on_cell != self.on_cell:
            self.on_cell = on_cell
            self.name_changed()

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

    def __init__(self, slot_id: str, kind: str, unit: float, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.slot_id = slot_id
        self.kind = kind
        self.unit = unit
        self.waiting = False
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return paint.part_path(self.kind, self.unit).boundingRect().adjusted(-8, -8, 8, 8)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.waiting:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint.paint_part(painter, self.kind, self.unit, ghost=True)

    def set_waiting(self, waiting: bool) -> None:
        """Show the outline while the spot is ready for its part."""
        if waiting != self.waiting:
            self.waiting = waiting
            self.update()


class GuardCellItem(PlayItem):
    """The guard cell (the diagrams' T cell, with a calm face); once built, a super cell."""

    SEED = 3  # its own wobbly outline, the same every time

    def __init__(self, unit: float) -> None:
        super().__init__()
        self.unit = unit
        self.radius = paint.cell_radius(characters.GUARD_CELL, unit)
        self.super_cell = False
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def accessible_name(self) -> str:
        """Guard cell, or super cell once its flag finders are on."""
        if self.super_cell:
            return characters.SUPER_CELL_NAME
        return characters.NAMES[characters.GUARD_CELL]

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        r = self.unit * (characters.reach(characters.GUARD_CELL, self.SEED) + 0.25)
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint.paint_guard_cell(painter, self.unit, self.SEED, super_cell=self.super_cell)

    def skin_point(self, angle: float) -> tuple[QPointF, float]:
        """Where a flag finder at ``angle`` stands, and the turn that points it outwards."""
        return paint.receptor_placement(characters.GUARD_CELL, self.SEED, self.unit, angle)

    def set_super(self, super_cell: bool) -> None:
        """Draw the cell as a super cell (CAR T-cell) or as a plain guard cell."""
        if super_cell != self.super_cell:
            self.super_cell = super_cell
            self.update()
            self.name_changed()


class FlagItem(PlayItem):
    """One CD19 flag standing on a cell (drawn behind the cell's outline, as in the diagrams).
    It takes no taps itself: a tap on a flag is a tap on its cell."""

    def __init__(self, angle: float, parent: CellItem) -> None:
        super().__init__(parent)
        self.angle = angle
        self.unit = parent.unit
        where, turn = paint.receptor_placement(parent.kind, parent.seed, parent.unit, angle)
        self.setPos(where)
        self.setRotation(turn)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._outline = paint.receptor_outline("cd19", self.unit)

    def accessible_name(self) -> str:
        """Always "CD19 flag"."""
        return characters.FLAG_NAME

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._outline.boundingRect().adjusted(-4, -4, 4, 4)

    def shape(self) -> QPainterPath:
        return self._outline

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint.paint_receptor(painter, "cd19", self.unit)


class CellItem(PlayItem):
    """A poorly cell or a B cell with CD19 flags, or a blood cell with none; a tap reports its
    id. A found cell gets a star; a blood cell with no flag smiles back when tapped."""

    tapped = Signal(int)

    accessible_role = QAccessible.Role.Button

    def __init__(self, cell_id: int, kind: str, unit: float, seed: int = 0, *,
                 tappable: bool = True) -> None:
        super().__init__()
        self.cell_id = cell_id
        self.kind = kind
        self.unit = unit
        self.seed = seed
        self.radius = paint.cell_radius(kind, unit)
        self.has_flag = kind in characters.FLAGGED_KINDS
        self.tappable = tappable
        self.focusable = tappable
        # a cell a child taps is a button; one only watched (the build game's) is a picture
        self.accessible_role = (QAccessible.Role.Button if tappable
                                else QAccessible.Role.Graphic)
        self.found = False
        self.greeted = False  # tapped, and it had no flag: it smiles back
        self.cleared = False  # a super cell has cleared it away (the build game's ending)
        self._star = 0.0  # 0-1: how grown the "found" star is
        self._star_grow = QVariantAnimation(self)
        self._star_grow.setStartValue(0.0)
        self._star_grow.setEndValue(1.0)
        self._star_grow.setDuration(450)
        self._star_grow.setEasingCurve(QEasingCurve.Type.OutBack)
        self._star_grow.valueChanged.connect(self._set_star)
        self.flag_items = [FlagItem(angle, self) for angle in characters.flag_angles(kind)]
        self._body = paint.cell_outline(kind, seed, unit)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton if tappable
                                     else Qt.MouseButton.NoButton)
        if tappable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    # --- what a screen reader hears ---------------------------------------------------

    def accessible_name(self) -> str:
        """The cell's child name, and what has happened to it."""
        name = characters.NAMES[self.kind]
        if self.cleared:
            return f"{name}, cleared away"
        if self.found:
            return f"{name}, found: it has a star"
        if self.greeted:
            return f"{name}, smiling"
        return name

    def accessible_description(self) -> str:
        """What a tap does (only in the finding game)."""
        return "Tap, or press Enter, if it has flags." if self.tappable else ""

    def accessible_children(self) -> list[PlayItem]:
        """Its CD19 flags."""
        return list(self.flag_items)

    # --- drawing ------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        r = self.radius * 1.15 + 12
        return QRectF(-r - 4, -r - 4, 2 * r + 8, 2 * r + 8)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self.radius + 6, self.radius + 6)
        for flag in self.flag_items:  # the flags are part of what a child will tap
            path.addRect(flag.mapRectToParent(flag.boundingRect().adjusted(-6, -6, 6, 6)))
        return path.simplified()

    def touch_rect(self) -> QRectF:
        """The cell body a finger can tap, in item units."""
        return QRectF(-self.radius, -self.radius, 2 * self.radius, 2 * self.radius)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint.paint_cell(painter, self.kind, self.seed, self.unit)
        if self.greeted:
            paint.paint_smile(painter, self.radius * 0.56)
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
        changed = found != self.found
        self.found = found
        self._star_grow.stop()
        if found and animate:
            self._star_grow.start()
        else:
            self._set_star(1.0 if found else 0.0)
        if changed:
            self.name_changed()

    def set_greeted(self, greeted: bool) -> None:
        """Give a blood cell with no flag a small smile after it has been tapped."""
        changed = greeted != self.greeted
        self.greeted = greeted
        self.update()
        if changed:
            self.name_changed()

    def set_cleared(self, cleared: bool) -> None:
        """Mark the cell as cleared away by a super cell (it has faded from view)."""
        if cleared != self.cleared:
            self.cleared = cleared
            self.name_changed()

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
