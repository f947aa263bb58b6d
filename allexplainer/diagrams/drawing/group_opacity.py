"""Faded as one: shapes that overlap, drawn opaque into a picture of their own, laid down faded.

Fading each part of a drawing on its own lets the parts show through each other: where a
molecule's arm meets its linker, the two faded layers add up to a darker patch, and every
outline under a fill shows. A real faded object (and a sprite faded by the player) fades as
one. So a faded group is drawn at full strength into a picture of its box, and that picture
is laid on the canvas at the group's opacity: by QPainter when it is large and the canvas
opaque (as sprites are pasted), otherwise by Agg (a clear canvas, a vector file, a small
picture).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.transforms import Affine2D
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QTransform

from allexplainer.diagrams.drawing.sprites import STRAIGHT, Paster

# In an SVG or PDF a faded group is a picture this many times finer than the drawing's units
# (points), 288 per inch: sharp when printed, though no longer a line drawing.
VECTOR_SCALE = 4
# A picture this large (pixels) or larger is laid on an opaque canvas by QPainter: about 1.8 ns
# a pixel against Agg's 5.7 (with the fading of its alpha bytes), but about 0.13 ms more to set
# up, so smaller ones (a receptor, a small molecule) are laid down by Agg.
PAINTER_PIXELS = 40_000


def paint_faded(renderer, gc, box: tuple[float, float, float, float], opacity: float,
                draw: Callable[[RendererAgg, Affine2D], None]) -> None:
    """Lay what ``draw`` draws on ``renderer`` at ``opacity``, as one picture.

    ``box`` (x0, y0, x1, y1, display units) holds everything ``draw`` draws, lines and all.
    ``draw(picture, shift)`` draws the group at full strength on ``picture`` (an Agg
    renderer the size of the box), each path through its usual transform and then ``shift``.
    ``gc`` carries the canvas's clip; the picture is laid through it.
    """
    scale = VECTOR_SCALE if renderer.option_scale_image() else 1
    width, height = renderer.get_canvas_width_height()
    x0, y0 = max(math.floor(box[0]), 0), max(math.floor(box[1]), 0)
    x1, y1 = min(math.ceil(box[2]), math.ceil(width)), min(math.ceil(box[3]), math.ceil(height))
    if x1 <= x0 or y1 <= y0 or opacity <= 0.0:
        return
    picture = RendererAgg((x1 - x0) * scale, (y1 - y0) * scale,
                          renderer.points_to_pixels(72.0) * scale)
    draw(picture, Affine2D().translate(-x0, -y0).scale(scale))
    pixels = np.asarray(picture.buffer_rgba())
    if scale == 1 and (x1 - x0) * (y1 - y0) >= PAINTER_PIXELS \
            and _opaque_at(renderer, (x0, y0, x1, y1)):
        _paste(renderer, gc, pixels, x0, y1, opacity)
        return
    # on a clear canvas (a sprite being drawn), in a vector file or for a small picture: the
    # picture's alpha bytes (straight, top row first) are faded in place, as Agg's draw_image
    # takes no opacity, and it is laid down as matplotlib's own filters lay one: bottom row first
    alpha = pixels[..., 3]
    np.take(_fade_table(opacity), alpha, out=alpha, mode="clip")
    if scale == 1:
        renderer.draw_image(gc, x0, y0, pixels[::-1])
    else:  # vector renderers place a picture through a transform of the unit square
        renderer.draw_image(gc, x0, y0, pixels[::-1], Affine2D().scale(x1 - x0, y1 - y0))


def _opaque_at(renderer, box: tuple[int, int, int, int]) -> bool:
    """Whether ``renderer`` is an Agg canvas whose pixels at the corners of ``box`` are opaque:
    a drawing, not the clear canvas a sprite is drawn on before it is cut out (every pixel of
    which is see-through)."""
    if not hasattr(renderer, "buffer_rgba"):
        return False
    buffer = np.asarray(renderer.buffer_rgba())
    height = buffer.shape[0]
    x0, y0, x1, y1 = box
    rows, columns = (height - y1, height - y0 - 1), (x0, x1 - 1)
    return all(buffer[row, column, 3] == 255 for row in rows for column in columns)


def _paste(renderer, gc, pixels: np.ndarray, left: int, top_y: int, opacity: float) -> None:
    """Lay the straight-alpha ``pixels`` on the opaque Agg canvas with their top-left corner at
    (``left``, ``top_y``) (display units, y up), at ``opacity``, within ``gc``'s clip box:
    with QPainter, as sprites are pasted (several times faster than Agg's draw_image, and no
    pixel has to be faded first)."""
    rows = int(renderer.height)
    clip = gc.get_clip_rectangle()
    if clip is not None:
        x, y, w, h = clip.bounds
        clip = QRectF(x, rows - y - h, w, h)
    height, width = pixels.shape[:2]
    picture = QImage(memoryview(pixels).cast("B"), width, height, width * 4, STRAIGHT)
    paster = Paster(renderer, clip)
    paster.add_transformed(picture, QPointF(left, rows - top_y), QTransform(), opacity)
    paster.flush()


def _fade_table(opacity: float) -> np.ndarray:
    """Each alpha byte (0-255) times ``opacity``, rounded: a lookup table."""
    return np.rint(np.arange(256) * min(max(opacity, 0.0), 1.0)).astype(np.uint8)
