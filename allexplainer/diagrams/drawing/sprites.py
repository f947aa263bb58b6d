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

import numpy as np
from PySide6.QtGui import QImage, QPainter

from allexplainer.diagrams.steady import Steady, opacity_at, shift_at

FAINTEST = 0.003  # drawn only when more opaque than this (as the artists do)


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
        """Draw the artists (already placed at the fade's reference) on ``renderer``, which
        must be clear (see-through) where they fall; keep that part as the picture and clear it
        again."""
        extent = None
        for artist in self.artists:
            if artist.get_visible():
                box = artist.display_extent()
                if box is not None:
                    extent = box if extent is None else (
                        min(extent[0], box[0]), min(extent[1], box[1]),
                        max(extent[2], box[2]), max(extent[3], box[3]))
        self.image, self.extent = None, None
        if extent is None:
            return
        buffer = np.asarray(renderer.buffer_rgba())
        rows, columns = buffer.shape[:2]
        x0, x1 = max(math.floor(extent[0]), 0), min(math.ceil(extent[2]), columns)
        top = max(math.floor(figure_height - extent[3]), 0)
        bottom = min(math.ceil(figure_height - extent[1]), rows)
        if x1 <= x0 or bottom <= top:
            return
        for artist in self.artists:
            if artist.get_visible():
                artist.draw(renderer)
        memory = memoryview(renderer.buffer_rgba()).cast("B")
        # Agg's pixels are straight RGBA; QPainter blends premultiplied ones fastest (Qt
        # converts, into an image of its own)
        self.image = QImage(memory[(top * columns + x0) * 4:], x1 - x0, bottom - top,
                            columns * 4, QImage.Format.Format_RGBA8888).convertToFormat(
            QImage.Format.Format_RGBA8888_Premultiplied)
        buffer[top:bottom, x0:x1] = (255, 255, 255, 0)  # clear again for the next sprite
        self.left, self.top = x0, top
        self.extent = (float(x0), figure_height - bottom, float(x1), figure_height - top)


class Paster:
    """Pastes sprites onto an opaque Agg buffer, one painter for a run of them."""

    def __init__(self, renderer) -> None:
        self._renderer = renderer
        self._pending: list[tuple[Sprite, float, tuple[int, int]]] = []

    def add(self, sprite: Sprite, opacity: float, shift: tuple[int, int] = (0, 0)) -> None:
        """Paste ``sprite`` at ``opacity``, slid by ``shift`` pixels (right, up), before
        whatever Agg draws next (call ``flush`` first)."""
        if sprite.image is not None and opacity > FAINTEST:
            self._pending.append((sprite, opacity, shift))

    def flush(self) -> None:
        """Paste what is waiting."""
        if not self._pending:
            return
        memory = memoryview(self._renderer.buffer_rgba())
        rows, columns = memory.shape[0], memory.shape[1]
        # the buffer is opaque, so its straight pixels are premultiplied ones already
        target = QImage(memory.cast("B"), columns, rows, columns * 4,
                        QImage.Format.Format_RGBA8888_Premultiplied)
        painter = QPainter(target)
        try:
            for sprite, opacity, (dx, dy) in self._pending:
                painter.setOpacity(opacity)
                painter.drawImage(sprite.left + dx, sprite.top - dy, sprite.image)
        finally:
            painter.end()
        self._pending = []
