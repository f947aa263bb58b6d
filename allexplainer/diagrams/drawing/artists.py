"""matplotlib artists for each actor, made once and updated in place every frame."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from weakref import WeakKeyDictionary

import numpy as np
from matplotlib.artist import allow_rasterization
from matplotlib.axes import Axes
from matplotlib.collections import Collection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.path import Path
from matplotlib.transforms import Affine2D

from allexplainer import palette
from allexplainer.content.levels import Level
from allexplainer.diagrams import kinds
from allexplainer.diagrams.drawing.group_opacity import paint_faded
from allexplainer.diagrams.drawing.labels import LabelArtists, TargetFinder
from allexplainer.diagrams.layout import Placement, unbroken_share
from allexplainer.diagrams.scene import Actor, ActorState
from allexplainer.diagrams.shapes import (
    BODY,
    Layer,
    arrow_polygon,
    layers_for,
    piece_offsets,
    piece_reach,
    rounded_rect,
)

TEXTURE_SIZE = 1.0  # actor size (scene units per local unit) at which textures have their width
FULL = 0.999  # a copy at least this opaque is drawn layer on layer: nothing shows through
# A surface molecule smaller than this (scene units per local unit: one standing on a cell, not
# a close-up) fades layer by layer: its few parts barely overlap at that size, and a cell has
# dozens of them, each picture costing about 0.15 ms of a frame.
SMALL_SURFACE = 1.0


def affine(x: float, y: float, size: float, rotation: float = 0.0) -> np.ndarray:
    """The 3x3 matrix that scales by ``size``, turns by ``rotation`` degrees, moves to (x, y)."""
    c = math.cos(math.radians(rotation)) * size
    s = math.sin(math.radians(rotation)) * size
    return np.array([[c, -s, x], [s, c, y], [0.0, 0.0, 1.0]])


class ShapeCollection(Collection):
    """Fixed local paths, each drawn through its own affine transform into scene units.

    Moving a copy changes only its 3x3 matrix, so no path is rebuilt per frame and one
    collection (one draw call) holds every layer of every copy of an actor.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(offsets=np.zeros((1, 2)), **kwargs)
        self._paths: list[Path] = []
        self._corners_key: tuple = ()
        self._corners = np.zeros((0, 3, 4))
        # (first, stop, opacity): items[first:stop] are one faded copy, faded as one picture
        self._groups: tuple[tuple[int, int, float], ...] = ()
        self._solid = getattr(self, "_solid", True)
        # pixel snapping would shrink the tiny strokes that draw texture dots to nothing
        self.set_snap(False)

    def get_paths(self) -> list[Path]:
        """The local paths, one per item."""
        return self._paths

    def set_items(self, paths: list[Path], matrices: list[np.ndarray], faces: list,
                  edges: list, widths: list[float],
                  groups: tuple[tuple[int, int, float], ...] = ()) -> None:
        """Show ``paths``, each through its matrix, with its own colours and line width.

        ``groups``: (first, stop, opacity) for each faded copy whose items overlap; their
        colours are already faded by ``opacity``, and they are drawn faded as one picture
        (``group_opacity``), not layer on layer.

        This runs for every moving actor on every frame, so the colours, already RGBA
        tuples, are stored as they are rather than parsed again by ``set_facecolor``.
        """
        self.set_visible(bool(paths))
        self._groups = groups
        if not paths:
            return
        self._paths = paths
        self._transforms = np.array(matrices)
        self._facecolors = np.array(faces, dtype=float).reshape(-1, 4)
        self._edgecolors = np.array(edges, dtype=float).reshape(-1, 4)
        if self._solid:
            self._us_lw = self._linewidths = np.array(widths, dtype=float)
        else:  # dashes are scaled with the line width
            self.set_linewidth(widths)
        self.stale = True

    def set_linestyle(self, ls) -> None:
        """As ``Collection.set_linestyle``, noting whether every line is solid."""
        super().set_linestyle(ls)
        self._solid = all(dashes is None for _, dashes in self._us_linestyles)

    @allow_rasterization
    def draw(self, renderer) -> None:
        """Draw every item in one call to the renderer.

        What ``Collection.draw`` does for these collections (no colour mapping, offsets,
        hatches, sketches or path effects), without its per-call checks: this runs for every
        moving actor on every frame. One item is drawn as a marker, as matplotlib does.
        """
        if not self.get_visible() or not self._paths:
            return
        transform = self.get_transform().get_affine()
        gc = renderer.new_gc()
        self._set_gc_clip(gc)
        gc.set_snap(False)
        if self._joinstyle:
            gc.set_joinstyle(self._joinstyle)
        if self._capstyle:
            gc.set_capstyle(self._capstyle)
        offsets = self.get_offsets()
        offset_trf = self.get_offset_transform().get_affine()
        combined = None
        if (len(self._paths) == 1 and self._solid and len(self._facecolors) == 1
                and len(self._edgecolors) == 1):
            combined = Affine2D(self._transforms[0]) + transform
            # a marker is drawn once into a buffer of its own size: only for a smaller one
            corners = combined.get_matrix() @ _corners(self._paths[0])
            span = corners.max(axis=1) - corners.min(axis=1)
            figure = self.get_figure(root=True).bbox
            if span[0] >= figure.width or span[1] >= figure.height:
                combined = None
        if combined is not None:
            gc.set_foreground(tuple(self._edgecolors[0]), isRGBA=True)
            gc.set_linewidth(self._linewidths[0])
            gc.set_antialiased(self._antialiaseds[0])
            renderer.draw_markers(gc, self._paths[0], combined.frozen(), Path(offsets),
                                  offset_trf, tuple(self._facecolors[0]))
        elif self._groups:
            self._draw_in_groups(renderer, gc, transform)
        else:
            self._draw_items(renderer, gc, transform, 0, len(self._paths))
        gc.restore()
        self.stale = False

    def _draw_items(self, renderer, gc, transform, first: int, stop: int,
                    opacity: float = 1.0) -> None:
        """Draw items ``first`` to ``stop`` in one call, their colours divided by ``opacity``
        (a group drawn at full strength)."""
        count = len(self._paths)

        def part(values):  # per-item values sliced; a shorter list is cycled, as matplotlib does
            return values[first:stop] if len(values) == count else values

        faces, edges = part(self._facecolors), part(self._edgecolors)
        if opacity < 1.0:
            faces, edges = _unfaded(faces, opacity), _unfaded(edges, opacity)
        renderer.draw_path_collection(
            gc, transform.frozen(), self._paths[first:stop], self._transforms[first:stop],
            self.get_offsets(), self.get_offset_transform().get_affine(), faces, edges,
            part(self._linewidths), part(self._linestyles), self._antialiaseds, self._urls,
            "screen")

    def _draw_in_groups(self, renderer, gc, transform) -> None:
        """Draw the items in order, each group faded as one picture."""
        done = 0
        for first, stop, opacity in self._groups:
            if first > done:
                self._draw_items(renderer, gc, transform, done, first)

            def draw(picture, shift, first=first, stop=stop, opacity=opacity) -> None:
                inner = picture.new_gc()
                inner.set_snap(False)
                inner.set_joinstyle(gc.get_joinstyle())
                inner.set_capstyle(gc.get_capstyle())
                self._draw_items(picture, inner, transform + shift, first, stop, opacity)
                inner.restore()

            box = self._extent(first, stop)
            if box is not None:
                paint_faded(renderer, gc, box, opacity, draw)
            done = stop
        if done < len(self._paths):
            self._draw_items(renderer, gc, transform, done, len(self._paths))

    def display_extent(self) -> tuple[float, float, float, float] | None:
        """Pixel box (x0, y0, x1, y1) the collection covers, lines included (None if hidden)."""
        if not self.get_visible() or not self._paths:
            return None
        return self._extent(0, len(self._paths))

    def _extent(self, first: int, stop: int) -> tuple[float, float, float, float] | None:
        """Display box of items ``first`` to ``stop``, lines included (None for none)."""
        if stop <= first:
            return None
        # every path's box corners through its own matrix, then to pixels, in one go: this
        # runs for each moving actor on every frame
        key = tuple(map(id, self._paths))
        if key != self._corners_key:
            self._corners_key = key
            self._corners = np.stack([_corners(path) for path in self._paths])
        local = np.matmul(self._transforms[first:stop], self._corners[first:stop])
        m = self.get_transform().get_affine().get_matrix()
        xs = m[0, 0] * local[:, 0] + m[0, 1] * local[:, 1] + m[0, 2]
        ys = m[1, 0] * local[:, 0] + m[1, 1] * local[:, 1] + m[1, 2]
        pad = float(np.max(self._us_lw)) * self.get_figure(root=True).dpi / 72.0 / 2 + 2.0
        return (float(xs.min()) - pad, float(ys.min()) - pad, float(xs.max()) + pad,
                float(ys.max()) + pad)


_CORNERS: WeakKeyDictionary[Path, np.ndarray] = WeakKeyDictionary()


def _corners(path: Path) -> np.ndarray:
    """The four corners of a path's bounding box as homogeneous columns (3x4), cached."""
    corners = _CORNERS.get(path)
    if corners is None:
        box = path.get_extents()
        corners = np.array([[box.x0, box.x1, box.x0, box.x1], [box.y0, box.y0, box.y1, box.y1],
                            [1.0, 1.0, 1.0, 1.0]])
        _CORNERS[path] = corners
    return corners


def compile_layer(layer: Layer) -> Path:
    """All the outlines of a layer as one compound path (closed when filled)."""
    vertices, codes = [], []
    for outline in layer.paths:
        vertices.append(outline)
        step = np.full(len(outline), Path.LINETO, dtype=np.uint8)
        step[0] = Path.MOVETO
        codes.append(step)
        if layer.filled:
            vertices.append(outline[:1])
            codes.append(np.array([Path.CLOSEPOLY], dtype=np.uint8))
    return Path(np.vstack(vertices), np.concatenate(codes))


@dataclass(frozen=True)
class _Template:
    path: Path
    face: tuple[float, float, float, float]
    edge: tuple[float, float, float, float]
    width: float
    pieces: bool
    texture: bool
    strong_face: tuple[float, float, float, float]  # projector colours (palette.projector_fill)


def _template(layer: Layer) -> _Template:
    filled = bool(layer.filled and layer.face)
    face = to_rgba(layer.face) if filled else (0.0, 0.0, 0.0, 0.0)
    strong = to_rgba(palette.projector_fill(to_hex(layer.face)), face[3]) if filled else face
    return _Template(compile_layer(layer), face, to_rgba(layer.edge), layer.width, layer.pieces,
                     layer.texture, strong)


def _faded(colour: tuple[float, float, float, float], alpha: float) -> tuple:
    return (colour[0], colour[1], colour[2], colour[3] * alpha)


def _unfaded(colours: np.ndarray, alpha: float) -> np.ndarray:
    """RGBA rows with their alpha divided by ``alpha`` again (at most 1)."""
    restored = np.array(colours, dtype=float, copy=True).reshape(-1, 4)
    restored[:, 3] = np.minimum(restored[:, 3] / alpha, 1.0)
    return restored


class _Items:
    """The items of one collection being gathered for a frame."""

    def __init__(self, points_per_px: float, strong: bool = False) -> None:
        self.points_per_px = points_per_px
        self.strong = strong  # projector colours
        self.paths: list[Path] = []
        self.matrices: list[np.ndarray] = []
        self.faces: list[tuple] = []
        self.edges: list[tuple] = []
        self.widths: list[float] = []
        self.groups: list[tuple[int, int, float]] = []  # faded copies, faded as one

    def fade_as_one(self, first: int, opacity: float) -> None:
        """Items from ``first`` on are one copy at ``opacity``: fade them as one picture
        when there is more than one (a single shape has nothing to show through)."""
        if len(self.paths) - first > 1 and opacity < FULL:
            self.groups.append((first, len(self.paths), opacity))

    def add(self, template: _Template, matrix: np.ndarray, alpha: float, size: float) -> None:
        """One path through ``matrix`` at ``alpha``, for a copy of ``size``."""
        self.paths.append(template.path)
        self.matrices.append(matrix)
        self.faces.append(_faded(template.strong_face if self.strong else template.face, alpha))
        self.edges.append(_faded(template.edge, alpha))
        # textures keep their look on small and large copies alike
        grow = min(max(size / TEXTURE_SIZE, 0.3), 1.6) if template.texture else 1.0
        self.widths.append(template.width * self.points_per_px * grow)


class ActorArtists:
    """Everything drawn for one actor: a collection per depth (under, with, over its cell)."""

    def __init__(self, actor: Actor, axes: Axes) -> None:
        self.actor = actor
        self.spec = kinds.kind_spec(actor.kind)
        self.points_per_px = 1.0
        self.strong = False  # projector colours: deeper fills
        self.groups: list[tuple[int, ShapeCollection, list[_Template]]] = []
        # the small pieces of a breaking cell are a collection of their own, drawn after the
        # cell's body at the same depth: while it breaks, the body only fades (a picture can be
        # faded) and the pieces drift
        self.piece_collections: set[ShapeCollection] = set()
        for layer in layers_for(actor.kind, actor.seed, actor.mirror):
            if not self.groups or self.groups[-1][0] != layer.depth \
                    or self.groups[-1][2][-1].pieces != layer.pieces:
                collection = ShapeCollection(animated=True, capstyle="round",
                                             joinstyle="round")
                self.groups.append((layer.depth, collection, []))
                if layer.pieces:
                    self.piece_collections.add(collection)
            self.groups[-1][2].append(_template(layer))
        self.pieces = piece_offsets(actor.seed)
        self.tube: ShapeCollection | None = None
        if actor.kind in ("pump", "bag", "medicine_bag", "antibody_bag", "apheresis"):
            self.tube = ShapeCollection(animated=True, capstyle="round")
        for artist in self.artists():
            axes.add_artist(artist)

    def artists(self) -> Iterator:
        """Every matplotlib artist of this actor."""
        for _, artist in self.parts():
            yield artist

    def parts(self) -> Iterator[tuple[int, object]]:
        """(depth, artist) pairs: UNDER before the parent cell, OVER after it."""
        if self.tube is not None:
            yield BODY, self.tube
        for depth, collection, _ in self.groups:
            yield depth, collection

    def rescale(self, points_per_px: float) -> None:
        """Set line widths for the canvas size."""
        self.points_per_px = points_per_px

    def update(self, placements: tuple[Placement, ...], state: ActorState) -> None:
        """Show the actor's copies at ``placements``."""
        shown = [p for p in placements if p.alpha > 0.003]
        for _, collection, templates in self.groups:
            items = _Items(self.points_per_px, self.strong)
            for p in shown:
                base = affine(p.x, p.y, p.size, p.rotation)
                whole = p.alpha * unbroken_share(p.broken)
                first = len(items.paths)
                for template in templates:
                    if not template.pieces:
                        if whole > 0.003:
                            items.add(template, base, whole, p.size)
                    elif p.broken > 0.0:
                        # a cell that breaks up fades gently into small drifting pieces
                        b = p.broken
                        alpha = p.alpha * min(1.0, 2.5 * b) * (1.0 - 0.45 * b)
                        reach = piece_reach(b)
                        for dx, dy, size in self.pieces:
                            piece = affine(dx * reach, dy * reach, size * (1.0 - 0.3 * b))
                            items.add(template, base @ piece, alpha, p.size)
                # small pieces of a broken cell and small receptors fade one by one
                if collection not in self.piece_collections and not (
                        self.spec.category == kinds.SURFACE and p.size < SMALL_SURFACE):
                    items.fade_as_one(first, whole)
            collection.set_items(items.paths, items.matrices, items.faces, items.edges,
                                 items.widths, tuple(items.groups))
        if self.tube is not None:
            self._update_tube(shown, state)

    def _update_tube(self, shown: list[Placement], state: ActorState) -> None:
        assert self.tube is not None
        if not shown or (state.x2 == 0.0 and state.y2 == 0.0):
            self.tube.set_items([], [], [], [], [])
            return
        p = shown[0]
        # where the tube leaves the prop: the pump's side, the separator's top (a tube from
        # the blood above ran down the cabinet's edge when it left from the side)
        port = {"pump": (1.0, 0.0), "apheresis": (-0.45, 1.15)}.get(self.actor.kind,
                                                                       (0.0, -1.0))
        start = (affine(p.x, p.y, p.size, p.rotation) @ np.array([*port, 1.0]))[:2]
        end = np.array([state.x2, state.y2])
        bend = np.array([start[0] + (end[0] - start[0]) * 0.1, end[1] + (start[1] - end[1]) * 0.9])
        f = np.linspace(0.0, 1.0, 24)[:, None]
        curve = (1 - f) ** 2 * start + 2 * (1 - f) * f * bend + f ** 2 * end
        self.tube.set_items([Path(curve)], [np.eye(3)], [(0.0, 0.0, 0.0, 0.0)],
                            [_faded(to_rgba(palette.OUTLINE), p.alpha)], [4.0 * self.points_per_px])


class _SingleShape:
    """Shared by areas and arrows: one collection, one item, drawn with the actor."""

    def __init__(self, actor: Actor, axes: Axes, layer: Layer) -> None:
        self.actor = actor
        self.template = _template(layer)
        self.points_per_px = 1.0
        self.strong = False  # projector colours: a deeper fill
        self.collection = ShapeCollection(animated=True, joinstyle="round",
                                          linestyle="--" if layer.dashed else "-")
        axes.add_artist(self.collection)

    def artists(self) -> Iterator:
        """The one artist."""
        yield self.collection

    def parts(self) -> Iterator[tuple[int, object]]:
        """The one artist, drawn with the actor."""
        yield BODY, self.collection

    def rescale(self, points_per_px: float) -> None:
        """Set line widths for the canvas size."""
        self.points_per_px = points_per_px

    def show(self, path: Path | None, matrix: np.ndarray, alpha: float) -> None:
        """Draw ``path`` through ``matrix`` (or nothing)."""
        if path is None or alpha <= 0.003:
            self.collection.set_items([], [], [], [], [])
            return
        face = self.template.strong_face if self.strong else self.template.face
        self.collection.set_items([path], [matrix], [_faded(face, alpha)],
                                  [_faded(self.template.edge, alpha)],
                                  [self.template.width * self.points_per_px])


class AreaArtists(_SingleShape):
    """Panels and blood vessels: a rounded shape of the actor's own width and height."""

    def __init__(self, actor: Actor, axes: Axes) -> None:
        panel = actor.kind == "panel"
        shape = rounded_rect(actor.w, actor.h, 0.3 if panel else actor.h / 2, n=8)
        # a panel is only a dashed outline: a large see-through fill is slow to fade
        edge = palette.PANEL_EDGE if panel else palette.VESSEL_EDGE
        super().__init__(actor, axes, Layer((shape,), None if panel else palette.VESSEL, edge=edge,
                                            width=2.2 if panel else 3.0, dashed=panel))

    def update(self, placements: tuple[Placement, ...], state: ActorState) -> None:
        """Show the area at its place."""
        alpha = placements[0].alpha if placements else 0.0
        self.show(self.template.path, affine(state.x, state.y, state.scale, state.rotation),
                  alpha)


class MembraneArtists(_SingleShape):
    """A close-up of a stretch of a cell's surface, ``w`` x ``h``: the cell's own fill under a
    gently curved top edge, the membrane, drawn as a bilayer (the cell's outline and a thinner
    line just inside it). The lower edge is not outlined: the cell goes on below."""

    def __init__(self, actor: Actor, axes: Axes) -> None:
        half_w, half_h = actor.w / 2, actor.h / 2
        x = np.linspace(-half_w, half_w, 33)
        # an arc of a circle far larger than the close-up: the cell is big next to one receptor
        sag = 0.12 * actor.h
        top = np.column_stack((x, half_h - sag * (x / half_w) ** 2))
        body = np.vstack((top, [[half_w, -half_h], [-half_w, -half_h]]))
        super().__init__(actor, axes, Layer((body,), palette.KEY_COLOURS["t_cell"], edge="none",
                                            width=0.0))
        # the membrane is a bilayer: its outer line, and a thinner inner one under it, as far
        # apart as a transmembrane piece drawn this large is tall (so it spans the two)
        inner = top - (0.0, min(0.4, 0.2 * actor.h))
        self.edge = compile_layer(Layer((top,), None, filled=False))
        self.inner = compile_layer(Layer((inner,), None, filled=False))
        self.edge_colour = to_rgba(palette.OUTLINE)

    def update(self, placements: tuple[Placement, ...], state: ActorState) -> None:
        """Show the close-up at its place: the fill, then the membrane's line over it."""
        alpha = placements[0].alpha if placements else 0.0
        if alpha <= 0.003:
            self.collection.set_items([], [], [], [], [])
            return
        matrix = affine(state.x, state.y, state.scale, state.rotation)
        face = self.template.strong_face if self.strong else self.template.face
        line = _faded(self.edge_colour, alpha)
        clear = (0.0, 0.0, 0.0, 0.0)
        self.collection.set_items(
            [self.template.path, self.edge, self.inner], [matrix] * 3,
            [_faded(face, alpha), clear, clear], [clear, line, line],
            [0.0, 3.0 * self.points_per_px, 1.6 * self.points_per_px],
            ((0, 3, alpha),) if alpha < FULL else ())


class ArrowArtists(_SingleShape):
    """A block arrow from (x, y) to (x2, y2), drawn as far as ``grow``."""

    def __init__(self, actor: Actor, axes: Axes) -> None:
        grey = palette.mix(palette.OUTLINE, palette.WHITE, 0.15)
        super().__init__(actor, axes, Layer((np.zeros((1, 2)),), grey, width=1.0))

    def update(self, placements: tuple[Placement, ...], state: ActorState) -> None:
        """Show the arrow."""
        alpha = placements[0].alpha if placements else 0.0
        x1 = state.x + (state.x2 - state.x) * state.grow
        y1 = state.y + (state.y2 - state.y) * state.grow
        polygon = arrow_polygon(state.x, state.y, x1, y1, 0.16 * state.scale, 0.46 * state.scale)
        path = None if polygon is None or state.grow <= 0.0 else compile_layer(
            Layer((polygon,), palette.OUTLINE))
        self.show(path, np.eye(3), alpha)


def artists_for(actor: Actor, axes: Axes, level: Level, find_target: TargetFinder):
    """The right artists class for ``actor``."""
    if actor.kind == "label":
        return LabelArtists(actor, axes, level, find_target)
    if actor.kind == "arrow":
        return ArrowArtists(actor, axes)
    if actor.kind == "membrane":
        return MembraneArtists(actor, axes)
    if actor.kind in kinds.AREA_KINDS:
        return AreaArtists(actor, axes)
    return ActorArtists(actor, axes)


