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
from allexplainer.diagrams.drawing.sprites import CopySprites, Sprite
from allexplainer.diagrams.layout import layout, unbroken_share
from allexplainer.diagrams.scene import (
    changing_actors,
    stage_end,
    stage_start,
    state_at,
)
from allexplainer.diagrams.steady import (
    PICTURE_STEP,
    copied_actors,
    copy_transform,
    opacity_at,
    shift_at,
    steady_actors,
)
from allexplainer.resources import builtin_scenes

SCENES = ["antibodies", "blinatumomab", "car_t", "cd19"]


@cache
def scenes():
    return builtin_scenes()


def _played(scene, index):
    """The states of every frame of stage ``index`` played at 60 a second."""
    start, end = stage_start(scene, index), stage_end(scene, index)
    for frame in range(int((end - start) * 60) + 1):
        yield state_at(scene, start + frame / 60)


def _stage_steady(scene, index):
    start, end = stage_start(scene, index), stage_end(scene, index)
    return steady_actors(scene, changing_actors(scene, start, end), start, end)


def test_cells_that_slide_in_take_their_receptors_and_breaking_cells_fade_their_bodies():
    scene = scenes()["cd19"]
    steady = _stage_steady(scene, 4)  # two CAR T-cells move in; two leukaemia cells break up
    assert {steady[a].mover for a in ("cart2", "cart2_car", "cart2_tcr")} == {"cart2"}
    assert not any(how.whole_only for a, how in steady.items() if a.startswith("cart"))
    # a breaking cell's body is a picture that fades where it is; its pieces are drawn
    assert all(steady[a].whole_only and not steady[a].mover for a in ("leuk2", "leuk3"))
    assert "leuk2_cd19" not in steady  # its flags let go as it breaks: drawn every frame
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
        pictures = {}
        for actor_id, how in steady.items():
            pictures[actor_id] = layout(scene, state_at(scene, how.reference), [actor_id])
        for states in _played(scene, index):
            placed = layout(scene, states, list(steady))
            for actor_id, how in steady.items():
                share, (dx, dy) = opacity_at(states, how), shift_at(states, how)
                picture = pictures[actor_id][actor_id]
                assert len(placed[actor_id]) == len(picture), (scene_id, index, actor_id)
                for now, then in zip(placed[actor_id], picture, strict=True):
                    assert now.x == pytest.approx(then.x + dx, abs=1e-6)
                    assert now.y == pytest.approx(then.y + dy, abs=1e-6)
                    assert (now.size, now.rotation) == pytest.approx((then.size, then.rotation))
                    if how.whole_only:  # the body fades as the cell breaks
                        assert now.alpha * unbroken_share(now.broken) == pytest.approx(
                            then.alpha * unbroken_share(then.broken) * share, abs=1e-6)
                    else:
                        assert now.broken == then.broken
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


def _stage_copies(scene, index):
    start, end = stage_start(scene, index), stage_end(scene, index)
    changing = changing_actors(scene, start, end)
    return copied_actors(scene, changing, start, end,
                         skip=steady_actors(scene, changing, start, end))


def test_cells_that_multiply_get_a_picture_per_copy_and_size():
    scene = scenes()["car_t"]
    copies = _stage_copies(scene, 4)  # in the lab the CAR T-cell multiplies and shrinks
    assert {"tcell", "tcell_car", "tcell_tcr"} <= set(copies)
    pictures = copies["tcell"].pictures
    assert {p.index for p in pictures} == set(range(7))  # seven cells by the stage's end
    first = sorted(p.origin.size for p in pictures if p.index == 0)
    assert len(first) >= 5  # 1.3 down to 0.5 times its size, a picture every 15 %
    assert all(b / a <= PICTURE_STEP * 1.05 for a, b in zip(first, first[1:], strict=False))
    # a cell whose receptors grow in number is drawn each frame, not as pictures
    assert not {"tcell", "tcell_car"} & set(_stage_copies(scene, 3))


@pytest.mark.parametrize("scene_id", SCENES)
def test_every_played_frame_is_each_copy_s_picture_scaled_moved_and_faded(scene_id):
    scene = scenes()[scene_id]
    for index in range(len(scene.stages)):
        copies = _stage_copies(scene, index)
        if not copies:
            continue
        for states in _played(scene, index):
            for actor_id, how in copies.items():
                hosts = layout(scene, states, [how.root])[how.root]
                for picture in how.pictures:
                    then = layout(scene, state_at(scene, picture.reference), [actor_id],
                                  copy=(how.root, picture.index))[actor_id]
                    now = layout(scene, states, [actor_id],
                                 copy=(how.root, picture.index))[actor_id]
                    if picture.index >= len(hosts):
                        assert now == ()
                        continue
                    scale, x, y, opacity = copy_transform(hosts[picture.index], picture)
                    o = picture.origin
                    assert len(now) == len(then)
                    for a, b in zip(now, then, strict=True):
                        assert a.x == pytest.approx(x + scale * (b.x - o.x), abs=1e-6)
                        assert a.y == pytest.approx(y + scale * (b.y - o.y), abs=1e-6)
                        assert a.size == pytest.approx(scale * b.size)
                        assert a.alpha == pytest.approx(
                            min(b.alpha * picture.boost, 1.0) * opacity, abs=1e-6)


def test_multiplying_cells_are_pasted_as_pictures_only_while_moving_and_look_drawn():
    scene = scenes()["car_t"]
    start, end = stage_start(scene, 4), stage_end(scene, 4)
    t = start + 0.6 * (end - start)
    still = render_still(scene, t, Level.FAMILY, size=(960, 540))[..., :3].astype(int)
    renderer = _renderer(scene, size=(960, 540))
    renderer.show_time(t)
    assert not any(isinstance(item, CopySprites) for item in renderer._drawing_plan())
    renderer.sliding = True
    renderer.show_time(start + 0.05)
    renderer.show_time(t)
    copies = [item for item in renderer._drawing_plan() if isinstance(item, CopySprites)]
    assert copies and copies[0].pictures
    moving = np.asarray(renderer.figure.canvas.buffer_rgba())[:, :, :3].astype(int)
    # smoothed, scaled at most 7 % from a picture of its size: only edges differ a little
    assert _differ(moving, still, 40) < 0.005
    assert _differ(moving, still, 100) < 0.0005


def test_a_breaking_cell_fades_as_one_picture_while_its_pieces_drift_on_every_frame():
    scene = scenes()["blinatumomab"]
    start, end = stage_start(scene, 3), stage_end(scene, 3)  # the leukaemia cell breaks up
    renderer = _renderer(scene)
    renderer.show_time(start + 0.01)  # entering the stage: a full draw
    plan = renderer._drawing_plan()
    bodies = [item for item in plan if isinstance(item, Sprite) and "leuk" in item.actor_ids]
    assert bodies and bodies[0].steady.whole_only and bodies[0].image is not None
    pieces = [item for item in plan if item in renderer._actors["leuk"].piece_collections]
    assert pieces, "the pieces are drawn, not pictured"
    frames = []
    for share in (0.3, 0.5, 0.7):
        t = start + share * (end - start)
        assert renderer.show_time(t), "a blitted frame"
        played = np.asarray(renderer.figure.canvas.buffer_rgba())[:, :, :3].astype(int)
        # the pieces are where they are at t (not where they were when the picture was taken)
        still = render_still(scene, t, Level.FAMILY, size=(640, 360))
        assert np.array_equal(played, still[..., :3])
        frames.append(played)
    assert _differ(frames[0], frames[2], 40) > 0.001  # and they move
