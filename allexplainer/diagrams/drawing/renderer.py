"""Draw scene states on a matplotlib Figure, blitting frames (never pyplot).

Static artists are drawn by a full draw, and the canvas is captured then (``copy_from_bbox``)
on every ``draw_event``, so resizes stay right. A frame restores that capture, draws only the
animated artists (``draw_artist``) and blits. Within one stage most actors do not change, so
they are static too: only the actors that change during the stage being shown are animated,
and the background is drawn again when the shown stage changes.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache

import numpy as np
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from allexplainer import palette
from allexplainer.content.levels import Level
from allexplainer.diagrams import kinds
from allexplainer.diagrams.drawing.artists import affine, artists_for
from allexplainer.diagrams.drawing.labels import LabelArtists, settle_with_rows
from allexplainer.diagrams.drawing.legend import drop_legend, make_legend
from allexplainer.diagrams.drawing.sprites import CopySprites, Paster, Sprite
from allexplainer.diagrams.framing import framed_view, union
from allexplainer.diagrams.kinds import AREA_KINDS
from allexplainer.diagrams.layout import Placement, anchor_point, layout
from allexplainer.diagrams.scene import (
    ActorState,
    Scene,
    changing_actors,
    stage_at,
    stage_end,
    stage_start,
    state_at,
)
from allexplainer.diagrams.shapes import layers_for, piece_centres
from allexplainer.diagrams.steady import copied_actors, steady_actors

SCENE_WIDTH, SCENE_HEIGHT = 16.0, 9.0  # scene units; y = 0 is the bottom
# The bottom strip of the scene (y < VIEW_BOTTOM) is left empty by the scene scripts: it is not
# shown, and the legend gets a strip of its own under the drawing instead, so it never covers an
# actor and the drawing can use the rest of the canvas.
VIEW_BOTTOM = 1.2
VIEW_HEIGHT = SCENE_HEIGHT - VIEW_BOTTOM
WHOLE_SCENE = (0.0, VIEW_BOTTOM, SCENE_WIDTH, SCENE_HEIGHT)
REFERENCE_PX_PER_UNIT = 80.0  # a 1280x720 canvas
STRONG_LINES = 1.6  # outlines this much heavier for a projector (high contrast)
EDGE_PX = 4.0  # a thin margin round the drawing and the legend (canvas pixels)
_GROUPS = {"panel": 0, "vessel": 0, "membrane": 0, "arrow": 2, "label": 3}


class SceneRenderer:
    """Draws the states of one scene on ``figure`` (which must already have its canvas)."""

    def __init__(self, figure: Figure, scene: Scene, level: Level = Level.FAMILY, *,
                 smallest_text_pt: float = 0.0, footer_px: float = 0.0) -> None:
        """``smallest_text_pt``: labels and legend never smaller than this (a picture for
        paper); ``footer_px``: a strip this high at the foot of the canvas is left empty."""
        self.figure = figure
        self.smallest_text_pt = smallest_text_pt
        self.footer_px = footer_px
        self.scene = scene
        self.level = Level(level)
        self.high_contrast = False
        self.legend_shown = True  # the key under the drawing (the reader can hide it)
        self._word_scale = 1.0  # labels and legend this much larger (bigger words, presenting)
        figure.set_facecolor(palette.BACKGROUND)
        self.axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
        self.axes.set_xlim(0.0, SCENE_WIDTH)
        self.axes.set_ylim(VIEW_BOTTOM, SCENE_HEIGHT)
        self.axes.set_aspect("equal", adjustable="box", anchor="C")
        self.axes.set_axis_off()
        self._placements: dict[str, tuple[Placement, ...]] = {}
        self._targets = {actor.id: actor.target for actor in scene.actors}
        self._kinds = {actor.id: actor.kind for actor in scene.actors}
        self._actors = {actor.id: artists_for(actor, self.axes, self.level, self._label_target)
                        for actor in scene.actors}
        self._draw_list = self._drawing_order()
        self._other_levels: set[str] = set()  # actors not drawn at this level (not labels)
        self._note_level()
        self._parts = {actor_id: [artist for _, artist in artists.parts()]
                       for actor_id, artists in self._actors.items()}
        # the pieces of breaking cells: drawn on every frame even when the body is a picture
        self._pieces = {collection for artists in self._actors.values()
                        for collection in getattr(artists, "piece_collections", ())}
        self._interval: tuple[float, float] | None = None  # the stage the split is made for
        self._changing: set[str] | None = None  # actors whose artists are animated (None: all)
        self._owners = {artist: actor_id for actor_id, parts in self._parts.items()
                        for artist in parts}
        self._steady: dict = {}  # changing actors that only fade or slide (steady.py)
        self._plan: list | None = None  # the animated artists in order, steady runs as sprites
        self._plan_ids: set[str] = set()  # actors drawn as sprites
        self._steady_cache: dict[tuple[float, float], dict] = {}
        # changing actors that multiply, each copy steady (steady.py), worked out when first
        # needed (moving frames only)
        self._copies_cache: dict[tuple[float, float], dict] = {}
        self._now_copies: tuple = (None, {})  # (states, {root: its copies then}) this frame
        # sliding pictures are pasted at whole pixels: only for moving frames (the canvas says
        # when); a still frame draws sliding actors in place, and fading ones as sprites
        self._sliding = False
        self._prepared = False  # the next moving frame is ready (prepare_ahead), not shown
        self._drawn_extent: tuple[float, float, float, float] | None = None  # drawn there last
        self._states: Mapping[str, ActorState] | None = None
        self._time: float | None = None  # the time shown, so labels settle per stage
        self._settled_key: tuple | None = None
        self._nudges: dict[tuple, dict] = {}  # label nudges by settle key (a few per stage)
        # each stage framed to what it shows (framing.py); by stage index, for this size
        self.framing = True
        self._views: dict[int, tuple[float, float, float, float]] = {}
        self._view_index: int | None = None
        self._drawn_end: float | None = None  # the time of the last full draw
        self._background = None
        self._legend = None
        self._size: tuple[float, float] = (0.0, 0.0)  # the canvas's pixels when last fitted
        self._fitted_dpi = 0.0  # and its dpi then
        canvas = figure.canvas
        self._connections = [canvas.mpl_connect("draw_event", self._on_draw),
                             canvas.mpl_connect("resize_event", self._on_resize)]
        self._fit_to_canvas()
        self.update(state_at(scene, 0.0))

    # -- set-up ----------------------------------------------------------------------------
    def _drawing_order(self) -> list:
        index = {actor.id: i for i, actor in enumerate(self.scene.actors)}
        keyed = []
        for i, actor in enumerate(self.scene.actors):
            group = _GROUPS.get(actor.kind, 1)
            base = index[actor.parent] if actor.parent else i
            for depth, artist in self._actors[actor.id].parts():
                keyed.append(((group, base, depth, i, len(keyed)), artist))
        ordered = [artist for _, artist in sorted(keyed, key=lambda pair: pair[0])]
        for number, artist in enumerate(ordered):  # a full draw keeps the same order
            artist.set_zorder(1.0 + number / max(len(ordered), 1))
        return ordered

    def _fit_to_canvas(self) -> None:
        """Fit the drawing and the legend's strip under it to the canvas; scale lines and fonts.

        The drawing is as large as the canvas allows (keeping its shape), with the legend in a
        strip of its own just under it, the two together centred in the canvas.
        """
        width, height = self.figure.bbox.width, self.figure.bbox.height
        self._size = (width, height)
        self._fitted_dpi = self.figure.dpi
        foot = min(self.footer_px, height / 2)
        # the legend is sized for the drawing it would go with if it took no room
        rough = max(min(width / SCENE_WIDTH, (height - foot) / SCENE_HEIGHT), 1.0)
        rough_scale = rough / REFERENCE_PX_PER_UNIT * self.word_scale
        if self._legend is not None:
            drop_legend(self._legend)
            self._legend = None
        if self.legend_shown:
            self._legend = make_legend(self.axes, self.scene, self.level,
                                       rough_scale * 72.0 / self.figure.dpi, rough_scale, width,
                                       strong=self.high_contrast,
                                       smallest_pt=self.smallest_text_pt)
        strip = 0.0
        if self._legend is not None:
            box = self._legend.get_window_extent(self.figure.canvas.get_renderer())
            strip = box.height + EDGE_PX
        room_w = max(width - 2 * EDGE_PX, 1.0)
        room_h = max(height - foot - 2 * EDGE_PX - strip, 1.0)
        px_per_unit = max(min(room_w / SCENE_WIDTH, room_h / VIEW_HEIGHT), 1.0)
        axes_w, axes_h = px_per_unit * SCENE_WIDTH, px_per_unit * VIEW_HEIGHT
        bottom = foot + max((height - foot - axes_h - strip) / 2, 0.0) + strip  # axes' lower edge
        left = (width - axes_w) / 2
        if width > 0 and height > 0:
            self.axes.set_position((left / width, bottom / height, axes_w / width,
                                    axes_h / height))
            if self._legend is not None:
                self._legend.set_bbox_to_anchor((0.5, (bottom - EDGE_PX) / height),
                                                transform=self.figure.transFigure)
        px_scale = px_per_unit / REFERENCE_PX_PER_UNIT
        points_per_px = px_scale * 72.0 / self.figure.dpi
        lines = STRONG_LINES if self.high_contrast else 1.0
        for artists in self._actors.values():
            artists.strong = self.high_contrast  # projector colours: deeper fills
            artists.rescale(points_per_px * lines)
            if isinstance(artists, LabelArtists):  # words keep their size, only lines thicken
                artists.rescale(points_per_px * self.word_scale, self.smallest_text_pt)
                artists.text.line_width *= lines
                artists.text.strong = self.high_contrast
        self._background = None
        self._views = {}  # label sizes changed: each stage is framed again
        self._view_index = None
        if self._states is not None:
            # line widths live in the artists: set them again for the new size now, or a
            # canvas that changed size (entering presenter mode) draws stale hairlines
            self.update(self._states)

    def disconnect(self) -> None:
        """Stop listening to the canvas (before dropping the renderer)."""
        for cid in self._connections:
            self.figure.canvas.mpl_disconnect(cid)
        self._connections = []

    # -- what is shown ---------------------------------------------------------------------
    def _note_level(self) -> None:
        self._other_levels = {actor.id for actor in self.scene.actors
                              if actor.kind != "label" and self.level not in actor.levels}

    def set_level(self, level: Level) -> None:
        """Show labels and legend at ``level``; the next draw is a full one."""
        self.level = Level(level)
        self._note_level()
        for artists in self._actors.values():
            if isinstance(artists, LabelArtists):
                artists.set_level(self.level)
        self._fit_to_canvas()
        if self._states is not None:
            self.update(self._states)

    def set_high_contrast(self, on: bool) -> None:
        """For a projector: a pure white background, heavier outlines and black, bold words
        (or back to the usual look); the next draw is a full one."""
        self.high_contrast = bool(on)
        colour = palette.WHITE if on else palette.BACKGROUND
        self.figure.set_facecolor(colour)
        self.axes.set_facecolor(colour)
        self._fit_to_canvas()
        if self._states is not None:
            self.update(self._states)

    def set_legend(self, shown: bool) -> None:
        """Show the key under the drawing, or hide it and give the drawing its strip; the next
        draw is a full one."""
        self.legend_shown = bool(shown)
        self._refit()

    @property
    def word_scale(self) -> float:
        """How much larger than fitted labels and legend are drawn (0.5 to 3)."""
        return self._word_scale

    @word_scale.setter
    def word_scale(self, scale: float) -> None:
        self._word_scale = max(0.5, min(float(scale), 3.0))

    def _refit(self) -> None:
        self._fit_to_canvas()
        if self._states is not None:
            self.update(self._states)

    def update(self, states: Mapping[str, ActorState], only: set[str] | None = None) -> None:
        """Move the artists (of the actors in ``only``, else all) to ``states``; no drawing."""
        self._states = states
        needed = None if only is None else only | {self._targets[a] for a in only} - {""}
        self._placements = self._layout(states, needed)
        for actor in self.scene.actors:
            if only is None or actor.id in only:
                self._actors[actor.id].update(self._placements[actor.id], states[actor.id])
        self._settle_labels(states)

    # -- labels that never collide -----------------------------------------------------------
    def _layout(self, states: Mapping[str, ActorState], needed: set[str] | None = None,
                copy: tuple[str, int] | None = None) -> dict[str, tuple[Placement, ...]]:
        """Where each actor is drawn; none of an actor kept for other reading levels (the
        child's picture leaves out the chemotherapy bag its words do not mention)."""
        placements = layout(self.scene, states, needed, copy)
        for actor_id in self._other_levels:
            if actor_id in placements:
                placements[actor_id] = ()
        return placements

    def _settle_key(self, shown: tuple) -> tuple:
        return (shown, self._size, self.level, self.high_contrast, self.word_scale,
                self.legend_shown, self.framing)

    def _settle_labels(self, states: Mapping[str, ActorState]) -> None:
        """Nudge labels clear of each other and of the art, once per stage and canvas size.

        The layout is made for the frame a nurse pauses on: the stage's end (a stage's end is
        the next one's start, and while paused there it still belongs to this stage, as its
        framing does). Its labels are placed first, then those still fading out from its start;
        every frame of the stage uses the same nudges, so nothing jumps as the stage settles and
        blitted frames match full redraws. Each stage's nudges are kept (``prepare_stage``
        works them out ahead, so a stage's first frame does not wait for them).
        """
        index = self._frame_stage()
        staged = self._time is not None and index is not None
        key = self._settle_key(("stage", index) if staged else ("states", id(states)))
        if key == self._settled_key:
            return  # checked before working out any state: this runs on every frame
        known = self._known_nudges(key) if staged else None
        if known is not None:
            nudges = known
        else:
            nudges = self._work_out_nudges(index if staged else None, states)
            if staged:
                self._keep_nudges(key, nudges)
        labels = [(actor_id, artists.text) for actor_id, artists in self._actors.items()
                  if isinstance(artists, LabelArtists)]
        moved = {actor_id for actor_id, text in labels
                 if text.nudge != nudges.get(actor_id, (0.0, 0.0))}
        if self._settled_key is not None and moved and (self._changing is None
                                                        or moved - self._changing):
            self._background = None  # labels drawn in the background move: a full draw
        self._settled_key = key
        for actor_id, text in labels:
            text.nudge = nudges.get(actor_id, (0.0, 0.0))

    def prepare_stage(self, index: int) -> None:
        """Work out stage ``index``'s label nudges now (they take up to a few tenths of a second),
        at that stage's framing, without changing what is shown."""
        if self._time is None or not 0 <= index < len(self.scene.stages):
            return
        key = self._settle_key(("stage", index))
        if self._known_nudges(key) is not None:
            return
        xlim, ylim, shown = self.axes.get_xlim(), self.axes.get_ylim(), self._view_index
        self._show_view(self._stage_view(index) if self.framing else WHOLE_SCENE)
        try:
            self._keep_nudges(key, self._work_out_nudges(index, None))
        finally:
            self.axes.set_xlim(*xlim)
            self.axes.set_ylim(*ylim)
            self._view_index = shown

    def prepare_next_stage(self) -> bool:
        """On a held stage end, work out the next stage's label nudges at this resolution, so
        moving frames drawn at another one (a HiDPI screen's motion resolution) take them scaled
        rather than stop to work out their own when Next is pressed. True if there was a next
        stage to prepare."""
        if self._time is None:
            return False
        index = stage_at(self.scene, self._time)
        if index == self._stage_shown():
            return False  # not a held end: the stage on show goes on
        self.prepare_stage(index)
        return True

    def _known_nudges(self, key: tuple) -> dict | None:
        """The nudges kept for ``key``; for a moving frame, failing those, the nudges of the same
        stage worked out at another resolution of the same canvas (the paused frame's, on a
        HiDPI screen), scaled: the labels stay where the paused frame puts them."""
        found = self._nudges.get(key)
        if found is not None or not self._sliding:
            return found
        (width, height), same_shape = key[1], None
        for other, nudges in self._nudges.items():
            if other[0] == key[0] and other[2:] == key[2:] and other[1] != key[1] and \
                    math.isclose(width / other[1][0], height / other[1][1], rel_tol=2e-3):
                same_shape = (other[1], nudges)
                break
        if same_shape is None:
            return None
        (other_width, other_height), nudges = same_shape
        fx, fy = width / other_width, height / other_height
        scaled = {name: (dx * fx, dy * fy) for name, (dx, dy) in nudges.items()}
        self._keep_nudges(key, scaled)  # kept after the look-up: it may clear the dictionary
        return scaled

    def _keep_nudges(self, key: tuple, nudges: dict) -> None:
        if len(self._nudges) >= 64:  # many window sizes: start again rather than grow
            self._nudges.clear()
        self._nudges[key] = nudges

    def _work_out_nudges(self, index: int | None,
                         states: Mapping[str, ActorState] | None) -> dict:
        """The nudges for stage ``index`` (its end, then its start), or for ``states`` alone,
        at the view now set."""
        if index is not None:
            start, end = stage_start(self.scene, index), stage_end(self.scene, index)
            frames = [state_at(self.scene, time) for time in (end, start)]
        else:
            frames = [states]
        labels = {actor_id: artists for actor_id, artists in self._actors.items()
                  if isinstance(artists, LabelArtists)}
        wanted, art, seen = [], [], set()
        passing: set[str] = set()  # labels of the start frame only, fading out
        to_px = self.axes.transData.transform
        for frame in frames:
            placements = self._layout(frame)
            if frame is frames[0]:
                # only the paused end's art keeps labels off it: art that fades out as the
                # stage begins must not push the paused frame's labels (car_t's chemotherapy
                # bag pushed the Before and After headings down into the drawing)
                art.extend(_art_boxes(self.scene, placements, frame, to_px))
            for actor in self.scene.actors:
                state = frame[actor.id]
                box = None if actor.id in seen else _wanted_label_box(labels.get(actor.id),
                                                                      state)
                if box is None:
                    continue
                seen.add(actor.id)
                if frame is not frames[0]:
                    passing.add(actor.id)
                target = None
                point = _target_point(self.scene, placements, actor, (state.x, state.y))
                if point is not None:
                    target = tuple(to_px(point))
                    copies = placements[actor.target]
                    copy = copies[min(actor.target_index, len(copies) - 1)]
                    target_kind = self._kinds[actor.target]
                    if frame is frames[0] and target_kind in _NAMED_WHOLE:
                        # the receptor or molecule a label names, all of it: no label may
                        # cover it (its box is otherwise a square round its middle)
                        art.append(_outline_box(target_kind, copy, to_px))
                wanted.append((actor.id, box, target))
        axes = self.axes.get_window_extent()
        width, height = self._size
        # labels may use the whole canvas above the legend, beside the drawing too (a wide
        # canvas leaves room left and right of a drawing that its height limits)
        room = (EDGE_PX, max(axes.y0, 0.0) + 2, width - EDGE_PX, height - EDGE_PX)
        headings = {actor.id for actor in self.scene.actors if actor.style == "heading"}
        return settle_with_rows(wanted, art, room, headings, passing)

    # -- framing each stage --------------------------------------------------------------------
    def _stage_shown(self) -> int | None:
        """The stage on screen: the one playing, or the one whose end is paused on (a stage's
        end is the next one's start); None with no time."""
        if self._time is None:
            return None
        index = stage_at(self.scene, self._time)
        if index > 0 and self._time <= stage_start(self.scene, index):
            index -= 1
        return index

    def _frame_stage(self) -> int | None:
        """Show the view framed for the stage on screen (the whole scene with no time, or with
        framing off); a new view makes the next frame a full draw. Returns the stage shown."""
        index = self._stage_shown()
        framed = index if self.framing else None
        if framed != self._view_index:
            before = (*self.axes.get_xlim(), *self.axes.get_ylim())
            view = WHOLE_SCENE if framed is None else self._stage_view(framed)
            self._show_view(view)
            self._view_index = framed
            if (view[0], view[2], view[1], view[3]) != before:
                self._background = None  # everything moves: a full draw
        return index

    def _show_view(self, view: tuple[float, float, float, float]) -> None:
        """Set the axes to show ``view`` (x0, y0, x1, y1, scene units)."""
        self.axes.set_xlim(view[0], view[2])
        self.axes.set_ylim(view[1], view[3])

    def _stage_view(self, index: int) -> tuple[float, float, float, float]:
        """The view that frames stage ``index``: what its paused end shows, labels included
        (measured at the whole scene's view)."""
        if index in self._views:
            return self._views[index]
        self._show_view(WHOLE_SCENE)
        to_data = self.axes.transData.inverted().transform
        boxes: list[tuple[float, float, float, float]] = []
        # what the paused frame shows: what moves in comes from past the frame's edge, as in
        # a film, and what fades out is let go when the stage begins
        frame = state_at(self.scene, stage_end(self.scene, index))
        placements = self._layout(frame)
        boxes.extend(_art_boxes(self.scene, placements, frame, lambda point: point))
        boxes.extend(_prop_boxes(self.scene, placements))
        for actor in self.scene.actors:
            box = _wanted_label_box(self._actors[actor.id], frame[actor.id])
            if box is not None:
                (dx0, dy0), (dx1, dy1) = to_data(box[:2]), to_data(box[2:])
                boxes.append((dx0, dy0, dx1, dy1))
        view = framed_view(union(boxes), WHOLE_SCENE)
        self._views[index] = view
        self._view_index = None  # the limits were moved to measure
        return view

    def label_boxes(self, t: float) -> dict[str, tuple[tuple, tuple | None]]:
        """Each label shown at time ``t``: its pixel box and leader line (start, end) or None,
        worked out without drawing (for checks that no two collide)."""
        self._time = t
        self.update(state_at(self.scene, t))
        result = {}
        for actor_id, artists in self._actors.items():
            if isinstance(artists, LabelArtists):
                box = artists.text.box()
                if box is not None:
                    result[actor_id] = (box, artists.text.leader())
        return result

    def _label_target(self, actor, label_xy):
        return _target_point(self.scene, self._placements, actor, label_xy)

    # -- drawing ---------------------------------------------------------------------------
    def _on_draw(self, event) -> None:
        canvas = self.figure.canvas
        if (self.figure.bbox.width, self.figure.bbox.height) != self._size:
            # a size change not announced by a resize_event: this draw used the old layout,
            # so fit to the new size and draw again rather than keep it as the background
            self._fit_to_canvas()
            canvas.draw_idle()
            return
        self._background = canvas.copy_from_bbox(self.figure.bbox)
        self._capture_sprites(event.renderer)
        self._draw_animated()
        self._drawn_extent = self._animated_extent()

    def _on_resize(self, event) -> None:
        # a canvas made at its final size is told that size again when first shown
        if ((self.figure.bbox.width, self.figure.bbox.height) != self._size
                or self.figure.dpi != self._fitted_dpi):
            self._fit_to_canvas()

    def _draw_animated(self) -> None:
        renderer = self.figure.canvas.get_renderer()
        paster = Paster(renderer)
        to_px = self.axes.transData.transform
        for item in self._drawing_plan():
            if isinstance(item, Sprite):
                paster.add(item, item.opacity(self._states), item.shift(self._states, to_px))
            elif isinstance(item, CopySprites):
                for image, point, transform, opacity, _ in self._placed_copies(item):
                    paster.add_transformed(image, point, transform, opacity)
            elif item.get_visible():
                paster.flush()
                item.draw(renderer)
        paster.flush()

    def _drawing_plan(self) -> list:
        """The animated artists in drawing order, each run of artists whose actors fade alike
        in this stage gathered into one sprite."""
        if self._plan is None:
            plan: list = []
            multiplying = self._copies() if self._sliding else {}
            for artist in self._draw_list:
                if not artist.get_animated():
                    continue
                actor_id = self._owners[artist]
                steady = self._steady.get(actor_id)
                copies = multiplying.get(actor_id)
                if steady is not None and steady.whole_only and artist in self._pieces:
                    plan.append(artist)  # a breaking cell's pieces: its body is the picture
                    continue
                if steady is not None and (self._sliding or not steady.mover):
                    sprite = Sprite(steady)
                elif copies is not None:
                    sprite = CopySprites(copies)
                else:
                    plan.append(artist)
                    continue
                if not (plan and isinstance(plan[-1], (Sprite, CopySprites))
                        and plan[-1].key == sprite.key):
                    plan.append(sprite)
                plan[-1].add(actor_id, artist)
            self._plan = plan
            # actors all drawn as pictures; a breaking cell's pieces move on every frame
            self._plan_ids = {actor_id for item in plan
                              if isinstance(item, (Sprite, CopySprites))
                              for actor_id in item.actor_ids} - self._breaking()
        return self._plan

    def _capture_sprites(self, renderer) -> None:
        """Draw each sprite's picture at its fade's reference moment, on the cleared buffer
        (the background is put back after)."""
        sprites = [item for item in self._drawing_plan()
                   if isinstance(item, (Sprite, CopySprites))]
        if not sprites:
            return
        renderer.clear()
        height = self.figure.bbox.height

        def place(actor_ids, moment, copy=None, boost=1.0):
            states = state_at(self.scene, moment)
            placements = self._layout(states, set(actor_ids), copy)
            for actor_id in actor_ids:
                shown = tuple(p._replace(alpha=min(p.alpha * boost, 1.0))
                              for p in placements[actor_id]) if boost != 1.0 \
                    else placements[actor_id]
                self._actors[actor_id].update(shown, states[actor_id])

        for sprite in sprites:
            if isinstance(sprite, Sprite):
                place(sprite.actor_ids, sprite.steady.reference)
                sprite.capture(renderer, height)
            else:
                sprite.capture(renderer, height, lambda picture, sprite=sprite: place(
                    sprite.actor_ids, picture.reference,
                    (sprite.copies.root, picture.index), picture.boost))
        self.figure.canvas.restore_region(self._background)
        breaking = self._breaking()
        if breaking and self._states is not None:  # their pieces are drawn as they are now
            placements = self._layout(self._states, breaking)
            for actor_id in breaking:
                self._actors[actor_id].update(placements[actor_id], self._states[actor_id])

    def _breaking(self) -> set[str]:
        """The breaking cells whose bodies are pictures in the stage being drawn."""
        return {actor_id for actor_id, steady in self._steady.items() if steady.whole_only}

    def _placed_copies(self, sprites: CopySprites) -> list:
        """Where each copy's picture goes in the frame being drawn (``CopySprites.placed``)."""
        states, now = self._now_copies
        if states is not self._states:
            states, now = self._states, {}
            self._now_copies = (states, now)
        root = sprites.copies.root
        if root not in now:
            now[root] = self._layout(states, {root})[root]
        return sprites.placed(now[root], self.axes.transData.transform,
                              self.figure.bbox.height)

    def _animate_only(self, actor_ids: set[str] | None, steady: dict | None = None) -> None:
        """Make the artists of ``actor_ids`` animated (all of them for None), the rest static;
        those in ``steady`` (and, while sliding, those whose copies are) may be drawn as
        sprites."""
        self._changing = actor_ids
        for actor_id, parts in self._parts.items():
            animated = actor_ids is None or actor_id in actor_ids
            for artist in parts:
                artist.set_animated(animated)
        opaque = self.figure.get_facecolor()[3] >= 1.0  # sprites are pasted on opaque pixels
        # kept as it is in the cache: that is how a stage's split is told from a full draw
        self._steady = steady if steady is not None and opaque else {}
        self._plan = None
        self._background = None

    @property
    def sliding(self) -> bool:
        """Whether sliding actors are pasted as pictures (moving frames) or drawn in place."""
        return self._sliding

    @sliding.setter
    def sliding(self, on: bool) -> None:
        if bool(on) != self._sliding:
            self._sliding = bool(on)
            if self._slides():  # the next frame is a full draw, with or without them
                self._plan = None
                self._background = None

    def _slides(self) -> bool:
        """Whether any actor slides in the stage being drawn."""
        return bool(self._copies()) or any(steady.mover for steady in self._steady.values())

    def _copies(self) -> dict:
        """The changing actors whose every copy is steady in the stage being drawn."""
        if self._interval not in self._steady_cache or not self._changing \
                or self._steady is not self._steady_cache[self._interval]:
            return {}  # not a stage's split (a full draw of everything), or sprites are off
        if self._interval not in self._copies_cache:
            self._copies_cache[self._interval] = copied_actors(
                self.scene, self._changing, *self._interval, skip=self._steady)
        return self._copies_cache[self._interval]

    def _stage_interval(self, t: float) -> tuple[float, float]:
        index = stage_at(self.scene, t)
        return stage_start(self.scene, index), stage_end(self.scene, index)

    @property
    def has_background(self) -> bool:
        """Whether a captured background is ready for blitting."""
        return self._background is not None

    def show_time(self, t: float) -> bool:
        """Show the scene at time ``t``: True if blitted, False if it took a full draw.

        Entering another stage redraws the background with that stage's unchanging actors.
        """
        interval = self._stage_interval(t)
        self._prepared = False  # moving on uses what was prepared; anything else redraws
        self._time = t
        states = state_at(self.scene, t)
        if interval != self._interval:
            self._interval = interval
            changing = changing_actors(self.scene, *interval)
            if interval not in self._steady_cache:  # the same for every size and level
                self._steady_cache[interval] = steady_actors(self.scene, changing, *interval)
            self._animate_only(changing, self._steady_cache[interval])
            # entering a stage is a held frame (its start is the last one's end): work out its
            # labels now, so its first moving frame does not wait for them (a moving frame needs
            # only the stage it shows: at a stage's very end, not the next one's)
            entered = stage_at(self.scene, t)
            if not self._sliding or entered == self._stage_shown():
                self.prepare_stage(entered)
            for actor_id in self._changing:  # draw their words now, not mid-animation
                artists = self._actors[actor_id]
                if isinstance(artists, LabelArtists):
                    artists.prepare()
        if t >= stage_end(self.scene, len(self.scene.stages) - 1) and self._drawn_end != t:
            # the scene's last frame is a paused one: drawn whole, so labels lie over the art
            # that moved under them (a blit draws moving art over the still labels)
            self._background = None
        if self._background is None:
            self.update(states)
            self.figure.canvas.draw()
            self._drawn_end = t
            return False
        if not self.draw_frame(states):
            # the stage's labels or framing moved what the background holds: draw it now
            self.figure.canvas.draw()
            self._drawn_end = t
            return False
        return True

    def prepare_ahead(self) -> bool:
        """On a held stage end, get the next stage's first moving frame ready: its framing,
        its labels, its background and its pictures (with sliding ones), so that frame is a blit
        and not a full draw of a tenth of a second when Next is pressed. The picture on show
        stays as it is. True if anything was prepared."""
        t = self._time
        if t is None or self._background is None or self._states is None:
            return False
        held_end = self._stage_shown() != stage_at(self.scene, t)
        if not held_end and (self._sliding or not self._slides()):
            return False  # moving on from here needs nothing new
        canvas = self.figure.canvas
        held = canvas.copy_from_bbox(self.figure.bbox)
        self._prepared = False
        self.sliding = True
        if held_end:
            self._time = math.nextafter(t, math.inf)  # just after: the next stage is shown
        try:
            self.update(self._states)
            canvas.draw()
        finally:
            self._time = t
        canvas.restore_region(held)
        # the next frame puts the whole canvas right (it still shows the held end's framing)
        self._drawn_extent = (0.0, 0.0, self.figure.bbox.width, self.figure.bbox.height)
        self._prepared = True
        return True

    def unprepare(self) -> None:
        """Before a full draw of the picture on show (not the next one prepared): put the held
        frame's framing, labels and exact drawing back."""
        if not self._prepared:
            return
        self._prepared = False
        self.sliding = False
        if self._states is not None:
            self.update(self._states)

    def draw_frame(self, states: Mapping[str, ActorState]) -> bool:
        """Show ``states`` by blitting the animated artists (True); without a background yet,
        ask for a full draw instead (False). Static artists must not differ in ``states``."""
        only = self._changing
        self._drawing_plan()
        if only is not None:  # sprites' artists stay as they were drawn
            only = only - self._plan_ids
        self.update(states, only=only)
        canvas = self.figure.canvas
        if self._background is None:
            canvas.draw_idle()
            return False
        now = self._animated_extent()
        dirty = _union(now, self._drawn_extent)
        self._drawn_extent = now
        if dirty is None:
            return True  # nothing animated is, or was, on show
        # only the part of the canvas where animated artists are or were is redrawn
        height = self.figure.bbox.height
        x0, y0 = max(math.floor(dirty[0]), 0), max(math.floor(dirty[1]), 0)
        x1 = min(math.ceil(dirty[2]), math.ceil(self.figure.bbox.width))
        y1 = min(math.ceil(dirty[3]), math.ceil(height))
        if x1 <= x0 or y1 <= y0:
            return True
        # the region holds the whole canvas, in rows counted from the top; xy is its origin
        canvas.restore_region(self._background, bbox=(x0, height - y1, x1, height - y0),
                              xy=(0, 0))
        self._draw_animated()
        canvas.blit(Bbox.from_extents(x0, y0, x1, y1))
        return True

    def _animated_extent(self) -> tuple[float, float, float, float] | None:
        extent = None
        to_px = self.axes.transData.transform
        for item in self._drawing_plan():
            if isinstance(item, Sprite):
                if item.opacity(self._states) > 0.003:
                    extent = _union(extent, item.extent_at(item.shift(self._states, to_px)))
            elif isinstance(item, CopySprites):
                for *_, box in self._placed_copies(item):
                    extent = _union(extent, box)
            elif item.get_visible():
                extent = _union(extent, item.display_extent())
        return extent

    def full_draw(self, states: Mapping[str, ActorState] | None = None) -> None:
        """Redraw everything now, every actor in its exact order, and capture the background."""
        if states is not None:
            self._time = None
            self.update(states)
        self._interval = None
        self._animate_only(set())
        self.figure.canvas.draw()

    def label_extents(self) -> dict[str, tuple[float, float, float, float]]:
        """Pixel boxes (x0, y0, x1, y1) of the labels now shown, after a draw, by actor id."""
        return {actor_id: artists.text.extent for actor_id, artists in self._actors.items()
                if isinstance(artists, LabelArtists) and artists.text.get_visible()
                and artists.text.words and artists.text.extent is not None}

    def legend_extent(self) -> tuple[float, float, float, float] | None:
        """Pixel box of the legend, after a draw (None if the scene has none)."""
        if self._legend is None:
            return None
        box = self._legend.get_window_extent(self.figure.canvas.get_renderer())
        return (box.x0, box.y0, box.x1, box.y1)


def _target_point(scene: Scene, placements: Mapping[str, tuple[Placement, ...]], actor,
                  label_xy) -> tuple[float, float] | None:
    """Where the leader line of label ``actor`` ends (scene units), or None for no line."""
    if not actor.target:
        return None
    copies = placements.get(actor.target, ())
    if not copies:
        return None
    copy = copies[min(actor.target_index, len(copies) - 1)]
    if copy.alpha * (1.0 - copy.broken) <= 0.05:
        target = scene.actor(actor.target)
        if (copy.alpha <= 0.05 or copy.broken < 0.5
                or kinds.kind_spec(target.kind).category != kinds.CELL):
            return None  # no leader line to something that is not there
        # a cell in pieces: the leader points at its nearest piece
        pieces = piece_centres(copy.x, copy.y, copy.size, copy.rotation, copy.broken,
                               target.seed)
        return min(pieces, key=lambda piece: math.dist(piece, label_xy))
    return anchor_point(scene, placements, actor.target, actor.target_index, actor.anchor,
                        toward=label_xy)


def _art_boxes(scene: Scene, placements: Mapping[str, tuple[Placement, ...]],
               states: Mapping[str, ActorState], to_px) -> list[tuple[float, ...]]:
    """Rough pixel boxes of the art (cells, molecules, props, arrows) labels should not hide."""
    boxes = []
    for actor in scene.actors:
        if actor.kind in ("panel", "vessel"):
            # labels may sit inside a panel or on a blood vessel, but not on its edge
            boxes.extend(_panel_edges(actor, placements.get(actor.id, ()), to_px))
            continue
        if actor.kind == "label":
            continue
        if actor.kind == "membrane":  # a box of its own width and height
            boxes.extend(_px_box(_prop_box(actor, p), to_px)
                         for p in placements.get(actor.id, ()) if p.alpha > 0.05)
            continue
        if actor.kind == "arrow":
            state = states[actor.id]
            if state.visible and state.opacity > 0.05 and state.grow > 0.05:
                (x0, y0), (x1, y1) = to_px((state.x, state.y)), to_px((state.x2, state.y2))
                pad = abs(to_px((0.3, 0.0))[0] - to_px((0.0, 0.0))[0])
                boxes.append((min(x0, x1) - pad, min(y0, y1) - pad, max(x0, x1) + pad,
                              max(y0, y1) + pad))
            continue
        category = kinds.kind_spec(actor.kind).category
        reach = 1.05 if category == kinds.CELL else 0.9
        for p in placements.get(actor.id, ()):
            if category == kinds.CELL and p.broken > 0.05 and p.alpha > 0.05:
                # a cell breaking up: its pieces, each a small box (labels keep off debris)
                half = PIECE_HALF * p.size
                for x, y in piece_centres(p.x, p.y, p.size, p.rotation, p.broken, actor.seed):
                    (x0, y0), (x1, y1) = to_px((x - half, y - half)), to_px((x + half, y + half))
                    boxes.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
            if p.alpha * (1.0 - p.broken) <= 0.05:
                continue
            if actor.kind == "activation":
                # the rays round a switched-on cell, each on its own, and its round glow (a
                # square round it would keep labels far out between the rays)
                boxes.extend(_activation_boxes(p, to_px))
                continue
            if category == kinds.SURFACE and not actor.parent:
                # a receptor drawn on its own (large, its parts named): its own outline's box,
                # not a square round its middle
                boxes.append(_outline_box(actor.kind, p, to_px))
                continue
            (x0, y0), (x1, y1) = to_px((p.x - reach * p.size, p.y - reach * p.size)), \
                to_px((p.x + reach * p.size, p.y + reach * p.size))
            boxes.append((x0, y0, x1, y1))
            if category == kinds.SURFACE:
                # the receptor's outer end too (its head, a flag), which stands past the square
                # round its foot: labels touched receptor tips on small canvases
                boxes.append(_outline_box(actor.kind, p, to_px, HEAD_FROM))
    return boxes


@cache
def _activation_parts() -> tuple[np.ndarray, ...]:
    """A switched-on cell's glow in its own frame: three boxes round its disc, and each ray."""
    glow, rays = layers_for("activation")
    radius = float(np.abs(glow.paths[0]).max())
    discs = tuple(np.array([[-a * radius, -b * radius], [a * radius, b * radius]])
                  for a, b in ((1.0, 0.6), (0.6, 1.0), (0.82, 0.82)))
    return discs + tuple(rays.paths)


def _activation_boxes(p: Placement, to_px) -> list[tuple[float, float, float, float]]:
    """Pixel boxes round each ray of a switched-on cell's glow, and three round its disc."""
    boxes = []
    for points in _activation_parts():
        world = affine(p.x, p.y, p.size, p.rotation) @ np.vstack(
            [points.T, np.ones(len(points))])
        xs, ys = zip(*(to_px((x, y)) for x, y in world[:2].T), strict=True)
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def _outline_box(kind: str, p: Placement, to_px,
                 above: float | None = None) -> tuple[float, float, float, float]:
    """The pixel box round one copy of ``kind``'s drawing, through its place, size and turn;
    with ``above``, round only the part of the drawing above that height (local units)."""
    key = (kind, above)
    if key not in _LOCAL_BOXES:
        points = np.vstack([path for layer in layers_for(kind) for path in layer.paths])
        if above is not None:
            points = points[points[:, 1] >= above]
        _LOCAL_BOXES[key] = (*points.min(axis=0), *points.max(axis=0))
    x0, y0, x1, y1 = _LOCAL_BOXES[key]
    corners = affine(p.x, p.y, p.size, p.rotation) @ np.array(
        [[x0, x1, x0, x1], [y0, y0, y1, y1], [1.0, 1.0, 1.0, 1.0]])
    xs, ys = zip(*(to_px((x, y)) for x, y in corners[:2].T), strict=True)
    return (min(xs), min(ys), max(xs), max(ys))


def _px_box(box: tuple[float, float, float, float], to_px) -> tuple[float, float, float, float]:
    """A box in scene units as a pixel box (x0, y0, x1, y1) through ``to_px``."""
    (ax, ay), (bx, by) = to_px(box[:2]), to_px(box[2:])
    return (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


_LOCAL_BOXES: dict[tuple[str, float | None], tuple[float, float, float, float]] = {}
PIECE_HALF = 0.25  # half the width of a broken cell's piece (local units), with its drift
HEAD_FROM = 0.55  # a receptor's head: its drawing from this far along it (its length is 1)
_NAMED_WHOLE = {name for name, spec in kinds.KINDS.items()
                if spec.category in (kinds.SURFACE, kinds.MOLECULE)}
PANEL_EDGE = 0.06  # scene units either side of a panel's dashed outline that labels keep off


def _panel_edges(actor, placements: tuple[Placement, ...], to_px) -> list[tuple[float, ...]]:
    """Thin boxes along the four sides of a panel's (or vessel's) outline (pixels through
    ``to_px``)."""
    edges, e = [], PANEL_EDGE
    for p in placements:
        if p.alpha <= 0.05:
            continue
        x0, y0, x1, y1 = _prop_box(actor, p)
        for side in ((x0 - e, y0 - e, x1 + e, y0 + e), (x0 - e, y1 - e, x1 + e, y1 + e),
                     (x0 - e, y0 - e, x0 + e, y1 + e), (x1 - e, y0 - e, x1 + e, y1 + e)):
            edges.append(_px_box(side, to_px))
    return edges


def _prop_boxes(scene: Scene,
                placements: Mapping[str, tuple[Placement, ...]]) -> list[tuple[float, ...]]:
    """Boxes (scene units) of the panels, vessels and membranes shown: what frames a stage,
    though labels may sit on them."""
    boxes = []
    for actor in scene.actors:
        if actor.kind not in AREA_KINDS:
            continue
        boxes.extend(_prop_box(actor, p) for p in placements.get(actor.id, ()) if p.alpha > 0.05)
    return boxes


def _prop_box(actor, p: Placement) -> tuple[float, float, float, float]:
    """The box (scene units) of one copy of a panel or vessel: ``w`` x ``h`` round its place."""
    half_w, half_h = actor.w * p.size / 2, actor.h * p.size / 2
    return (p.x - half_w, p.y - half_h, p.x + half_w, p.y + half_h)


def _wanted_label_box(artists, state: ActorState) -> tuple[float, float, float, float] | None:
    """The pixel box a label would take where the scene puts it in ``state`` (before any
    nudge), or None if it is not a label or is not shown then."""
    if not isinstance(artists, LabelArtists) or not artists.level_shown \
            or not state.visible or state.opacity <= 0.003:
        return None
    text = artists.text
    saved = text.xy
    text.xy = (state.x, state.y)
    box = text.wanted_box()
    text.xy = saved
    return box


def _union(a: tuple[float, float, float, float] | None,
           b: tuple[float, float, float, float] | None) -> tuple[float, float, float, float] | None:
    """The box around two pixel boxes (either may be None)."""
    if a is None or b is None:
        return a or b
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def render_still(scene: Scene, t: float, level: Level = Level.FAMILY,
                 size: tuple[int, int] = (1280, 720), dpi: float = 100.0) -> np.ndarray:
    """The frame at time ``t``, as the player shows it when paused there, as an RGBA array of
    shape (height, width, 4)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = Figure(figsize=(size[0] / dpi, size[1] / dpi), dpi=dpi)
    FigureCanvasAgg(figure)
    renderer = SceneRenderer(figure, scene, level)
    renderer.show_time(t)  # drawn as the player draws it: faded runs as one picture
    return np.asarray(figure.canvas.buffer_rgba()).copy()
