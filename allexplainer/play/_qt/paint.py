"""Play mode draws the diagrams' characters with QPainter: the guard cell (T cell), its flag
finder (CAR) parts, leukaemia cells and B cells with their CD19 flags, other blood cells.

Every outline comes from ``allexplainer.play.characters`` (the diagrams' own shapes); this
module only turns those layers into painter paths. Each function draws round (0, 0) in scene
units with the diagrams' dark outlines, and each kind keeps its own shape and texture, so
nothing is told apart by colour alone.

A diagram's local units have y pointing up; ``_local`` turns the painter so they can be used
as they are.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)

from allexplainer import palette
from allexplainer.diagrams.shapes import Layer
from allexplainer.play import characters
from allexplainer.play._qt import theme
from allexplainer.play.build_car import STACK_ORDER, PartKind
from allexplainer.play.characters import GUARD_CELL, Receptor

# Outlines a little bolder than the diagrams' (a child looks from further away), same shapes.
LINE_BOOST = 1.3


def line_px(unit: float) -> float:
    """Scene units per diagram pixel for a character whose scene unit is ``unit`` long."""
    return unit / characters.DIAGRAM_PX_PER_UNIT * LINE_BOOST


# --- diagram layers as painter paths -----------------------------------------------------


def _polygon(points) -> QPolygonF:
    return QPolygonF([QPointF(float(x), float(y)) for x, y in points])


_PATHS: dict[int, QPainterPath] = {}


def _layer_path(layer: Layer) -> QPainterPath:
    # the characters module keeps each layer for the life of the app, so its id is its name
    known = _PATHS.get(id(layer))
    if known is not None:
        return known
    path = QPainterPath()
    for points in layer.paths:
        polygon = _polygon(points)
        if layer.filled:
            path.addPolygon(polygon)
            path.closeSubpath()
        else:
            path.moveTo(polygon[0])
            for point in list(polygon)[1:]:
                path.lineTo(point)
    _PATHS[id(layer)] = path
    return path


def _pen(width: float, colour: str | QColor, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def paint_layers(painter: QPainter, layers: Iterable[Layer], px: float) -> None:
    """Draw diagram ``layers`` in the painter's local units; ``px`` local units per diagram px."""
    for layer in layers:
        path = _layer_path(layer)
        painter.setPen(_pen(layer.width * px, layer.edge,
                            Qt.PenStyle.DashLine if layer.dashed else Qt.PenStyle.SolidLine))
        painter.setBrush(QColor(layer.face) if layer.filled and layer.face
                         else Qt.BrushStyle.NoBrush)
        painter.drawPath(path)


def layers_outline(layers: Iterable[Layer], px: float) -> QPainterPath:
    """The area ``layers`` cover (lines as wide as they are drawn), in local units."""
    result = QPainterPath()
    for layer in layers:
        path = _layer_path(layer)
        stroker = QPainterPathStroker()
        stroker.setWidth(layer.width * px)
        stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
        stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        result = result.united(stroker.createStroke(path))
        if layer.filled:
            result = result.united(path)
    return result.simplified()


class _local:  # noqa: N801 - used as a context manager, reads like a statement
    """Within ``with _local(painter, scale):`` the painter uses diagram units, y pointing up."""

    def __init__(self, painter: QPainter, scale: float) -> None:
        self.painter, self.scale = painter, scale

    def __enter__(self) -> QPainter:
        self.painter.save()
        self.painter.scale(self.scale, -self.scale)
        return self.painter

    def __exit__(self, *_exc) -> None:
        self.painter.restore()


def local_transform(scale: float) -> QTransform:
    """Diagram units (y up) to scene units (y down), ``scale`` scene units each."""
    return QTransform.fromScale(scale, -scale)


# --- cells -------------------------------------------------------------------------------


def cell_radius(kind: str, unit: float) -> float:
    """The radius of a cell of ``kind`` drawn with scene ``unit``."""
    return unit * characters.cell_size(kind)


def cell_outline(kind: str, seed: int, unit: float) -> QPainterPath:
    """The cell's own wobbly outline in scene units (for its touch area and its glow)."""
    body = characters.body_layers(kind, seed)[0]
    return local_transform(cell_radius(kind, unit)).map(_layer_path(body))


def receptor_placement(cell_kind: str, seed: int, unit: float,
                       angle: float) -> tuple[QPointF, float]:
    """Where a molecule at ``angle`` stands on the cell, and the item rotation (clockwise
    degrees) that turns its "up" straight out from the cell."""
    x, y = characters.standing_point(cell_kind, seed, angle)
    return QPointF(x * unit, -y * unit), 90.0 - angle


def paint_receptor(painter: QPainter, kind: str, unit: float, *, depth: int | None = None) -> None:
    """Surface molecule ``kind`` standing at (0, 0) pointing up, on a cell of scene ``unit``.
    ``depth`` picks the layers outside (UNDER) or inside the cell; None draws them all."""
    length = unit * characters.receptor_length(kind)
    layers = [layer for layer in characters.receptor_layers(kind)
              if depth is None or (layer.depth == depth)]
    with _local(painter, length) as local:
        paint_layers(local, layers, line_px(unit) / length)


def receptor_outline(kind: str, unit: float) -> QPainterPath:
    """The area a molecule covers in its own item's scene units (pointing up)."""
    length = unit * characters.receptor_length(kind)
    path = layers_outline(characters.receptor_layers(kind), line_px(unit) / length)
    return local_transform(length).map(path)


def _paint_feelers(painter: QPainter, unit: float, receptors: Iterable[Receptor],
                   seed: int) -> None:
    for receptor in receptors:
        where, turn = receptor_placement(GUARD_CELL, seed, unit, receptor.angle)
        painter.save()
        painter.translate(where)
        painter.rotate(turn)
        paint_receptor(painter, receptor.kind, unit)
        painter.restore()


def paint_cell(painter: QPainter, kind: str, seed: int, unit: float) -> None:
    """The body of a cell of ``kind`` (outline, nucleus, texture), as the diagrams draw it."""
    radius = cell_radius(kind, unit)
    with _local(painter, radius) as local:
        paint_layers(local, characters.body_layers(kind, seed), line_px(unit) / radius)


def paint_guard_cell(painter: QPainter, unit: float, seed: int = 0, *,
                     super_cell: bool = False, face: bool = True) -> None:
    """The guard cell (the diagrams' T cell): its feelers, its dotted nucleus and, for a child,
    a small calm face on the nucleus. A super cell has a soft glow round it."""
    if super_cell:
        painter.setPen(_pen(unit * 0.16, theme.colour(theme.HALO, 0.9)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(cell_outline(GUARD_CELL, seed, unit * 1.06))
    _paint_feelers(painter, unit, characters.receptors_on(GUARD_CELL), seed)
    paint_cell(painter, GUARD_CELL, seed, unit)
    if face:
        paint_face(painter, QPointF(-0.04 * unit, -0.03 * unit), unit * 0.46)


def paint_face(painter: QPainter, centre: QPointF, size: float, *, cheeks: bool = True) -> None:
    """A calm face inside a circle of ``size`` round ``centre``: two round eyes and a small
    smile, white behind the eyes so the dotted nucleus still shows round them."""
    painter.save()
    painter.translate(centre)
    painter.setPen(_pen(size * 0.045, palette.OUTLINE))
    painter.setBrush(QColor(palette.WHITE))
    for side in (-1, 1):
        painter.drawEllipse(QPointF(side * size * 0.36, -size * 0.2), size * 0.23, size * 0.26)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(palette.OUTLINE))
    for side in (-1, 1):
        painter.drawEllipse(QPointF(side * size * 0.36, -size * 0.14), size * 0.12, size * 0.13)
    if cheeks:
        painter.setBrush(theme.colour(palette.CHEEK, 0.9))
        for side in (-1, 1):
            painter.drawEllipse(QPointF(side * size * 0.62, size * 0.2), size * 0.13,
                                size * 0.09)
    smile = QPainterPath()
    box = QRectF(-size * 0.32, -size * 0.08, size * 0.64, size * 0.52)
    smile.arcMoveTo(box, 205)
    smile.arcTo(box, 205, 130)
    painter.setPen(_pen(size * 0.1, palette.OUTLINE))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(smile)
    painter.restore()


def paint_smile(painter: QPainter, size: float) -> None:
    """A smile on a blood cell that a child has said hello to (in its pale middle)."""
    paint_face(painter, QPointF(0, size * 0.05), size, cheeks=False)


# --- the flag finder's parts -------------------------------------------------------------


def car_unit(unit: float) -> float:
    """How long the whole flag finder (CAR) is on a guard cell of scene ``unit``."""
    return unit * characters.receptor_length("car")


def part_offset(kind: str, unit: float) -> float:
    """How far out from the cell's outline the middle of part ``kind`` lies (scene units)."""
    return characters.part_middle(PartKind(kind)) * car_unit(unit)


def stack_centre(kind: str, unit: float) -> float:
    """Kept for callers that think "up": the part's middle above the outline (negative)."""
    return -part_offset(kind, unit)


def _part_frame(kind: str, unit: float) -> tuple[float, float]:
    length = car_unit(unit)
    return length, characters.part_middle(PartKind(kind))


@cache
def _part_path(kind: str, unit: float) -> QPainterPath:
    length, middle = _part_frame(kind, unit)
    layers = characters.car_part_layers(PartKind(kind))
    path = layers_outline(layers, line_px(unit) / length)
    transform = QTransform.fromScale(length, -length)
    transform.translate(0, -middle)
    return transform.map(path)


def part_path(kind: str, unit: float) -> QPainterPath:
    """The area part ``kind`` covers, centred on (0, 0), pointing up (outwards)."""
    return QPainterPath(_part_path(kind, unit))


def paint_part(painter: QPainter, kind: str, unit: float, *, ghost: bool = False) -> None:
    """Draw part ``kind`` as the diagram's CAR draws it; a ghost is the dashed outline of a spot
    waiting for it (a pale copy of the part's own shape: the child matches it like a puzzle)."""
    if ghost:
        painter.setPen(_pen(line_px(unit) * 2.4, palette.SLOT_EDGE, Qt.PenStyle.DashLine))
        painter.setBrush(theme.colour(theme.mix(theme.PART_FILLS[kind], palette.WHITE, 0.6),
                                      0.85))
        painter.drawPath(_part_path(kind, unit))
        return
    length, middle = _part_frame(kind, unit)
    painter.save()
    painter.scale(length, -length)
    painter.translate(0, -middle)
    paint_layers(painter, characters.car_part_layers(PartKind(kind)), line_px(unit) / length)
    painter.restore()


# --- stars, focus, chooser pictures ------------------------------------------------------


def star_path(centre: QPointF, radius: float) -> QPainterPath:
    """A five-pointed star around ``centre``."""
    path = QPainterPath()
    for point in range(10):
        r = radius if point % 2 == 0 else radius * 0.45
        angle = math.radians(-90 + point * 36)
        corner = QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))
        path.moveTo(corner) if point == 0 else path.lineTo(corner)
    path.closeSubpath()
    return path


def paint_star(painter: QPainter, centre: QPointF, radius: float) -> None:
    """A yellow star with a dark outline: the sign of a cell with flags found."""
    painter.setPen(_pen(max(2.5, radius * 0.1), palette.OUTLINE))
    painter.setBrush(QColor(theme.STAR_FILL))
    painter.drawPath(star_path(centre, radius))


def paint_focus_ring(painter: QPainter, rect: QRectF, radius: float) -> None:
    """A thick dashed ring round whatever the keyboard has chosen."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(_pen(6.0, theme.FOCUS, Qt.PenStyle.DashLine))
    painter.drawRoundedRect(rect, radius, radius)


def paint_flagged_cell(painter: QPainter, kind: str, seed: int, unit: float) -> None:
    """A cell with its CD19 flags all round (flags first: they stand behind the outline)."""
    for angle in characters.flag_angles(kind):
        where, turn = receptor_placement(kind, seed, unit, angle)
        painter.save()
        painter.translate(where)
        painter.rotate(turn)
        paint_receptor(painter, "cd19", unit)
        painter.restore()
    paint_cell(painter, kind, seed, unit)


def paint_super_cell(painter: QPainter, unit: float, seed: int = 0) -> None:
    """A finished super cell: the guard cell with its two flag finders on."""
    paint_guard_cell(painter, unit, seed, super_cell=True)
    for angle in characters.CAR_ANGLES:
        where, turn = receptor_placement(GUARD_CELL, seed, unit, angle)
        for kind in STACK_ORDER:
            painter.save()
            painter.translate(where)
            painter.rotate(turn)
            painter.translate(0, -part_offset(kind.value, unit))
            paint_part(painter, kind.value, unit)
            painter.restore()


def _picture(size: int, extent: float) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(size / 2, size / 2)
    painter.scale(size / extent, size / extent)
    return pixmap, painter


def build_picture(size: int) -> QPixmap:
    """The chooser picture for building: a super cell with its two flag finders."""
    pixmap, painter = _picture(size, 440.0)
    painter.translate(-60, 0)
    paint_super_cell(painter, 118.0, seed=3)
    painter.end()
    return pixmap


def find_picture(size: int) -> QPixmap:
    """The chooser picture for finding: a poorly cell with flags and a star, a B cell with
    flags (healthy cells can carry them too) and a blood cell with none."""
    pixmap, painter = _picture(size, 420.0)
    for x, y, kind in ((95.0, -80.0, characters.LEUKAEMIA_CELL),
                       (-100.0, -70.0, characters.OTHER_CELL),
                       (-10.0, 105.0, characters.B_CELL)):
        painter.save()
        painter.translate(x, y)
        paint_flagged_cell(painter, kind, 5, 68.0)
        if kind == characters.LEUKAEMIA_CELL:
            paint_star(painter, QPointF(0, 4), 36.0)
        painter.restore()
    painter.end()
    return pixmap
