"""What a user sees of a diagram's composition: strokes right at any size, labels never collide."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from allexplainer.content.levels import Level
from allexplainer.diagrams.drawing.renderer import SceneRenderer
from allexplainer.diagrams.scene import stage_end
from allexplainer.resources import builtin_scenes


@cache
def scenes():
    return builtin_scenes()


def _renderer(scene, level=Level.FAMILY, size=(1280, 720)) -> SceneRenderer:
    figure = Figure(figsize=(size[0] / 100, size[1] / 100), dpi=100)
    FigureCanvasAgg(figure)
    return SceneRenderer(figure, scene, level)


def _pixels(renderer: SceneRenderer) -> np.ndarray:
    return np.asarray(renderer.figure.canvas.buffer_rgba())[:, :, :3].astype(int).copy()


def test_a_canvas_that_grows_draws_the_same_strokes_as_one_made_at_that_size():
    """Entering presenter mode: the canvas is made small, shown, then goes full screen."""
    scene = scenes()["car_t"]
    grown = _renderer(scene, size=(640, 480))
    grown.show_time(stage_end(scene, 0))
    grown.figure.set_size_inches(19.2, 8.2)
    grown.figure.canvas.draw()  # a repaint at the new size, before any resize event
    fresh = _renderer(scene, size=(1920, 820))
    fresh.show_time(stage_end(scene, 0))
    a, b = _pixels(grown), _pixels(fresh)
    assert a.shape == b.shape
    assert (np.abs(a - b).max(axis=2) > 40).mean() < 0.0005


CANVASES = [(700, 300), (720, 480), (1280, 560), (1824, 830), (3840, 2160)]


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _cross(p1, p2, q1, q2) -> bool:
    def side(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return side(q1, q2, p1) * side(q1, q2, p2) < 0 and side(p1, p2, q1) * side(p1, p2, q2) < 0


def _hits(start, end, box) -> bool:
    x0, y0, x1, y1 = box
    if any(x0 + 1 < p[0] < x1 - 1 and y0 + 1 < p[1] < y1 - 1 for p in (start, end)):
        return True
    corners = ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
    return any(_cross(start, end, corners[i], corners[(i + 1) % 4]) for i in range(4))


def _assert_no_collision(renderer: SceneRenderer, scene, level, size) -> None:
    legend = renderer.legend_extent()
    for index in range(len(scene.stages)):
        where = (scene.id, level.value, size, renderer.word_scale, index + 1)
        labels = renderer.label_boxes(stage_end(scene, index))
        items = list(labels.items())
        for n, (name, (box, leader)) in enumerate(items):
            assert box[0] >= 0 and box[1] >= 0 and box[2] <= size[0] and \
                box[3] <= size[1], (where, name, "off the canvas")
            if legend is not None:
                assert _overlap(box, legend) == 0, (where, name, "on the legend")
            for other, (other_box, other_leader) in items[n + 1:]:
                assert _overlap(box, other_box) == 0, (where, name, other)
                if leader is not None:
                    assert not _hits(*leader, other_box), (where, name, "leader", other)
                if other_leader is not None:
                    assert not _hits(*other_leader, box), (where, other, "leader", name)
                if leader is not None and other_leader is not None:
                    assert not _cross(*leader, *other_leader), (where, name, other, "cross")


@pytest.mark.parametrize("scene_id", ["antibodies", "blinatumomab", "car_t", "cd19"])
@pytest.mark.parametrize("level", list(Level))
def test_labels_never_overlap_at_any_size(scene_id, level):
    """Every settled stage, every canvas from a small window to 4K: no two labels share pixels,
    no leader line runs through another label or crosses another leader, all stay on the canvas
    and off the legend."""
    scene = scenes()[scene_id]
    for size in CANVASES:
        _assert_no_collision(_renderer(scene, level, size), scene, level, size)


# (canvas, word scale, key shown): presenter mode on a wall screen and a laptop (labels and key
# 1.4x), bigger words at their largest in the picture (1.5x, WORDS_AT_MOST), the key hidden (L)
WORDS = [((1824, 830), 1.4, True), ((3840, 2160), 1.4, True), ((1280, 560), 1.4, True),
         ((1280, 560), 1.5, True), ((1824, 830), 1.5, True), ((720, 480), 1.0, False)]


@pytest.mark.parametrize("scene_id", ["antibodies", "blinatumomab", "car_t", "cd19"])
@pytest.mark.parametrize("level", list(Level))
def test_labels_never_overlap_with_bigger_words_or_the_key_hidden(scene_id, level):
    scene = scenes()[scene_id]
    for size, scale, legend in WORDS:
        renderer = _renderer(scene, level, size)
        renderer.word_scale = scale
        renderer.set_legend(legend)
        assert (renderer.legend_extent() is not None) == legend
        _assert_no_collision(renderer, scene, level, size)
