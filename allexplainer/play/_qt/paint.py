"""The shapes Play mode draws: guard cell, flag finder parts, cells, CD19 flags and stars.

Every shape is drawn around (0, 0) in scene units with a dark outline, and each kind has its
own outline shape, so nothing is told apart by colour alone.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap

from allexplainer import palette
from allexplainer.play._qt import theme

# width and height of each flag finder part; the stalk is thin but its touch area is not
PART_SIZES = {"push": (88.0, 52.0), "stalk": (40.0, 80.0), "tip": (96.0, 64.0)}
STACK_KINDS = ("push", "stalk", "tip")  # inside to outside
FLAG_HEIGHT = 48.0


def stack_centre(kind: str) -> float:
    """How far above the cell's skin the middle of part ``kind`` sits (negative is up)."""
    centre, previous = 0.0, None  # the push part sits half in the cell's skin
    for name in STACK_KINDS:
        if previous is not None:
            # a small overlap makes the pieces look joined into one flag finder
            centre -= PART_SIZES[previous][1] / 2 + PART_SIZES[name][1] / 2 - 4.0
        if name == kind:
            return centre
        previous = name
    raise KeyError(kind)


def _pen(width: float = theme.OUTLINE_WIDTH, colour: QColor | None = None,
         style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour or theme.outline_colour(), width, style)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def part_path(kind: str) -> QPainterPath:
    """The outline of a flag finder part, centred on (0, 0)."""
    w, h = PART_SIZES[kind]
    path = QPainterPath()
    if kind == "tip":
        # a cup open at the top: the part that catches the CD19 flag
        outer, inner = w / 2, w / 2 - 22
        path.moveTo(-outer, -h / 2)
        path.lineTo(-outer, 0)
        path.arcTo(QRectF(-outer, -h / 2, 2 * outer, h), 180, 180)
        path.lineTo(outer, -h / 2)
        path.lineTo(inner, -h / 2)
        path.lineTo(inner, 0)
        path.arcTo(QRectF(-inner, -h / 2 + 22, 2 * inner, h - 44), 0, -180)
        path.lineTo(-inner, -h / 2)
        path.closeSubpath()
    else:
        radius = 16.0 if kind == "push" else w / 2
        path.addRoundedRect(QRectF(-w / 2, -h / 2, w, h), radius, radius)
    return path


def paint_part(painter: QPainter, kind: str, *, ghost: bool = False) -> None:
    """Draw part ``kind``; a ghost is the dashed outline of a spot waiting for it."""
    path = part_path(kind)
    if ghost:
        # a pale copy of the part's own colour and shape: the child matches like a puzzle
        painter.setPen(_pen(3.0, QColor(palette.SLOT_EDGE), Qt.PenStyle.DashLine))
        painter.setBrush(QColor(theme.mix(theme.PART_FILLS[kind], palette.WHITE, 0.7)))
        painter.drawPath(path)
        return
    painter.setPen(_pen())
    painter.setBrush(QColor(theme.PART_FILLS[kind]))
    painter.drawPath(path)
    painter.setPen(_pen(3.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    w, h = PART_SIZES[kind]
    if kind == "push":
        for dy in (-8.0, 8.0):  # two arrows pointing out: the push
            chevron = QPainterPath(QPointF(-16, dy + 7))
            chevron.lineTo(0, dy - 7)
            chevron.lineTo(16, dy + 7)
            painter.drawPath(chevron)
    elif kind == "stalk":
        zigzag = QPainterPath(QPointF(0, -h / 2 + 10))
        for step in range(1, 6):  # a spring: the bendy bit
            zigzag.lineTo(9 if step % 2 else -9, -h / 2 + 10 + step * (h - 20) / 6)
        zigzag.lineTo(0, h / 2 - 10)
        painter.drawPath(zigzag)


def paint_round_cell(painter: QPainter, radius: float, fill: str, nucleus: str | None, *,
                     smiling: bool = False) -> None:
    """A round cell with a darker middle, a plain middle (``nucleus`` None) or a smile."""
    painter.setPen(_pen())
    painter.setBrush(QColor(fill))
    painter.drawEllipse(QPointF(0, 0), radius, radius)
    if nucleus is None:
        return
    if not smiling:
        painter.setPen(_pen(2.5))
        painter.setBrush(QColor(nucleus))
        painter.drawEllipse(QPointF(-radius * 0.12, radius * 0.08), radius * 0.42,
                            radius * 0.38)
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.outline_colour())
    for side in (-1, 1):
        painter.drawEllipse(QPointF(side * radius * 0.3, -radius * 0.12), radius * 0.09,
                            radius * 0.1)
    box = QRectF(-radius * 0.34, -radius * 0.22, radius * 0.68, radius * 0.56)
    smile = QPainterPath()
    smile.arcMoveTo(box, 200)
    smile.arcTo(box, 200, 140)
    painter.setPen(_pen(4.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(smile)


def paint_guard_cell(painter: QPainter, radius: float, *, super_cell: bool = False) -> None:
    """The big friendly guard cell (T cell) with a face; a super cell has a soft glow."""
    if super_cell:
        painter.setPen(_pen(22.0, theme.colour(theme.HALO, 0.9)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(0, 0), radius + 16, radius + 16)
    painter.setPen(_pen(5.0))
    painter.setBrush(QColor(theme.GUARD_FILL))
    painter.drawEllipse(QPointF(0, 0), radius, radius)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.GUARD_NUCLEUS))
    painter.drawEllipse(QPointF(0, radius * 0.12), radius * 0.62, radius * 0.55)
    # a calm face: round eyes, rosy cheeks, a small smile
    painter.setBrush(theme.outline_colour())
    for side in (-1, 1):
        painter.drawEllipse(QPointF(side * radius * 0.26, -radius * 0.08), radius * 0.065,
                            radius * 0.075)
    painter.setBrush(theme.colour(palette.CHEEK, 0.8))
    for side in (-1, 1):
        painter.drawEllipse(QPointF(side * radius * 0.42, radius * 0.12), radius * 0.09,
                            radius * 0.06)
    smile = QPainterPath()
    smile.arcMoveTo(QRectF(-radius * 0.22, -radius * 0.1, radius * 0.44, radius * 0.36), 200)
    smile.arcTo(QRectF(-radius * 0.22, -radius * 0.1, radius * 0.44, radius * 0.36), 200, 140)
    painter.setPen(_pen(5.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(smile)
    if super_cell:
        paint_star(painter, QPointF(radius * 0.55, radius * 0.55), radius * 0.2)


def flag_geometry(radius: float, side: int) -> tuple[QPointF, QPointF, QPainterPath]:
    """The CD19 flag on a cell of ``radius``: stick foot, stick top, and the triangle."""
    foot = QPointF(side * radius * 0.3, -radius * 0.94)
    top = QPointF(foot.x(), -radius - FLAG_HEIGHT + 4)
    triangle = QPainterPath(top)
    triangle.lineTo(top.x() + side * 36, top.y() + 13)
    triangle.lineTo(top.x(), top.y() + 26)
    triangle.closeSubpath()
    return foot, top, triangle


def paint_flag(painter: QPainter, radius: float, side: int = 1) -> None:
    """A small triangular CD19 flag on a stick, standing on a cell of ``radius``."""
    foot, top, triangle = flag_geometry(radius, side)
    painter.setPen(_pen(5.0))
    painter.drawLine(foot, top)
    painter.setPen(_pen(3.0))
    painter.setBrush(QColor(theme.FLAG_FILL))
    painter.drawPath(triangle)


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
    """A yellow star with a dark outline: the sign of a flag found."""
    painter.setPen(_pen(3.0))
    painter.setBrush(QColor(theme.STAR_FILL))
    painter.drawPath(star_path(centre, radius))


def paint_focus_ring(painter: QPainter, rect: QRectF, radius: float) -> None:
    """A thick dashed ring round whatever the keyboard has chosen."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(_pen(6.0, QColor(theme.FOCUS), Qt.PenStyle.DashLine))
    painter.drawRoundedRect(rect, radius, radius)


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
    painter.translate(0, 58)
    radius = 120.0
    paint_guard_cell(painter, radius, super_cell=True)
    for side in (-1, 1):
        x = side * 62.0
        skin = -math.sqrt(radius * radius - x * x)
        for kind in STACK_KINDS:
            painter.save()
            painter.translate(x, skin + stack_centre(kind))
            paint_part(painter, kind)
            painter.restore()
    painter.end()
    return pixmap


def find_picture(size: int) -> QPixmap:
    """The chooser picture for finding: cells, one with a CD19 flag and a star."""
    pixmap, painter = _picture(size, 420.0)
    for x, y, flagged in ((-105.0, -60.0, False), (95.0, -85.0, True), (-20.0, 110.0, False)):
        painter.save()
        painter.translate(x, y)
        paint_round_cell(painter, 78.0, theme.CELL_FILL, theme.CELL_NUCLEUS)
        if flagged:
            paint_flag(painter, 78.0, 1)
            paint_star(painter, QPointF(0, 0), 40.0)
        painter.restore()
    painter.end()
    return pixmap

