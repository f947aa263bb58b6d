"""A faded drawing fades as one: its parts do not show through each other.

The blinatumomab molecule's arms overlap its linker. Faded layer by layer, the overlaps came
out as darker patches and every outline under a fill showed; faded as one, the molecule is
its opaque self laid over the page at the copy's opacity, in PNG pictures and SVG drawings
alike."""

from __future__ import annotations

import io

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from allexplainer import palette
from allexplainer.diagrams.drawing.artists import ActorArtists
from allexplainer.diagrams.layout import Placement
from allexplainer.diagrams.scene import Actor, ActorState

SIZE = 300  # pixels, a square canvas two scene units either way of the molecule


def _molecule(opacity: float, fmt: str = "png", clear: bool = False,
              size: float = 1.3, kind: str = "blinatumomab") -> np.ndarray:
    """A blinatumomab molecule, turned 40 degrees, at ``opacity`` on the diagram's page:
    the RGB pixels of the picture (an SVG is drawn back to pixels by Qt). ``clear``: drawn on
    a see-through canvas (as a sprite is before it is cut out), then laid on the page."""
    page = "none" if clear else palette.BACKGROUND
    figure = Figure(figsize=(SIZE / 100, SIZE / 100), dpi=100, facecolor=page)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    axes.set_xlim(-2.0, 2.0)
    axes.set_ylim(-2.0, 2.0)
    axes.set_axis_off()
    artists = ActorArtists(Actor("b", kind), axes)
    artists.update((Placement(0.0, 0.0, size, 40.0, opacity),), ActorState())
    for artist in artists.artists():
        artist.set_animated(False)  # drawn with the figure, as a saved picture is
    buffer = io.BytesIO()
    canvas.print_figure(buffer, format=fmt, dpi=100, facecolor=page)
    if fmt == "png":
        drawn = Image.open(buffer).convert("RGBA")
        if clear:
            under = Image.new("RGBA", drawn.size, palette.BACKGROUND)
            drawn = Image.alpha_composite(under, drawn)
        return np.asarray(drawn.convert("RGB"), dtype=float)
    svg = QSvgRenderer(buffer.getvalue())
    image = QImage(SIZE, SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    svg.render(painter)
    painter.end()
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    row = image.bytesPerLine()
    data = np.frombuffer(image.constBits(), np.uint8)[: row * SIZE].reshape(SIZE, row)
    return data[:, : SIZE * 3].reshape(SIZE, SIZE, 3).astype(float)


def _page() -> np.ndarray:
    return np.array(QColor(palette.BACKGROUND).getRgb()[:3], dtype=float)


# a small picture is laid down by Agg, a large one (over PAINTER_PIXELS) by QPainter
SIZES = pytest.mark.parametrize("size", [1.3, 2.4], ids=["small", "large"])


@SIZES
@pytest.mark.parametrize("clear", [False, True], ids=["on the page", "on a clear canvas"])
@pytest.mark.parametrize("opacity", [0.45, 0.7])
def test_a_faded_molecule_is_its_opaque_self_laid_over_the_page(opacity, clear, size):
    opaque, faded = _molecule(1.0, size=size), _molecule(opacity, clear=clear, size=size)
    expected = _page() + opacity * (opaque - _page())
    drawn = np.any(np.abs(opaque - _page()) > 8, axis=2)
    assert drawn.sum() > 2000  # the molecule is there
    # every pixel within rounding of the opaque molecule over the page: no darker overlaps
    assert np.abs(faded - expected).max() <= 3


def test_where_the_arms_meet_the_linker_is_no_darker_than_the_arm():
    """The look that was wrong: the circles where the linker joins each arm came out as
    darker spots. The faded picture has only the colours of the opaque one, faded."""
    opaque, faded = _molecule(1.0), _molecule(0.45)
    opaque_colours = {tuple(c) for c in opaque.reshape(-1, 3).astype(int)}
    faded_colours = {tuple(c) for c in faded.reshape(-1, 3).astype(int)}
    # as many distinct colours at most (give or take the rounding of a fade): nothing new
    # appears where layers overlap
    assert len(faded_colours) <= len(opaque_colours) * 1.05


def test_an_svg_drawing_shows_the_faded_molecule_as_the_png_does():
    png, svg = _molecule(0.45), _molecule(0.45, "svg")
    drawn = np.any(np.abs(png - _page()) > 8, axis=2)
    # the same place and colours; the SVG's picture is finer, so its edges differ a little
    assert np.abs(svg[drawn] - png[drawn]).mean() < 6
    assert np.any(np.abs(svg - _page()) > 8, axis=2).sum() == pytest.approx(drawn.sum(), rel=0.1)


@pytest.mark.parametrize("size", [1.3, 3.5], ids=["small", "large"])
def test_a_faded_molecule_half_out_of_the_drawing_is_cut_at_its_edge(size):
    figure = Figure(figsize=(SIZE / 100, SIZE / 100), dpi=100, facecolor=palette.BACKGROUND)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_axes((0.0, 0.0, 0.5, 1.0))  # the drawing is the left half of the canvas
    axes.set_xlim(-1.0, 1.0)
    axes.set_ylim(-2.0, 2.0)
    axes.set_axis_off()
    artists = ActorArtists(Actor("b", "blinatumomab"), axes)
    artists.update((Placement(1.0, 0.0, size, 0.0, 0.45),), ActorState())  # across its edge
    for artist in artists.artists():
        artist.set_animated(False)
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())[..., :3].astype(float)
    left, right = pixels[:, : SIZE // 2 - 1], pixels[:, SIZE // 2 + 1:]
    assert np.any(np.abs(left - _page()) > 8)  # the half inside is drawn
    assert np.abs(right - _page()).max() == 0  # the half outside is not


def test_a_receptor_drawn_large_fades_as_one_and_one_on_a_cell_part_by_part():
    """A close-up CD19 fades as one picture; the small ones standing on a cell (dozens at a
    time) are faded part by part, where their two parts barely overlap."""
    large = _molecule(1.0, size=2.4, kind="cd19"), _molecule(0.45, size=2.4, kind="cd19")
    expected = _page() + 0.45 * (large[0] - _page())
    assert np.abs(large[1] - expected).max() <= 3
    small = _molecule(1.0, size=0.5, kind="cd19"), _molecule(0.45, size=0.5, kind="cd19")
    expected = _page() + 0.45 * (small[0] - _page())
    assert np.abs(small[1] - expected).max() > 3  # its parts show through each other a little
