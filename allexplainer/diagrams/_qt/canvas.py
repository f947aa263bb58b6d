"""The matplotlib canvas of a diagram player. Importing this module imports matplotlib:
the player imports it only when it is first shown.

Frame cost that does not grow with the screen: while the diagram moves, matplotlib draws at
most ``MOTION_PIXELS`` pixels (the device pixel ratio is divided by a whole number on large
or high-density screens, and Qt scales the picture up); as soon as it stops (a held
stage end, a pause, a jump) it is drawn again at the screen's full resolution, so a still
picture is exactly a full redraw at full resolution.
"""

from __future__ import annotations

import math

import allexplainer.diagrams.drawing  # noqa: F401 (first: matplotlib then loads faster)

# isort: split
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from allexplainer.diagrams.drawing.renderer import SceneRenderer
from allexplainer.diagrams.scene import Scene
from allexplainer.reading_state import ReadingState

DPI = 100
# Physical pixels drawn per moving frame at most: a 1920x1080 canvas at ratio 1 draws every
# pixel; at ratio 2 (a HiDPI laptop or a 4K wall screen) motion is drawn at ratio 1.
MOTION_PIXELS = 1920 * 1080 * 1.05
# A still picture shown this long (not one of many while scrubbing) gets the next moving frame
# ready: pressing Next or Play then moves the picture at once.
AHEAD_MS = 120


class DiagramCanvas(FigureCanvasQTAgg):
    """Shows the states of one scene, blitting each frame."""

    def __init__(self, scene: Scene, state: ReadingState, parent: QWidget | None = None,
                 size: QSize | None = None) -> None:
        """``size``: the size the canvas will have when shown (the placeholder's), so the
        drawing is laid out once for it rather than first for matplotlib's default figure."""
        self._moving = False
        inches = None if size is None or size.isEmpty() else (size.width() / DPI,
                                                              size.height() / DPI)
        super().__init__(Figure(figsize=inches, dpi=DPI))
        self.setParent(parent)
        if inches is not None:
            self.resize(size)
            self._set_device_pixel_ratio(self._target_ratio())
        # The drawing keeps its light surface in the dark window theme on purpose: the cells'
        # Okabe-Ito fills, dark outlines and boxed labels were chosen and contrast-checked on a
        # light page, the same picture the nurse, the handout and the projector show; a dark
        # copy would need every fill and outline checked again. The window around it goes dark.
        self.scene_renderer = SceneRenderer(self.figure, scene, state.level)
        # keys go to the player, which owns the stage shortcuts
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(240, 135)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(scene.title.get(state.level))
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(AHEAD_MS)
        self._ahead.timeout.connect(self._prepare_ahead)

    # -- resolution ------------------------------------------------------------------------
    def screen_ratio(self) -> float:
        """The device pixel ratio of the screen the canvas is on."""
        return self.devicePixelRatioF() or 1.0

    def motion_ratio(self, width: int | None = None, height: int | None = None) -> float:
        """The pixel ratio moving frames are drawn at: the screen's, divided by the smallest
        whole number that keeps a frame within ``MOTION_PIXELS``."""
        screen = self.screen_ratio()
        width = self.width() if width is None else width
        height = self.height() if height is None else height
        physical = max(width, 1) * max(height, 1) * screen * screen
        return screen / max(1, math.ceil(math.sqrt(physical / MOTION_PIXELS)))

    @property
    def moving(self) -> bool:
        """Whether frames are drawn at the motion resolution."""
        return self._moving

    def set_moving(self, moving: bool) -> None:
        """Draw at the motion resolution (True) or the screen's full resolution (False);
        a change of resolution makes the next frame a full draw."""
        # moving frames paste sliding cells as pictures at whole pixels; a still one draws
        # them exactly where they are (a full draw)
        self.scene_renderer.sliding = moving
        if moving != self._moving:
            self._moving = moving
            self._update_pixel_ratio()

    def _target_ratio(self, width: int | None = None, height: int | None = None) -> float:
        return self.motion_ratio(width, height) if self._moving else self.screen_ratio()

    def _update_pixel_ratio(self) -> None:
        """matplotlib's hook for a change of screen, widened to the motion resolution."""
        if self._set_device_pixel_ratio(self._target_ratio()):
            self.resizeEvent(QResizeEvent(self.size(), self.size()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Resize the figure at the ratio this size is drawn at."""
        if getattr(self, "figure", None) is not None:
            size = event.size()
            self._set_device_pixel_ratio(self._target_ratio(size.width(), size.height()))
        super().resizeEvent(event)

    # -- showing ---------------------------------------------------------------------------
    def show_time(self, t: float, moving: bool = False) -> bool:
        """Draw the scene at time ``t``: a blitted frame (True), or a full draw on entering a
        stage or changing resolution (``moving`` frames at the motion resolution, others at
        full)."""
        self.set_moving(moving)
        shown = self.scene_renderer.show_time(t)
        if moving:
            self._ahead.stop()
        else:
            self._ahead.start()  # when still a moment: get the next moving frame ready
        return shown

    def _prepare_ahead(self) -> None:
        """Ready the first moving frame after a still one (``prepare_ahead``), when moving
        frames are drawn at the resolution of this still one (else that frame is a full draw
        at the motion resolution anyway)."""
        if self._moving:
            return
        if math.isclose(self.motion_ratio(), self.screen_ratio()):
            self.scene_renderer.prepare_ahead()
        else:  # the first moving frame is a full draw, but its labels need not be worked out
            self.scene_renderer.prepare_next_stage()

    def draw(self) -> None:
        """A full draw of the picture on show (a repaint, a resize, a change of look), never of
        the next frame readied while the picture was still."""
        if getattr(self, "scene_renderer", None) is not None:
            self.scene_renderer.unprepare()
        super().draw()
        # this draw is at the size and look now set: a draw still queued by a resize (a change
        # between the motion and the full resolution) would only draw the same picture again
        self._draw_pending = False

    def blit(self, bbox=None) -> None:
        """Repaint the part of the widget under ``bbox`` (canvas pixels), rounded outward so a
        fractional ratio never leaves an edge unpainted."""
        if bbox is None and self.figure:
            bbox = self.figure.bbox
        ratio = self.device_pixel_ratio
        height = self.figure.bbox.height
        x0, y0, x1, y1 = bbox.extents
        left, right = math.floor(x0 / ratio) - 1, math.ceil(x1 / ratio) + 1
        top, bottom = math.floor((height - y1) / ratio) - 1, math.ceil((height - y0) / ratio) + 1
        self.repaint(left, top, right - left, bottom - top)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Copy the asked-for part of the Agg buffer to the widget: an image over just that part
        of the buffer, turned into Qt's own pixel format (so only that part is converted), not
        blended (the buffer is opaque), scaled smoothly when drawn below the screen's
        resolution."""
        self._draw_idle()  # only does something if a draw is pending
        if not hasattr(self, "renderer"):
            return
        buffer = memoryview(self.renderer.buffer_rgba())
        height, width = buffer.shape[0], buffer.shape[1]
        ratio = self.device_pixel_ratio
        rect = event.rect()
        # the buffer's pixels under ``rect``, rounded outward and kept inside the buffer
        x0 = min(max(math.floor(rect.x() * ratio), 0), width)
        y0 = min(max(math.floor(rect.y() * ratio), 0), height)
        x1 = min(max(math.ceil((rect.x() + rect.width()) * ratio), x0), width)
        y1 = min(max(math.ceil((rect.y() + rect.height()) * ratio), y0), height)
        opaque = self.figure.get_facecolor()[3] >= 1.0
        painter = QPainter(self)
        try:
            if not opaque or width < self.width() * ratio or height < self.height() * ratio:
                painter.eraseRect(rect)  # see-through, or not yet drawn at this size
            if x1 > x0 and y1 > y0:
                stride = width * 4
                flat = buffer.cast("B")
                image = QImage(flat[y0 * stride + x0 * 4:], x1 - x0, y1 - y0, stride,
                               QImage.Format.Format_RGBX8888 if opaque
                               else QImage.Format.Format_RGBA8888)
                # Qt copies and scales its own format fastest: turning Agg's byte order into it
                # first (the same colours) is quicker than Qt doing so pixel by pixel on the way
                image = image.convertToFormat(QImage.Format.Format_RGB32 if opaque
                                              else QImage.Format.Format_ARGB32_Premultiplied)
                factor = self.screen_ratio() / ratio
                if not math.isclose(factor, round(factor)):
                    # a whole factor is pixel doubling, as on a screen of that lower density;
                    # a fractional one would show uneven pixels unless smoothed
                    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(QRectF(x0 / ratio, y0 / ratio, (x1 - x0) / ratio,
                                         (y1 - y0) / ratio), image)
            self._draw_rect_callback(painter)
        finally:
            painter.end()

    def set_high_contrast(self, on: bool) -> None:
        """For a projector: a pure white background, heavier outlines and black, bold words
        (or the usual soft look); redraws fully."""
        self.scene_renderer.set_high_contrast(on)
        self.draw()

    def set_words(self, scale: float, legend: bool) -> bool:
        """Labels and legend ``scale`` times their fitted size, the legend shown or hidden;
        redraws fully and returns True if anything changed."""
        renderer = self.scene_renderer
        before = (renderer.word_scale, renderer.legend_shown)
        renderer.word_scale = scale
        if before == (renderer.word_scale, bool(legend)):
            return False  # (a refit here would lay the same labels and legend out again)
        renderer.set_legend(legend)  # both set, then one refit
        self.draw()
        return True

    def close_renderer(self) -> None:
        """Stop the renderer listening to this canvas."""
        self._ahead.stop()
        self.scene_renderer.disconnect()
