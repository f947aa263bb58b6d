"""Build a CAR T-cell: drag the flag finder's parts onto the guard cell, then watch it work.

The rules live in ``allexplainer.play.build_car``; this widget draws them and moves things.
"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QEasingCurve,
    QPauseAnimation,
    QPointF,
    QPropertyAnimation,
    QRectF,
    QSequentialAnimationGroup,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from allexplainer.play import build_car
from allexplainer.play._qt import theme
from allexplainer.play._qt.items import CellItem, GuardCellItem, PartItem, SlotItem
from allexplainer.play._qt.paint import stack_centre
from allexplainer.play._qt.view import PlayView
from allexplainer.play.build_car import CarBuild, hunt_frame
from allexplainer.reading_state import ReadingState
from allexplainer.speech._qt.announce import announce
from allexplainer.speech._qt.highlight import read_label
from allexplainer.speech._qt.speaker import Speaker

SCENE_RECT = QRectF(0, 0, 1200, 660)
TRAY_RECT = QRectF(22, 22, 270, 616)
TRAY_COLUMNS = (95.0, 219.0)
TRAY_ROWS = {"push": 150.0, "stalk": 335.0, "tip": 520.0}  # push parts first: they go on first
CELL_CENTRE = QPointF(640, 405)
CELL_RADIUS = 170.0
CELL_LABEL_CENTRE = QPointF(CELL_CENTRE.x(), 628)
RECEPTOR_XS = (-88.0, 88.0)
SNAP_DISTANCE = 120.0  # a part let go this close to a spot (or over the cell) goes on
FLAGGED_CELLS = (QPointF(1010, 215), QPointF(1115, 395), QPointF(1010, 575))
HEALTHY_CELL = QPointF(1120, 110)
TARGET_RADIUS = 50.0
HUNT_SCALE = 0.5
GLIDE_MS = 380

PARTS_BOX_TEXT = "Parts box"
GUARD_CELL_TEXT = "Guard cell"
SUPER_CELL_TEXT = "Super cell!"
WELL_DONE_TEXT = "Well done!"
PLAY_AGAIN_TEXT = "Play again"

# Stages, as reported by ``stage_changed``.
BUILDING, HUNTING, FINISHED = "building", "hunting", "finished"


class BuildActivity(QWidget):
    """Put the push part, the bendy stalk and the flag finder tip on each of two spots."""

    stage_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, celebrate_ms: int = 3800,
                 state: ReadingState | None = None, receptors: int = 2) -> None:
        super().__init__(parent)
        self.setObjectName("play-build")
        # Reduce motion is read at each step, so a change reaches a game already open
        self._state = state if state is not None else ReadingState(parent=self)
        self.build = CarBuild(min(receptors, len(RECEPTOR_XS)))
        self._stage = BUILDING
        self._chosen: str | None = None
        self._ring_shown = False
        self._glides: dict[str, QPropertyAnimation] = {}

        self.scene = QGraphicsScene(SCENE_RECT, self)
        self.view = PlayView(self.scene, self, self)
        self.setAccessibleName("Build a super cell")
        self.view.setAccessibleName("Build a super cell: the play area")
        self.view.setToolTip("Arrow keys choose, Enter picks")
        self.view.viewport().setAccessibleName(self.view.accessibleName())
        self.message_label = QLabel(self)
        self.message_label.setObjectName("play-message")
        self.message_label.setWordWrap(True)
        self.message_label.setMinimumHeight(112)
        self.play_again_button = QPushButton(PLAY_AGAIN_TEXT, self)
        self.play_again_button.setObjectName("play-again")
        self.play_again_button.clicked.connect(self.reset)

        band = QHBoxLayout()
        band.addWidget(self.message_label, 1)
        band.addWidget(self.play_again_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 16)
        layout.addWidget(self.view, 1)
        layout.addLayout(band)

        self._build_scene()
        self._hunt = QVariantAnimation(self)
        self._hunt.setStartValue(0.0)
        self._hunt.setEndValue(1.0)
        self._hunt.setDuration(max(1, celebrate_ms))
        self._hunt.valueChanged.connect(self._show_hunt)
        self._celebration = QSequentialAnimationGroup(self)
        # a short pause lets the child see the finished super cell before it moves
        self._celebration.addAnimation(QPauseAnimation(min(GLIDE_MS + 220,
                                                           max(1, celebrate_ms // 4))))
        self._celebration.addAnimation(self._hunt)
        self._celebration.finished.connect(self._finish_hunt)
        self.reset()

    # --- building the scene -------------------------------------------------------------

    @property
    def reduced_motion(self) -> bool:
        """Whether this game jumps to its end states instead of moving (Reduce motion)."""
        return self._state.reduced_motion

    def _build_scene(self) -> None:
        outline = QPainterPath()
        outline.addRoundedRect(TRAY_RECT, 28, 28)
        tray = self.scene.addPath(outline, QPen(QColor(theme.FIELD_EDGE), 3),
                                  QBrush(QColor(theme.TRAY)))
        tray.setZValue(-1)
        self._add_text(PARTS_BOX_TEXT, QPointF(TRAY_RECT.center().x(), 54), 30, bold=True)
        for kind, y in TRAY_ROWS.items():
            self._add_text(build_car.PartKind(kind).label, QPointF(TRAY_RECT.center().x(),
                                                                   y + 66), theme.LABEL_PX + 2)
        self.guard_cell = GuardCellItem(CELL_RADIUS)
        self.scene.addItem(self.guard_cell)
        self.cell_label = self._add_text(GUARD_CELL_TEXT, CELL_LABEL_CENTRE, 30, bold=True)
        self.slot_items: dict[str, SlotItem] = {}
        for slot in self.build.slots:
            item = SlotItem(slot.id, slot.kind.value, self.guard_cell)
            item.setPos(self._slot_pos(slot.receptor, slot.kind.value))
            self.slot_items[slot.id] = item
        self.part_items: dict[str, PartItem] = {}
        counts: dict[str, int] = {}
        for part in self.build.parts:
            column = counts.get(part.kind.value, 0)
            counts[part.kind.value] = column + 1
            item = PartItem(part.id, part.kind.value)
            item.home = QPointF(TRAY_COLUMNS[column % 2], TRAY_ROWS[part.kind.value])
            item.picked.connect(self._picked)
            item.dropped.connect(self.drop_part)
            item.tapped.connect(self.place_part)
            self.scene.addItem(item)
            self.part_items[part.id] = item
            glide = QPropertyAnimation(item, b"pos", item)  # one per part, used again and again
            glide.setDuration(GLIDE_MS)
            glide.setEasingCurve(QEasingCurve.Type.OutCubic)
            self._glides[part.id] = glide
        self.target_items = [CellItem(number, TARGET_RADIUS, True, 1, tappable=False)
                             for number in range(len(FLAGGED_CELLS))]
        self.healthy_item = CellItem(len(FLAGGED_CELLS), TARGET_RADIUS, False, tappable=False)
        for item, where in zip([*self.target_items, self.healthy_item],
                               [*FLAGGED_CELLS, HEALTHY_CELL], strict=True):
            item.setPos(where)
            self.scene.addItem(item)
        self.well_done_label = self._add_text(WELL_DONE_TEXT, QPointF(1040, 300), 52, bold=True)

    def _add_text(self, text: str, centre: QPointF, pixels: int, *,
                  bold: bool = False) -> QGraphicsSimpleTextItem:
        item = self.scene.addSimpleText(text, theme.font(pixels, bold=bold))
        item.setBrush(QColor(theme.TEXT))
        _set_centred_text(item, text, centre)
        return item

    def _slot_pos(self, receptor: int, kind: str) -> QPointF:
        x = RECEPTOR_XS[receptor]
        skin = -math.sqrt(CELL_RADIUS ** 2 - x ** 2)
        return QPointF(x, skin + stack_centre(kind))

    def slot_scene_pos(self, slot_id: str) -> QPointF:
        """Where spot ``slot_id`` is now, in scene units."""
        return self.slot_items[slot_id].scenePos()

    # --- state ---------------------------------------------------------------------------

    @property
    def stage(self) -> str:
        """"building", "hunting" (the super cell is finding flags) or "finished"."""
        return self._stage

    @property
    def message(self) -> str:
        """The sentence shown to the child now."""
        return self.message_label.text()

    @property
    def chosen_part(self) -> str | None:
        """The part the keyboard has chosen, if any."""
        return self._chosen

    def _set_stage(self, stage: str) -> None:
        if stage != self._stage:
            self._stage = stage
            self.stage_changed.emit(stage)

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

    def reset(self) -> None:
        """Start again: every part back in the box, a plain guard cell, flagged cells back."""
        self._celebration.stop()
        self.build.reset()
        for item in self.part_items.values():
            self._stop_glide(item.part_id)
            item.setParentItem(None)
            item.setPos(item.home)
            item.set_movable(True)
            item.show()
        self.guard_cell.set_super(False)
        self.guard_cell.setPos(CELL_CENTRE)
        self.guard_cell.setScale(1.0)
        _set_centred_text(self.cell_label, GUARD_CELL_TEXT, CELL_LABEL_CENTRE)
        for item in [*self.target_items, self.healthy_item]:
            item.setOpacity(1.0)
            item.setScale(1.0)
        self.well_done_label.hide()
        self.play_again_button.hide()
        self._set_stage(BUILDING)
        self._say(build_car.START_MESSAGE)
        self._choose(self._best_free_part())
        self._refresh()

    def stop_animations(self) -> None:
        """Jump every movement to its end (before hiding or closing)."""
        self._finish_glides()
        if self._celebration.state() == QSequentialAnimationGroup.State.Running:
            self._celebration.stop()
            self._show_hunt(1.0)
            self._finish_hunt()

    # --- placing parts -------------------------------------------------------------------

    def drop_part(self, part_id: str, scene_pos: QPointF) -> None:
        """A part was let go at ``scene_pos``: put it on the nearest fitting spot, or home."""
        if self.build.is_placed(part_id) or self._stage != BUILDING:
            return
        near_cell = _distance(scene_pos, self.guard_cell.scenePos()) < CELL_RADIUS + 40
        near_slot = any(_distance(scene_pos, self.slot_scene_pos(slot.id)) < SNAP_DISTANCE
                        for slot in self.build.slots)
        if not (near_cell or near_slot):
            self._say(build_car.FAR_MESSAGE)
            self._send_home(part_id)
            return
        kind = self.build.part(part_id).kind
        fitting = [slot for slot in self.build.ready_slots() if slot.kind == kind]
        if not fitting:
            self._say(self.build.hint_for(part_id))
            self._send_home(part_id)
            return
        # forgiving on purpose: small hands rarely let go exactly on the outline
        nearest = min(fitting, key=lambda slot: _distance(scene_pos,
                                                          self.slot_scene_pos(slot.id)))
        self._attach(part_id, nearest.id)

    def place_part(self, part_id: str) -> bool:
        """Send ``part_id`` to the next spot ready for it (a tap, Enter or Space)."""
        if self.build.is_placed(part_id) or self._stage != BUILDING:
            return False
        slot = self.build.next_slot_for(part_id)
        if slot is None:
            self._say(self.build.hint_for(part_id))
            self._choose(part_id)
            return False
        self._attach(part_id, slot.id)
        return True

    def _attach(self, part_id: str, slot_id: str) -> None:
        result = self.build.place(part_id, slot_id)
        if not result.placed:  # the rules said no: say why and go home
            self._say(result.message)
            self._send_home(part_id)
            return
        item = self.part_items[part_id]
        self._stop_glide(part_id)
        # the part joins the cell, so it moves and shrinks with the super cell later
        scene_pos = item.scenePos()
        item.setParentItem(self.guard_cell)
        item.setPos(self.guard_cell.mapFromScene(scene_pos))
        item.set_movable(False)
        item.setZValue(2)
        self._glide(part_id, self.slot_items[slot_id].pos())
        self._say(result.message)
        self._choose(self._best_free_part())
        self._refresh()
        if result.complete:
            self._become_super()

    def _send_home(self, part_id: str) -> None:
        self._glide(part_id, self.part_items[part_id].home)

    def _glide(self, part_id: str, target: QPointF) -> None:
        item, glide = self.part_items[part_id], self._glides[part_id]
        glide.stop()
        if self.reduced_motion:
            item.setPos(target)
            return
        glide.setEndValue(target)  # with no start value it starts from where the part is
        glide.start()

    def _finish_glides(self) -> None:
        for part_id, glide in self._glides.items():
            if glide.state() == QPropertyAnimation.State.Running:
                glide.stop()
                self.part_items[part_id].setPos(glide.endValue())

    def _stop_glide(self, part_id: str) -> None:
        self._glides[part_id].stop()

    def _picked(self, part_id: str) -> None:
        self._stop_glide(part_id)  # a child may catch a part on its way home
        self._choose(part_id)

    def _refresh(self) -> None:
        for slot in self.build.slots:
            self.slot_items[slot.id].set_waiting(self.build.is_ready(slot.id))

    # --- the super cell ------------------------------------------------------------------

    def _become_super(self) -> None:
        self.guard_cell.set_super(True)
        _set_centred_text(self.cell_label, SUPER_CELL_TEXT, CELL_LABEL_CENTRE)
        self.play_again_button.show()
        self._set_stage(HUNTING)
        if self.reduced_motion:
            self._show_hunt(1.0)
            self._finish_hunt()
        else:
            self._celebration.start()

    def _meeting_points(self) -> tuple[tuple[float, float], ...]:
        gap = TARGET_RADIUS + CELL_RADIUS * HUNT_SCALE + 6
        return tuple((where.x() - gap, where.y()) for where in FLAGGED_CELLS)

    def _show_hunt(self, value: object) -> None:
        self._finish_glides()  # the last part must be in place before the cell moves
        frame = hunt_frame(float(value), (CELL_CENTRE.x(), CELL_CENTRE.y()),
                           self._meeting_points(), small=HUNT_SCALE)
        self.guard_cell.setPos(frame.x, frame.y)
        self.guard_cell.setScale(frame.scale)
        self.cell_label.setOpacity(1.0 if frame.scale > 0.99 else 0.0)
        for item, left in zip(self.target_items, frame.fades, strict=True):
            item.setOpacity(left)
            item.setScale(0.8 + 0.2 * left)  # shrink a little as they fade: gentle, no pop

    def _finish_hunt(self) -> None:
        if self._stage != HUNTING:
            return
        self.cell_label.setOpacity(1.0)
        self.well_done_label.show()
        self._say(build_car.FINISHED_MESSAGE)
        self._set_stage(FINISHED)

    # --- keyboard (see PlayView) ---------------------------------------------------------

    def _free_ids(self) -> list[str]:
        return [part.id for part in self.build.free_parts()]

    def _best_free_part(self) -> str | None:
        free = self._free_ids()
        ready = [part_id for part_id in free if self.build.next_slot_for(part_id) is not None]
        return (ready or free or [None])[0]

    def _choose(self, part_id: str | None) -> None:
        self._chosen = part_id
        for item in self.part_items.values():
            item.set_chosen(self._ring_shown and item.part_id == part_id)

    def step_focus(self, step: int) -> bool:
        """Choose the next or previous part in the box; False past the last one."""
        free = self._free_ids()
        if not free or self._chosen not in free:
            return False
        index = free.index(self._chosen) + step
        if not 0 <= index < len(free):
            return False
        self._choose(free[index])
        return True

    def move_focus(self, dx: int, dy: int) -> None:
        """Arrow keys: choose the next or previous part, going round the box."""
        free = self._free_ids()
        if not free:
            return
        index = free.index(self._chosen) if self._chosen in free else -1
        self._choose(free[(index + (1 if dx + dy > 0 else -1)) % len(free)])

    def activate_focus(self) -> None:
        """Enter or Space: put the chosen part on the next spot ready for it."""
        if self._chosen is not None:
            self.place_part(self._chosen)

    def show_focus(self, shown: bool) -> None:
        """Show the focus ring only while the keyboard is in use."""
        self._ring_shown = shown
        self._choose(self._chosen)


def _set_centred_text(item: QGraphicsSimpleTextItem, text: str, centre: QPointF) -> None:
    item.setText(text)
    box = item.boundingRect()
    item.setPos(centre.x() - box.width() / 2, centre.y() - box.height() / 2)


def _distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())
