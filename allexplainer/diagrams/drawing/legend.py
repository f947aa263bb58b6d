"""The key to a scene: each kind's own small drawing beside its name at the reading level."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_hex
from matplotlib.legend import Legend
from matplotlib.legend_handler import HandlerBase

from allexplainer import palette
from allexplainer.content.levels import Level
from allexplainer.content.links import strip_links
from allexplainer.diagrams.scene import Scene
from allexplainer.diagrams.shapes import layers_for

LEGEND_PX = 19.0  # legend text height on a 1280x720 canvas, in pixels
SMALLEST_LEGEND_PX = 13.0  # never smaller, however small the window (real pixels)
ICON_PAD = 0.04


@dataclass(frozen=True)
class KindHandle:
    """Stands for one kind of actor in the legend."""

    kind: str


class KindHandler(HandlerBase):
    """Draws a kind's own shape, fitted into the legend's handle box."""

    def __init__(self, points_per_px: float, strong: bool = False) -> None:
        super().__init__()
        self.points_per_px = points_per_px
        self.strong = strong  # projector colours, as the drawing

    def legend_artist(self, legend, orig_handle, fontsize, handlebox):
        """Add the kind's drawing to ``handlebox`` and return one of its artists."""
        layers = [layer for layer in layers_for(orig_handle.kind, 3) if not layer.pieces]
        points = np.vstack([path for layer in layers for path in layer.paths])
        low, high = points.min(axis=0), points.max(axis=0)
        span = np.maximum(high - low, 1e-6)
        width, height = handlebox.width, handlebox.height
        scale = (1 - 2 * ICON_PAD) * min(width / span[0], height / span[1])
        middle = (low + high) / 2
        offset = np.array([width / 2 - handlebox.xdescent, height / 2 - handlebox.ydescent])
        first = None
        for layer in layers:
            paths = [(path - middle) * scale + offset for path in layer.paths]
            line_width = layer.width * self.points_per_px * 0.7
            if layer.filled:
                face = layer.face
                if self.strong and face:
                    face = palette.projector_fill(to_hex(face))
                artist = PolyCollection(paths, facecolors=[face], edgecolors=[layer.edge],
                                        linewidths=line_width,
                                        transform=handlebox.get_transform())
            else:
                artist = LineCollection(paths, colors=[layer.edge], linewidths=line_width,
                                        capstyle="round", transform=handlebox.get_transform())
            handlebox.add_artist(artist)
            first = first or artist
        return first


def legend_labels(scene: Scene, level: Level) -> list[str]:
    """The legend's words at ``level``."""
    return [strip_links(text.get(level)) for _, text in scene.legend]


def _columns(labels: list[str], font_px: float, room_px: float) -> int:
    """The most columns whose rough width fits in ``room_px`` (entries fill columns first)."""
    for columns in range(len(labels), 1, -1):
        rows = math.ceil(len(labels) / columns)
        width = sum((max(len(label) for label in labels[start:start + rows]) * 0.55 + 4.6)
                    * font_px for start in range(0, len(labels), rows))
        if width <= room_px:
            return math.ceil(len(labels) / rows)  # the same rows, evenly filled
    return 1


def make_legend(axes: Axes, scene: Scene, level: Level, points_per_px: float,
                px_scale: float, canvas_width_px: float, strong: bool = False,
                smallest_pt: float = 0.0) -> Legend | None:
    """Make the scene's legend for the strip under ``axes`` (None if the scene has none).

    It hangs from its top middle; the renderer puts that point just under the drawing.

    ``points_per_px`` turns 1280x720 pixels into points; ``px_scale`` into canvas pixels.
    ``strong`` (for a projector): black, bold words in a black frame. The words are never
    smaller than ``smallest_pt`` points.
    """
    if not scene.legend:
        return None
    labels = legend_labels(scene, level)
    font_px = max(LEGEND_PX * px_scale, SMALLEST_LEGEND_PX, smallest_pt * px_scale / points_per_px)
    fontsize = font_px * points_per_px / px_scale
    columns = _columns(labels, font_px, canvas_width_px * 0.94)
    handles = [KindHandle(kind) for kind, _ in scene.legend]
    handler = KindHandler(points_per_px, strong)
    legend = axes.legend(handles, labels, handler_map={KindHandle: handler},
                         loc="upper center", bbox_to_anchor=(0.5, 0.0), ncols=columns,
                         handlelength=2.3, handleheight=2.1,
                         handletextpad=0.5, columnspacing=1.4, borderpad=0.45,
                         borderaxespad=0.0, labelspacing=0.3, frameon=True, fancybox=True,
                         facecolor=palette.WHITE,
                         edgecolor=palette.BLACK if strong else palette.PANEL_EDGE,
                         framealpha=1.0, labelcolor=palette.BLACK if strong else palette.TEXT,
                         prop={"size": fontsize, "weight": "bold" if strong else "normal"})
    legend.get_frame().set_linewidth((2.0 if strong else 1.2) * points_per_px)
    # under every actor, in full draws and blitted frames alike
    legend.set_zorder(0.5)
    return legend


def drop_legend(legend: Legend) -> None:
    """Take ``legend`` off its axes for good (a new one is made for each size and level).

    Its words remember the canvas renderer they were last measured with, and a legend's parts
    refer to each other, so Python frees them only when it next looks for cycles: until then
    every renderer the canvas had (one per size it was drawn at, up to 8 MB each) stayed in
    memory. Forgetting it here lets each go as soon as the canvas moves on."""
    legend.remove()
    for text in (*legend.get_texts(), legend.get_title()):
        text._renderer = None  # matplotlib's own "not drawn yet" value
