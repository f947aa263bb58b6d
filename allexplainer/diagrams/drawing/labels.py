"""Labels: boxed words with a leader line to what they name, or a large heading.

Drawing text is the slowest thing matplotlib does per frame, so each label's words and box are
drawn once into a small image (kept until the words or the canvas size change) and every frame
only places that image, faded as needed, and draws the leader line from the box's edge.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from functools import lru_cache

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.transforms import IdentityTransform

from allexplainer import palette
from allexplainer.content.levels import Level
from allexplainer.content.links import strip_links
from allexplainer.diagrams.layout import Placement
from allexplainer.diagrams.scene import Actor, ActorState
from allexplainer.diagrams.shapes import BODY

Point = tuple[float, float]
# Leader-line targets are worked out by the renderer, which knows every placement.
TargetFinder = Callable[[Actor, Point], Point | None]

LABEL_PX = 21.0  # label text height on a 1280x720 canvas, in pixels (>= 24 full screen)
HEADING_PX = 28.0
SMALLEST_LABEL_PX = 13.0  # in a small window the words shrink no further (real pixels)
SMALLEST_HEADING_PX = 16.0


@lru_cache(maxsize=256)
def label_image(words: str, fontsize: float, align: str, heading: bool, box_width: float,
                dpi: float, strong: bool = False) -> tuple[np.ndarray, float, float]:
    """The label drawn once: an RGBA image (bottom row first) and where its anchor lies in it.

    The anchor is the point the label is placed by: its ``align`` side, half way up. ``strong``
    (for a projector) draws black, bold words in a black box.
    """
    px = fontsize * dpi / 72.0
    lines = words.split("\n")
    width = (max(len(line) for line in lines) * 0.75 + 4.0) * px
    height = (len(lines) * 1.4 + 3.0) * px
    figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, facecolor=(0, 0, 0, 0))
    canvas = FigureCanvasAgg(figure)
    anchor_x = {"left": 2.0 * px, "center": width / 2, "right": width - 2.0 * px}[align]
    anchor_y = height / 2
    box = None if heading else dict(boxstyle="round,pad=0.32", fc=palette.WHITE,
                                    ec=palette.BLACK if strong else palette.OUTLINE,
                                    lw=box_width)
    figure.text(anchor_x, anchor_y, words, transform=IdentityTransform(), fontsize=fontsize,
                ha=align, va="center", color=palette.BLACK if strong else palette.TEXT,
                linespacing=1.15, bbox=box, fontweight="bold" if heading or strong else "normal")
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())
    rows, columns = np.nonzero(pixels[:, :, 3])
    if len(rows) == 0:
        return np.zeros((1, 1, 4), np.uint8), 0.0, 0.0
    top, bottom, left, right = rows.min(), rows.max(), columns.min(), columns.max()
    image = np.ascontiguousarray(pixels[top:bottom + 1, left:right + 1][::-1])
    rows_total = pixels.shape[0]
    return image, anchor_x - left, anchor_y - (rows_total - 1 - bottom)


class LabelArtist(Artist):
    """Draws one label: its leader line, then its ready-made image, at the current alpha."""

    def __init__(self, actor: Actor) -> None:
        super().__init__()
        self.actor = actor
        self.words = ""
        self.fontsize = 12.0
        self.line_width = 1.0
        self.xy: Point = (0.0, 0.0)
        self.target: Point | None = None
        self.fade = 1.0
        self.extent: tuple[float, float, float, float] | None = None
        self.strong = False  # black, bold words for a projector
        self._colour = to_rgba(palette.OUTLINE)

    def image(self) -> tuple[np.ndarray, float, float]:
        """The label's ready-made image and its anchor (drawn on first use, then cached)."""
        heading = self.actor.style == "heading"
        return label_image(self.words, round(self.fontsize, 2), self.actor.align, heading,
                           round(self.line_width * 0.8, 2), self.get_figure(root=True).dpi,
                           self.strong)

    def _placed(self) -> tuple[np.ndarray, int, int]:
        """The label's image and its lower left corner in canvas pixels, kept on the canvas
        (in a small window long words would otherwise run off its edge)."""
        image, anchor_x, anchor_y = self.image()
        x, y = self.axes.transData.transform(self.xy)
        left, bottom = round(x - anchor_x), round(y - anchor_y)
        box = self.get_figure(root=True).bbox
        left = max(min(left, math.floor(box.width) - image.shape[1] - 1), 1)
        bottom = max(min(bottom, math.floor(box.height) - image.shape[0] - 1), 1)
        return image, left, bottom

    def display_extent(self) -> tuple[float, float, float, float] | None:
        """Pixel box (x0, y0, x1, y1) of the label and its leader line (None if hidden)."""
        if not self.get_visible() or not self.words:
            return None
        image, left, bottom = self._placed()
        x0, y0, x1, y1 = left, bottom, left + image.shape[1], bottom + image.shape[0]
        if self.target is not None:
            tx, ty = self.axes.transData.transform(self.target)
            x0, y0, x1, y1 = min(x0, tx), min(y0, ty), max(x1, tx), max(y1, ty)
        pad = self.line_width * self.get_figure(root=True).dpi / 72.0 + 2.0
        return (x0 - pad, y0 - pad, x1 + pad, y1 + pad)

    def draw(self, renderer) -> None:
        """Draw the leader line and the label image."""
        if not self.get_visible() or not self.words:
            return
        image, left, bottom = self._placed()
        height, width = image.shape[:2]
        self.extent = (left, bottom, left + width, bottom + height)
        gc = renderer.new_gc()
        if self.target is not None:
            start, end = self._leader(self.axes.transData.transform(self.target))
            if start is not None:
                gc.set_linewidth(self.line_width)
                gc.set_foreground(self._colour, isRGBA=True)
                gc.set_alpha(self.fade)
                gc.set_capstyle("round")
                renderer.draw_path(gc, Path([start, end]), IdentityTransform())
        if self.fade < 0.999:
            image = image.copy()
            image[:, :, 3] = (image[:, :, 3] * self.fade).astype(np.uint8)
        gc.set_alpha(1.0)
        renderer.draw_image(gc, left, bottom, image)
        gc.restore()
        self.stale = False

    def _leader(self, end: np.ndarray) -> tuple[np.ndarray | None, np.ndarray]:
        """Where the leader leaves the box on its way to ``end`` (None if ``end`` is inside)."""
        x0, y0, x1, y1 = self.extent
        centre = np.array([(x0 + x1) / 2, (y0 + y1) / 2])
        d = end - centre
        limits = []
        if d[0]:
            limits.append(((x1 if d[0] > 0 else x0) - centre[0]) / d[0])
        if d[1]:
            limits.append(((y1 if d[1] > 0 else y0) - centre[1]) / d[1])
        reach = min(limits) if limits else 1.0
        if reach >= 1.0:
            return None, end
        return centre + d * reach, end


class LabelArtists:
    """A label actor at a reading level: boxed words with a leader line, or a heading."""

    def __init__(self, actor: Actor, axes: Axes, level: Level, find_target: TargetFinder) -> None:
        self.actor = actor
        self.find_target = find_target
        self.text = LabelArtist(actor)
        self.text.set_animated(True)
        axes.add_artist(self.text)
        self.set_level(level)

    def set_level(self, level: Level) -> None:
        """Show the words for ``level`` (nothing if the label has none there)."""
        words = self.actor.text.get(level) if self.actor.text else ""
        self.words = strip_links(words).replace("\\n", "\n")
        self.level_shown = bool(self.words) and level in self.actor.levels
        self.text.words = self.words if self.level_shown else ""

    def prepare(self) -> None:
        """Draw the words into their image now, if they are shown at this level."""
        if self.text.words:
            self.text.image()

    def parts(self) -> Iterator[tuple[int, object]]:
        """The one artist to draw."""
        yield BODY, self.text

    def artists(self) -> Iterator:
        """Every matplotlib artist of this label."""
        yield self.text

    def rescale(self, points_per_px: float) -> None:
        """Set the font size and line widths for the canvas size (never below legible)."""
        heading = self.actor.style == "heading"
        points_per_pixel = 72.0 / self.text.get_figure(root=True).dpi
        self.text.fontsize = max((HEADING_PX if heading else LABEL_PX) * points_per_px,
                                 (SMALLEST_HEADING_PX if heading else SMALLEST_LABEL_PX)
                                 * points_per_pixel)
        self.text.line_width = 2.0 * points_per_px

    def update(self, placements: tuple[Placement, ...], state: ActorState) -> None:
        """Place the label and aim its leader line."""
        alpha = state.opacity if state.visible else 0.0
        if not self.level_shown or alpha <= 0.003:
            self.text.set_visible(False)
            return
        self.text.set_visible(True)
        self.text.fade = alpha
        self.text.xy = (state.x, state.y)
        self.text.target = (self.find_target(self.actor, (state.x, state.y))
                            if self.actor.target else None)
