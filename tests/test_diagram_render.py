"""The renderer: blitted frames look exactly like full redraws, and redraw only what changes."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from allexplainer.content.levels import Level
from allexplainer.diagrams.drawing.renderer import SceneRenderer, render_still
from allexplainer.diagrams.scene import changing_actors, stage_end, stage_start
from allexplainer.resources import builtin_scenes

SIZE = (480, 270)


@cache
def scenes():
    return builtin_scenes()


def _renderer(scene, level=Level.FAMILY, size=SIZE) -> SceneRenderer:
    figure = Figure(figsize=(size[0] / 100, size[1] / 100), dpi=100)
    FigureCanvasAgg(figure)
    return SceneRenderer(figure, scene, level)


def _pixels(renderer: SceneRenderer) -> np.ndarray:
    return np.asarray(renderer.figure.canvas.buffer_rgba())[:, :, :3].astype(int)


def _differ(a: np.ndarray, b: np.ndarray) -> float:
    """Share of pixels that differ visibly."""
    return float((np.abs(a - b).max(axis=2) > 40).mean())


@pytest.mark.parametrize("scene_id", ["antibodies", "blinatumomab", "car_t", "cd19"])
def test_played_frames_match_full_redraws(scene_id):
    scene = scenes()[scene_id]
    renderer = _renderer(scene)
    for index in range(len(scene.stages)):
        start, end = stage_start(scene, index), stage_end(scene, index)
        steps = max(int((end - start) * 12), 1)
        blitted = 0
        for step in range(steps + 1):
            t = start + (end - start) * step / steps
            blitted += renderer.show_time(t)
            if step in (steps // 2, steps):
                expected = render_still(scene, t, Level.FAMILY, size=SIZE)[:, :, :3].astype(int)
                assert _differ(_pixels(renderer), expected) < 0.001, (scene_id, index, t)
        assert blitted >= steps - 1  # after entering the stage, every frame is blitted


def test_only_what_changes_in_a_stage_is_animated():
    scene = scenes()["cd19"]
    changing = changing_actors(scene, stage_start(scene, 4), stage_end(scene, 4))
    # two CAR T-cells move in and two leukaemia cells break up; the rest stays still
    assert {"cart2", "cart3", "leuk2", "leuk3"} <= changing
    assert {"cart2_car", "leuk2_cd19"} <= changing  # molecules follow their cells
    assert not {"healthy_a", "healthy_b", "healthy_c", "leuk1", "cart"} & changing
    renderer = _renderer(scene)
    renderer.show_time(stage_start(scene, 4) + 0.5)
    animated = {actor_id for actor_id, parts in renderer._parts.items()
                if any(part.get_animated() for part in parts)}
    assert animated == changing


def test_a_still_frame_is_redrawn_only_where_actors_move():
    scene = scenes()["car_t"]
    renderer = _renderer(scene, size=(1280, 720))
    start = stage_start(scene, 3)  # the CAR receptors appear on the T cell in the lab
    renderer.show_time(start + 1.0)
    renderer.show_time(start + 1.1)
    x0, y0, x1, y1 = renderer._drawn_extent
    assert (x1 - x0) * (y1 - y0) < 0.3 * 1280 * 720


def test_labels_follow_the_reading_level():
    scene = scenes()["car_t"]
    renderer = _renderer(scene, Level.CLINIC, size=(1280, 720))
    last = stage_end(scene, 6)  # before and after, with the CAR's parts named
    renderer.full_draw(None)
    renderer.show_time(last)
    clinic = set(renderer.label_extents())
    renderer.set_level(Level.CHILD)
    renderer.show_time(last)
    child = set(renderer.label_extents())
    assert {"label_part_head", "label_part_zeta"} <= clinic
    assert not {"label_part_head", "label_part_zeta"} & child
    assert "label_finder" in child


def test_text_stays_legible_in_a_small_window():
    scene = scenes()["cd19"]
    renderer = _renderer(scene, size=(400, 225))
    renderer.full_draw(None)
    for label in renderer._actors.values():
        if hasattr(label, "text") and hasattr(label.text, "fontsize"):
            assert label.text.fontsize * 100 / 72 >= 13  # pixels
    assert renderer._legend.get_texts()[0].get_fontsize() * 100 / 72 >= 13


def test_words_are_large_enough_to_read_across_a_room_on_a_full_screen():
    renderer = _renderer(scenes()["car_t"], size=(1920, 1080))
    renderer.full_draw(None)
    sizes = [label.text.fontsize * 100 / 72 for label in renderer._actors.values()
             if hasattr(label, "text") and hasattr(label.text, "fontsize")]
    assert min(sizes) >= 24  # pixels
    assert renderer._legend.get_texts()[0].get_fontsize() * 100 / 72 >= 20


@pytest.mark.parametrize("scene_id", ["antibodies", "blinatumomab", "car_t", "cd19"])
@pytest.mark.parametrize("size", [(560, 480), (1920, 1080), (1280, 720)])
def test_the_legend_has_its_own_strip_under_a_drawing_that_fills_the_canvas(scene_id, size):
    renderer = _renderer(scenes()[scene_id], size=size)
    renderer.full_draw(None)
    axes = renderer.axes.get_window_extent()
    legend = renderer.legend_extent()
    assert legend[3] <= axes.y0 + 0.5  # under the drawing: it never covers an actor
    assert legend[1] >= 0 and legend[0] >= 0 and legend[2] <= size[0]
    # the drawing is as wide as the canvas, or as tall as the room the legend leaves
    room = size[1] - (legend[3] - legend[1]) - 12
    assert axes.width >= 0.97 * size[0] or axes.height >= 0.97 * room


def test_projector_colours_thicken_outlines_and_darken_words():
    scene = scenes()["cd19"]
    renderer = _renderer(scene, size=(1280, 720))
    renderer.full_draw(None)
    label = renderer._actors["label_leuk"].text
    plain_width, plain_image = label.line_width, label.image()[0]
    legend_width = renderer._legend.get_frame().get_linewidth()
    renderer.set_high_contrast(True)
    renderer.full_draw(None)
    assert renderer.figure.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    assert label.strong and label.line_width > 1.4 * plain_width
    assert renderer._legend.get_frame().get_linewidth() > 1.4 * legend_width
    strong_image = label.image()[0]
    # bold black words: more dark pixels in the label
    dark = lambda image: int((image[:, :, :3].max(axis=2) < 60).sum())  # noqa: E731
    assert dark(strong_image) > 1.2 * dark(plain_image)
    renderer.set_high_contrast(False)
    assert not label.strong and label.line_width == plain_width


def test_a_stage_s_labels_are_placed_on_entering_it_as_they_would_be_on_its_first_frame():
    """Placing labels takes up to a few tenths of a second: it is done on the held frame that
    enters a stage, not on the stage's first moving frame, and places them the same."""
    scene = scenes()["car_t"]
    start = stage_start(scene, 6)
    ahead = _renderer(scene, size=(960, 540))
    ahead.show_time(start - 0.5)
    ahead.show_time(start)  # the held end of stage 6: stage 7 is prepared
    assert ahead._settle_key(("stage", 6)) in ahead._nudges
    ahead.show_time(start + 0.3)
    late = _renderer(scene, size=(960, 540))
    late.show_time(start + 0.3)  # jumped to: worked out on this frame
    assert ahead.label_extents() == late.label_extents()
    assert late.label_extents()


def test_drawn_at_a_new_size_the_old_size_s_pixels_are_let_go_at_once():
    # the legend is made again for each size; its words remember the renderer they were
    # measured with, and its parts refer to each other: kept until Python next looked for
    # cycles, every size the canvas was drawn at held a whole canvas of pixels
    import gc
    import weakref

    from matplotlib.backend_bases import ResizeEvent

    renderer = _renderer(scenes()["car_t"])
    canvas = renderer.figure.canvas
    canvas.draw()
    old = weakref.ref(canvas.get_renderer())
    gc.disable()
    try:
        renderer.figure.set_size_inches(12.8, 7.2)  # resized as the window's canvas is
        canvas.callbacks.process("resize_event", ResizeEvent("resize_event", canvas))
        canvas.draw()
        assert canvas.get_renderer().width == 1280
        assert old() is None
    finally:
        gc.enable()
