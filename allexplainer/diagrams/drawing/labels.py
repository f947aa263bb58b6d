"""Labels: boxed words with a leader line to what they name, or a large heading.

Drawing text is the slowest thing matplotlib does per frame, so each label's words and box are
drawn once into a small image (kept until the words or the canvas size change) and every frame
only places that image, faded as needed, and draws the leader line from the box's edge.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterator
from functools import cache, lru_cache

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
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in canvas pixels
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
    figure = _scratch_figure(width, height, dpi)
    anchor_x = {"left": 2.0 * px, "center": width / 2, "right": width - 2.0 * px}[align]
    anchor_y = height / 2
    box = None if heading else dict(boxstyle="round,pad=0.32", fc=palette.WHITE,
                                    ec=palette.BLACK if strong else palette.OUTLINE,
                                    lw=box_width)
    figure.text(anchor_x, anchor_y, words, transform=IdentityTransform(), fontsize=fontsize,
                ha=align, va="center", color=palette.BLACK if strong else palette.TEXT,
                linespacing=1.15, bbox=box, fontweight="bold" if heading or strong else "normal")
    figure.canvas.draw()
    pixels = np.asarray(figure.canvas.buffer_rgba())
    figure.clear()  # the words go; the drawn pixels stay until the next label is drawn
    rows, columns = np.nonzero(pixels[:, :, 3])
    if len(rows) == 0:
        return np.zeros((1, 1, 4), np.uint8), 0.0, 0.0
    top, bottom, left, right = rows.min(), rows.max(), columns.min(), columns.max()
    # a copy: the scratch figure draws the next label into the same pixels
    image = pixels[top:bottom + 1, left:right + 1][::-1].copy()
    rows_total = pixels.shape[0]
    return image, anchor_x - left, anchor_y - (rows_total - 1 - bottom)


@cache
def _see_through_figure() -> Figure:
    """The one figure every label is drawn in, in turn (see ``_scratch_figure``)."""
    figure = Figure(facecolor=(0, 0, 0, 0))
    FigureCanvasAgg(figure)
    return figure


def _scratch_figure(width: float, height: float, dpi: float) -> Figure:
    """The figure labels are drawn in, empty, ``width`` x ``height`` pixels at ``dpi``.

    A figure of its own per label would be thrown away with its pixels and its canvas, which
    refer to each other: Python frees such a pair only when it next looks for cycles, so the
    pixels of every label drawn stayed in memory until then. Drawing each in the same figure
    keeps one set of pixels, the size of the last label drawn."""
    figure = _see_through_figure()
    figure.set_dpi(dpi)
    figure.set_size_inches(width / dpi, height / dpi)
    return figure


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
        self.nudge: Point = (0.0, 0.0)  # pixels moved by ``settle_labels`` to avoid collisions
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
        left = round(x - anchor_x + self.nudge[0])
        bottom = round(y - anchor_y + self.nudge[1])
        box = self.get_figure(root=True).bbox
        left = max(min(left, math.floor(box.width) - image.shape[1] - 1), 1)
        bottom = max(min(bottom, math.floor(box.height) - image.shape[0] - 1), 1)
        return image, left, bottom

    def wanted_box(self) -> Box:
        """Pixel box (x0, y0, x1, y1) of the words where the scene puts them (no nudge)."""
        image, anchor_x, anchor_y = self.image()
        x, y = self.axes.transData.transform(self.xy)
        left, bottom = x - anchor_x, y - anchor_y
        return (left, bottom, left + image.shape[1], bottom + image.shape[0])

    def box(self) -> Box | None:
        """Pixel box of the words as drawn now (None if hidden)."""
        if not self.get_visible() or not self.words:
            return None
        image, left, bottom = self._placed()
        return (left, bottom, left + image.shape[1], bottom + image.shape[0])

    def leader(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The leader line as drawn now, from the box's edge to the target (None if none)."""
        box = self.box()
        if box is None or self.target is None:
            return None
        self.extent = box
        start, end = self._leader(np.asarray(self.axes.transData.transform(self.target)))
        return None if start is None else (start, end)

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

    def rescale(self, points_per_px: float, smallest_pt: float = 0.0) -> None:
        """Set the font size and line widths for the canvas size (never below legible, nor
        below ``smallest_pt`` points)."""
        heading = self.actor.style == "heading"
        points_per_pixel = 72.0 / self.text.get_figure(root=True).dpi
        self.text.fontsize = max((HEADING_PX if heading else LABEL_PX) * points_per_px,
                                 (SMALLEST_HEADING_PX if heading else SMALLEST_LABEL_PX)
                                 * points_per_pixel, smallest_pt)
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


# ---- placing labels so that they never collide ------------------------------------------------
GAP_PX = 6.0  # clear space kept between two labels (canvas pixels)
ART_TOUCH_COST = 250.0  # a label on any art at all: worth about 20 px more of leader line
LEADER_ON_ART_COST = 600.0  # a leader line across art it does not point at (50 px of line)
LEADER_COST = 12.0  # per pixel of leader line: a label keeps near what it names
LONG_LEADER_COST = 150.0  # per pixel beyond four label heights: far labels cross the drawing


def overlap_area(a: Box, b: Box, gap: float = 0.0) -> float:
    """Area (px^2) shared by boxes ``a`` and ``b``, each grown by ``gap``/2 on every side."""
    w = min(a[2], b[2]) - max(a[0], b[0]) + gap
    h = min(a[3], b[3]) - max(a[1], b[1]) + gap
    return w * h if w > 0 and h > 0 else 0.0


def segments_cross(p1, p2, q1, q2) -> bool:
    """Whether segment p1-p2 crosses segment q1-q2 (touching ends do not count)."""
    def side(a, b, c) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    d1, d2 = side(q1, q2, p1), side(q1, q2, p2)
    d3, d4 = side(p1, p2, q1), side(p1, p2, q2)
    return d1 * d2 < 0 and d3 * d4 < 0


def segment_hits_box(p1, p2, box: Box) -> bool:
    """Whether the segment p1-p2 passes through ``box``."""
    x0, y0, x1, y1 = box
    if max(p1[0], p2[0]) <= x0 or min(p1[0], p2[0]) >= x1 or max(p1[1], p2[1]) <= y0 \
            or min(p1[1], p2[1]) >= y1:
        return False  # the segment's own box misses it (most art, most of the time)
    inside = [x0 < p[0] < x1 and y0 < p[1] < y1 for p in (p1, p2)]
    if any(inside):
        return True
    corners = ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
    return any(segments_cross(p1, p2, corners[i], corners[(i + 1) % 4]) for i in range(4))


def _near(box: Box, point: Point, pad: float = 3.0) -> bool:
    """Whether ``point`` is in ``box`` or within ``pad`` pixels of it."""
    return box[0] - pad <= point[0] <= box[2] + pad and box[1] - pad <= point[1] <= box[3] + pad


def _leader_start(box: Box, end: Point) -> Point | None:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    dx, dy = end[0] - cx, end[1] - cy
    limits = []
    if dx:
        limits.append(((box[2] if dx > 0 else box[0]) - cx) / dx)
    if dy:
        limits.append(((box[3] if dy > 0 else box[1]) - cy) / dy)
    reach = min(limits) if limits else 1.0
    return None if reach >= 1.0 else (cx + dx * reach, cy + dy * reach)


def settle_labels(wanted: list[tuple[str, Box, Point | None]], art: list[Box],
                  room: Box, passing: Collection[str] = ()) -> dict[str, Point]:
    """Pixel nudges that keep every label clear of the others, of their leader lines, of the art
    where it can, and inside ``room``; leader lines never cross. ``wanted`` holds each label's
    id, its box where the scene puts it and its leader line's target (or None), most important
    first. If a label finds no clear place, it is placed earlier and the rest again (a few times).
    Labels in ``passing`` (fading out as a stage begins) are never placed earlier: they must
    not push the labels of the frame a nurse pauses on.
    """
    order = list(wanted)
    best: tuple[float, dict[str, Point]] | None = None
    for _ in range(8):
        nudges, costs = _settle_in_order(order, art, room)
        total = sum(costs.values())
        if best is None or total < best[0]:
            best = (total, nudges)
        stuck = [key for key, cost in costs.items() if cost >= 1e5 and key not in passing]
        if not stuck:
            break
        first = stuck[-1]
        order = [item for item in order if item[0] == first] + \
            [item for item in order if item[0] != first]
    return best[1] if best else {}


def settle_with_rows(wanted: list[tuple[str, Box, Point | None]], art: list[Box], room: Box,
                     headings: set[str], passing: Collection[str] = ()) -> dict[str, Point]:
    """``settle_labels`` with the headings placed first: they are the frame of the picture
    (Before / After), so they keep their places, level with each other, and the notes find
    room around them. Headings that share a line and still had to move go by the same step,
    unless that step would put one on another label: then each keeps its own place."""
    ordered = [item for item in wanted if item[0] in headings] + \
        [item for item in wanted if item[0] not in headings]
    nudges = settle_labels(ordered, art, room, passing)
    boxes = {key: box for key, box, _target in wanted}

    def moved(key: str, nudge: Point) -> Box:
        x0, y0, x1, y1 = boxes[key]
        return (x0 + nudge[0], y0 + nudge[1], x1 + nudge[0], y1 + nudge[1])

    rows: dict[tuple[int, int], list[str]] = {}
    for key, box, _target in wanted:
        if key in headings:
            rows.setdefault((round(box[1]), round(box[3])), []).append(key)
    for keys in rows.values():
        steps = {nudges.get(key, (0.0, 0.0))[1] for key in keys}
        if len(steps) <= 1:
            continue
        shared = max(steps, key=abs)
        levelled = {key: (nudges.get(key, (0.0, 0.0))[0], shared) for key in keys}
        others = [moved(key, nudges.get(key, (0.0, 0.0))) for key in boxes
                  if key not in levelled and key not in passing]
        if all(overlap_area(moved(key, nudge), other, GAP_PX) == 0
               for key, nudge in levelled.items() for other in others):
            nudges.update(levelled)
    return nudges


def _anywhere(box: Box, room: Box) -> Iterator[Point]:
    """Moves that put ``box`` anywhere in ``room``, on a coarse grid (tried only when no place
    near the label is clear)."""
    w, h = box[2] - box[0], box[3] - box[1]
    for y in np.arange(room[1], room[3] - h + 1, max(h / 3, 4.0)):
        for x in np.arange(room[0], room[2] - w + 1, max(w / 6, 4.0)):
            yield (x - box[0], y - box[1])


def _settle_in_order(wanted: list[tuple[str, Box, Point | None]], art: list[Box],
                     room: Box) -> tuple[dict[str, Point], dict[str, float]]:
    """One greedy pass: each label takes the cheapest of a set of nearby places (or, if none is
    clear, of places anywhere in the room), given those placed before; with each label's cost."""
    placed: list[tuple[Box, Point | None, Point | None]] = []  # box, leader start, leader end
    nudges: dict[str, Point] = {}
    costs: dict[str, float] = {}
    for key, box, target in wanted:
        w, h = box[2] - box[0], box[3] - box[1]
        # what stands at the leader's end (a box round that end) is what the label names, or
        # stands right by it: its leader may cross that art, and no other
        named = [target is not None and _near(part, target) for part in art]
        unnamed = [part for part, by_end in zip(art, named, strict=True)
                   if target is not None and not by_end]
        # each part of the art with the cost of a label touching it at all: all it does not
        # name, and what it names if that is small (a receptor's head: touching it hides the
        # leader line); a cell or a receptor drawn large is a rough box, much larger than its
        # drawing, that labels sit against
        touch = [(part, ART_TOUCH_COST if not by_end
                  or max(part[2] - part[0], part[3] - part[1]) <= 2.5 * h else 0.0)
                 for part, by_end in zip(art, named, strict=True)]
        best, best_cost = (0.0, 0.0), math.inf
        near = [(dx * w, dy * h)
                for dy in (0.0, 0.6, -0.6, 1.2, -1.2, 1.8, -1.8, 2.5, -2.5, 3.3, -3.3, 4.2, -4.2)
                for dx in (0.0, 0.3, -0.3, 0.6, -0.6, 1.0, -1.0, 1.5, -1.5)]
        for candidates in (near, _anywhere(box, room)):
            if best_cost < 1e5:
                break
            # every cost below is added, never taken away: once a place costs as much as the
            # best so far it cannot win, so the rest of its sums are skipped
            for ox, oy in candidates:
                moved = (box[0] + ox, box[1] + oy, box[2] + ox, box[3] + oy)
                cost = 0.02 * (ox * ox + oy * oy)
                # inside the room
                inside = overlap_area(moved, room)
                cost += 1000.0 * (w * h - inside)
                if cost >= best_cost:
                    continue
                for other, start, end in placed:
                    cost += 1000.0 * overlap_area(moved, other, GAP_PX)
                    if start is not None and segment_hits_box(start, end, moved):
                        cost += 2e5
                if cost >= best_cost:
                    continue
                shared = [overlap_area(moved, part) for part, _ in touch]
                for on in shared:
                    cost += 1.5 * on
                for on, (_, touching) in zip(shared, touch, strict=True):
                    if on > 0:  # on the art at all: a corner on a receptor's head shows
                        cost += touching
                if cost >= best_cost:
                    continue
                start = None
                if target is not None:
                    if moved[0] < target[0] < moved[2] and moved[1] < target[1] < moved[3]:
                        cost += 5e5  # the words would hide what they name
                    start = _leader_start(moved, target)
                    if start is not None:
                        # a long leader line is hard to follow (and crosses the drawing)
                        reach = math.dist(start, target)
                        cost += LEADER_COST * reach + LONG_LEADER_COST * max(0.0, reach - 4 * h)
                        for part in unnamed:
                            if segment_hits_box(start, target, part):
                                cost += LEADER_ON_ART_COST
                        for other, o_start, o_end in placed:
                            if segment_hits_box(start, target, other):
                                cost += 2e5
                            if o_start is not None and segments_cross(start, target, o_start,
                                                                      o_end):
                                cost += 2e5
                if cost < best_cost:
                    best, best_cost = (ox, oy), cost
        ox, oy = best
        moved = (box[0] + ox, box[1] + oy, box[2] + ox, box[3] + oy)
        start = _leader_start(moved, target) if target is not None else None
        placed.append((moved, start, target if start is not None else None))
        nudges[key] = best
        costs[key] = best_cost
    return nudges, costs
