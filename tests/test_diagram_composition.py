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
from allexplainer.palette import SKY_BLUE
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


def test_framing_centres_what_is_shown_at_the_pictures_shape_and_zooms_at_most_so_far():
    from allexplainer.diagrams.framing import MAX_ZOOM, framed_view

    whole = (0.0, 1.2, 16.0, 9.0)
    small = framed_view((2.0, 3.0, 4.0, 5.0), whole, margin=0.0)  # one small cell in a corner
    width, height = small[2] - small[0], small[3] - small[1]
    assert width == pytest.approx(16.0 / MAX_ZOOM)
    assert width / height == pytest.approx(16.0 / 7.8)
    assert ((small[0] + small[2]) / 2, (small[1] + small[3]) / 2) == pytest.approx((3.0, 4.0))
    wide = framed_view((1.0, 2.0, 15.0, 8.0), whole, margin=0.0)
    assert wide[2] - wide[0] == pytest.approx(14.0)  # as wide as what is shown
    tall = framed_view((7.0, 1.2, 9.0, 9.0), whole, margin=0.0)
    assert tall[2] - tall[0] == pytest.approx(16.0)  # as tall: never larger than the scene
    assert framed_view(None, whole) == whole
    off_scene = framed_view((-5.0, 2.0, 30.0, 8.0), whole, margin=0.0)  # clipped to the scene
    assert off_scene[2] - off_scene[0] == pytest.approx(16.0)


def _blue_pixels(renderer) -> int:
    pixels = _pixels(renderer)
    blue = np.array([int(SKY_BLUE[i:i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(pixels - blue).max(axis=2) < 12).sum())


def test_a_stage_with_one_small_cell_fills_its_frame():
    """car_t stage 1 shows one T cell: framed, it is drawn about 1.5x as wide as in the whole
    scene (so about twice the pixels), and the paused frame still shows all of it."""
    scene = scenes()["car_t"]
    framed = _renderer(scene, size=(1824, 830))
    framed.show_time(stage_end(scene, 0))
    whole = _renderer(scene, size=(1824, 830))
    whole.framing = False
    whole.show_time(stage_end(scene, 0))
    assert _blue_pixels(framed) > 1.8 * _blue_pixels(whole)


@pytest.mark.parametrize("scene_id", ["antibodies", "blinatumomab", "car_t", "cd19"])
def test_every_paused_frame_shows_all_its_art_inside_the_picture(scene_id):
    from allexplainer.diagrams.drawing.renderer import _art_boxes
    from allexplainer.diagrams.layout import layout
    from allexplainer.diagrams.scene import state_at

    scene = scenes()[scene_id]
    for level in (Level.CHILD, Level.CLINIC):
        renderer = _renderer(scene, level, (1280, 560))
        for index in range(len(scene.stages)):
            t = stage_end(scene, index)
            renderer.label_boxes(t)  # frames the stage as the player does when it pauses
            axes = renderer.axes.get_window_extent()
            frame = state_at(scene, t)
            # what this level's picture draws (clinic's close-up is not in the child's)
            drawn = {actor_id: copies for actor_id, copies in layout(scene, frame).items()
                     if level in scene.actor(actor_id).levels}
            for box in _art_boxes(scene, drawn, frame, renderer.axes.transData.transform):
                where = (scene_id, level.value, index + 1, [round(v) for v in box])
                assert axes.x0 - 2 <= box[0] and box[2] <= axes.x1 + 2, where
                assert axes.y0 - 2 <= box[1] and box[3] <= axes.y1 + 2, where


def test_a_label_on_a_cell_in_pieces_points_at_one_of_its_pieces():
    from allexplainer.diagrams.shapes import piece_centres

    scene = scenes()["cd19"]
    renderer = _renderer(scene, Level.CLINIC)
    t = stage_end(scene, 2)  # the first leukaemia cell has broken up
    box, leader = renderer.label_boxes(t)["label_pieces"]
    assert leader is not None
    leuk1 = renderer._placements["leuk1"][0]
    assert leuk1.broken == 1.0
    pieces = piece_centres(leuk1.x, leuk1.y, leuk1.size, leuk1.rotation, leuk1.broken,
                           scene.actor("leuk1").seed)
    to_px = renderer.axes.transData.transform
    ends = [tuple(to_px(piece)) for piece in pieces]
    tip = min(leader, key=lambda point: min(abs(point[0] - x) + abs(point[1] - y)
                                            for x, y in ends))
    assert min(abs(tip[0] - x) + abs(tip[1] - y) for x, y in ends) < 2.0, (leader, ends)


# (canvas, word scale): the window's picture at 1280x720, a small one, presenter mode on a
# 1920x1080 screen (the room's words: 1.4 times, up to 1.5 with bigger words)
FRAMES = [((725, 410), 1.0), ((1280, 560), 1.0), ((1824, 830), 1.4), ((1920, 820), 1.5)]


def _paused_stages(scene):
    """Each stage's paused end in every frame of ``FRAMES`` at every level: the renderer (set
    to that end), where it is (scene, stage, level, size) and its labels' boxes and leaders."""
    for level in Level:
        for size, words in FRAMES:
            renderer = _renderer(scene, level, size)
            renderer.word_scale = words
            renderer.set_legend(True)
            for index in range(len(scene.stages)):
                labels = renderer.label_boxes(stage_end(scene, index))
                yield renderer, (scene.id, index + 1, level.value, size), labels


@pytest.mark.parametrize("scene_id", ["antibodies", "blinatumomab", "car_t", "cd19"])
def test_no_label_overlaps_a_piece_of_a_broken_cell_or_a_panels_edge(scene_id):
    """A label's box never hides a piece of a cell that has broken up (what the caption says
    happened) or runs over the dashed edge of a panel (the lab) or a blood vessel's wall."""
    from allexplainer.diagrams.drawing.renderer import _panel_edges
    from allexplainer.diagrams.shapes import piece_centres

    scene = scenes()[scene_id]
    checked = 0
    for renderer, where, labels in _paused_stages(scene):
        to_px = renderer.axes.transData.transform
        placed = renderer._placements
        pieces = [tuple(to_px(point))
                  for actor in scene.actors
                  for p in placed.get(actor.id, ())
                  if p.broken > 0.5 and p.alpha > 0.05
                  for point in piece_centres(p.x, p.y, p.size, p.rotation, p.broken, actor.seed)]
        edges = [edge for actor in scene.actors if actor.kind in ("panel", "vessel")
                 for edge in _panel_edges(actor, placed.get(actor.id, ()), to_px)]
        for name, (box, _leader) in labels.items():
            for x, y in pieces:
                assert not (box[0] - 4 < x < box[2] + 4 and box[1] - 4 < y < box[3] + 4), \
                    (*where, name, "on a piece")
            for edge in edges:
                assert _overlap(box, edge) == 0, (*where, name, "on a panel's edge")
        checked += len(pieces) + len(edges)
    assert checked  # every scene has a panel, a vessel or a broken cell somewhere


@pytest.mark.parametrize("scene_id", ["antibodies", "blinatumomab", "car_t", "cd19"])
def test_no_leader_line_overlaps_the_cell_it_names(scene_id):
    """A label's leader line ends on the near side of the whole cell it names: it never runs
    across the cell to its far rim (the line would cut the very thing it points at)."""
    from allexplainer.diagrams import kinds

    scene = scenes()[scene_id]
    actors = {actor.id: actor for actor in scene.actors}
    checked = 0
    for renderer, where, labels in _paused_stages(scene):
        to_px = renderer.axes.transData.transform
        for name, (_box, leader) in labels.items():
            target = actors[name].target
            if leader is None or not target or \
                    kinds.kind_spec(actors[target].kind).category != kinds.CELL:
                continue
            copies = renderer._placements.get(target, ())
            if not copies:
                continue
            cell = copies[min(actors[name].target_index, len(copies) - 1)]
            if cell.broken > 0.05:
                continue  # a cell in pieces: its leader ends on a piece
            centre = np.array(to_px((cell.x, cell.y)))
            start, end = (np.array(point, dtype=float) for point in leader)
            along = end - start
            t = np.clip(np.dot(centre - start, along) / max(np.dot(along, along), 1e-9), 0.0, 1.0)
            nearest = np.linalg.norm(start + t * along - centre)
            assert nearest >= 0.85 * np.linalg.norm(end - centre), (*where, name)
            checked += 1
    assert checked
