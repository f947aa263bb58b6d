"""Steady actors (only fading or sliding in a stage) drawn once and pasted: the model finds the
right ones, what it says holds on every played frame, and the pictures show what a full draw of
each actor shows."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from allexplainer.content.levels import Level
from allexplainer.diagrams.drawing.renderer import SceneRenderer, render_still
from allexplainer.diagrams.drawing.sprites import Sprite
from allexplainer.diagrams.layout import layout
from allexplainer.diagrams.scene import (
    changing_actors,
    stage_end,
    stage_start,
    state_at,
)
from allexplainer.diagrams.steady import opacity_at, shift_at, steady_actors
from allexplainer.resources import builtin_scenes

SCENES = ["antibodies", "blinatumomab", "car_t", "cd19"]


@cache
def scenes():
    return builtin_scenes()


def _stage_steady(scene, index):
    start, end = stage_start(scene, index), stage_end(scene, index)
    return steady_actors(scene, changing_actors(scene, start, end), start, end)


def test_cells_that_slide_in_take_their_receptors_and_cells_that_break_up_are_drawn():
    scene = scenes()["cd19"]
    steady = _stage_steady(scene, 4)  # two CAR T-cells move in; two leukaemia cells break up
    assert {steady[a].mover for a in ("cart2", "cart2_car", "cart2_tcr")} == {"cart2"}
    assert not {"leuk2", "leuk2_cd19", "leuk3"} & set(steady)
    car_t = _stage_steady(scenes()["car_t"], 6)  # the cells before fade out, after fade in
    assert {"before", "after"} <= {a for a, s in car_t.items() if not s.mover}
    assert not {"change_arrow"} & set(car_t)  # an arrow grows: never a picture


@pytest.mark.parametrize("scene_id", SCENES)
def test_every_played_frame_is_the_picture_faded_and_slid(scene_id):
    """What the model says, checked against the layout on every frame at 60 a second (it
    compares only 25 moments of a stage)."""
    scene = scenes()[scene_id]
    for index in range(len(scene.stages)):
        steady = _stage_steady(scene, index)
        if not steady:
            continue
        start, end = stage_start(scene, index), stage_end(scene, index)
        pictures = {}
        for actor_id, how in steady.items():
            pictures[actor_id] = layout(scene, state_at(scene, how.reference), [actor_id])
        for frame in range(int((end - start) * 60) + 1):
            states = state_at(scene, start + frame / 60)
            placed = layout(scene, states, list(steady))
            for actor_id, how in steady.items():
                share, (dx, dy) = opacity_at(states, how), shift_at(states, how)
                picture = pictures[actor_id][actor_id]
                assert len(placed[actor_id]) == len(picture), (scene_id, index, actor_id)
                for now, then in zip(placed[actor_id], picture, strict=True):
                    assert now.x == pytest.approx(then.x + dx, abs=1e-6)
                    assert now.y == pytest.approx(then.y + dy, abs=1e-6)
                    assert (now.size, now.rotation) == pytest.approx((then.size, then.rotation))
                    assert now.alpha == pytest.approx(then.alpha * share, abs=1e-6)


def _renderer(scene, size=(640, 360)) -> SceneRenderer:
    figure = Figure(figsize=(size[0] / 100, size[1] / 100), dpi=100)
    FigureCanvasAgg(figure)
    return SceneRenderer(figure, scene, Level.FAMILY)


def _each_faded_alone(scene, t, size=(640, 360)) -> np.ndarray:
    """The frame with every actor drawn by Agg on its own (no pictures)."""
    renderer = _renderer(scene, size)
    renderer._time = t  # framed and labelled for its stage, as played
    renderer.update(state_at(scene, t))
    renderer.full_draw(None)
    return np.asarray(renderer.figure.canvas.buffer_rgba())[:, :, :3].astype(int)


def _differ(a: np.ndarray, b: np.ndarray, by: int = 40) -> float:
    return float((np.abs(a - b).max(axis=2) > by).mean())


def test_a_fading_picture_is_pasted_and_looks_like_each_part_faded_alone():
    scene = scenes()["car_t"]
    start, end = stage_start(scene, 6), stage_end(scene, 6)  # before and after, fading
    renderer = _renderer(scene)
    t = start + 0.3 * (end - start)
    renderer.show_time(t)
    sprites = [item for item in renderer._drawing_plan() if isinstance(item, Sprite)]
    assert any(s.image is not None for s in sprites)
    half = [s for s in sprites if s.image is not None and 0.1 < s.opacity(renderer._states) < 0.9]
    assert half, "a picture in mid-fade"
    shown = np.asarray(renderer.figure.canvas.buffer_rgba())[:, :, :3].astype(int)
    # the pictures are on the canvas: without them the frame would lack the fading cells
    renderer._plan = [item for item in renderer._plan if not isinstance(item, Sprite)]
    renderer.figure.canvas.draw()
    without = np.asarray(renderer.figure.canvas.buffer_rgba())[:, :, :3].astype(int)
    assert _differ(shown, without, 20) > 0.01
    # and they look as the parts faded one by one do, give or take where outlines overlap
    assert _differ(shown, _each_faded_alone(scene, t), 40) < 0.001


def test_sliding_pictures_are_only_for_moving_frames_and_land_within_a_pixel():
    scene = scenes()["cd19"]
    start, end = stage_start(scene, 4), stage_end(scene, 4)
    t = start + 0.4 * (end - start)
    renderer = _renderer(scene)
    renderer.show_time(t)
    assert not any(isinstance(item, Sprite) and item.steady.mover
                   for item in renderer._drawing_plan())
    still = np.asarray(renderer.figure.canvas.buffer_rgba())[:, :, :3].astype(int)
    assert np.array_equal(still, render_still(scene, t, Level.FAMILY, size=(640, 360))[..., :3])
    renderer.sliding = True  # as the canvas does while the diagram plays
    renderer.show_time(start + 0.1 * (end - start))  # a full draw makes the pictures
    renderer.show_time(t)  # a blitted frame, the cells slid by QPainter
    sliding = [item for item in renderer._drawing_plan()
               if isinstance(item, Sprite) and item.steady.mover == "cart2"]
    assert sliding and sliding[0].shift(renderer._states, renderer.axes.transData.transform) \
        != (0, 0)
    moving = np.asarray(renderer.figure.canvas.buffer_rgba())[:, :, :3].astype(int)
    # whole pixels, not a sub-pixel place: only the cells' edges may differ
    assert _differ(moving, still, 40) < 0.01
