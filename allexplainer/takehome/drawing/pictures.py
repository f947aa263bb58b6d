"""Pictures of diagram stages drawn offscreen with the app's own matplotlib renderer.

Every picture is a stage's settled end state (what a reader sees when the stage has finished),
drawn by ``SceneRenderer`` on an Agg canvas; no window, no pyplot. Also: a whole diagram as an
animated GIF (matplotlib's PillowWriter, no ffmpeg) and line-art colouring sheets.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from matplotlib.animation import PillowWriter
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from allexplainer.content.levels import Level
from allexplainer.diagrams.drawing.artists import ShapeCollection
from allexplainer.diagrams.drawing.renderer import SceneRenderer
from allexplainer.diagrams.scene import Scene, stage_end, stage_start, state_at

DPI = 100.0
PICTURE_SIZE = (1280, 720)  # the canvas the app itself is designed for
GIF_SIZE = (640, 360)
GIF_STEPS = 8  # frames drawn across each stage
GIF_FPS = 8
GIF_HOLD_MS = 2000  # each stage's settled picture stays this long, to read it
LINE_ART_WIDTH = 2.6  # colouring sheets: outlines at least this thick (points at 1280 px)
INK = "#000000"
PAPER = "#ffffff"


def _figure(scene: Scene, level: Level, size: tuple[int, int]) -> tuple[Figure, SceneRenderer]:
    figure = Figure(figsize=(size[0] / DPI, size[1] / DPI), dpi=DPI)
    FigureCanvasAgg(figure)
    renderer = SceneRenderer(figure, scene, Level(level))
    return figure, renderer


def stage_figure(scene: Scene, stage: int, level: Level,
                 size: tuple[int, int] = PICTURE_SIZE) -> Figure:
    """A figure showing stage ``stage`` (0-based) settled, at ``level``, ``size`` pixels."""
    figure, renderer = _figure(scene, level, size)
    renderer.full_draw(state_at(scene, stage_end(scene, stage)))
    renderer.disconnect()  # its draw hooks are for the screen; the figure is saved as it stands
    return figure


def save_stage(scene: Scene, stage: int, level: Level, path: Path | io.BytesIO, fmt: str,
               size: tuple[int, int] = PICTURE_SIZE, note: str = "") -> None:
    """Save a stage as ``fmt`` (png, svg or pdf) to ``path``; ``note`` (e.g. the content
    version) goes in the file's description."""
    figure = stage_figure(scene, stage, level, size)
    metadata = _metadata(fmt, scene)
    if note and fmt in ("png", "svg"):
        metadata["Description"] = note
    figure.savefig(path, format=fmt, dpi=DPI, facecolor=figure.get_facecolor(),
                   metadata=metadata)


def stage_png(scene: Scene, stage: int, level: Level,
              size: tuple[int, int] = PICTURE_SIZE) -> bytes:
    """A stage as PNG bytes."""
    buffer = io.BytesIO()
    save_stage(scene, stage, level, buffer, "png", size)
    return buffer.getvalue()


def _metadata(fmt: str, scene: Scene) -> dict:
    title = scene.title.get(Level.FAMILY) or scene.id
    if fmt == "png":
        return {"Title": title, "Software": "ALL Explainer"}
    if fmt == "svg":
        return {"Title": title, "Date": None}  # no date: the same picture gives the same file
    return {"Title": title}


class _DistinctFrames(PillowWriter):
    """PillowWriter that keeps a frame only if it differs from the one before (a still moment
    lasts longer instead), and lets a frame be held (a stage's settled end)."""

    def setup(self, fig, outfile, dpi=None) -> None:
        super().setup(fig, outfile, dpi)
        self._durations: list[int] = []

    def grab_frame(self, hold_ms: int = 0, **savefig_kwargs) -> None:
        super().grab_frame(**savefig_kwargs)
        frames, step = self._frames, max(int(1000 / self.fps), hold_ms)
        if len(frames) > 1 and frames[-1].tobytes() == frames[-2].tobytes():
            frames.pop()
            self._durations[-1] += step
        else:
            self._durations.append(step)

    def finish(self) -> None:
        self._frames[0].save(self.outfile, save_all=True, append_images=self._frames[1:],
                             duration=self._durations, loop=0)

    @property
    def frame_count(self) -> int:
        return len(self._frames)


def gif_times(scene: Scene, steps: int = GIF_STEPS) -> list[tuple[float, bool]]:
    """The moments drawn for a GIF, and whether each is held (a stage's settled end): the
    start, then ``steps`` per stage up to its end."""
    times = [(0.0, False)]
    for index in range(len(scene.stages)):
        start, end = stage_start(scene, index), stage_end(scene, index)
        times += [(start + (end - start) * k / steps, k == steps) for k in range(1, steps + 1)]
    return times


def write_gif(scene: Scene, level: Level, path: Path, size: tuple[int, int] = GIF_SIZE,
              steps: int = GIF_STEPS, fps: int = GIF_FPS) -> int:
    """Write the whole diagram as an animated GIF; return how many frames it holds."""
    figure, renderer = _figure(scene, level, size)
    renderer.full_draw(state_at(scene, 0.0))
    renderer.disconnect()
    writer = _DistinctFrames(fps=fps)
    with writer.saving(figure, str(path), DPI):
        for t, held in gif_times(scene, steps):
            renderer.update(state_at(scene, t))
            writer.grab_frame(hold_ms=GIF_HOLD_MS if held else 0,
                              facecolor=figure.get_facecolor())
        count = writer.frame_count
    return count


def colouring_figure(scene: Scene, stage: int, size: tuple[int, int] = PICTURE_SIZE) -> Figure:
    """Line art of a stage for colouring in: the diagram's own shapes, outlines only, thick and
    black on white paper; no fills, no words, no legend (the sheet prints the caption)."""
    figure, renderer = _figure(scene, Level.CHILD, size)
    renderer.full_draw(state_at(scene, stage_end(scene, stage)))
    renderer.disconnect()
    figure.set_facecolor(PAPER)
    renderer.axes.set_facecolor(PAPER)
    scale = min(size[0] / PICTURE_SIZE[0], size[1] / PICTURE_SIZE[1])
    for artist in renderer.axes.get_children():
        if isinstance(artist, ShapeCollection):
            if not artist.get_visible():
                continue
            faces = artist.get_facecolor()
            edges = artist.get_edgecolor()
            widths = np.broadcast_to(artist.get_linewidth(), (len(edges),))
            seen = [max(to_rgba(face)[3], to_rgba(edge)[3]) for face, edge in
                    zip(np.broadcast_to(faces, (len(edges), 4)), edges, strict=True)]
            artist.set_facecolor([(1.0, 1.0, 1.0, 0.0) for _ in seen])
            artist.set_edgecolor([(0.0, 0.0, 0.0, 1.0 if a > 0.25 else 0.0) for a in seen])
            artist.set_linewidth([max(w * 1.6, LINE_ART_WIDTH * scale) for w in widths])
        elif artist is not renderer.axes.patch:
            artist.set_visible(False)  # words, leader lines and the legend
    legend = renderer.axes.get_legend()
    if legend is not None:
        legend.set_visible(False)
    return figure


def colouring_png(scene: Scene, stage: int, size: tuple[int, int] = PICTURE_SIZE) -> bytes:
    """A colouring sheet's picture as PNG bytes (greyscale: black lines on white)."""
    figure = colouring_figure(scene, stage, size)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, facecolor=PAPER)
    return buffer.getvalue()
