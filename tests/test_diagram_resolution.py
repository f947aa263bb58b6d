"""Sharp when still, smooth when moving, on any screen: moving frames are drawn at a bounded
resolution, and a still picture is exactly a full redraw at the screen's full resolution."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from allexplainer.content.levels import Level
from allexplainer.diagrams.drawing.renderer import render_still
from allexplainer.diagrams.scene import stage_end, stage_start
from allexplainer.reading_state import ReadingState
from allexplainer.resources import builtin_scenes

ROOT = Path(__file__).resolve().parent.parent


def canvas_pixels(canvas) -> np.ndarray:
    """The canvas's Agg buffer as an (height, width, 4) array."""
    return np.asarray(canvas.buffer_rgba()).copy()


def widget_pixels(canvas) -> np.ndarray:
    """What the widget shows (its paintEvent), as RGBA, at its physical size."""
    image = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    shown = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return shown.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width()].copy()


@pytest.fixture
def canvas(qtbot):
    from allexplainer.diagrams._qt.canvas import DiagramCanvas

    scene = builtin_scenes()["car_t"]
    made = DiagramCanvas(scene, ReadingState(Level.FAMILY))
    qtbot.addWidget(made)
    made.resize(640, 360)
    with qtbot.waitExposed(made):
        made.show()
    yield made
    made.close_renderer()


def test_a_paused_frame_is_a_full_redraw_at_full_resolution(canvas):
    scene = canvas.scene_renderer.scene
    start, end = stage_start(scene, 1), stage_end(scene, 1)
    for step in range(12):  # play part of a stage, as the timer does
        canvas.show_time(start + (end - start) * step / 24, moving=True)
    paused = start + (end - start) * 11 / 24
    canvas.show_time(paused, moving=False)
    assert not canvas.moving
    assert canvas_pixels(canvas).shape[:2] == (360, 640)
    still = render_still(scene, paused, Level.FAMILY, size=(640, 360))
    assert np.array_equal(canvas_pixels(canvas), still)


def test_the_widget_shows_the_drawn_pixels_exactly(canvas, qtbot):
    scene = canvas.scene_renderer.scene
    canvas.show_time(stage_end(scene, 0), moving=False)
    qtbot.wait(1)
    drawn = canvas_pixels(canvas)
    shown = widget_pixels(canvas)
    assert shown.shape == drawn.shape
    assert np.array_equal(shown[..., :3], drawn[..., :3])
    # and after a blitted frame too (the part repainted by blit)
    canvas.show_time(stage_start(scene, 1) + 0.3, moving=False)
    canvas.show_time(stage_start(scene, 1) + 0.5, moving=False)
    assert np.array_equal(widget_pixels(canvas)[..., :3], canvas_pixels(canvas)[..., :3])


def test_moving_frames_stay_within_the_pixel_budget_and_still_ones_do_not(canvas):
    from allexplainer.diagrams._qt.canvas import MOTION_PIXELS

    assert canvas.motion_ratio(1920, 1080) == canvas.screen_ratio() == 1.0
    assert canvas.motion_ratio(3840, 2160) == 0.5  # a 4K wall screen at 100%
    for width, height in [(640, 360), (1920, 1080), (3840, 2160), (2560, 1440)]:
        ratio = canvas.motion_ratio(width, height)
        assert width * height * ratio * ratio <= MOTION_PIXELS


SCALED = """
import json, sys
import numpy as np
from PySide6.QtWidgets import QApplication
from allexplainer.content.levels import Level
from allexplainer.diagrams._qt.canvas import DiagramCanvas
from allexplainer.diagrams.drawing.renderer import render_still
from allexplainer.diagrams.scene import stage_end, stage_start
from allexplainer.reading_state import ReadingState
from allexplainer.resources import builtin_scenes
app = QApplication([])
scene = builtin_scenes()["cd19"]
canvas = DiagramCanvas(scene, ReadingState(Level.FAMILY))
canvas.resize(1920, 1080)
canvas.show()
app.processEvents()
start, end = stage_start(scene, 1), stage_end(scene, 1)
for step in range(6):
    canvas.show_time(start + (end - start) * step / 12, moving=True)
moving = [round(canvas.figure.bbox.width), round(canvas.figure.bbox.height)]
paused = start + (end - start) * 5 / 12
canvas.show_time(paused, moving=False)
app.processEvents()
still = [round(canvas.figure.bbox.width), round(canvas.figure.bbox.height)]
ratio = canvas.devicePixelRatioF()
expected = render_still(scene, paused, Level.FAMILY, size=tuple(still), dpi=100 * ratio)
same = bool(np.array_equal(np.asarray(canvas.buffer_rgba()), expected))
print(json.dumps({"ratio": ratio, "moving": moving, "still": still, "same": same}))
"""


def test_at_device_pixel_ratio_2_still_frames_have_every_physical_pixel():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    result = subprocess.run([sys.executable, "-c", SCALED], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300, check=True)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["ratio"] == 2.0
    assert found["still"] == [3840, 2160]  # physical pixels of a 1920x1080 canvas, checked
    assert found["moving"] == [1920, 1080]  # moving frames: ratio 1, a quarter of the pixels
    assert found["same"]


LABELS_AT_RATIO_2 = """
import json
from PySide6.QtWidgets import QApplication
from allexplainer.content.levels import Level
from allexplainer.diagrams._qt.canvas import DiagramCanvas
from allexplainer.diagrams.drawing.labels import LabelArtists
from allexplainer.diagrams.scene import stage_end, stage_start
from allexplainer.reading_state import ReadingState
from allexplainer.resources import builtin_scenes
app = QApplication([])
moved = {}
for scene_id, scene in builtin_scenes().items():
    canvas = DiagramCanvas(scene, ReadingState(Level.CLINIC))
    canvas.resize(1920, 1080)
    canvas.show()
    app.processEvents()
    renderer = canvas.scene_renderer

    def boxes():  # each label's box in the widget's (logical) pixels
        ratio = canvas.figure.dpi / 100
        return {name: [v / ratio for v in artists.text.box()]
                for name, artists in renderer._actors.items()
                if isinstance(artists, LabelArtists) and artists.text.box() is not None}

    for index in range(1, len(scene.stages)):
        start, end = stage_start(scene, index), stage_end(scene, index)
        canvas.show_time(start, moving=False)  # the stage before has ended: held
        while canvas._ahead.isActive():  # the still moment before Next
            app.processEvents()
        canvas.show_time(start + 1 / 60, moving=True)  # Next
        canvas.show_time(end - 1 / 60, moving=True)
        moving = boxes()
        canvas.show_time(end, moving=False)  # the stage's end, paused on
        for name, box in boxes().items():
            if name in moving:
                moved[f"{scene_id} {index + 1} {name}"] = max(
                    abs(a - b) for a, b in zip(box, moving[name]))
    canvas.close_renderer()
print(json.dumps({"ratio": canvas.devicePixelRatioF(), "moved": moved}))
"""


def test_at_device_pixel_ratio_2_labels_stay_put_when_the_picture_stops():
    """On a HiDPI screen moving frames are drawn at half the resolution and the paused frame
    at full: each label is where the paused frame puts it while the stage plays, so nothing
    jumps when the picture stops (a few pixels of lettering aside)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    result = subprocess.run([sys.executable, "-c", LABELS_AT_RATIO_2], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300, check=True)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["ratio"] == 2.0
    assert len(found["moved"]) > 40  # labels of every scene were compared
    jumps = {name: d for name, d in found["moved"].items() if d > 6}
    assert not jumps


def test_the_next_stage_starts_at_once_after_a_held_stage_end(canvas, qtbot):
    """While a stage's end is held, the next stage's framing, labels and background are made
    ready (when idle), so pressing Next moves the picture at once: its first frame is blitted,
    the held picture stays on screen meanwhile, and the frames are those of a fresh canvas."""
    from allexplainer.diagrams._qt.canvas import DiagramCanvas

    scene = canvas.scene_renderer.scene
    start = stage_start(scene, 2)
    canvas.show_time(start - 0.1, moving=True)
    canvas.show_time(start, moving=False)  # stage 2 has finished: held
    held = canvas_pixels(canvas)
    qtbot.waitUntil(lambda: not canvas._ahead.isActive())
    assert np.array_equal(canvas_pixels(canvas), held)
    assert np.array_equal(widget_pixels(canvas)[..., :3], held[..., :3])
    assert canvas.show_time(start + 1 / 60, moving=True)  # blitted, not a full draw
    fresh = DiagramCanvas(scene, ReadingState(Level.FAMILY))
    qtbot.addWidget(fresh)
    fresh.resize(640, 360)
    with qtbot.waitExposed(fresh):
        fresh.show()
    fresh.show_time(start + 1 / 60, moving=True)
    assert np.array_equal(canvas_pixels(canvas), canvas_pixels(fresh))
    assert np.array_equal(widget_pixels(canvas)[..., :3], canvas_pixels(fresh)[..., :3])
    fresh.close_renderer()


def test_a_repaint_while_held_draws_the_held_picture_not_the_next_one(canvas, qtbot):
    """The next stage readied while a stage's end is held never shows before Next: a full draw
    then (a repaint, a resize) draws the held picture, exactly, with its own framing."""
    scene = canvas.scene_renderer.scene
    start = stage_start(scene, 4)  # the next stage is framed differently
    canvas.show_time(start - 0.1, moving=True)
    canvas.show_time(start, moving=False)
    held = canvas_pixels(canvas)
    qtbot.waitUntil(lambda: not canvas._ahead.isActive())
    canvas.draw()
    assert np.array_equal(canvas_pixels(canvas), held)
    assert np.array_equal(canvas_pixels(canvas),
                          render_still(scene, start, Level.FAMILY, size=(640, 360)))
