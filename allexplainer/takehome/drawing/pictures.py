"""Pictures of diagram stages drawn offscreen with the app's own matplotlib renderer.

Every picture is a stage's settled end state (what a reader sees when the stage has finished),
drawn by ``SceneRenderer`` on an Agg canvas; no window, no pyplot. Also: a whole diagram as an
animated GIF (matplotlib's PillowWriter, no ffmpeg) and line-art colouring sheets.

Every picture carries a stamp in a strip at its foot (the caller's words: when the sources were
checked, the review state, the content version), and a picture for paper is drawn at its
printed size with its labels at least PAPER_TEXT_PT points.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import allexplainer.diagrams.drawing  # noqa: F401 (first: matplotlib then loads faster)

# isort: split
import numpy as np
from matplotlib.animation import PillowWriter
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text

from allexplainer import palette
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
# the stamp: a line in a strip at the foot of every picture, saying how old its facts are
STAMP_SHARE = 0.02  # of the picture's height, on a screen picture ...
STAMP_SMALLEST_PX = 11.0  # ... but never smaller than this
STAMP_LINE = 1.9  # the strip's height, in lines of the stamp's text
STAMP_ID = "allexplainer-stamp"  # the stamp's group in an SVG
# pictures for paper: drawn at the printed size, the words at least this large when printed
PAPER_DPI = 200.0
PAPER_TEXT_PT = 9.5
PAPER_STAMP_PT = 7.0


@dataclass(frozen=True)
class Size:
    """How a picture is drawn: its pixels, at how many dots per inch, the smallest its labels
    and legend may be (points) and the size of its stamp (points)."""

    pixels: tuple[int, int]
    dpi: float = DPI
    smallest_text_pt: float = 0.0
    stamp_pt: float = 0.0

    @property
    def inches(self) -> tuple[float, float]:
        return self.pixels[0] / self.dpi, self.pixels[1] / self.dpi

    @property
    def strip_px(self) -> float:
        """The height of the stamp's strip, in pixels."""
        return self.stamp_pt * self.dpi / 72.0 * STAMP_LINE


def on_screen(pixels: tuple[int, int]) -> Size:
    """A picture of ``pixels`` for a screen or slide: the app's own proportions."""
    stamp_px = max(STAMP_SMALLEST_PX, pixels[1] * STAMP_SHARE)
    return Size(tuple(pixels), DPI, 0.0, stamp_px * 72.0 / DPI)


def on_paper(width_mm: float, height_mm: float) -> Size:
    """A picture printed ``width_mm`` by ``height_mm``: sharp, and its labels and legend at
    least PAPER_TEXT_PT points on the paper."""
    pixels = (round(width_mm / 25.4 * PAPER_DPI), round(height_mm / 25.4 * PAPER_DPI))
    return Size(pixels, PAPER_DPI, PAPER_TEXT_PT, PAPER_STAMP_PT)


def _sized(size: tuple[int, int] | Size) -> Size:
    return size if isinstance(size, Size) else on_screen(size)


def _figure(scene: Scene, level: Level, size: Size, stamp: str,
            ink: str = palette.TEXT) -> tuple[Figure, SceneRenderer]:
    """A figure with ``scene`` drawn at ``size``, and ``stamp`` in a strip at its foot."""
    figure = Figure(figsize=size.inches, dpi=size.dpi)
    FigureCanvasAgg(figure)
    renderer = SceneRenderer(figure, scene, Level(level), smallest_text_pt=size.smallest_text_pt,
                             footer_px=size.strip_px if stamp else 0.0)
    if stamp:
        _add_stamp(figure, size, stamp, ink)
    return figure, renderer


def _add_stamp(figure: Figure, size: Size, stamp: str, ink: str) -> Text:
    """Write ``stamp`` in the strip at the foot of ``figure``, made smaller if it is too long
    for the width."""
    width, _height = size.pixels
    margin = size.stamp_pt * size.dpi / 72.0 * 0.6
    text = figure.text(margin / width, size.strip_px / 2 / size.pixels[1], stamp,
                       fontsize=size.stamp_pt, color=ink, ha="left", va="center", gid=STAMP_ID)
    room = width - 2 * margin
    wide = text.get_window_extent(figure.canvas.get_renderer()).width
    if wide > room:
        text.set_fontsize(size.stamp_pt * room / wide)
    return text


def stage_figure(scene: Scene, stage: int, level: Level, size: tuple[int, int] | Size
                 = PICTURE_SIZE, *, stamp: str) -> Figure:
    """A figure showing stage ``stage`` (0-based) settled, at ``level`` and ``size``, with
    ``stamp`` (see ``handout.picture_stamp``) at its foot."""
    figure, renderer = _figure(scene, level, _sized(size), stamp)
    renderer.full_draw(state_at(scene, stage_end(scene, stage)))
    renderer.disconnect()  # its draw hooks are for the screen; the figure is saved as it stands
    return figure


def save_stage(scene: Scene, stage: int, level: Level, path: Path | io.BytesIO, fmt: str,
               size: tuple[int, int] | Size = PICTURE_SIZE, note: str = "", *,
               stamp: str) -> None:
    """Save a stage as ``fmt`` (png, svg or pdf) to ``path``, ``stamp`` drawn at its foot;
    ``note`` (e.g. the content version) goes in the file's description."""
    size = _sized(size)
    figure = stage_figure(scene, stage, level, size, stamp=stamp)
    metadata = _metadata(fmt, scene)
    if note and fmt in ("png", "svg"):
        metadata["Description"] = note
    figure.savefig(path, format=fmt, dpi=size.dpi, facecolor=figure.get_facecolor(),
                   metadata=metadata)


def stage_png(scene: Scene, stage: int, level: Level,
              size: tuple[int, int] | Size = PICTURE_SIZE, *, stamp: str) -> bytes:
    """A stage as PNG bytes."""
    buffer = io.BytesIO()
    save_stage(scene, stage, level, buffer, "png", size, stamp=stamp)
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
              steps: int = GIF_STEPS, fps: int = GIF_FPS, *, stamp: str) -> int:
    """Write the whole diagram as an animated GIF, ``stamp`` on every frame; return how many
    frames it holds."""
    size = _sized(size)
    figure, renderer = _figure(scene, level, size, stamp)
    renderer.full_draw(state_at(scene, 0.0))
    renderer.disconnect()
    writer = _DistinctFrames(fps=fps)
    with writer.saving(figure, str(path), size.dpi):
        for t, held in gif_times(scene, steps):
            renderer.update(state_at(scene, t))
            writer.grab_frame(hold_ms=GIF_HOLD_MS if held else 0,
                              facecolor=figure.get_facecolor())
        count = writer.frame_count
    return count


def colouring_figure(scene: Scene, stage: int, size: tuple[int, int] | Size = PICTURE_SIZE, *,
                     stamp: str) -> Figure:
    """Line art of a stage for colouring in: the diagram's own shapes, outlines only, thick and
    black on white paper; no fills, no words, no legend (the sheet prints the caption); only
    the stamp, small, in the strip at the foot."""
    size = _sized(size)
    figure, renderer = _figure(scene, Level.CHILD, size, stamp, ink=INK)
    renderer.full_draw(state_at(scene, stage_end(scene, stage)))
    renderer.disconnect()
    figure.set_facecolor(PAPER)
    renderer.axes.set_facecolor(PAPER)
    inches = size.inches
    scale = min(inches[0] / (PICTURE_SIZE[0] / DPI), inches[1] / (PICTURE_SIZE[1] / DPI))
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


def colouring_png(scene: Scene, stage: int, size: tuple[int, int] | Size = PICTURE_SIZE, *,
                  stamp: str) -> bytes:
    """A colouring sheet's picture as PNG bytes (greyscale: black lines on white)."""
    size = _sized(size)
    figure = colouring_figure(scene, stage, size, stamp=stamp)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=size.dpi, facecolor=PAPER)
    return buffer.getvalue()
