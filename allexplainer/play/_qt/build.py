"""Build a CAR T-cell: drag the flag finder's parts onto the guard cell, then watch it work.

The guard cell is the diagrams' T cell (blue, dotted nucleus, feelers) and the parts are the
diagrams' CAR cut in three: the push part (the coloured signalling blocks inside the cell),
the bendy stalk and the flag finder tip (the orange head that holds a CD19 flag). Once built,
the super cell visits the cells with CD19 flags (two poorly cells and a healthy B cell, since B
cells carry CD19 too) and each one clears away; a blood cell with no flag is left alone.
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
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from allexplainer.play import build_car, characters
from allexplainer.play._qt import paint, theme
from allexplainer.play._qt.activity import PLAY_AGAIN_TEXT, Activity
from allexplainer.play._qt.items import CellItem, GuardCellItem, PartItem, SlotItem
from allexplainer.play.build_car import CarBuild, hunt_frame
from allexplainer.reading_state import ReadingState

__all__ = ["BUILDING", "FINISHED", "HUNTING", "PLAY_AGAIN_TEXT", "BuildActivity"]

SCENE_RECT = QRectF(0, 0, 1200, 660)
TRAY_RECT = QRectF(22, 22, 270, 616)
TRAY_COLUMNS = (95.0, 219.0)
TRAY_ROWS = {"push": 160.0, "stalk": 345.0, "tip": 535.0}  # push parts first: they go on first
TRAY_LABEL_GAP = 72.0
GUARD_UNIT = 150.0  # the guard cell's radius (a T cell is the diagrams' size-1 cell)
CELL_CENTRE = QPointF(548, 322)
CELL_LABEL_CENTRE = QPointF(CELL_CENTRE.x(), 618)
SNAP_DISTANCE = 120.0  # a part let go this close to a spot (or over the cell) goes on
TARGET_UNIT = 48.0  # the radius of the cells the super cell visits
# The cells with CD19 flags the super cell visits, in turn: poorly cells and a healthy B cell
TARGETS = ((QPointF(1010, 128), characters.LEUKAEMIA_CELL),
           (QPointF(1108, 330), characters.B_CELL),
           (QPointF(1010, 532), characters.LEUKAEMIA_CELL))
FLAGGED_CELLS = tuple(where for where, _kind in TARGETS)
HEALTHY_CELL = QPointF(1140, 560)  # a blood cell with no flag: the super cell lets it be
HUNT_SCALE = 0.5
GLIDE_MS = 380

PARTS_BOX_TEXT = "Parts box"
GUARD_CELL_TEXT = "Guard cell"
SUPER_CELL_TEXT = "Super cell!"
WELL_DONE_TEXT = "Well done!"
BUILD_TITLE = "Build a super cell"

# Stages, as reported by ``stage_changed``.
BUILDING, HUNTING, FINISHED = "building", "hunting", "finished"


class BuildActivity(Activity):
    """Put the push part, the bendy stalk and the flag finder tip on each of two spots."""

    stage_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, celebrate_ms: int = 3800,
                 state: ReadingState | None = None, receptors: int = 2) -> None:
        super().__init__(parent, name=BUILD_TITLE, object_name="play-build",
                         scene_rect=SCENE_RECT, state=state)
        self.build = CarBuild(min(receptors, len(characters.CAR_ANGLES)))
        self._stage = BUILDING
        self._chosen: str | None = None
        self._ring_shown = False
        self._glides: dict[str, tuple[QPropertyAnimation, QPropertyAnimation]] = {}

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

    def _build_scene(self) -> None:
        outline = QPainterPath()
        outline.addRoundedRect(TRAY_RECT, 28, 28)
        tray = self.scene.addPath(outline, QPen(QColor(theme.FIELD_EDGE), 3),
                                  QBrush(QColor(theme.TRAY)))
        tray.setZValue(-1)
        self._add_text(PARTS_BOX_TEXT, QPointF(TRAY_RECT.center().x(), 54), 30, bold=True)
        for kind, y in TRAY_ROWS.items():
            self._add_text(build_car.PartKind(kind).label,
                           QPointF(TRAY_RECT.center().x(), y + TRAY_LABEL_GAP), theme.LABEL_PX + 2)
        self.guard_cell = GuardCellItem(GUARD_UNIT)
        self.scene.addItem(self.guard_cell)
        self.cell_label = self._add_text(GUARD_CELL_TEXT, CELL_LABEL_CENTRE, 30, bold=True)
        self.slot_items: dict[str, SlotItem] = {}
        for slot in self.build.slots:
            item = SlotItem(slot.id, slot.kind.value, GUARD_UNIT, self.guard_cell)
            where, turn = self._slot_place(slot.receptor, slot.kind.value)
            item.setPos(where)
            item.setRotation(turn)
            self.slot_items[slot.id] = item
        self.part_items: dict[str, PartItem] = {}
        counts: dict[str, int] = {}
        for part in self.build.parts:
            column = counts.get(part.kind.value, 0)
            counts[part.kind.value] = column + 1
            item = PartItem(part.id, part.kind.value, GUARD_UNIT)
            item.home = QPointF(TRAY_COLUMNS[column % 2], TRAY_ROWS[part.kind.value])
            item.picked.connect(self._picked)
            item.dropped.connect(self.drop_part)
            item.tapped.connect(self.place_part)
            self.scene.addItem(item)
            self.part_items[part.id] = item
            # one pair per part, used again and again: it glides and turns to its spot
            glide = QPropertyAnimation(item, b"pos", item)
            turn = QPropertyAnimation(item, b"rotation", item)
            for animation in (glide, turn):
                animation.setDuration(GLIDE_MS)
                animation.setEasingCurve(QEasingCurve.Type.OutCubic)
            self._glides[part.id] = (glide, turn)
        self.target_items = [CellItem(number, kind, TARGET_UNIT, 11 + 7 * number,
                                      tappable=False)
                             for number, (_where, kind) in enumerate(TARGETS)]
        self.healthy_item = CellItem(len(TARGETS), characters.OTHER_CELL, TARGET_UNIT, 5,
                                     tappable=False)
        for item, where in zip([*self.target_items, self.healthy_item],
                               [*FLAGGED_CELLS, HEALTHY_CELL], strict=True):
            item.setPos(where)
            self.scene.addItem(item)
        self.well_done_label = self._add_text(WELL_DONE_TEXT, QPointF(1000, 330), 52, bold=True)
        self.well_done_label.setZValue(5)

    def _add_text(self, text: str, centre: QPointF, pixels: int, *,
                  bold: bool = False) -> QGraphicsSimpleTextItem:
        item = self.scene.addSimpleText(text, theme.font(pixels, bold=bold))
        item.setBrush(QColor(theme.TEXT))
        _set_centred_text(item, text, centre)
        return item

    def _slot_place(self, receptor: int, kind: str) -> tuple[QPointF, float]:
        """Where a part's spot is on the guard cell (cell units), and how it is turned."""
        angle = characters.CAR_ANGLES[receptor]
        where, turn = self.guard_cell.skin_point(angle)
        out = paint.part_offset(kind, GUARD_UNIT)
        rad = math.radians(angle)
        return QPointF(where.x() + out * math.cos(rad), where.y() - out * math.sin(rad)), turn

    def accessible_items(self) -> list:
        """The guard cell, the parts, then the cells it will visit (each with its flags)."""
        return [self.guard_cell, *self.part_items.values(), *self.target_items,
                self.healthy_item]

    def slot_scene_pos(self, slot_id: str) -> QPointF:
        """Where spot ``slot_id`` is now, in scene units."""
        return self.slot_items[slot_id].scenePos()

    # --- state ---------------------------------------------------------------------------

    @property
    def stage(self) -> str:
        """"building", "hunting" (the super cell is finding flags) or "finished"."""
        return self._stage

    @property
    def chosen_part(self) -> str | None:
        """The part the keyboard has chosen, if any."""
        return self._chosen

    def _set_stage(self, stage: str) -> None:
        if stage != self._stage:
            self._stage = stage
            self.stage_changed.emit(stage)

    def play_again(self) -> None:
        """Play again: the same as starting afresh."""
        self.reset()

    def reset(self) -> None:
        """Start again: every part back in the box, a plain guard cell, flagged cells back."""
        self._celebration.stop()
        self.build.reset()
        for item in self.part_items.values():
            self._stop_glide(item.part_id)
            item.setParentItem(None)
            item.setPos(item.home)
            item.setRotation(0.0)
            item.set_on_cell(False)
            item.show()
        self.guard_cell.set_super(False)
        self.guard_cell.setPos(CELL_CENTRE)
        self.guard_cell.setScale(1.0)
        _set_centred_text(self.cell_label, GUARD_CELL_TEXT, CELL_LABEL_CENTRE)
        for item in [*self.target_items, self.healthy_item]:
            item.setOpacity(1.0)
            item.setScale(1.0)
            item.set_cleared(False)
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
        near_cell = _distance(scene_pos, self.guard_cell.scenePos()) < GUARD_UNIT + 40
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
        item.set_on_cell(True)
        item.setZValue(2)
        spot = self.slot_items[slot_id]
        self._glide(part_id, spot.pos(), spot.rotation())
        self._say(result.message)
        self._choose(self._best_free_part())
        self._refresh()
        if result.complete:
            self._become_super()

    def _send_home(self, part_id: str) -> None:
        self._glide(part_id, self.part_items[part_id].home, 0.0)

    def _glide(self, part_id: str, target: QPointF, rotation: float) -> None:
        item, (glide, turn) = self.part_items[part_id], self._glides[part_id]
        glide.stop()
        turn.stop()
        if self.reduced_motion:
            item.setPos(target)
            item.setRotation(rotation)
            return
        # with no start values they start from where the part is and how it is turned
        glide.setEndValue(target)
        turn.setEndValue(rotation)
        glide.start()
        turn.start()

    def _finish_glides(self) -> None:
        for part_id, (glide, turn) in self._glides.items():
            item = self.part_items[part_id]
            if glide.state() == QPropertyAnimation.State.Running:
                glide.stop()
                item.setPos(glide.endValue())
            if turn.state() == QPropertyAnimation.State.Running:
                turn.stop()
                item.setRotation(turn.endValue())

    def _stop_glide(self, part_id: str) -> None:
        for animation in self._glides[part_id]:
            animation.stop()

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
        # the small super cell stops where its flag finder tips reach the flags on the
        # cell's near side (the flag finders point 30 degrees up and down to the right)
        angle = math.radians(max(characters.CAR_ANGLES))
        tips = GUARD_UNIT * (1.0 + characters.receptor_length("car")) * math.cos(angle)
        gaps = [HUNT_SCALE * tips + TARGET_UNIT * characters.reach(kind) * 0.5
                for _where, kind in TARGETS]
        return tuple((where.x() - gap, where.y())
                     for where, gap in zip(FLAGGED_CELLS, gaps, strict=True))

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
            item.set_cleared(left <= 0.0)

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
