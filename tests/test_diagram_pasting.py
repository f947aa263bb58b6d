"""Pictures pasted on the Agg buffer keep their colours: a red cell stays red, and faded,
scaled pictures give the very bytes Qt gives when it reads both sides as the RGBA they are."""

from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Circle
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter, QTransform

from allexplainer.diagrams.drawing.sprites import Paster, cut_out

WIDTH, HEIGHT = 240, 160
CENTRE = (80, 70)  # pixels, y up


class _Cell(Circle):
    """A circle that tells its pixel box with its outline, as the app's artists do."""

    def display_extent(self) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = self.get_window_extent().extents
        return (x0 - 3, y0 - 3, x1 + 3, y1 + 3)


def _drawn(colour, alpha, cut: bool):
    """A soft-edged circle drawn by Agg on a clear canvas: (picture, left, top, renderer) cut
    out as the app does, or (None, 0, 0, renderer) with it left on the canvas."""
    figure = Figure(figsize=(WIDTH / 100, HEIGHT / 100), dpi=100)
    renderer = FigureCanvasAgg(figure).get_renderer()
    renderer.clear()
    circle = _Cell(CENTRE, 40, transform=None, facecolor=colour, edgecolor="black",
                    linewidth=3, alpha=alpha)
    circle.set_figure(figure)
    if cut:
        image, left, top, _ = cut_out([circle], renderer, HEIGHT)
        return image, left, top, renderer
    circle.draw(renderer)
    return None, 0, 0, renderer


def _pixels(renderer) -> np.ndarray:
    return np.asarray(renderer.buffer_rgba())


def _pastes():
    """Two pastes: faded where it was drawn, and fainter, grown and moved (smoothed)."""
    grown = QTransform().translate(90, 60).scale(1.17, 1.17).translate(-80, -70)
    return [(QTransform(), 0.35), (grown, 0.6)]


def test_a_red_picture_pasted_on_white_is_red():
    image, left, top, renderer = _drawn((1.0, 0.0, 0.0), 1.0, cut=True)
    _pixels(renderer)[:] = 255  # an opaque white page
    paster = Paster(renderer)
    paster.add_transformed(image, QPointF(left, top), QTransform(), 1.0)
    paster.flush()
    assert tuple(_pixels(renderer)[HEIGHT - CENTRE[1], CENTRE[0]]) == (255, 0, 0, 255)
    assert tuple(_pixels(renderer)[0, 0]) == (255, 255, 255, 255)  # the page around it


def test_faded_and_scaled_pictures_give_the_bytes_of_qt_s_rgba_blend():
    colour = (0.0, 0.45, 0.7)
    image, left, top, renderer = _drawn(colour, 0.8, cut=True)
    straight = np.ascontiguousarray(
        _pixels(_drawn(colour, 0.8, cut=False)[3])[top:top + image.height(),
                                                   left:left + image.width()])
    page = np.random.default_rng(7).integers(0, 256, (HEIGHT, WIDTH, 4), dtype=np.uint8)
    page[..., 3] = 255

    # the reference: Qt reading Agg's bytes as straight RGBA, the opaque page as premultiplied
    reference = page.copy()
    target = QImage(reference.data, WIDTH, HEIGHT, WIDTH * 4,
                    QImage.Format.Format_RGBA8888_Premultiplied)
    picture = QImage(straight.data, image.width(), image.height(), image.width() * 4,
                     QImage.Format.Format_RGBA8888).convertToFormat(
        QImage.Format.Format_RGBA8888_Premultiplied)
    painter = QPainter(target)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    for transform, opacity in _pastes():
        painter.setTransform(transform)
        painter.setOpacity(opacity)
        painter.drawImage(QPointF(left, top), picture)
    painter.end()

    _pixels(renderer)[:] = page
    paster = Paster(renderer)
    for transform, opacity in _pastes():
        paster.add_transformed(image, QPointF(left, top), transform, opacity)
    paster.flush()
    assert not np.array_equal(reference, page)  # something was pasted
    assert np.array_equal(_pixels(renderer), reference)
