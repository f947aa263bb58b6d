"""Faded as one: shapes that overlap, drawn opaque into a picture of their own, laid down faded.

Fading each part of a drawing on its own lets the parts show through each other: where a
molecule's arm meets its linker, the two faded layers add up to a darker patch, and every
outline under a fill shows. A real faded object (and a sprite faded by the player) fades as
one. So a faded group is drawn at full strength into a picture of its box, and that picture
is laid on the canvas at the group's opacity.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.transforms import Affine2D

# In an SVG or PDF a faded group is a picture this many times finer than the drawing's units
# (points), 288 per inch: sharp when printed, though no longer a line drawing.
VECTOR_SCALE = 4


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
    # straight (not premultiplied) alpha, top row first: faded in place (Agg's draw_image
    # takes no opacity), then laid down as matplotlib's own filters lay a picture, bottom row
    # first
    pixels = np.asarray(picture.buffer_rgba())
    alpha = pixels[..., 3]
    np.take(_fade_table(opacity), alpha, out=alpha, mode="clip")
    if scale == 1:
        renderer.draw_image(gc, x0, y0, pixels[::-1])
    else:  # vector renderers place a picture through a transform of the unit square
        renderer.draw_image(gc, x0, y0, pixels[::-1], Affine2D().scale(x1 - x0, y1 - y0))


def _fade_table(opacity: float) -> np.ndarray:
    """Each alpha byte (0-255) times ``opacity``, rounded: a lookup table."""
    return np.rint(np.arange(256) * min(max(opacity, 0.0), 1.0)).astype(np.uint8)
