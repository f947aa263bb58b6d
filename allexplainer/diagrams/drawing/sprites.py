"""Steady actors drawn once per stage and size by matplotlib, then faded and slid by QPainter.

A run of artists, next to each other in the drawing order, whose actors fade alike and slide
with the same cell in the stage being shown (``steady.py``) becomes one sprite: drawn by Agg at
its most opaque onto a clear canvas, cut to its box, and pasted on every frame at the opacity
and place of that moment by a ``QPainter`` over the Agg buffer (ten times faster per pixel than
Agg drawing the outlines again). Only ``QImage`` and ``QPainter`` are used, which need no Qt
application.
"""

from __future__ import annotations

import math
import sys

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QTransform

from allexplainer.diagrams.framing import union
from allexplainer.diagrams.layout import Placement
from allexplainer.diagrams.steady import (
    Copies,
    CopyPicture,
    Steady,
    copy_transform,
    opacity_at,
    shift_at,
)

FAINTEST = 0.003  # drawn only when more opaque than this (as the artists do)

# Agg's buffer holds the bytes R, G, B, A. Qt blends fastest in ARGB32, whose bytes on a
# little-endian machine are B, G, R, A: alpha in the same byte. Pictures and buffer are both read
# in that format, so red and blue trade places alike on both sides; every blend works on each
# channel alone, so the bytes that come out are the same as in Qt's RGBA8888 formats, and a
# scaled picture is pasted in half the time.
if sys.byteorder == "little":
    STRAIGHT, PREMULTIPLIED = QImage.Format.Format_ARGB32, QImage.Format.Format_ARGB32_Premultiplied
else:  # ARGB32 keeps alpha in the first byte there
    STRAIGHT = QImage.Format.Format_RGBA8888
    PREMULTIPLIED = QImage.Format.Format_RGBA8888_Premultiplied


class Sprite:
    """A run of artists faded as one picture."""

    def __init__(self, steady: Steady) -> None:
        self.steady = steady
        self.key = (steady.mover, steady.curve)  # artists that fade and slide alike
        self.actor_ids: list[str] = []
        self.artists: list = []
        self.image: QImage | None = None
        self.left = self.top = 0  # where the image goes in the buffer (rows from the top)
        self.extent: tuple[float, float, float, float] | None = None  # its pixel box (y up)

    def add(self, actor_id: str, artist) -> None:
        """One more artist of ``actor_id``, drawn after the ones before."""
        if actor_id not in self.actor_ids:
            self.actor_ids.append(actor_id)
        self.artists.append(artist)

    def opacity(self, states) -> float:
        """How opaque the picture is drawn in ``states``."""
        return opacity_at(states, self.steady)

    def shift(self, states, to_px) -> tuple[int, int]:
        """How far the picture has slid in ``states``, in whole pixels (right, up), through
        ``to_px`` (scene units to pixels)."""
        if not self.steady.mover:
            return (0, 0)
        dx, dy = shift_at(states, self.steady)
        (x0, y0), (x1, y1) = to_px(self.steady.origin), to_px(
            (self.steady.origin[0] + dx, self.steady.origin[1] + dy))
        return (round(x1 - x0), round(y1 - y0))

    def extent_at(self, shift: tuple[int, int]) -> tuple[float, float, float, float] | None:
        """The picture's pixel box slid by ``shift``."""
        if self.extent is None:
            return None
        x0, y0, x1, y1 = self.extent
        return (x0 + shift[0], y0 + shift[1], x1 + shift[0], y1 + shift[1])

    def capture(self, renderer, figure_height: float) -> None:
        """Draw the artists (already placed at the picture's moment) on ``renderer``, which
        must be clear (see-through) where they fall; keep that part as the picture and clear it
        again."""
        self.image, self.left, self.top, self.extent = cut_out(self.artists, renderer,
                                                               figure_height)


def cut_out(artists: list, renderer, figure_height: float) -> tuple:
    """Draw ``artists`` on the clear ``renderer`` and cut out what they cover: (premultiplied
    image or None, left, top, pixel box (y up) or None); the part is cleared again."""
    extent = union([box for box in (artist.display_extent() for artist in artists
                                    if artist.get_visible()) if box is not None])
    if extent is None:
        return None, 0, 0, None
    buffer = np.asarray(renderer.buffer_rgba())
    rows, columns = buffer.shape[:2]
    x0, x1 = max(math.floor(extent[0]), 0), min(math.ceil(extent[2]), columns)
    top = max(math.floor(figure_height - extent[3]), 0)
    bottom = min(math.ceil(figure_height - extent[1]), rows)
    if x1 <= x0 or bottom <= top:
        return None, 0, 0, None
    for artist in artists:
        if artist.get_visible():
            artist.draw(renderer)
    memory = memoryview(renderer.buffer_rgba()).cast("B")
    # Agg's pixels are straight; QPainter blends premultiplied ones fastest (Qt converts, into
    # an image of its own)
    image = QImage(memory[(top * columns + x0) * 4:], x1 - x0, bottom - top, columns * 4,
                   STRAIGHT).convertToFormat(PREMULTIPLIED)
    buffer[top:bottom, x0:x1] = (255, 255, 255, 0)  # clear again for the next picture
    return image, x0, top, (float(x0), figure_height - bottom, float(x1), figure_height - top)


class CopySprites:
    """A run of artists whose actor multiplies (``steady.Copies``): a picture of each copy,
    with what stands on it, each scaled, moved and faded with its copy (moving frames only:
    scaled pictures are smoothed, not drawn afresh)."""

    def __init__(self, copies: Copies) -> None:
        self.copies = copies
        self.key = ("copies", copies.root)
        self.actor_ids: list[str] = []
        self.artists: list = []
        # per copy: (picture, image, left, top, box)
        self.pictures: list[tuple[CopyPicture, QImage, int, int, tuple]] = []

    def add(self, actor_id: str, artist) -> None:
        """One more artist of ``actor_id``, drawn after the ones before."""
        if actor_id not in self.actor_ids:
            self.actor_ids.append(actor_id)
        self.artists.append(artist)

    def capture(self, renderer, figure_height: float, place) -> None:
        """Draw each copy's picture: ``place(picture)`` puts the artists where that copy and
        what stands on it are at the picture's moment (that copy only)."""
        self.pictures = []
        for picture in self.copies.pictures:
            place(picture)
            image, left, top, box = cut_out(self.artists, renderer, figure_height)
            if image is not None:
                self.pictures.append((picture, image, left, top, box))

    def placed(self, copies: tuple[Placement, ...], to_px, figure_height: float) -> list:
        """Each copy's picture now, given the copies' placements now: (image, point,
        transform, opacity, pixel box) for those shown, each from the picture of the size
        nearest the copy's size now."""
        nearest: dict[int, tuple] = {}
        for entry in self.pictures:
            picture = entry[0]
            if picture.index >= len(copies):
                continue
            off = abs(math.log(copies[picture.index].size / picture.origin.size))
            if picture.index not in nearest or off < nearest[picture.index][0]:
                nearest[picture.index] = (off, entry)
        shown = []
        for index in sorted(nearest):
            picture, image, left, top, box = nearest[index][1]
            scale, x, y, opacity = copy_transform(copies[index], picture)
            if opacity <= FAINTEST:
                continue
            (ox, oy), (nx, ny) = to_px((picture.origin.x, picture.origin.y)), to_px((x, y))
            # in buffer pixels (rows from the top): about the origin, scaled, then moved
            transform = QTransform().translate(nx, figure_height - ny).scale(scale, scale) \
                .translate(-ox, -(figure_height - oy))
            x0, y0, x1, y1 = box
            extent = (nx + scale * (x0 - ox) - 1, ny + scale * (y0 - oy) - 1,
                      nx + scale * (x1 - ox) + 1, ny + scale * (y1 - oy) + 1)
            shown.append((image, QPointF(left, top), transform, opacity, extent))
        return shown


class Paster:
    """Pastes sprites onto an opaque Agg buffer, one painter for a run of them."""

    def __init__(self, renderer, clip: QRectF | None = None) -> None:
        """``clip``: paste only inside this rectangle (buffer pixels, rows from the top)."""
        self._renderer = renderer
        self._clip = clip
        self._pending: list[tuple] = []  # (image, point, transform or None, opacity)

    def add(self, sprite: Sprite, opacity: float, shift: tuple[int, int] = (0, 0)) -> None:
        """Paste ``sprite`` at ``opacity``, slid by ``shift`` pixels (right, up), before
        whatever Agg draws next (call ``flush`` first)."""
        if sprite.image is not None and opacity > FAINTEST:
            self._pending.append((sprite.image, QPointF(sprite.left + shift[0],
                                                        sprite.top - shift[1]), None, opacity))

    def add_transformed(self, image: QImage, point: QPointF, transform: QTransform,
                        opacity: float) -> None:
        """Paste ``image`` at ``point`` through ``transform`` (smoothed) at ``opacity``."""
        self._pending.append((image, point, transform, opacity))

    def flush(self) -> None:
        """Paste what is waiting."""
        if not self._pending:
            return
        memory = memoryview(self._renderer.buffer_rgba())
        rows, columns = memory.shape[0], memory.shape[1]
        # the buffer is opaque, so its straight pixels are premultiplied ones already
        target = QImage(memory.cast("B"), columns, rows, columns * 4, PREMULTIPLIED)
        painter = QPainter(target)
        try:
            if self._clip is not None:
                painter.setClipRect(self._clip)
            for image, point, transform, opacity in self._pending:
                painter.setOpacity(opacity)
                if transform is None:
                    painter.resetTransform()
                    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
                else:
                    painter.setTransform(transform)
                    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
                painter.drawImage(point, image)
        finally:
            painter.end()
        self._pending = []
